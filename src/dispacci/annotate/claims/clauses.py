"""Where a claim's clause ends, and the short phrase that sums it up.

The clause is cut by punctuation, which does not depend on a parse: a semicolon, a
colon or a dash, or a conjunction followed by a comma that opens an inserted phrase
("… e le truppe ucraine e, a partire dal 25 marzo, hanno completato …": a second
clause starts at "e,"). The summary reads the parse where there is one: the clause's
first verb with the noun phrases before and after it, in lemmas ("Forze Armate colpire
infrastruttura militare"); without a parse it is the clause's first words.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

__all__ = ["clause_end", "trim", "summary", "SUMMARY_WORDS"]

SUMMARY_WORDS = 10  # the fallback summary: this many first words of the clause
_BREAK = re.compile(r"\s*(?:;|:(?!\d)|\s[–—-]\s)")
_CONJ_COMMA = re.compile(r"\s(\w+)\s*,")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_TRAILING = " \t\n.,;:!?…"
_LEADING = " \t\n,;:–—-"
_NOUNS = ("NOUN", "PROPN")
_SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass", "csubj", "sb")
_MODIFIERS = ("amod", "acl", "nmod", "compound")  # a participle used as an adjective is not the predicate


def clause_end(text: str, start: int, limit: int, conjunctions: frozenset[str]) -> int:
    """The end of the clause opening at ``start``, no later than ``limit`` (its sentence's end)."""
    stop = limit
    found = _BREAK.search(text, start, stop)
    if found and found.start() > start:
        stop = found.start()
    for match in _CONJ_COMMA.finditer(text, start, stop):
        if match.group(1).lower() in conjunctions and match.start() > start:
            return match.start()
    return stop


def trim(text: str, start: int, end: int, conjunctions: frozenset[str]) -> tuple[int, int]:
    """``start``/``end`` without surrounding spaces and punctuation, nor a conjunction left at the end."""
    while start < end and text[start] in _LEADING:
        start += 1
    while True:
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        words = list(_WORD.finditer(text, start, end))
        if len(words) > 1 and words[-1].end() == end and words[-1].group().lower() in conjunctions:
            end = words[-1].start()
            continue
        break
    if end > start and text[end - 1] in "»”\"’" and text.count(text[end - 1], start, end) == 1 \
            and not re.search(r"[«“„\"‘]", text[start:end - 1]):
        end -= 1  # a closing mark whose opening mark is outside the claim
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _word(token: Token) -> str:
    if token.pos_ == "PROPN" or not token.lemma_:
        return token.text if token.pos_ == "PROPN" else token.lower_
    return token.lemma_.lower()


def _phrase(tokens: list[Token], index: int) -> list[str]:
    """The noun at ``index`` with the adjectives and names right beside it."""
    head = tokens[index]
    begin = index
    while begin > 0 and tokens[begin - 1].pos_ == "ADJ":
        begin -= 1
    end = index + 1
    while end < len(tokens) and (tokens[end].pos_ == "ADJ" or (head.pos_ == "PROPN" and tokens[end].pos_ == "PROPN")):
        end += 1
    return [_word(t) for t in tokens[begin:end]]


def summary(doc: Doc, start: int, end: int, negations: frozenset[str],
            skip: tuple[int, int] | None = None) -> str | None:
    """Subject, negation, predicate and object of the claim's clause, in lemmas (the cue, ``skip``, left out)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tokens = [t for t in span if skip is None or not skip[0] <= t.idx < skip[1]]
    if not tokens:
        return None
    verbs = [i for i, t in enumerate(tokens) if t.pos_ == "VERB" and t.dep_ not in _MODIFIERS
             and not (i and tokens[i - 1].text == "-")] if doc._.parsed else []
    if not verbs and doc._.parsed:  # "the results are of paramount importance": the copula of the main clause
        relative = next((i for i, t in enumerate(tokens) if t.pos_ in ("PRON", "SCONJ")), len(tokens))
        verbs = [i for i, t in enumerate(tokens[:relative]) if t.pos_ == "AUX"]
    content = [i for i, t in enumerate(tokens) if t.pos_ not in ("DET", "PUNCT", "ADP", "CCONJ", "SCONJ")]
    if not verbs and content and tokens[content[0]].pos_ in _NOUNS:  # "la protezione delle persone che …"
        nouns = [i for i in content if tokens[i].pos_ in _NOUNS][:2]
        return " ".join(w for i in nouns for w in _phrase(tokens, i))
    if not verbs:
        words = [w for t in tokens for w in _WORD.findall(t.text)]
        return " ".join(words[:SUMMARY_WORDS]).lower() or None
    verb = verbs[0]
    subjects = [i for i, t in enumerate(tokens) if t.dep_ in _SUBJECTS and t.pos_ in (*_NOUNS, "PRON")]
    subjects = subjects or [i for i in range(verb) if tokens[i].pos_ in _NOUNS][-1:]
    subject = subjects[0] if subjects else None
    parts: list[str] = []
    if subject is not None:
        parts += _phrase(tokens, subject) if tokens[subject].pos_ in _NOUNS else [tokens[subject].lower_]
    parts += [t.lower_ for t in tokens[:verb] if t.lower_ in negations]
    parts.append(_word(tokens[verb]))
    nouns = [i for i, t in enumerate(tokens) if t.pos_ in _NOUNS and i != subject
             and (subject is None or abs(i - subject) > 1 or tokens[subject].pos_ != "PROPN")]
    objects = [i for i in nouns if i > verb] or [i for i in nouns if subject is None or i > subject]
    if objects:
        parts += _phrase(tokens, objects[0])
    return " ".join(parts)
