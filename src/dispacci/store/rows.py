"""Records flattened into table rows, the same for every back-end.

A record is kept whole (its JSON, minus the text, which has its own column
for full-text search) and its layers are copied into narrow tables so that
queries filter with indexes instead of parsing JSON.
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

from ..record import Event, Record
from ..resources.ontology import Ontology, load_ontology

__all__ = ["RecordRows", "record_from_row", "outlet_of", "record_date"]


def outlet_of(record: Record) -> str | None:
    """The outlet: the publisher's name, else the web site the URL names."""
    if record.source.publisher:
        return record.source.publisher
    if record.source.url:
        host = urlsplit(record.source.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def record_date(record: Record) -> str | None:
    """The date the article reports from: dateline date, else publication date."""
    if record.dateline and record.dateline.date:
        return record.dateline.date[:10]
    if record.source.published:
        return record.source.published[:10]
    return None


class RecordRows:
    """The rows one record puts into each table (tuples in column order)."""

    RECORD_COLUMNS = ("id", "title", "language", "published", "date", "outlet", "url", "path", "text", "body")
    ENTITY_COLUMNS = ("record_id", "start", "end_", "text", "kind", "canonical", "actor", "country", "roles")
    QUOTE_COLUMNS = ("record_id", "start", "end_", "text", "speaker", "speaker_actor", "cue", "direct")
    CREDIT_COLUMNS = ("record_id", "start", "end_", "name", "role", "actor", "chain")
    CLAIM_COLUMNS = ("record_id", "start", "end_", "text", "claimant", "claimant_actor", "cue", "summary", "stance",
                     "direct")
    TECHNIQUE_COLUMNS = ("record_id", "start", "end_", "text", "technique", "score", "source")
    EVENT_COLUMNS = ("record_id", "n", "date", "source_name", "source_actor", "source_country", "source_code",
                     "target_name", "target_actor", "target_country", "target_code", "cameo", "root", "plover",
                     "mode", "quad_class", "goldstein", "location", "topics", "negated", "hypothetical",
                     "evidence", "evidence_start", "evidence_end")

    def __init__(self, record: Record, ontology: Ontology | None = None):
        self.record = record
        ontology = ontology or load_ontology()
        date = record_date(record)
        body = record.to_dict()
        body.pop("text")
        self.record_row = (record.id, record.title, record.language, record.source.published, date,
                           outlet_of(record), record.source.url, record.source.path, record.text,
                           json.dumps(body, ensure_ascii=False, separators=(",", ":")))
        self.entity_rows = [(record.id, e.start, e.end, e.text, e.kind, e.canonical, e.actor, e.country,
                             json.dumps(e.roles, ensure_ascii=False)) for e in record.entities]
        self.quote_rows = [(record.id, q.start, q.end, q.text, q.speaker, q.speaker_actor, q.cue, int(q.direct))
                           for q in record.quotes]
        self.credit_rows = [(record.id, c.start, c.end, c.name, c.role, c.actor, json.dumps(c.chain, ensure_ascii=False))
                            for c in record.credits]
        self.claim_rows = [(record.id, c.start, c.end, c.text, c.claimant, c.claimant_actor, c.cue, c.summary, c.stance,
                            int(c.direct)) for c in record.claims]
        self.technique_rows = [(record.id, t.start, t.end, t.text, t.technique, t.score, t.source)
                               for t in record.techniques]
        self.event_rows = [_event_row(record, n, event, date, ontology) for n, event in enumerate(record.events)]


def _event_row(record: Record, n: int, event: Event, record_day: str | None, ontology: Ontology) -> tuple:
    source, target = event.source, event.target
    root = event.cameo[:2] if event.cameo else None
    score = getattr(event, "goldstein", None)
    evidence = record.text[event.evidence.start:event.evidence.end]
    return (record.id, n, (event.date or record_day or "")[:10] or None,
            source.name, source.actor, source.country, source.code,
            target.name if target else None, target.actor if target else None,
            target.country if target else None, target.code if target else None,
            event.cameo, root, event.plover, event.mode, ontology.quad_class(event.cameo),
            score if score is not None else ontology.goldstein(event.cameo), event.location,
            json.dumps(event.topics, ensure_ascii=False), int(event.negated), int(event.hypothetical),
            evidence, event.evidence.start, event.evidence.end)


def record_from_row(text: str, body: str) -> Record:
    """The record back from its stored text and JSON."""
    data = json.loads(body)
    data["text"] = text
    return Record.model_validate(data)
