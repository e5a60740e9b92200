"""The PostgreSQL back-end, for teams sharing one corpus: the same tables and
queries as SQLite, with a generated ``tsvector`` column and a GIN index for
full-text search. Needs psycopg 3 (``pip install 'dispacci[postgres]'``).
"""
from __future__ import annotations

import re
from contextlib import contextmanager

from ..errors import Errors, StoreError
from .base import RECORD_SUMMARY, SQLStoreBase
from .clusters import ClustersMixin
from .layers import ClaimsTechniquesMixin
from .migrations import LATEST_VERSION, MIGRATIONS
from .browse import BrowseMixin
from .finder import FinderMixin
from .queries import QueriesMixin
from .unique import UniqueEventsMixin
from .rows import RecordRows

__all__ = ["PostgresStore"]

_OPERATORS = re.compile(r'"|\b(OR|AND|NOT)\b')
_WORD = re.compile(r"\w+")
_MIGRATION_LOCK = 0x44495350  # any constant shared by every dispacci process


class PostgresStore(BrowseMixin, FinderMixin, ClustersMixin, QueriesMixin, ClaimsTechniquesMixin, UniqueEventsMixin,
                    SQLStoreBase):
    """A dispacci corpus in a PostgreSQL database."""

    placeholder = "%s"
    row_key = "ctid"

    def __init__(self, url: str, *, read_only: bool = False):
        super().__init__()
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError:
            raise StoreError("E305", Errors.E305) from None
        self._psycopg = psycopg
        self.read_only = read_only
        self.target = _hide_password(url)
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=10)
        except psycopg.Error as error:
            raise StoreError("E306", Errors.E306.format(reason=str(error).strip().splitlines()[0]),
                             source=self.target) from None
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    def _migrate(self) -> None:
        tables = {row["tablename"] for row in self._conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
        if "records" in tables and "schema_version" not in tables:
            raise StoreError("E301", Errors.E301.format(tables=", ".join(sorted(tables)[:8])), source=self.target)
        current = 0
        if "schema_version" in tables:
            current = self._conn.execute("SELECT coalesce(max(version), 0) AS v FROM schema_version").fetchone()["v"]
        if current > LATEST_VERSION:
            raise StoreError("E303", Errors.E303.format(found=current, known=LATEST_VERSION), source=self.target)
        if current == LATEST_VERSION:
            return
        if self.read_only:
            raise StoreError("E300", Errors.E300.format(reason="the database has no dispacci tables yet; "
                                                                "store articles first with `dispacci ingest`"),
                             source=self.target)
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self._conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                               "description TEXT, applied_at TIMESTAMPTZ DEFAULT now())")
            current = self._conn.execute("SELECT coalesce(max(version), 0) AS v FROM schema_version").fetchone()["v"]
            for migration in MIGRATIONS:
                if migration.version > current:
                    for statement in migration.postgres:
                        self._conn.execute(statement)
                    self._conn.execute("INSERT INTO schema_version (version, description) VALUES (%s, %s)",
                                       (migration.version, migration.description))

    def schema_version(self) -> int:
        return int(self._fetch("SELECT max(version) AS v FROM schema_version")[0]["v"])

    def _fetch(self, sql: str, params: tuple = ()) -> list[dict]:
        with self._lock:
            try:
                return self._conn.execute(self._sql(sql), params).fetchall()
            except self._psycopg.OperationalError as error:
                raise StoreError("E306", Errors.E306.format(reason=str(error).strip()), source=self.target) from None

    @contextmanager
    def _transaction(self):
        try:
            with self._conn.transaction():
                with self._conn.cursor() as cursor:
                    yield cursor
        except self._psycopg.OperationalError as error:
            raise StoreError("E307", Errors.E307.format(reason=str(error).strip()), source=self.target) from None

    def _insert_record(self, cursor, rows: RecordRows) -> bool:
        columns = RecordRows.RECORD_COLUMNS
        cursor.execute(f"INSERT INTO records ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))}) "
                       "ON CONFLICT (id) DO NOTHING", rows.record_row)
        return cursor.rowcount == 1

    def _search(self, query: str, where: str, params: tuple, limit: int, offset: int) -> list[dict]:
        # Rank the matches on the narrow columns first; the headline (costly) and the
        # group/story joins then run for the page only.
        page = ("SELECT r.seq, ts_rank(r.search, q) AS score FROM records r "
                "CROSS JOIN websearch_to_tsquery('simple', ?) q "
                f"WHERE r.search @@ q {where} ORDER BY score DESC, r.seq LIMIT ? OFFSET ?")
        sql = (f"SELECT {RECORD_SUMMARY}, ts_headline('simple', r.text, q, "
               "'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…') AS snippet, "
               f"p.score FROM ({page}) p JOIN records r ON r.seq = p.seq "
               "CROSS JOIN websearch_to_tsquery('simple', ?) q "
               "LEFT JOIN duplicates d ON d.record_id = r.id LEFT JOIN story_members sm ON sm.record_id = r.id "
               "ORDER BY p.score DESC, r.seq")
        if not _OPERATORS.search(query):  # plain words: a hyphen is not "NOT" here
            query = " ".join(_WORD.findall(query))
        rows = self._fetch(sql, (query, *params, limit, offset, query))
        for row in rows:
            row["score"] = float(row["score"])
        return rows

    def integrity_check(self) -> str:
        self._fetch("SELECT 1 AS ok")
        return "ok"

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _hide_password(url: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url
