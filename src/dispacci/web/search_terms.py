"""What a search box query means: actors by any of their names, words in any of their forms.

Syntax (shown on the search page):

- ``sanctions Russia`` — every word must occur, in any of its forms
  (``санкция`` finds ``санкции``, ``санкций``; ``sanzioni`` finds ``sanzione``);
- ``"exact phrase"`` — the words as written, in that order;
- ``actor:Putin`` or ``actor:vladimir-putin`` — articles whose entities the
  pipeline linked to that actor, whatever language names them;
- a query that is as a whole a name in the actor base (``Poutine``,
  ``Путин``, ``Putin``) means that actor; quote it to search the letters only.

Russian forms come from pymorphy3 (every form of the word's lexeme); other
languages from simplemma (the lemma, searched as the stem the word and its
lemma share). Both are offline.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..morphology import analyses

__all__ = ["ParsedQuery", "parse_query", "word_forms", "actors_named", "alias_index", "actor_labels"]

_TOKEN = re.compile(r'actor:"([^"]+)"|actor:(\S+)|"([^"]+)"|(\S+)')
_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_LANGS = ("en", "it", "fr", "de", "es")
_lock = threading.Lock()


@dataclass
class ParsedQuery:
    """``groups``: one list of alternatives per word, each (text, is_prefix); ``phrases``: exact
    word sequences; ``actor_names``: names the reader asked for as actors."""

    groups: list[list[tuple[str, bool]]] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    actor_names: list[str] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return bool(self.groups or self.phrases)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def word_forms(word: str) -> list[tuple[str, bool]]:
    """The alternatives a word stands for: (form, False) exact forms or (stem, True) prefixes."""
    lower = word.casefold()
    found: list[tuple[str, bool]] = [(lower, False)]
    if len(lower) < 4 or lower.isdigit():
        return found
    if _CYRILLIC.search(lower):
        with _lock:
            parses = analyses(_morph(), lower)[:2]
        for parse in parses:
            for form in parse.lexeme:
                if (form.word, False) not in found:
                    found.append((form.word, False))
        return found
    import simplemma

    lemma = simplemma.lemmatize(lower, lang=_LATIN_LANGS).casefold()
    if lemma and lemma != lower:
        found.append((lemma, False))
    # the stem the word and its lemma share, or the lemma less its ending: "sanzioni",
    # "sanzione" → "sanzion*"; a stem shorter than five letters would find unrelated words
    plain_word, plain_lemma = _plain(lower), _plain(lemma or lower)
    stems = [_common_prefix(plain_word, plain_lemma)]
    if len(plain_lemma) >= 6:
        stems.append(plain_lemma[:max(5, len(plain_lemma) - 2)])
    stems = [stem for stem in stems if len(stem) >= 5]
    if stems:
        found.append((min(stems, key=len), True))
    return found


def _plain(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def parse_query(query: str, is_actor_name) -> ParsedQuery:
    """The query's parts; ``is_actor_name(text)`` says whether a whole query names an actor."""
    parsed = ParsedQuery()
    plain = query.strip()
    if plain and not any(ch in plain for ch in '":') and is_actor_name(plain):
        parsed.actor_names.append(plain)
        return parsed
    for actor_quoted, actor_bare, phrase, word in _TOKEN.findall(plain):
        if actor_quoted or actor_bare:
            parsed.actor_names.append(actor_quoted or actor_bare)
        elif phrase:
            words = [w.casefold() for w in _WORD.findall(phrase)]
            if words:
                parsed.phrases.append(words)
        else:
            for part in _WORD.findall(word):
                parsed.groups.append(word_forms(part))
    return parsed


@lru_cache(maxsize=4)
def alias_index(actor_files: tuple[str, ...] = (), resource_dirs: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """Every name of every actor in every language (casefolded) → actor ids."""
    from ..resources.actors import LANGUAGES, load_actor_base

    base = load_actor_base(actor_files, resource_dirs)
    index: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        for form, ids in base.aliases(lang).items():
            index.setdefault(_norm(form), set()).update(ids)
    for actor_id in base.actors:
        index.setdefault(_norm(actor_id), set()).add(actor_id)
    return {form: tuple(sorted(ids)) for form, ids in index.items()}


def actors_named(name: str, actor_files: tuple[str, ...] = (), resource_dirs: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The actor ids a name stands for in any language ("Poutine", "Путина" → vladimir-putin)."""
    return alias_index(tuple(actor_files), tuple(resource_dirs)).get(_norm(name), ())


def actor_labels(ids, actor_files: tuple[str, ...] = (), resource_dirs: tuple[str, ...] = ()) -> dict[str, str]:
    """Actor id → its name in the actor base (the id itself when the base does not know it)."""
    from ..resources.actors import load_actor_base

    base = load_actor_base(tuple(actor_files), tuple(resource_dirs))
    return {actor_id: (base.get(actor_id).name if base.get(actor_id) else actor_id) for actor_id in ids}
