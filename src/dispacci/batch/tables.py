"""Records as Parquet tables: one row per record, entity, quote, event and credit.

Every table carries ``record_id`` so the tables join; the ``records`` table also
keeps the whole record as JSON, so a batch's output reads back into the very
records ``dispacci analyze`` gives (and into a store, with ``dispacci ingest``).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Errors, InputError
from ..ingest.article import Article
from ..ingest.decode import DEFAULT_MAX_CHARS, check_size
from ..record import Record

__all__ = ["TABLES", "record_rows", "write_tables", "read_records", "read_parquet_articles"]

TABLES = ("records", "entities", "quotes", "events", "credits", "errors")
_INT = ("start", "end", "chars", "evidence_start", "evidence_end")
_BOOL = ("negated", "hypothetical")


def _schema(rows: list[dict]):
    """Types fixed by column name, so shards where a column is all null still agree."""
    import pyarrow as pa

    return pa.schema([(name, pa.int64() if name in _INT else pa.bool_() if name in _BOOL else pa.string())
                      for name in rows[0]])


def record_rows(record: Record, fetched: str | None = None) -> dict[str, list[dict]]:
    """The rows one record adds to each table."""
    rid = record.id
    dateline = record.dateline
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    rows["records"].append({
        "record_id": rid, "language": record.language, "title": record.title,
        "url": record.source.url, "path": record.source.path, "publisher": record.source.publisher,
        "published": record.source.published, "fetched": fetched,
        "date": dateline.date if dateline else None,
        "dateline_place": dateline.place if dateline else None,
        "chars": len(record.text), "record_json": record.model_dump_json(by_alias=True),
    })
    for e in record.entities:
        rows["entities"].append({"record_id": rid, "text": e.text, "kind": e.kind, "canonical": e.canonical,
                                 "actor": e.actor, "country": e.country, "start": e.start, "end": e.end})
    for q in record.quotes:
        rows["quotes"].append({"record_id": rid, "text": q.text, "speaker": q.speaker,
                               "speaker_actor": getattr(q, "speaker_actor", None), "start": q.start, "end": q.end})
    for ev in record.events:
        rows["events"].append({
            "record_id": rid, "cameo": ev.cameo, "plover": ev.plover, "mode": ev.mode, "date": ev.date,
            "source": ev.source.name if ev.source else None, "source_actor": ev.source.actor if ev.source else None,
            "source_country": ev.source.country if ev.source else None,
            "target": ev.target.name if ev.target else None, "target_actor": ev.target.actor if ev.target else None,
            "target_country": ev.target.country if ev.target else None,
            "negated": ev.negated, "hypothetical": ev.hypothetical,
            "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end})
    for c in record.credits:
        rows["credits"].append({"record_id": rid, "name": c.name, "role": c.role, "actor": c.actor,
                                "start": c.start, "end": c.end})
    return rows


def write_tables(rows: dict[str, list[dict]], folder: Path, part: str) -> list[str]:
    """Write each non-empty table as ``folder/<table>/<part>.parquet``; the files written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    written = []
    for name, table_rows in rows.items():
        if not table_rows:
            continue
        target = folder / name / f"{part}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".parquet.tmp")
        pq.write_table(pa.Table.from_pylist(table_rows, schema=_schema(table_rows)), temporary)
        temporary.replace(target)  # a killed worker never leaves half a file under the final name
        written.append(str(target.relative_to(folder)))
    return written


def read_records(folder: Path) -> Iterator[Record]:
    """Every record a batch wrote under ``folder``, shard by shard."""
    import pyarrow.parquet as pq

    for part in sorted((folder / "records").glob("*.parquet")):
        for value in pq.read_table(part, columns=["record_json"]).column("record_json").to_pylist():
            yield Record.model_validate_json(value)


def read_parquet_articles(path: Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator:
    """Articles from a Parquet file with a ``text`` column, read in row groups so a large
    file is never held whole."""
    import pyarrow.parquet as pq

    source = str(path)
    try:
        handle = pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises several kinds for a file that is not Parquet
        yield InputError("E501", Errors.E501.format(reason=str(error)[:120]), source=source)
        return
    names = set(handle.schema_arrow.names)
    if "text" not in names:
        yield InputError("E501", Errors.E501.format(reason="no 'text' column"), source=source)
        return
    columns = [c for c in ("title", "text", "url", "published", "publisher", "language") if c in names]
    row = 0
    for batch in handle.iter_batches(columns=columns, batch_size=256):
        for item in batch.to_pylist():
            row += 1
            yield _article(item, f"{source}#{row}", max_chars)


def _article(item: dict, source: str, max_chars: int):
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError("E010", Errors.E010, source=source)
    try:
        check_size(text, source=source, max_chars=max_chars)
    except InputError as error:
        return error
    article = Article.from_parts(item.get("title"), text, url=item.get("url"), publisher=item.get("publisher"),
                                 published=str(item["published"])[:10] if item.get("published") else None)
    article.language = item.get("language") or None
    article.path = source
    return article


def iter_rows(records: Iterable[Record]) -> dict[str, list[dict]]:
    merged: dict[str, list[dict]] = {name: [] for name in TABLES}
    for record in records:
        for name, rows in record_rows(record).items():
            merged[name].extend(rows)
    return merged
