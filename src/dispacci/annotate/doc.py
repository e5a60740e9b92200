"""The spaCy ``Doc`` as carrier of every layer.

Annotators read and write these extension attributes; the record builder
turns them into a ``Record``. Layer items are the record's own pydantic
models, so what an annotator assigns is what the user gets.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..ingest.article import Article
from .text import doc_text

__all__ = ["LAYERS", "DocContext", "register_extensions", "start_doc", "in_body", "body_spans", "body_paragraphs"]

LAYERS = ("dateline", "credits", "entities", "quotes", "events", "claims", "techniques", "not_body")


@dataclass
class DocContext:
    """What annotators know about the article besides its text."""

    article: Article
    language: str
    language_confidence: float = 1.0
    reference_date: str | None = None  # ISO date events and relative dates anchor to
    warnings: list[str] = field(default_factory=list)

    @property
    def body_start(self) -> int:
        return self.article.body_start

    @property
    def published(self) -> str | None:
        return self.article.published


def register_extensions() -> None:
    if not Doc.has_extension("context"):
        Doc.set_extension("context", default=None)
    for layer in (*LAYERS, "article_date"):
        if not Doc.has_extension(layer):
            Doc.set_extension(layer, default=None)
    if not Doc.has_extension("paragraphs"):
        Doc.set_extension("paragraphs", default=None)  # set by dispacci_sentences: the body's lines
    from .entities.mentions import register_mention_extension

    register_mention_extension()  # span._.entity, on the entities layer's spans in doc.spans
    if not Span.has_extension("hard_break"):
        Span.set_extension("hard_break", getter=ends_its_line)  # on sentences: a paragraph or line ends here
    if not Doc.has_extension("parsed"):
        Doc.set_extension("parsed", default=False)  # set by dispacci_syntax where a backbone parsed the Doc
    if not Doc.has_extension("parsed_sents"):
        # (start, end) token ranges of the sentences that have a parse; None: all of them
        Doc.set_extension("parsed_sents", default=None)


def start_doc(doc: Doc, context: DocContext) -> Doc:
    """Give a fresh doc its context and empty layers."""
    doc._.context = context
    doc._.dateline = None
    doc._.article_date = None  # the date, where no opening dateline carries it
    doc._.paragraphs = None
    for layer in ("credits", "entities", "quotes", "events", "claims", "techniques", "not_body"):
        setattr(doc._, layer, [])
    return doc


def body_spans(doc: Doc) -> list[tuple[int, int]]:
    """The stretches of text not marked as non-body, in order."""
    spans, cursor = [], 0
    for item in sorted(doc._.not_body or [], key=lambda n: n.start):
        if item.start > cursor:
            spans.append((cursor, item.start))
        cursor = max(cursor, item.end)
    size = len(doc_text(doc))
    if cursor < size:
        spans.append((cursor, size))
    return spans


def body_paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """``(start, end)`` of every body line that holds more than spaces (wire copy has one
    paragraph per line), as the structure layer published them; a doc it did not see
    has them read from its text here, once."""
    found = doc._.paragraphs
    if found is None:
        from .text import doc_text, paragraphs

        context = doc._.context
        body_start = context.body_start if context is not None else 0
        found = doc._.paragraphs = [(start, end) for start, end, _ in paragraphs(doc_text(doc), body_start)]
    return found


def ends_its_line(span: Span) -> bool:
    """True where a sentence ends its line (a paragraph, a headline, a list item), not at a stop
    inside running text; ``span._.hard_break``. Wire copy puts one paragraph per line, so a hard
    break is where an attribution, a quote or an event clause cannot run on."""
    text = doc_text(span.doc)
    inside = text[span.start_char:span.end_char]
    if "\n" in inside[len(inside.rstrip()):]:
        return True
    after = span.end_char
    while after < len(text) and text[after] in " \t\u00a0":
        after += 1
    return after >= len(text) or text[after] in "\n\r"


def in_body(doc: Doc, start: int, end: int | None = None) -> bool:
    """False when [start, end) overlaps a non-body span."""
    end = start + 1 if end is None else end
    items, starts = _not_body_index(doc)
    index = bisect.bisect_right(starts, start) - 1
    for item in items[max(index, 0):]:
        if item.start >= end:
            break
        if item.end > start:
            return False
    return True


class _ContextStarter:
    """First component: gives a doc made by calling ``nlp(text)`` directly the
    context and empty layers that ``Pipeline`` would have given it."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        if doc._.context is None:
            from ..ingest.article import split_plain_text

            title, _ = split_plain_text(doc.text)
            start_doc(doc, DocContext(article=Article(text=doc.text, title=title), language=self.lang))
        return doc


@Language.factory("dispacci_context", assigns=["doc._.context"], default_config={"resources": []})
def make_context_starter(nlp: Language, name: str, resources: list[str]):
    return _ContextStarter(nlp.lang)


def _not_body_index(doc: Doc) -> tuple[list, list[int]]:
    """The non-body spans sorted by start, and their starts: sorted once per state of the list,
    not on every question (layers ask once per candidate, thousands of times in a long text)."""
    found = doc._.not_body or []
    kept = doc.user_data.get("dispacci_not_body_index")
    if kept is not None and kept[0] is found and kept[1] == len(found):
        return kept[2], kept[3]
    items = sorted(found, key=lambda n: n.start)
    starts = [n.start for n in items]
    doc.user_data["dispacci_not_body_index"] = (found, len(found), items, starts)
    return items, starts
