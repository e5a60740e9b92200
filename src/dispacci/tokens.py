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
        return _sound(nlp.make_doc(text)) if "''" in text else nlp.make_doc(text)
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


def _sound(doc):
    """The same tokens in a Doc built from its words: spaCy 3.8's tokenizer leaves a "''" special
    case followed by more text with tree edges past the Doc's end, and walking that token's
    children or edges then fails (IndexError, or a segfault in compiled code)."""
    from spacy.tokens import Doc

    try:
        for token in doc:
            token.left_edge, token.right_edge  # noqa: B018 - the check itself
        return doc
    except IndexError:
        return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])


def _pieces(text: str, start: int, end: int) -> list[str]:
    return [text[at:min(at + MAX_RUN, end)] for at in range(start, end, MAX_RUN)]
