"""A database the user may not write beside is a permissions problem, said as such, never "corrupted"."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from dispacci.errors import StoreError
from dispacci.store import open_store

from ..api.corpus import sample_records


def _lock(folder: Path) -> bool:
    """Make ``folder`` unwritable for this process: chmod for a user, the immutable flag for root."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return True
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0


def _unlock(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    folder.chmod(0o755)


@pytest.fixture()
def locked_db(tmp_path):
    folder = tmp_path / "readonly"
    folder.mkdir()
    db = folder / "corpus.db"
    with open_store(db) as store:
        store.add(sample_records())
    if not _lock(folder):
        pytest.skip("cannot make a folder unwritable here")
    yield db
    _unlock(folder)


def test_reading_a_database_in_a_read_only_folder_works(locked_db):
    with open_store(locked_db, read_only=True) as store:
        assert store.count() == len(sample_records())
        assert store.search("Putin")


def test_writing_there_says_it_is_the_folder_not_the_file(locked_db):
    with pytest.raises(StoreError) as caught:
        open_store(locked_db)
    message = caught.value.one_line()
    assert caught.value.code == "E308"
    assert str(locked_db.parent) in message and "not writable" in message
    assert "corrupt" not in message and "backup" not in message


def test_the_cli_reads_and_refuses_to_ingest_with_the_reason(locked_db, tmp_path):
    from typer.testing import CliRunner

    from dispacci.cli import app

    runner = CliRunner()
    searched = runner.invoke(app, ["search", "Putin", "--db", str(locked_db), "--json"])
    assert searched.exit_code == 0, searched.output
    article = tmp_path / "a.txt"
    article.write_text("Vertice\n\nIl ministro è a Vienna.", encoding="utf-8")
    ingested = runner.invoke(app, ["ingest", str(article), "--db", str(locked_db), "-q"])
    assert ingested.exit_code == 5 and "E308" in ingested.output


def test_a_damaged_file_is_still_called_damaged(tmp_path):
    db = tmp_path / "broken.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    with pytest.raises(StoreError) as caught:
        open_store(db, read_only=True)
    assert caught.value.code == "E302"
