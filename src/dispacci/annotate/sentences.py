"""Sentence boundaries that survive abbreviations ("sig.", "dott.", "U.S.").

spaCy's tokenizer already keeps most known abbreviations as one token with
their full stop; this component adds the language's abbreviation list (data,
``cues/abbreviations.yaml``), initials and ordinals, and treats every line
break as a boundary, since wire copy puts one paragraph per line.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..resources import load_resource

__all__ = ["SentenceSplitter"]

_FINAL = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??", ";"}
_CLOSERS = {"»", "”", '"', "’", "'", ")", "]", "›", "“"}
_OPENERS = {"«", "“", '"', "„", "‘", "‹", "(", "[", "-", "–", "—", "¿", "¡", "•"}


class SentenceSplitter:
    def __init__(self, nlp: Language, name: str, resources: tuple[str, ...] = ()):
        table = load_resource("cues/abbreviations.yaml", tuple(resources))
        words = table.get("any", []) + table.get(nlp.lang, [])
        self.abbreviations = {str(w).lower().rstrip(".") for w in words}
        self.ordinal_dates = nlp.lang in {"de", "da", "no", "fi", "cs", "pl", "hu", "sk", "sl", "hr", "tr"}

    def __call__(self, doc: Doc) -> Doc:
        tokens = list(doc)
        starts = [False] * len(tokens)
        if tokens:
            starts[0] = True
        after_break = False
        pending_end = False
        for i, token in enumerate(tokens):
            text = token.text
            if token.is_space:
                if "\n" in text:
                    after_break = True
                continue
            if pending_end and not after_break and text in _CLOSERS and not tokens[i - 1].whitespace_:
                continue  # a closing quote or bracket stays with its sentence
            if i and (after_break or (pending_end and self._can_start(token))):
                starts[i] = True
            after_break = False
            pending_end = self._ends_sentence(tokens, i)
            if "\n" in token.whitespace_:
                after_break = True
        for token, start in zip(tokens, starts):
            token.is_sent_start = start
        return doc

    @staticmethod
    def _can_start(token) -> bool:
        first = token.text[0]
        return first.isupper() or first.isdigit() or token.text in _OPENERS or first in _OPENERS

    def _ends_sentence(self, tokens, i: int) -> bool:
        text = tokens[i].text
        if text in _FINAL and text != ";":
            if text != ".":
                return True
            if i == 0:
                return False
            previous = tokens[i - 1]
            if previous.whitespace_:
                return True
            word = previous.text.lower()
            if word in self.abbreviations or word.rstrip(".") in self.abbreviations:
                return False
            if len(word) == 1 and previous.text.isupper():  # an initial: "V. Putin"
                return False
            if self.ordinal_dates and previous.text.isdigit() and len(previous.text) <= 2:
                return False
            return True
        if len(text) > 1 and text.endswith((".", "!", "?")):
            stem = text.lower().rstrip(".")
            if text.endswith(".") and (stem in self.abbreviations or "." in stem or len(stem) <= 2 or stem.isdigit()):
                return False
            return True
        return False


@Language.factory(
    "dispacci_sentences",
    assigns=["token.is_sent_start"],
    default_config={"resources": []},
)
def make_sentence_splitter(nlp: Language, name: str, resources: list[str]):
    return SentenceSplitter(nlp, name, tuple(resources))
