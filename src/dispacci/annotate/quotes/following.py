"""The sentence after a quote that takes it back: "«…». Lo rende noto la Farnesina.", "„…“ Das
teilte das Ministerium mit.", "«…». Así lo ha explicado Sánchez.", "«…». Так заявил Песков."

Read on the parse: the next sentence has a verb of saying (or a verb whose complement is one:
"rende noto", "fa sapere") that introduces no clause of its own, and a word of the ``anaphors``
list hanging from it ("lo", "das", "así", "так") points back to the quote. The verb's subject
speaks; where the parser took the pronoun for the subject ("Das teilte das Ministerium mit"),
the noun phrase beside the verb does.
"""
from __future__ import annotations

from .syntax import token_at

__all__ = ["taken_back"]


def taken_back(speakers, anaphors: set[str], verbs: set[str], reading, begin: int, para_end: int, position: int):
    """(verb, (speaker, actor)) for the sentence starting at ``begin``, or None."""
    if not reading.parsed or not anaphors:
        return None
    first = token_at(reading.doc, begin)
    if first is None or first.idx >= para_end:
        return None
    parse = speakers.parse
    sent = first.sent
    candidates = [t for t in sent if t.pos_ in ("VERB", "AUX") and not parse.reported(t) and (parse.reporting(t) or any(
        c.dep_ in ("xcomp", "compound", "compound:prt") and c.lower_ in verbs for c in t.children))]
    if not candidates:
        return None
    verb = candidates[0]
    back = [t for t in sent if t.lower_ in anaphors and (t.head == verb or t.head.head == verb)]
    if not back:
        return None
    subjects = [t for t in parse.subjects(verb, reading.quoted) if t not in back]
    subjects = subjects or [c for c in verb.children if c not in back and c.pos_ in ("NOUN", "PROPN")
                            and c.dep_.split(":")[0] in ("obj", "nsubj", "obl")
                            and not any(g.dep_ == "case" for g in c.children)]
    speaker = speakers.from_subjects(reading, subjects, position) if subjects else None
    return (verb, speaker) if speaker is not None else None
