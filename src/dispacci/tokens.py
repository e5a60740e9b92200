"""Tokenising whole articles in time linear in their length.

spaCy's tokenizer strips prefixes and suffixes from a space-free chunk one at a
time, re-searching the rest each time: a run of 16,000 quote marks took minutes.
Runs longer than ``MAX_RUN`` characters are tokenised in pieces of ``MAX_RUN``
and joined back without added spaces, so the Doc's text, and every offset into
it, is exactly the input's. No real word is that long, so no word is split.
"""
from __future__ import annotations

import re

__all__ = ["MAX_RUN", "make_doc"]

MAX_RUN = 64
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


def make_doc(nlp, text: str):
    """``nlp.make_doc(text)``, with long space-free runs bounded before the tokenizer."""
    if not _LONG_RUN.search(text):
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    pieces: list[str] = []
    done = 0
    for run in _LONG_RUN.finditer(text):
        if run.start() > done:
            pieces.append(text[done:run.start()])
        pieces.extend(text[at:min(at + MAX_RUN, run.end())] for at in range(run.start(), run.end(), MAX_RUN))
        done = run.end()
    if done < len(text):
        pieces.append(text[done:])
    doc = Doc.from_docs([nlp.make_doc(piece) for piece in pieces], ensure_whitespace=False)
    assert doc.text == text, "bounded tokenisation must keep the text exactly"
    return doc
