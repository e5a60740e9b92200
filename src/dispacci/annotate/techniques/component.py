"""The ``dispacci_techniques`` component: persuasion techniques as spans (SemEval-2023 Task 3 labels).

Three sources, each a ``Technique`` with a score:

- the lexicon of the article's language (``lexicon``, data in ``techniques/<lang>.yaml``):
  loaded phrases, name-calling, doubt markers, fear appeals, flag waving, slogans…,
  matched on forms and lemmas, with ``<ENT>`` slots filled by the entities layer;
- repetition: the same phrase of two or more content words three times or more in the
  body (names of the entities layer are not repetition);
- a paragraph classifier the user trained (``dispacci train techniques``), where one is
  found: each paragraph gets the labels it predicts, with their probabilities.

Non-body text is skipped. The same technique on the same stretch is listed once.
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ...record import Technique
from ..doc import in_body
from ..stretches import Stretches
from ..text import doc_text
from .lexicon import load_lexicon
from .model import TechniqueModel, find_model

__all__ = ["TechniqueFinder", "REPEATS", "REPETITION_SCORE"]

REPEATS = 3  # a phrase this many times in an article is repetition
REPETITION_SCORE = 0.4
_CONTENT = re.compile(r"\w{4,}")
_PARAGRAPH = re.compile(r"[^\n]+")


class TechniqueFinder:
    def __init__(self, nlp: Language, name: str, resources: tuple[str, ...] = ()):
        self.lang = nlp.lang
        self.lexicon = load_lexicon(nlp.lang, nlp.tokenizer, tuple(resources))
        model = find_model(tuple(Path(r) for r in resources))
        self.model = TechniqueModel.load(model) if model is not None else None

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        entities = doc._.entities or []
        found: dict[tuple[int, int, str], Technique] = {}

        def add(start: int, end: int, technique: str, score: float, source: str = "lexicon") -> None:
            if end <= start or not in_body(doc, start, end):
                return
            key = (start, end, technique)
            if key not in found or found[key].score < score:
                found[key] = Technique(text=text[start:end], technique=technique, score=round(score, 3),
                                       source=source, start=start, end=end)

        for match in self.lexicon.matches(doc, _entity_ends(doc, entities)):
            span = doc[match.start:match.end]
            add(span.start_char, span.end_char, match.technique, match.score)
        for start, end in _repetitions(doc, entities):
            add(start, end, "Repetition", REPETITION_SCORE)
        if self.model is not None:
            for paragraph in _PARAGRAPH.finditer(text, doc._.context.body_start if doc._.context else 0):
                for label, probability in self.model.predict(paragraph.group()).items():
                    add(paragraph.start(), paragraph.end(), label, probability, "classifier")
        doc._.techniques = _without_nested(sorted(found.values(), key=lambda t: (t.start, -t.end, t.technique)))
        return doc


def _entity_ends(doc: Doc, entities) -> dict[int, int]:
    """First token of each mention → the token after it.

    A capitalised word inside a mention opens one too: a model may read the lower-case
    words before a name into it ("regime di Zelensky" as one mention), and the lexicon's
    "regime di <ENT>" still finds the name in its slot."""
    ends: dict[int, int] = {}
    for entity in entities:
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        starts = [span.start] + [token.i for before, token in zip(span, span[1:])
                                 if token.text[:1].isupper() and not before.text[:1].isupper()]
        for start in starts:
            ends[start] = max(ends.get(start, 0), span.end)
    return ends


def _repetitions(doc: Doc, entities) -> list[tuple[int, int]]:
    """Every occurrence of a phrase of two content words (one small word may stand between them)
    that the body says ``REPEATS`` times or more."""
    named = Stretches((e.start, e.end) for e in entities)
    words = [t for t in doc if _CONTENT.fullmatch(t.text) and not t.is_stop and not named.covers(t.idx)]
    seen: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for first, second in zip(words, words[1:]):
        if second.i - first.i > 2 or any(t.is_punct for t in doc[first.i:second.i]):
            continue  # adjacent, or with one small word between ("peace and bread")
        key = ((first.lemma_ or first.lower_).lower(), (second.lemma_ or second.lower_).lower())
        seen.setdefault(key, []).append((first.idx, second.idx + len(second.text)))
    return [span for spans in seen.values() if len(spans) >= REPEATS for span in spans]


def _without_nested(items: list[Technique]) -> list[Technique]:
    """A lexicon match inside a longer match of the same technique is the same finding.
    ``items`` come by start, longest first: a match is inside one kept before it when the
    furthest end of that technique's kept lexicon matches reaches its end."""
    kept: list[Technique] = []
    reach: dict[str, int] = {}  # technique → the furthest end of its kept lexicon matches
    for item in items:
        if item.source == "lexicon" and reach.get(item.technique, -1) >= item.end:
            continue
        kept.append(item)
        if item.source == "lexicon":
            reach[item.technique] = max(reach.get(item.technique, -1), item.end)
    return kept


@Language.factory(
    "dispacci_techniques",
    assigns=["doc._.techniques"],
    requires=["doc._.context", "doc._.not_body", "doc._.entities", "token.lemma"],
    default_config={"resources": []},
)
def make_technique_finder(nlp: Language, name: str, resources: list[str]):
    return TechniqueFinder(nlp, name, tuple(resources))
