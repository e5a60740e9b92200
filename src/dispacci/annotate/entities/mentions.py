"""The entities layer's mentions, published once as token spans in ``doc.spans``.

The layers after it (credits, quotes, events) read who an article names from here,
rather than matching the backbone's names against ``doc._.entities`` or mapping
character offsets to tokens each on its own:

- ``doc.spans["mentions"]``: one span per entity of ``doc._.entities``, in that order,
  covering the tokens its characters fall in; ``label_`` is its kind, ``kb_id_`` the
  actor it is linked to ("" for none);
- ``doc.spans["names"]``: the backbone's names of persons and organisations (``doc.ents``)
  that no entity overlaps: people and bodies nobody knows, which still speak and act.

``span._.entity`` (``entity_of(span)``) is the record's ``Entity`` a span stands for: the
layer's own for a mention, one without an actor for a name.
"""
from __future__ import annotations

import numpy
from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from ...record import Entity

__all__ = ["MENTIONS", "NAMES", "entity_of", "publish_mentions", "published_mentions", "register_mention_extension"]

MENTIONS = "mentions"
NAMES = "names"
_NAME_KINDS = {"PER": "person", "ORG": "organization"}
_PUBLISHED = "dispacci_mentions"  # the entities the mentions were published from, in user_data


def register_mention_extension() -> None:
    if not Span.has_extension("entity"):
        Span.set_extension("entity", getter=entity_of)


def entity_of(span: Span) -> Entity | None:
    """``span._.entity`` without building the ``span._`` object: the layers read it per mention."""
    # A mention's id is its entity's place in the published list, plus one: 0 is a name's.
    if span.id:
        return span.doc.user_data[_PUBLISHED][span.id - 1]
    if span.label_ not in _NAME_KINDS.values():
        return None
    return Entity(text=span.text, kind=span.label_, canonical=span.text, start=span.start_char, end=span.end_char)


def publish_mentions(doc: Doc, entities: list[Entity]) -> None:
    """Put the layer's ``entities`` and the names it left unlinked in ``doc.spans``."""
    mentions = []
    if entities and len(doc):
        token_starts = doc.to_array([IDX])
        firsts = numpy.searchsorted(token_starts, [e.start for e in entities], side="right") - 1
        lasts = numpy.searchsorted(token_starts, [e.end for e in entities], side="left")
        for index, (entity, first, last) in enumerate(zip(entities, firsts.tolist(), lasts.tolist())):
            if first >= 0 and last > first:
                mentions.append(Span(doc, first, last, label=entity.kind, kb_id=entity.actor or "",
                                     span_id=index + 1))
    doc.user_data[_PUBLISHED] = list(entities)
    doc.spans[MENTIONS] = mentions
    taken = [(e.start, e.end) for e in entities]
    doc.spans[NAMES] = [Span(doc, ent.start, ent.end, label=_NAME_KINDS[ent.label_]) for ent in doc.ents
                        if ent.label_ in _NAME_KINDS
                        and not any(a < ent.end_char and ent.start_char < b for a, b in taken)]


def published_mentions(doc: Doc) -> tuple[list[Span], list[Span]]:
    """``(mentions, names)`` as the entities layer published them; a doc it did not see (a
    pipeline without it) has them published here from whatever ``doc._.entities`` holds."""
    if MENTIONS not in doc.spans:
        publish_mentions(doc, doc._.entities or [])
    return doc.spans[MENTIONS], doc.spans[NAMES]
