"""Persuasion-technique lexicons: phrases per language and technique, matched on tokens.

The data is ``techniques/<lang>.yaml`` (see its README): per language, per
SemEval-2023 Task 3 label, a ``score`` and ``phrases``. Each phrase word matches a
token's lower-cased form or lemma; ``word*`` is a prefix, ``<ENT>`` one mention of
the entities layer, ``...`` up to four words of any kind. Phrase words are split by
the language's own tokenizer, so "l'unica" matches however the article's tokens fall.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ...errors import Errors, ResourceError
from ...record import TECHNIQUES
from ...resources import load_resource

__all__ = ["Lexicon", "LexiconMatch", "load_lexicon", "ENTITY_SLOT", "GAP", "GAP_WORDS"]

NAME = "techniques"
ENTITY_SLOT = "<ENT>"
GAP, GAP_WORDS = "...", 4
_STEM = 3


@dataclass(frozen=True)
class _Word:
    text: str  # lower-cased
    prefix: bool = False
    entity: bool = False
    gap: bool = False

    def matches(self, form: str, lemma: str) -> bool:
        if self.prefix:
            return form.startswith(self.text) or lemma.startswith(self.text)
        return form == self.text or lemma == self.text


@dataclass(frozen=True)
class _Entry:
    technique: str
    score: float
    words: tuple[_Word, ...]
    phrase: str


@dataclass(frozen=True)
class LexiconMatch:
    technique: str
    score: float
    start: int  # token indices
    end: int
    phrase: str


class Lexicon:
    def __init__(self, entries: list[_Entry]):
        self.entries = entries
        self.by_first: dict[str, list[_Entry]] = {}
        self.by_stem: dict[str, list[_Entry]] = {}  # first word a prefix: by its first _STEM characters
        self.loose: list[_Entry] = []  # first word a slot, or a prefix shorter than _STEM
        for entry in entries:
            first = entry.words[0]
            if first.prefix and len(first.text) >= _STEM:
                self.by_stem.setdefault(first.text[:_STEM], []).append(entry)
            elif first.prefix or first.entity or first.gap:
                self.loose.append(entry)
            else:
                self.by_first.setdefault(first.text, []).append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def matches(self, doc: Doc, entity_ends: dict[int, int]) -> list[LexiconMatch]:
        """Every match in the doc; ``entity_ends`` maps a mention's first token to the token after it."""
        forms = [t.lower_ for t in doc]
        lemmas = [t.lemma_.lower() if t.lemma_ else t.lower_ for t in doc]
        found: list[LexiconMatch] = []
        for i in range(len(doc)):
            stems = {forms[i][:_STEM], lemmas[i][:_STEM]}
            candidates = [*self.by_first.get(forms[i], ()), *(self.by_first.get(lemmas[i], ())
                                                              if lemmas[i] != forms[i] else ()),
                          *(e for stem in stems for e in self.by_stem.get(stem, ())), *self.loose]
            for entry in candidates:
                end = _match(entry.words, 0, i, forms, lemmas, entity_ends)
                if end is not None:
                    found.append(LexiconMatch(entry.technique, entry.score, i, end, entry.phrase))
        return found


def _match(words, w: int, i: int, forms, lemmas, entity_ends) -> int | None:
    """The token after a match of ``words[w:]`` starting at token ``i``, or None."""
    if w == len(words):
        return i
    if i >= len(forms):
        return None
    word = words[w]
    if word.entity:
        end = entity_ends.get(i)
        return _match(words, w + 1, end, forms, lemmas, entity_ends) if end is not None else None
    if word.gap:
        for skip in range(0, GAP_WORDS + 1):
            end = _match(words, w + 1, i + skip, forms, lemmas, entity_ends)
            if end is not None:
                return end
        return None
    if not word.matches(forms[i], lemmas[i]):
        return None
    return _match(words, w + 1, i + 1, forms, lemmas, entity_ends)


def _words(phrase: str, tokenizer) -> tuple[_Word, ...]:
    words: list[_Word] = []
    for raw in phrase.split():
        if raw == ENTITY_SLOT:
            words.append(_Word(raw, entity=True))
            continue
        if raw == GAP:
            words.append(_Word(raw, gap=True))
            continue
        prefix = raw.endswith("*") and len(raw) > 1
        pieces = [t.lower_ for t in tokenizer(raw.rstrip("*") if prefix else raw)]
        words.extend(_Word(p) for p in pieces[:-1])
        if pieces:
            words.append(_Word(pieces[-1], prefix=prefix))
    return tuple(words)


def load_lexicon(lang: str, tokenizer, resources: tuple[str, ...] = ()) -> Lexicon:
    """The lexicon of ``lang`` from the bundled and the user's ``techniques/*.yaml``."""
    table = load_resource(NAME, resources) or {}
    if not isinstance(table, dict):
        raise ResourceError("E160", Errors.E160.format(name=NAME, reason="must map language codes to techniques"))
    entries: list[_Entry] = []
    for block in ("any", lang):
        techniques = table.get(block) or {}
        if not isinstance(techniques, dict):
            raise ResourceError("E160", Errors.E160.format(name=NAME, reason=f"'{block}' must map techniques to entries"))
        for technique, entry in techniques.items():
            if technique not in TECHNIQUES:
                raise ResourceError("E161", Errors.E161.format(label=technique, name=f"{NAME}/{block}",
                                                              examples=", ".join(TECHNIQUES[:3])))
            entries.extend(_entries(technique, entry, block, tokenizer))
    return Lexicon(entries)


def _entries(technique: str, entry, block: str, tokenizer) -> list[_Entry]:
    where = f"{NAME}: '{block}.{technique}'"
    if not isinstance(entry, dict) or not isinstance(entry.get("phrases", []), list):
        raise ResourceError("E160", Errors.E160.format(name=where, reason="must have a 'phrases' list and a 'score'"))
    score = entry.get("score", 0.5)
    if not isinstance(score, (int, float)) or not 0 <= score <= 1:
        raise ResourceError("E160", Errors.E160.format(name=where, reason=f"score {score!r} is not between 0 and 1"))
    found = []
    for phrase in entry.get("phrases") or []:
        if not isinstance(phrase, str) or not phrase.strip():
            raise ResourceError("E160", Errors.E160.format(name=where, reason=f"phrase {phrase!r} is not text; "
                                                                              "quote words YAML reads otherwise"))
        words = _words(phrase, tokenizer)
        if words and not all(w.entity or w.gap for w in words):
            found.append(_Entry(technique, float(score), words, phrase))
    return found
