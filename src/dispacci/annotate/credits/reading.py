"""Readings the credit rules share: the verb a span is the subject of, whether a position
opens a sentence, and the provenance chain from origin to publisher."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ...record import Credit

__all__ = ["opens_sentence", "provenance_chain", "subject_verb"]

_SENTENCE_BREAK = re.compile(r"[.!?…\n][\"»”’)\]]*\s*$")
_OPENERS = " \t\"«“„‘(–—-•"


def subject_verb(doc: Doc, start: int, end: int, lift: bool = False):
    """The verb whose subject the words at ``start:end`` are, on the parse; None otherwise.
    ``lift``: a name beside a noun ("l'agenzia Reuters", "агентство Reuters") speaks through it."""
    if not (doc.has_extension("parsed") and doc._.parsed):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    while lift and head.dep_.split(":")[0] in ("appos", "flat", "nmod", "compound") and head.head != head \
            and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if head.dep_ not in ("nsubj", "nsubj:pass", "obl:agent") or head.head == head:
        return None
    verb = head.head
    if verb.dep_.startswith("aux") and verb.head != verb:
        verb = verb.head  # the subject hung on the auxiliary: "Die Regierung hat … erklärt"
    return verb


def opens_sentence(text: str, position: int) -> bool:
    """True when only opening punctuation stands between ``position`` and the sentence start."""
    cursor = position
    while cursor > 0 and text[cursor - 1] in _OPENERS:
        cursor -= 1
    return cursor == 0 or bool(_SENTENCE_BREAK.search(text[max(0, cursor - 4):cursor]))


def provenance_chain(credits: list[Credit], exclude: set[str] = frozenset(),
                     via: dict[str, str] | None = None) -> list[str]:
    """From who first said it to who published it: origins in order of mention, each after
    the spokesperson who spoke for it (``via``), then wires from the one cited to the one
    citing (an article names its own agency first), then the publisher."""
    via = via or {}
    origins = [step for c in credits if c.role == "origin" for step in (via.get(c.name), c.name) if step]
    wires = [c.name for c in credits if c.role == "wire" and c.name not in exclude]
    publishers = [c.name for c in credits if c.role == "publisher"]
    return list(dict.fromkeys([*origins, *reversed(wires), *publishers]))
