"""The dependency parser run on some sentences of a Doc, giving them the parse the whole Doc would.

spaCy's parser reads, per word, the rows of ``doc.tensor`` its tok2vec wrote (a listener), and
walks sentence by sentence: a set sentence start cannot be shifted onto a non-empty stack, so
nothing before a sentence reaches it. What reaches past a sentence's end is the look-ahead of its
features (the next two words of the buffer) and the buffer's length. ``parse_sentences`` therefore
parses a sub-Doc of the chosen sentences, each followed by the first two words of the sentence
after it, all with their own tensor rows and sentence starts, and copies heads and labels back
with exact token alignment; the other sentences keep no parse (heads on themselves, no labels)
and their sentence starts stay as they were.
"""
from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.tokens import Doc

__all__ = ["LOOKAHEAD", "parse_sentences"]

LOOKAHEAD = 2  # words past a sentence's end that the parser's features read (B0, B1)


def _runs(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    return runs


def parse_sentences(doc: Doc, parser, spans: list[tuple[int, int]]) -> Doc:
    """Parse the sentences at ``spans`` (token ranges of whole sentences) of ``doc``, in place."""
    runs = _runs(spans)
    if not runs:
        return doc
    if runs == [(0, len(doc))]:
        return parser(doc)
    indices: list[int] = []
    kept: list[tuple[int, int, int]] = []  # (position in the sub-Doc, start, end) of each run
    for start, end in runs:
        kept.append((len(indices), start, end))
        indices.extend(range(start, min(len(doc), end + LOOKAHEAD)))
    tokens = [doc[i] for i in indices]
    sub = Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens],
              sent_starts=[bool(t.is_sent_start) for t in tokens])
    if doc.tensor is not None and doc.tensor.size:
        sub.tensor = doc.tensor[numpy.asarray(indices)]
    sub = parser(sub)
    parsed = sub.to_array([HEAD, DEP]).astype("int64")
    starts = doc.to_array([SENT_START])
    values = numpy.zeros((len(doc), 2), dtype="int64")
    for position, start, end in kept:
        length = end - start
        block = parsed[position:position + length]
        # heads are offsets inside the run, which keeps its words in order: they carry over as they are
        values[start:end] = block
    doc.from_array([HEAD, DEP], values.astype("uint64"))
    doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))  # setting heads redraws the starts
    return doc
