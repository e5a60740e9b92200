"""The corpus verbs, as a user types them."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from dispacci.cli import app
from dispacci.errors import StoreError
from dispacci.store import open_store

from ..conftest import NEWS, ROOT

runner = CliRunner()
FAST = "dispacci_sentences,dispacci_not_body,dispacci_dateline"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "corpus.db"
    result = runner.invoke(app, ["ingest", str(NEWS / "articles"), "--db", str(path), "--annotators", FAST, "-q"])
    assert result.exit_code == 0, result.output
    return path


def _run(*args: str, db=None):
    return runner.invoke(app, [*args, "--db", str(db)] if db else list(args))


def test_ingest_says_what_it_stored_and_skips_what_it_has(db):
    result = _run("ingest", str(NEWS / "articles"), "--annotators", FAST, "-q", db=db)
    assert result.exit_code == 0
    assert "0 stored, 11 skipped as duplicate, 0 failed" in result.output


def test_ingest_exits_1_when_some_inputs_fail(db, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = _run("ingest", str(NEWS / "articles" / "003.txt"), str(tmp_path / "empty.txt"), "--annotators", FAST,
                  "-q", db=db)
    assert result.exit_code == 1
    assert "[E001]" in result.output and "1 failed" in result.output


def test_search_prints_a_json_array_and_exits_6_when_nothing_matches(db):
    result = _run("search", "Zelensky", "--json", db=db)
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert hits and all({"id", "title", "snippet", "score"} <= set(hit) for hit in hits)
    assert len(json.loads(_run("search", "Zelensky", "--lang", "de", "--json", db=db).stdout)) < len(hits)
    assert _run("search", "xylophone", db=db).exit_code == 6
    nothing = _run("search", "xylophone", "--json", db=db)
    assert nothing.exit_code == 6 and json.loads(nothing.stdout) == []


def test_search_prints_json_lines_with_nl_and_its_alias_jsonl(db):
    hits = json.loads(_run("search", "Zelensky", "--json", db=db).stdout)
    for flag in ("--nl", "--jsonl"):
        lines = _run("search", "Zelensky", flag, db=db).stdout.splitlines()
        assert [json.loads(line) for line in lines] == hits


def test_two_output_formats_at_once_are_a_usage_error(db):
    result = _run("search", "Zelensky", "--json", "--csv", db=db)
    assert result.exit_code == 2 and "--json" in result.output and "--csv" in result.output


def test_search_csv_and_table(db):
    rows = list(csv.DictReader(io.StringIO(_run("search", "Putin", "--csv", db=db).stdout)))
    assert rows and "snippet" in rows[0]
    table = _run("search", "Putin", db=db)
    assert table.exit_code == 0 and "search: Putin" in table.stdout


def test_show_accepts_an_id_prefix(db):
    record_id = json.loads(_run("search", "Scholz", "--json", db=db).stdout)[0]["id"]
    shown = _run("show", record_id[:8], "--json", db=db)
    assert shown.exit_code == 0 and json.loads(shown.stdout)["id"] == record_id
    missing = _run("show", "ffffffffff", db=db)
    assert missing.exit_code == 6 and "[E315]" in missing.output


def test_bad_filters_and_missing_databases_exit_with_their_codes(db, tmp_path):
    bad_date = _run("events", "--since", "yesterday", db=db)
    assert bad_date.exit_code == 2 and "[E310]" in bad_date.output
    missing = _run("search", "x", db=tmp_path / "nowhere.db")
    assert missing.exit_code == 5 and "[E300]" in missing.output and "dispacci ingest" in missing.output
    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    foreign = _run("search", "x", db=notes)
    assert foreign.exit_code == 5 and "[E302]" in foreign.output


def test_export_writes_a_file_and_counts_rows(db, tmp_path):
    out = tmp_path / "records.jsonl"
    result = _run("export", "--what", "records", "--format", "jsonl", "--output", str(out), db=db)
    assert result.exit_code == 0 and "11 records" in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 11


def test_the_database_comes_from_the_environment(db):
    result = runner.invoke(app, ["search", "Putin", "--json"], env={"DISPACCI_DB": str(db)})
    assert result.exit_code == 0 and result.stdout


def test_ctrl_c_stops_an_ingest_that_the_next_run_completes(tmp_path):
    articles = tmp_path / "articles.jsonl"
    bodies = [p.read_text(encoding="utf-8") for p in sorted((NEWS / "articles").glob("*.txt"))]
    articles.write_text("".join(json.dumps({"title": f"T{n}", "text": f"N{n}. " + bodies[n % 11]}) + "\n"
                                for n in range(300)), encoding="utf-8")
    db = tmp_path / "corpus.db"
    command = [sys.executable, "-m", "dispacci.cli", "ingest", str(articles), "--db", str(db), "--annotators",
               "dispacci_sentences", "--batch", "10", "-q", "--no-cluster"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with open_store(db, read_only=True) as store:
                if store.count() >= 20:
                    break
        except StoreError:   # not created yet
            pass
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted" in err and "run the same command again to resume" in err
    with open_store(db, read_only=True) as store:
        assert 20 <= store.count() < 300
    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    with open_store(db, read_only=True) as store:
        assert store.count() == 300 and store.integrity_check() == "ok"


def test_show_names_the_earliest_copy_of_a_reprint(tmp_path):
    text = (NEWS / "articles" / "028.txt").read_text(encoding="utf-8")
    (tmp_path / "reprint.txt").write_text("Tokayev and Putin talk\n\n" + text.split("\n\n", 1)[1], encoding="utf-8")
    db = tmp_path / "corpus.db"
    ingested = _run("ingest", str(NEWS / "articles" / "028.txt"), str(tmp_path / "reprint.txt"), "--annotators",
                    FAST, "-q", db=db)
    assert ingested.exit_code == 0 and "1 near-duplicate group" in ingested.output
    reprint = json.loads(_run("search", "talk", "--json", db=db).stdout)[0]["id"]
    [group] = json.loads(_run("duplicates", "--json", db=db).stdout)
    original = group["earliest"]
    assert original != reprint
    assert f"earliest copy {original}" in _run("show", reprint, db=db).stdout
