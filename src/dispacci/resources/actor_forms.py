"""Inflected surface forms of Russian aliases, generated once at compile time.

Russian names decline ("Путин", "Путина", "Путину", "Хаканом Фиданом"); the
matcher works on surface forms, so every Russian alias is expanded into its
six cases with pymorphy3 when the actor base is compiled (and cached), and
``ё`` is also written as ``е`` as most newsrooms do. Words pymorphy3 cannot
read as a nominative (acronyms, unknown stems) are kept as written; the data
may list their oblique forms itself.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .cache import read_cached, write_cached

__all__ = ["russian_forms", "load_forms_memo", "save_forms_memo"]

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_NAME_TAGS = ("Surn", "Name", "Geox", "Patr")


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _shape(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _nominative_parse(word: str):
    parses = [p for p in _morph().parse(word) if p.tag.case == "nomn" and p.tag.POS in ("NOUN", "ADJF", "PRTF")]
    if not parses:
        return None
    if word[:1].isupper():
        named = [p for p in parses if any(tag in p.tag for tag in _NAME_TAGS)]
        parses = named or parses
    return parses[0]


@lru_cache(maxsize=100000)
def _word_forms(word: str) -> dict[str, str] | None:
    """case → form of one word, in the number it was written in; None if unknown."""
    if len(word) < 3 or (word.isupper() and len(word) > 1):
        return None
    if "-" in word:  # "Касым-Жомарт": decline each part
        parts = [_word_forms(part) for part in word.split("-")]
        if not all(parts):
            return None
        return {case: "-".join(p[case] for p in parts) for case in _CASES if all(case in p for p in parts)}
    parse = _nominative_parse(word)
    if parse is None:
        return _surname_forms(word)
    forms = {}
    for case in _CASES:
        inflected = parse.inflect({case, parse.tag.number} if parse.tag.number else {case})
        if inflected is not None:
            forms[case] = _shape(inflected.word, word)
    return forms or None


def _surname_forms(word: str) -> dict[str, str] | None:
    """Surnames pymorphy3 does not know ("Токаев"): the regular -ов/-ев/-ин declension."""
    if not word[:1].isupper():
        return None
    if word.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return dict(zip(_CASES, (word, word + "а", word + "у", word + "а", word + "ым", word + "е")))
    if word.endswith(("ова", "ева", "ёва", "ина", "ына")):
        stem = word[:-1]
        return dict(zip(_CASES, (word, stem + "ой", stem + "ой", stem + "у", stem + "ой", stem + "ой")))
    return None


# alias → forms, kept on disk between compilations (pymorphy3 is slow to inflect thousands of names)
_MEMO: dict[str, tuple[str, ...]] = {}
_memo_size_at_load = 0


def load_forms_memo(path: Path) -> None:
    global _memo_size_at_load
    stored = read_cached(path, {})
    if isinstance(stored, dict):
        _MEMO.update(stored)
    _memo_size_at_load = len(_MEMO)


def save_forms_memo(path: Path) -> None:
    if len(_MEMO) != _memo_size_at_load:
        write_cached(path, _MEMO)


def russian_forms(alias: str) -> tuple[str, ...]:
    """The alias and its case forms: "Сергей Лавров" → "Сергея Лаврова", ...

    A lowercase one-word adjective (a demonym: "российский") gets every form
    of its lexeme (genders, numbers, cases).
    """
    known = _MEMO.get(alias)
    if known is None:
        known = _MEMO[alias] = _russian_forms(alias)
    return known


def _russian_forms(alias: str) -> tuple[str, ...]:
    found = {alias}
    words = alias.split()
    if len(words) == 1 and alias.islower():
        parse = _nominative_parse(alias)
        if parse is not None and parse.tag.POS == "ADJF":
            found.update(form.word for form in parse.lexeme if form.tag.POS == "ADJF")
    per_word = [_word_forms(word) for word in words]
    if any(per_word):
        for case in _CASES:
            found.add(" ".join((forms or {}).get(case, word) for word, forms in zip(words, per_word)))
    found.update({form.replace("ё", "е").replace("Ё", "Е") for form in found})
    return tuple(sorted(found))
