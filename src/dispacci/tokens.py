"""Tokenising whole articles in time linear in their length.

spaCy's tokenizer strips prefixes and suffixes from a space-free chunk one at a
time, re-searching the rest each time: a run of 16,000 quote marks took minutes.
Runs longer than ``MAX_RUN`` characters are tokenised in pieces of ``MAX_RUN``
and joined back without added spaces, so the Doc's text, and every offset into
it, is exactly the input's. No real word is that long, so no word is split.

Inside such a run, a stretch of more than ``MAX_RUN`` marks with no letter or
digit among them (a storm of quote marks, a ruled line of dashes, ``!?!?…``) is
not tokenised at all: each ``MAX_RUN`` characters of it are one token, not one
token per mark, so the layers after the tokenizer, which cost per token, see a
storm as a few tokens. Stretches with letters (a long URL, unspaced script) are
tokenised as before.
"""
from __future__ import annotations

import re

__all__ = ["MAX_RUN", "make_doc"]

MAX_RUN = 64
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
_MARKS_ONLY = re.compile(r"(?:[^\w\s]|_){%d,}" % (MAX_RUN + 1))  # no letter or digit, over MAX_RUN long


def make_doc(nlp, text: str):
    """``nlp.make_doc(text)``, with long space-free runs bounded before the tokenizer."""
    if not _LONG_RUN.search(text):
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    docs = []
    done = 0
    for run in _LONG_RUN.finditer(text):
        if run.start() > done:
            docs.append(nlp.make_doc(text[done:run.start()]))
        at = run.start()
        for same in _MARKS_ONLY.finditer(text, run.start(), run.end()):
            docs.extend(nlp.make_doc(piece) for piece in _pieces(text, at, same.start()))
            docs.extend(Doc(nlp.vocab, words=[piece], spaces=[False]) for piece in _pieces(text, *same.span()))
            at = same.end()
        docs.extend(nlp.make_doc(piece) for piece in _pieces(text, at, run.end()))
        done = run.end()
    if done < len(text):
        docs.append(nlp.make_doc(text[done:]))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text, "bounded tokenisation must keep the text exactly"
    return doc


def _pieces(text: str, start: int, end: int) -> list[str]:
    return [text[at:min(at + MAX_RUN, end)] for at in range(start, end, MAX_RUN)]
