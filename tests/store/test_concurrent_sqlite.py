"""Several processes on one SQLite file: no connection may lose its locks, so no acknowledged write is lost.

SQLite keeps POSIX advisory locks, which the kernel drops for the whole process as soon as
*any* descriptor of the file is closed; a store that peeks at the file with plain ``open()``
lets another process believe it is alone, checkpoint and delete the WAL under open connections.
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys

from dispacci.store.sqlite import SQLiteStore

from .conftest import make_record

_OTHER_PROCESS_WRITES = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA journal_mode = WAL")
connection.execute("BEGIN IMMEDIATE")
connection.execute("CREATE TABLE IF NOT EXISTS visitor (n INTEGER)")
connection.execute("INSERT INTO visitor VALUES (1)")
connection.execute("COMMIT")
connection.close()
"""


def _ids_seen_by_a_fresh_process(db) -> set[str]:
    out = subprocess.run([sys.executable, "-c", "import sqlite3, sys; print('\\n'.join(r[0] for r in "
                          "sqlite3.connect(sys.argv[1]).execute('SELECT id FROM records')))", str(db)],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_opening_another_store_keeps_the_first_ones_write_durable(tmp_path):
    db = tmp_path / "corpus.db"
    writer = SQLiteStore(db)
    first = make_record("Vertice a Roma", "Il ministro ha incontrato il collega a Roma.", lang="it")
    writer.add([first])
    writer.records()  # the connection is open and holds its shared lock
    reader = SQLiteStore(db, read_only=True)  # a pooled read store opened beside it, as the server does
    subprocess.run([sys.executable, "-c", _OTHER_PROCESS_WRITES, str(db)], check=True)  # a CLI ingest comes and goes
    second = make_record("Treffen in Berlin", "Der Minister traf seinen Kollegen in Berlin.", lang="de")
    writer.add([second])
    assert {first.id, second.id} <= _ids_seen_by_a_fresh_process(db)
    assert writer.integrity_check() == "ok" and reader.get(second.id) is not None
    writer.close()
    reader.close()


def test_a_file_that_is_not_sqlite_is_still_refused_without_being_touched(tmp_path):
    import pytest

    from dispacci.errors import StoreError

    db = tmp_path / "notes.db"
    db.write_bytes(b"just some notes, not a database\n" * 10)
    with pytest.raises(StoreError) as caught:
        SQLiteStore(db)
    assert caught.value.code == "E302"
    assert db.read_bytes() == b"just some notes, not a database\n" * 10
    assert not sqlite3.connect(":memory:").execute("SELECT 1").fetchone() is None
