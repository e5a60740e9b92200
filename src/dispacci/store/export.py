"""Exports: records, events, quotes, entities, claims and techniques as JSONL, CSV, Parquet or a JSON array.

The events CSV follows a GDELT-like column layout (``EVENT_COLUMNS``,
documented in ``docs/events-csv.md``): GDELT's names where GDELT has the
field, so event-data tools read it, then dispacci's own (ids, PLOVER,
evidence with offsets).
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..errors import ConfigError, Errors
from .rows import outlet_of, record_date

__all__ = ["WHAT", "FORMATS", "EVENT_COLUMNS", "QUOTE_COLUMNS", "ENTITY_COLUMNS", "CLAIM_COLUMNS",
           "TECHNIQUE_COLUMNS", "RECORD_COLUMNS", "export", "event_csv_row"]

WHAT = ("records", "events", "quotes", "entities", "claims", "techniques")
FORMATS = ("jsonl", "csv", "parquet", "json")
_PAGE = 5000

EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name",
    "Actor2CountryCode", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale", "ActionGeo_FullName",
    "SOURCEURL", "Actor1Id", "Actor2Id", "PLOVER", "Mode", "Negated", "Hypothetical", "Date", "RecordId",
    "Language", "Title", "Evidence", "EvidenceStart", "EvidenceEnd",
)
QUOTE_COLUMNS = ("record_id", "date", "speaker", "speaker_actor", "cue", "direct", "start", "end", "text", "title")
ENTITY_COLUMNS = ("record_id", "start", "end", "text", "kind", "canonical", "actor", "country", "roles")
CLAIM_COLUMNS = ("record_id", "date", "claimant", "claimant_actor", "cue", "stance", "summary", "direct", "start",
                 "end", "text", "title")
TECHNIQUE_COLUMNS = ("record_id", "date", "technique", "score", "source", "start", "end", "text", "title")
RECORD_COLUMNS = ("id", "title", "language", "published", "date", "outlet", "url", "path", "text")


def event_csv_row(event: dict, number: int) -> dict:
    """One row of the events CSV from an event dict of ``Store.events``."""
    return {
        "GLOBALEVENTID": f"{event['record_id']}-{number}",
        "SQLDATE": (event["date"] or "").replace("-", "")[:8],
        "Actor1Code": event["source_code"], "Actor1Name": event["source_name"],
        "Actor1CountryCode": event["source_country"],
        "Actor2Code": event["target_code"], "Actor2Name": event["target_name"],
        "Actor2CountryCode": event["target_country"],
        "EventCode": event["cameo"], "EventRootCode": event["root"], "QuadClass": event["quad_class"],
        "GoldsteinScale": event["goldstein"], "ActionGeo_FullName": event["location"], "SOURCEURL": event["url"],
        "Actor1Id": event["source_actor"], "Actor2Id": event["target_actor"], "PLOVER": event["plover"],
        "Mode": event["mode"], "Negated": int(event["negated"]), "Hypothetical": int(event["hypothetical"]),
        "Date": event["date"], "RecordId": event["record_id"], "Language": event["language"],
        "Title": event["title"], "Evidence": event["evidence"], "EvidenceStart": event["evidence_start"],
        "EvidenceEnd": event["evidence_end"],
    }


def _numbered_events(events: Iterator[dict]) -> Iterator[dict]:
    seen: dict[str, int] = {}
    for event in events:
        number = seen[event["record_id"]] = seen.get(event["record_id"], -1) + 1
        yield event_csv_row(event, number)


def _pages(fetch) -> Iterator[dict]:
    offset = 0
    while True:
        rows = fetch(limit=_PAGE, offset=offset)
        yield from rows
        if len(rows) < _PAGE:
            return
        offset += _PAGE


def _rows(store, what: str, fmt: str) -> tuple[tuple[str, ...] | None, Iterator[dict]]:
    if what == "records":
        def records() -> Iterator[dict]:
            for record in store.iter_records():
                if fmt == "jsonl":
                    yield record.to_dict()
                else:
                    yield {"id": record.id, "title": record.title, "language": record.language,
                           "published": record.source.published, "date": record_date(record),
                           "outlet": outlet_of(record), "url": record.source.url, "path": record.source.path,
                           "text": record.text}
        return (None if fmt == "jsonl" else RECORD_COLUMNS), records()
    if what == "events":
        if fmt == "jsonl":
            return None, _pages(store.events)
        return EVENT_COLUMNS, _numbered_events(_pages(store.events))
    if what == "quotes":
        return (None if fmt == "jsonl" else QUOTE_COLUMNS), _pages(store.quotes)
    if what in ("claims", "techniques"):
        columns = CLAIM_COLUMNS if what == "claims" else TECHNIQUE_COLUMNS
        return (None if fmt == "jsonl" else columns), _pages(getattr(store, what))
    return (None if fmt == "jsonl" else ENTITY_COLUMNS), _pages(store.entities)


def export(store, what: str, fmt: str, output: str | Path | IO[str] | None = None) -> int:
    """Write ``what`` in ``fmt`` to ``output`` (a path, a text stream, or stdout); returns the row count."""
    if what not in WHAT:
        raise ConfigError("E313", Errors.E313.format(value=what, option="--what", valid=", ".join(WHAT)))
    if fmt not in FORMATS:
        raise ConfigError("E313", Errors.E313.format(value=fmt, option="--format", valid=", ".join(FORMATS)))
    columns, rows = _rows(store, what, "jsonl" if fmt == "json" else fmt)
    if fmt == "parquet":
        return _parquet(rows, columns, output)
    count = 0
    with _text_output(output) as stream:
        if fmt in ("jsonl", "json"):
            array = fmt == "json"
            for row in rows:
                opening = ("[\n" if count == 0 else ",\n") if array else ""
                stream.write(opening + json.dumps(row, ensure_ascii=False) + ("" if array else "\n"))
                count += 1
            if array:
                stream.write("\n]\n" if count else "[]\n")
        else:
            writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({key: _cell(value) for key, value in row.items()})
                count += 1
    return count


def _cell(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


@contextmanager
def _text_output(output):
    if output is None or output == "-":
        yield sys.stdout
    elif hasattr(output, "write"):
        yield output
    else:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            yield handle


def _parquet(rows: Iterator[dict], columns, output) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("E314", Errors.E314) from None
    if output is None or output == "-" or hasattr(output, "write"):
        raise ConfigError("E313", Errors.E313.format(value="parquet to standard output", option="--output",
                                                     valid="a file name such as events.parquet"))
    table_rows = [{key: _cell(value) if isinstance(value, (list, dict)) else value for key, value in row.items()}
                  for row in rows]
    if columns is None:
        columns = tuple(table_rows[0]) if table_rows else ("id",)
    table = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in table_rows])
    pq.write_table(table, str(output))
    return len(table_rows)
