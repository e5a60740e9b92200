"""Names of people the actor base does not know: their shape, and Russian ones in Latin.

A person name is a run of capitalised words ("Steffen Hebestreit", "Jean-Yves
Le Drian") with lowercase particles inside. Where it is taken as a person is
decided by the caller (after a role cue, in a byline, when it opens with a
known given name); this module only reads shapes, turns bylines' "Surname
Given" into "Given Surname", and writes Russian names in the nominative and in
Latin letters the way English Wikipedia does (Хаканом Фиданом → Hakan Fidan).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

__all__ = ["NAME_WORD", "name_run", "canonical_name", "transliterate", "russian_nominative"]

NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][a-zß-öø-ÿā-žа-яёіїєґ'’]+(?:-[A-ZÀ-ÖØ-ÞА-ЯЁa-zß-öø-ÿа-яё][a-zß-öø-ÿā-žа-яё'’]+)*\.?$")
_INITIAL = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ]\.$")


def name_run(doc: Doc, start: int, particles: set[str], limit: int = 4, stop: set[int] | None = None,
             not_names: frozenset[str] | set[str] = frozenset()) -> int:
    """End token of the capitalised name starting at ``start`` (== start when none).

    Stops at a token index in ``stop`` (known actors), at line breaks and
    after ``limit`` words; a particle counts only between two name words.
    """
    end = start
    words = 0
    i = start
    while i < len(doc) and words < limit:
        token = doc[i]
        if (stop and i in stop) or token.text in not_names:
            break
        if NAME_WORD.match(token.text) or _INITIAL.match(token.text):
            if token.text.endswith(".") and not _INITIAL.match(token.text):
                break
            words += 1
            i += 1
            end = i
            if token.whitespace_ and "\n" in token.whitespace_:
                break
            continue
        if token.text in particles and i + 1 < len(doc) and NAME_WORD.match(doc[i + 1].text) and words:
            i += 1
            continue
        break
    return end


def canonical_name(words: list[str], given: set[str]) -> str:
    """"Kudrenok Tatyana" → "Tatyana Kudrenok" when only the last word is a given name."""
    if len(words) == 2 and words[1] in given and words[0] not in given:
        words = [words[1], words[0]]
    return " ".join(words)


_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}


def _latin_word(word: str) -> str:
    lower = word.lower()
    lower = re.sub(r"(?:ий|ый)$", "y", lower)  # Dmitry, Yury: English Wikipedia's usual ending
    lower = re.sub(r"ия$", "ia", lower)  # Maria, Natalia
    out = []
    for index, ch in enumerate(lower):
        piece = _LATIN.get(ch, ch)
        if ch == "е" and (index == 0 or lower[index - 1] in "аеёиоуыэюяьъ"):
            piece = "ye"
        out.append(piece)
    text = "".join(out)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


def transliterate(name: str) -> str:
    """Cyrillic to Latin, word by word (Сергей Лавров → Sergey Lavrov)."""
    return " ".join("-".join(_latin_word(part) for part in word.split("-")) for word in name.split())


def russian_nominative(words: list[str]) -> list[str]:
    """Each word of a Russian name put back in the nominative (Хаканом Фиданом → Хакан Фидан)."""
    from ...resources.actor_forms import _morph

    result = []
    for word in words:
        parses = [p for p in _morph().parse(word) if p.tag.POS == "NOUN" and p.tag.case]
        if any(p.tag.case == "nomn" and p.tag.number != "plur" for p in parses) or word.endswith(
                ("ов", "ев", "ин", "ский", "цкий")):
            result.append(word)  # already a nominative reading: keep the name as written
            continue
        named = [p for p in parses if any(t in p.tag for t in ("Name", "Surn", "Patr"))]
        best = word
        for parse in (named or parses)[:1]:
            nominative = parse.inflect({"nomn"})
            if nominative is not None:
                best = nominative.word[:1].upper() + nominative.word[1:]
        result.append(best)
    return result
