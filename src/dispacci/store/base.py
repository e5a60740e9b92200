"""What every SQL back-end shares: writing records, reading them back, filters.

SQL here is written once with ``?`` placeholders and portable syntax
(``INSERT … ON CONFLICT DO NOTHING`` works in SQLite and PostgreSQL); a
back-end supplies the connection, the transaction and full-text search.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from ..errors import ConfigError, Errors, StoreError
from ..record import Record
from ..resources.ontology import load_ontology
from .rows import RecordRows, record_from_row

__all__ = ["SQLStoreBase", "check_date", "RECORD_SUMMARY"]

RECORD_SUMMARY = ("r.id, r.title, r.language, r.published, r.date, r.outlet, r.url, r.path, "
                  "d.grp AS \"group\", sm.story AS story")
_RECORD_JOINS = ("LEFT JOIN duplicates d ON d.record_id = r.id "
                 "LEFT JOIN story_members sm ON sm.record_id = r.id")


def check_date(value: str | None, option: str) -> str | None:
    """An ISO date filter, validated; ``None`` stays ``None``."""
    if value is None or value == "":
        return None
    text = str(value)
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ConfigError("E310", Errors.E310.format(option=option, value=text)) from None
    return text[:10]


class SQLStoreBase:
    """A store over a DB-API connection. Subclasses define ``_connect``-time
    setup, ``_begin``/``_commit``/``_rollback``, ``_fetch`` and ``_search``."""

    placeholder = "?"
    read_only = False
    # A column naming one row of a layer table (which has no key of its own):
    # SQLite's rowid, PostgreSQL's ctid. Pages select these first, then join.
    row_key = "rowid"
    # Folders of the user's data files: the event ontology that derives the Goldstein
    # and quad-class columns is the one the records were coded with.
    resources: tuple[str, ...] = ()

    def __init__(self):
        self._lock = threading.RLock()

    # -- back-end hooks ---------------------------------------------------
    def _fetch(self, sql: str, params: tuple = ()) -> list[dict]:
        raise NotImplementedError

    def _execute(self, cursor, sql: str, params: tuple = ()) -> None:
        cursor.execute(self._sql(sql), params)

    def _executemany(self, cursor, sql: str, rows: list[tuple]) -> None:
        if rows:
            cursor.executemany(self._sql(sql), rows)

    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    @contextmanager
    def _transaction(self):
        raise NotImplementedError
        yield

    def _insert_record(self, cursor, rows: RecordRows) -> bool:
        """Insert the record row (and its search entry); False if the id exists."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------
    def add(self, records: Iterable[Record], *, failures: Iterable[tuple[str, str]] = (),
            fingerprints: dict | None = None) -> dict:
        """Store records not stored yet, in one transaction; the id is the key."""
        from .dedup import fingerprint

        if self.read_only:
            raise StoreError("E304", Errors.E304)
        records = list(records)
        failures = list(failures)
        fingerprints = fingerprints or {}
        stored = duplicates = 0
        ontology = load_ontology(tuple(self.resources))
        with self._lock, self._transaction() as cursor:
            existing = self._existing(cursor, [r.id for r in records])
            for record in records:
                if record.id in existing:
                    duplicates += 1
                    continue
                existing.add(record.id)
                rows = RecordRows(record, ontology)
                if not self._insert_record(cursor, rows):   # a concurrent writer stored it first
                    duplicates += 1
                    continue
                self._executemany(cursor, _insert("entities", RecordRows.ENTITY_COLUMNS), rows.entity_rows)
                self._executemany(cursor, _insert("quotes", RecordRows.QUOTE_COLUMNS), rows.quote_rows)
                self._executemany(cursor, _insert("credits", RecordRows.CREDIT_COLUMNS), rows.credit_rows)
                self._executemany(cursor, _insert("events", RecordRows.EVENT_COLUMNS), rows.event_rows)
                self._executemany(cursor, _insert("claims", RecordRows.CLAIM_COLUMNS), rows.claim_rows)
                self._executemany(cursor, _insert("techniques", RecordRows.TECHNIQUE_COLUMNS), rows.technique_rows)
                self._count_actors(cursor, record)
                print_ = fingerprints.get(record.id) or fingerprint(record.text)
                self._execute(cursor, "INSERT INTO fingerprints (record_id, shingles, minhash, sample) "
                              "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                              (record.id, print_.shingles, print_.minhash, print_.sample))
                stored += 1
            now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            for source, message in failures:
                self._execute(cursor, "INSERT INTO failures (source, message, failed_at) VALUES (?, ?, ?) "
                              "ON CONFLICT (source) DO UPDATE SET message = excluded.message, "
                              "failed_at = excluded.failed_at", (source, message, now))
        return {"stored": stored, "duplicates": duplicates, "failed": len(failures)}

    def _count_actors(self, cursor, record: Record) -> None:
        mentions: dict[str, list] = {}
        for entity in record.entities:
            key = entity.actor or entity.canonical
            if key:
                entry = mentions.setdefault(key, [entity.canonical, entity.kind, entity.country, 0])
                entry[3] += 1
        self._executemany(cursor, "INSERT INTO actor_stats (actor, canonical, kind, country, mentions, records) "
                          "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (actor) DO UPDATE SET "
                          "mentions = actor_stats.mentions + excluded.mentions, records = actor_stats.records + 1, "
                          "canonical = coalesce(actor_stats.canonical, excluded.canonical)",
                          [(key, *entry) for key, entry in mentions.items()])

    def _existing(self, cursor, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            self._execute(cursor, f"SELECT id FROM records WHERE id IN ({marks})", tuple(chunk))
            found.update(row["id"] for row in cursor.fetchall())
        return found

    def has(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored already."""
        ids = list(ids)
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            found.update(row["id"] for row in self._fetch(f"SELECT id FROM records WHERE id IN ({marks})", tuple(chunk)))
        return found

    def set_meta(self, key: str, value: str) -> None:
        with self._lock, self._transaction() as cursor:
            self._execute(cursor, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                          "DO UPDATE SET value = excluded.value", (key, value))

    def meta(self, key: str) -> str | None:
        rows = self._fetch("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    # -- reading records -----------------------------------------------------
    def count(self) -> int:
        return int(self._fetch("SELECT count(*) AS n FROM records")[0]["n"])

    def get(self, record_id: str) -> Record | None:
        rows = self._fetch("SELECT text, body FROM records WHERE id = ?", (record_id,))
        return record_from_row(rows[0]["text"], rows[0]["body"]) if rows else None

    def find_ids(self, prefix: str, *, limit: int = 2) -> list[str]:
        """Record ids starting with ``prefix`` (so people can type a few characters)."""
        return [row["id"] for row in self._fetch("SELECT id FROM records WHERE id LIKE ? ORDER BY id LIMIT ?",
                                                 (prefix.strip().replace("%", "").replace("_", "") + "%", limit))]

    def iter_records(self, *, batch: int = 500) -> Iterator[Record]:
        """Every record, in the order stored (for exports)."""
        last = -1
        while True:
            rows = self._fetch("SELECT seq, text, body FROM records WHERE seq > ? ORDER BY seq LIMIT ?", (last, batch))
            if not rows:
                return
            for row in rows:
                yield record_from_row(row["text"], row["body"])
            last = rows[-1]["seq"]

    def records(self, *, lang=None, since=None, until=None, outlet=None, limit=50, offset=0) -> list[dict]:
        where, params = self._record_filters(lang=lang, since=since, until=until, outlet=outlet)
        # The page's keys first, from the narrow date index; the wide rows and the
        # group/story joins then run for the page only, not for every skipped row.
        page = (f"SELECT r.seq FROM records r {where} ORDER BY r.date DESC NULLS LAST, r.seq DESC "
                "LIMIT ? OFFSET ?")
        return self._fetch(f"SELECT {RECORD_SUMMARY} FROM ({page}) p JOIN records r ON r.seq = p.seq "
                           f"{_RECORD_JOINS} ORDER BY r.date DESC NULLS LAST, r.seq DESC", (*params, limit, offset))

    def search(self, query: str, *, lang=None, since=None, until=None, outlet=None, limit=50, offset=0) -> list[dict]:
        where, params = self._record_filters(lang=lang, since=since, until=until, outlet=outlet)
        if not query or not query.strip():
            return []
        return self._search(query.strip(), where.replace("WHERE", "AND", 1), params, limit, offset)

    def _search(self, query: str, where: str, params: tuple, limit: int, offset: int) -> list[dict]:
        raise NotImplementedError

    def failures(self, *, limit: int = 100, offset: int = 0) -> list[dict]:
        """Inputs that could not be stored, with the reason."""
        return self._fetch("SELECT source, message, failed_at FROM failures ORDER BY failed_at DESC, source "
                           "LIMIT ? OFFSET ?", (limit, offset))

    @staticmethod
    def _record_filters(*, lang, since, until, outlet, table: str = "r") -> tuple[str, tuple]:
        clauses, params = [], []
        if lang:
            clauses.append(f"{table}.language = ?")
            params.append(lang.strip().lower())
        if (since := check_date(since, "--since")):
            clauses.append(f"{table}.date >= ?")
            params.append(since)
        if (until := check_date(until, "--until")):
            clauses.append(f"{table}.date <= ?")
            params.append(until)
        if outlet:
            clauses.append(f"lower({table}.outlet) = ?")
            params.append(outlet.strip().lower())
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
