"""From an annotated ``Doc`` to the ``Record`` the user gets."""
from __future__ import annotations

from spacy.tokens import Doc

from ..record import Record, Source
from .text import doc_text

__all__ = ["build_record"]


def build_record(doc: Doc, record_id: str) -> Record:
    context = doc._.context
    article = context.article
    return Record(
        id=record_id,
        source=Source(path=article.path, url=article.url, publisher=article.publisher, published=article.published),
        text=doc_text(doc),
        language=context.language,
        title=article.title,
        dateline=doc._.dateline or doc._.article_date,
        credits=sorted(doc._.credits or [], key=lambda item: item.start),
        entities=sorted(doc._.entities or [], key=lambda item: (item.start, item.end)),
        quotes=sorted(doc._.quotes or [], key=lambda item: item.start),
        events=sorted(doc._.events or [], key=lambda item: item.evidence.start),
        claims=sorted(doc._.claims or [], key=lambda item: (item.start, item.end)),
        techniques=sorted(doc._.techniques or [], key=lambda item: (item.start, item.end, item.technique)),
        not_body=sorted(doc._.not_body or [], key=lambda item: item.start),
        warnings=list(dict.fromkeys(context.warnings)),
    )
