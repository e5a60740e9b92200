"""`dispacci serve`: loopback by default, read-only unless a token is given, clear error without a database."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner


@pytest.fixture()
def started(monkeypatch):
    import uvicorn

    calls: list = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    for name in ("DISPACCI_TOKEN", "DISPACCI_DB", "DISPACCI_MAX_REQUEST_BYTES", "DISPACCI_CACHE_SIZE"):
        monkeypatch.delenv(name, raising=False)  # and restored after the test
    return calls


def _serve(*args):
    from dispacci.cli import app

    return CliRunner().invoke(app, ["serve", *args])


def test_serve_binds_to_loopback_and_is_read_only_by_default(started, corpus_db):
    result = _serve("--db", str(corpus_db))
    assert result.exit_code == 0, result.output
    app, options = started[0]
    assert options["host"] == "127.0.0.1" and options["port"] == 8000
    assert app.state.token is None and "read-only" in result.output


def test_serve_with_a_token_enables_ingest(started, corpus_db, monkeypatch):
    monkeypatch.setenv("DISPACCI_TOKEN", "from-the-environment")
    assert _serve("--db", str(corpus_db), "--port", "8123").exit_code == 0
    app, options = started[0]
    assert app.state.token == "from-the-environment" and options["port"] == 8123


def test_serve_without_a_database_says_how_to_make_one(started, tmp_path):
    result = _serve("--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 5 and started == []
    assert "[E300]" in result.output and "dispacci ingest" in result.output


def test_several_workers_start_from_an_importable_factory(started, corpus_db):
    assert _serve("--db", str(corpus_db), "--workers", "2").exit_code == 0
    target, options = started[0]
    assert target == "dispacci.serving.app:app_from_environment" and options["factory"] and options["workers"] == 2
    from dispacci.serving.app import app_from_environment

    assert app_from_environment().state.stores.target == str(corpus_db)
