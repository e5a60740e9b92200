"""Sentence boundaries that survive abbreviations ("sig.", "dott.", "U.S.").

Boundaries are found on the text, not token by token: a regular expression
proposes the few places where a sentence may end (final punctuation, closing
marks, space, then something that can open a sentence), the abbreviation list
of the language (data, ``cues/abbreviations.yaml``), initials and ordinals veto
some of them, and every line break is a boundary, since wire copy puts one
paragraph per line. The result is written in one ``Doc.from_array`` call,
which keeps the component a fraction of the tokenizer's cost. The body's
paragraphs (its lines) are published beside the sentences, in
``doc._.paragraphs``, for every later layer to read.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ...resources import load_resource
from ..doc import body_paragraphs
from ..text import doc_text

__all__ = ["SentenceSplitter"]

_ORDINAL_LANGUAGES = {"de", "da", "no", "fi", "cs", "pl", "hu", "sk", "sl", "hr", "tr", "et", "lv", "lt"}
# The word before the final mark is bounded: unbounded, every start inside a long
# run without final punctuation rescans the run (quadratic); no abbreviation is that long.
_CANDIDATE = re.compile(
    r"(?P<word>[^\s.!?…]{0,64})(?P<final>[.!?…]+)(?:"
    # the usual case: final punctuation, closing marks, a space, a capital or an opener
    r"(?P<close>[»”\"’')\]›“]*)[ \t\u00a0]+(?=[«“\"„‘‹(\[\-–—¿¡•]*[^\W_a-zà-ÿа-яё])"
    # web copy that lost its space: 'Meloni."Ho avuto', 'Italia".Il presidente'
    r"|(?P<tight>[»”’)]*)(?=[\"«“„]?[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zà-ÿа-яё])"
    r")"
    r"|\n+\s*"
)
_QUOTES = "\"«»“”'‘’()[]„‹›"


class SentenceSplitter:
    def __init__(self, nlp: Language, name: str, resources: tuple[str, ...] = ()):
        table = load_resource("cues/abbreviations.yaml", tuple(resources))
        words = table.get("any", []) + table.get(nlp.lang, [])
        self.abbreviations = {str(w).lower().rstrip(".") for w in words}
        self.ordinal_dates = nlp.lang in _ORDINAL_LANGUAGES

    def __call__(self, doc: Doc) -> Doc:
        doc._.paragraphs = None
        body_paragraphs(doc)
        if not len(doc):
            return doc
        starts = [m.end() for m in _CANDIDATE.finditer(doc_text(doc)) if self._is_boundary(m)]
        token_starts = doc.to_array([IDX])
        values = numpy.full((len(doc), 1), -1, dtype="int64")
        values[0, 0] = 1
        if starts:
            indices = numpy.searchsorted(token_starts, numpy.asarray(starts, dtype=token_starts.dtype))
            indices = indices[indices < len(doc)]
            values[indices, 0] = 1
        # spaCy stores attributes as uint64; -1 ("not a start") wraps as it expects.
        doc.from_array([SENT_START], values.astype("uint64"))
        return doc

    def _is_boundary(self, match: re.Match) -> bool:
        final = match.group("final")
        if final is None:
            return True  # a line break
        if final != "." or match.group("close"):
            return True
        word = match.group("word").strip(_QUOTES)
        stem = re.split(r"['’]", word.lower())[-1]  # "l'on." is "on."
        if match.group("tight") is not None and len(stem) < 2:
            return False
        if not stem:
            return True
        if stem in self.abbreviations or "." in stem:
            return False  # "sig.", "U.S.", "z.B."
        if len(stem) == 1 and stem.isalpha() and word[-1:].isupper():
            return False  # an initial: "V. Putin"
        if self.ordinal_dates and stem.isdigit() and len(stem) <= 2:
            return False  # "3. Oktober"
        return True


@Language.factory(
    "dispacci_sentences",
    assigns=["token.is_sent_start", "doc._.paragraphs"],
    requires=["doc._.context"],
    default_config={"resources": []},
)
def make_sentence_splitter(nlp: Language, name: str, resources: list[str]):
    return SentenceSplitter(nlp, name, tuple(resources))
