"""The embedded store: one SQLite file in WAL mode, with FTS5 full-text search.

WAL lets readers query while one ingest writes; every ``add`` is one
``BEGIN IMMEDIATE … COMMIT``, so a crash loses at most the batch in flight and
never leaves half a record. A file that is not SQLite, or an SQLite database
that is not ours, is refused with a clear ``StoreError`` before anything is
written to it — by SQLite itself, never by opening the file beside it.
"""
from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from ..errors import ConfigError, Errors, StoreError
from .base import RECORD_SUMMARY, SQLStoreBase
from .clusters import ClustersMixin
from .layers import ClaimsTechniquesMixin
from .permissions import unwritable_reason
from .migrations import APPLICATION_ID, LATEST_VERSION, MIGRATIONS
from .browse import BrowseMixin
from .finder import FinderMixin
from .queries import QueriesMixin
from .unique import UniqueEventsMixin
from .rows import RecordRows

__all__ = ["SQLiteStore"]

_FTS_OPERATORS = re.compile(r'"|\*|\b(AND|OR|NOT|NEAR)\b')
_WORD = re.compile(r"\w+")


class SQLiteStore(BrowseMixin, FinderMixin, ClustersMixin, QueriesMixin, ClaimsTechniquesMixin, UniqueEventsMixin,
                  SQLStoreBase):
    """A dispacci corpus in one SQLite file."""

    def __init__(self, path: str | Path, *, read_only: bool = False, timeout: float = 60.0):
        super().__init__()
        self.path = Path(path)
        self.read_only = read_only
        self.target = str(self.path)
        _check_path(self.path)
        if read_only and not self.path.exists():
            raise StoreError("E300", Errors.E300.format(reason="no such file"), source=self.target)
        self._conn = None
        try:
            self._open(timeout)
        except sqlite3.Error as error:
            blocked = unwritable_reason(self.path)
            if blocked is None:
                code = "E302" if self._conn is not None else "E300"  # a file SQLite refuses, or no file at all
                raise StoreError(code, getattr(Errors, code).format(reason=error), source=self.target) from None
            if not read_only:
                raise StoreError("E308", Errors.E308.format(reason=blocked), source=self.target) from None
            # This user cannot create SQLite's -shm file: read the file as it stands (immutable),
            # which is what a reader in a folder it may not write to can do.
            try:
                self._open(timeout, immutable=True)
            except sqlite3.Error as again:
                raise StoreError("E302", Errors.E302.format(reason=again), source=self.target) from None

    def _open(self, timeout: float, *, immutable: bool = False) -> None:
        """Connect and bring the schema up to date; sqlite3 errors are the caller's to explain."""
        if self.read_only:
            flags = "mode=ro&immutable=1" if immutable else "mode=ro"
            self._conn = sqlite3.connect(f"file:{self.path.resolve()}?{flags}", uri=True, timeout=timeout,
                                         isolation_level=None, check_same_thread=False)
        else:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError("E300", Errors.E300.format(reason=error.strerror or error), source=self.target)
            self._conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            if not self.read_only:
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    # -- schema ----------------------------------------------------------------
    def _migrate(self) -> None:
        tables = {row[0] for row in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        app_id = self._conn.execute("PRAGMA application_id").fetchone()[0]
        if tables and ("schema_version" not in tables or app_id != APPLICATION_ID):
            listed = ", ".join(sorted(tables)[:8]) + (" …" if len(tables) > 8 else "")
            raise StoreError("E301", Errors.E301.format(tables=listed), source=self.target)
        current = 0
        if tables:
            current = self._conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
        if current > LATEST_VERSION:
            raise StoreError("E303", Errors.E303.format(found=current, known=LATEST_VERSION), source=self.target)
        if current == LATEST_VERSION:
            return
        if self.read_only:
            reason = ("the database is empty; store articles first with `dispacci ingest`" if not tables else
                      f"schema version {current} needs upgrading to {LATEST_VERSION}; open it once for writing")
            raise StoreError("E300", Errors.E300.format(reason=reason), source=self.target)
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            if not tables:
                self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self._conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT, "
                                   "applied_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))")
            # another process may have migrated while we waited for the lock
            current = self._conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
            for migration in MIGRATIONS:
                if migration.version > current:
                    for statement in migration.sqlite:
                        self._conn.execute(statement)
                    self._conn.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)",
                                       (migration.version, migration.description))
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def schema_version(self) -> int:
        return int(self._fetch("SELECT max(version) AS v FROM schema_version")[0]["v"])

    # -- plumbing ---------------------------------------------------------------
    def _fetch(self, sql: str, params: tuple = ()) -> list[dict]:
        with self._lock:
            try:
                return [dict(row) for row in self._conn.execute(sql, params)]
            except OverflowError:  # a number past SQLite's 64-bit integers, such as --offset 2**63
                raise ConfigError("E317", Errors.E317, source=self.target) from None
            except sqlite3.DatabaseError as error:
                if isinstance(error, sqlite3.OperationalError) and "locked" not in str(error):
                    raise
                raise StoreError("E302", Errors.E302.format(reason=error), source=self.target) from None

    @contextmanager
    def _transaction(self):
        cursor = self._conn.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise StoreError("E307", Errors.E307.format(reason=error), source=self.target) from None
        try:
            yield cursor
            cursor.execute("COMMIT")
        except BaseException as error:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.OperationalError):
                raise StoreError("E307", Errors.E307.format(reason=error), source=self.target) from None
            raise
        finally:
            cursor.close()

    def _insert_record(self, cursor, rows: RecordRows) -> bool:
        columns = RecordRows.RECORD_COLUMNS
        cursor.execute(f"INSERT INTO records ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
                       "ON CONFLICT (id) DO NOTHING", rows.record_row)
        if cursor.rowcount == 0:
            return False
        cursor.execute("INSERT INTO records_fts (rowid, title, text) VALUES (?, ?, ?)",
                       (cursor.lastrowid, rows.record.title or "", rows.record.text))
        return True

    def _search(self, query: str, where: str, params: tuple, limit: int, offset: int) -> list[dict]:
        try:
            return self._ranked(_fts_query(query), where, params, limit, offset)
        except sqlite3.OperationalError:
            # the user's own FTS5 syntax did not parse: search the words instead
            return self._ranked(_quoted_words(query), where, params, limit, offset)

    def _ranked(self, match: str, where: str, params: tuple, limit: int, offset: int) -> list[dict]:
        # Rank first, then make snippets for the page only: a common word matches
        # thousands of texts, and a snippet costs far more than a score.
        # Filters select rowids from the narrow records_filters index, never the wide record rows.
        within = f"AND +records_fts.rowid IN (SELECT r.seq FROM records r WHERE {where.removeprefix('AND ')})" \
            if where else ""
        ranked = self._fetch(f"SELECT records_fts.rowid AS seq, -bm25(records_fts, 2.0, 1.0) AS score "
                             f"FROM records_fts WHERE records_fts MATCH ? {within} "
                             "ORDER BY score DESC, records_fts.rowid LIMIT ? OFFSET ?", (match, *params, limit, offset))
        if not ranked:
            return []
        marks = ", ".join("?" * len(ranked))
        rows = self._fetch(f"SELECT r.seq AS seq_, {RECORD_SUMMARY}, snippet(records_fts, 1, '[', ']', '…', 16) "
                           "AS snippet FROM records_fts JOIN records r ON r.seq = records_fts.rowid "
                           "LEFT JOIN duplicates d ON d.record_id = r.id LEFT JOIN story_members sm "
                           f"ON sm.record_id = r.id WHERE records_fts MATCH ? AND records_fts.rowid IN ({marks})",
                           (match, *(row["seq"] for row in ranked)))
        by_seq = {row.pop("seq_"): row for row in rows}
        return [{**by_seq[row["seq"]], "score": row["score"]} for row in ranked if row["seq"] in by_seq]

    def integrity_check(self) -> str:
        return self._fetch("PRAGMA integrity_check")[0]["integrity_check"]

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _check_path(path: Path) -> None:
    """Refuse a folder before SQLite sees it. The file itself is never opened here:
    closing any descriptor of it would drop this process's SQLite locks (POSIX
    locks are per process), letting another process delete the WAL under our
    open connections. SQLite itself refuses a file that is not a database."""
    if path.is_dir():
        raise StoreError("E300", Errors.E300.format(reason="it is a folder"), source=str(path))


def _fts_query(query: str) -> str:
    """Plain words are quoted (so hyphens and apostrophes are no syntax);
    a query using FTS5 operators or quotes is passed as written."""
    if _FTS_OPERATORS.search(query):
        return query
    return _quoted_words(query)


def _quoted_words(query: str) -> str:
    words = _WORD.findall(query)
    return " ".join(f'"{word}"' for word in words) or '""'
