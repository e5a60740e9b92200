"""Ingest stores every article once, survives being killed, and lets readers in."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from dispacci.store import open_store
from dispacci.corpus import ingest_paths

from ..conftest import NEWS, ROOT

FAST = ["dispacci_sentences"]
WITH_DATELINE = ["dispacci_sentences", "dispacci_not_body", "dispacci_dateline"]


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory):
    """A JSONL file of 240 distinct articles built from the development articles."""
    bodies = [p.read_text(encoding="utf-8").split("\n\n", 1)[1] for p in sorted((NEWS / "articles").glob("*.txt"))]
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(240):
            out.write(json.dumps({"title": f"Dispatch number {n}", "text": f"Update {n}. " + bodies[n % len(bodies)],
                                  "published": f"2024-11-{n % 28 + 1:02d}", "url": f"https://site{n % 5}.example/{n}"})
                      + "\n")
    return path


def test_ingest_stores_each_article_once_and_keeps_failures(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    seen = []
    with open_store(tmp_path / "corpus.db") as store:
        first = ingest_paths([str(NEWS / "articles"), str(empty)], store, annotators=WITH_DATELINE,
                             progress=seen.append)
        again = ingest_paths([str(NEWS / "articles")], store, annotators=WITH_DATELINE)
        assert (first.stored, first.duplicates, first.failed) == (11, 0, 1)
        assert "E001" in first.failures[0][1] and store.failures()[0]["source"] == str(empty)
        assert (again.stored, again.duplicates, again.failed) == (0, 11, 0)
        assert store.count() == 11
        assert store.get(store.records(lang="ru")[0]["id"]).dateline is not None
    assert seen[-1].done == seen[-1].total == 12 and seen[-1].stored == 11


def test_two_workers_store_the_same_records_as_one(tmp_path, many_articles):
    with open_store(tmp_path / "one.db") as one, open_store(tmp_path / "two.db") as two:
        ingest_paths([str(many_articles)], one, annotators=FAST, workers=1, cluster=False)
        summary = ingest_paths([str(many_articles)], two, annotators=FAST, workers=2, batch_size=50, cluster=False)
        assert summary.stored == 240
        assert [r.to_dict() for r in two.iter_records()] == [r.to_dict() for r in one.iter_records()]


_INGEST = """
import sys, time
from dispacci.store import open_store
from dispacci.corpus import ingest_paths
slow = float(sys.argv[3])
store = open_store(sys.argv[1])
ingest_paths([sys.argv[2]], store, annotators={fast!r}, batch_size=10, cluster=False,
             progress=lambda p: time.sleep(slow))
print("finished", store.count())
""".format(fast=FAST)


def _ingest_process(db, articles, slow: float) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-c", _INGEST, str(db), str(articles), str(slow)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_records(db, at_least: int, process: subprocess.Popen) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with open_store(db, read_only=True) as store:
                    count = store.count()
                if count >= at_least:
                    return count
            except Exception:
                pass
        time.sleep(0.05)
    raise AssertionError(f"ingest did not reach {at_least} records: {process.communicate()}")


def test_an_ingest_killed_mid_way_resumes_without_duplicates_or_losses(tmp_path, many_articles):
    db = tmp_path / "corpus.db"
    process = _ingest_process(db, many_articles, slow=0.02)
    _wait_for_records(db, 30, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with open_store(db, read_only=True) as store:
        partial = store.count()
    assert 30 <= partial < 240

    process = _ingest_process(db, many_articles, slow=0.0)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert out.strip() == "finished 240"
    with open_store(db) as store:
        assert store.integrity_check() == "ok"
        assert store._fetch("SELECT count(DISTINCT id) AS n FROM records")[0]["n"] == 240
        assert store._fetch("SELECT count(*) AS n FROM fingerprints")[0]["n"] == 240
        assert store._fetch("SELECT count(*) AS n FROM records_fts")[0]["n"] == 240
        assert len(store.search("Dispatch", limit=1000)) == 240
        titles = {r["title"] for r in store.records(limit=1000)}
    assert titles == {f"Dispatch number {n}" for n in range(240)}


def test_readers_query_while_an_ingest_writes(tmp_path, many_articles):
    db = tmp_path / "corpus.db"
    process = _ingest_process(db, many_articles, slow=0.005)
    _wait_for_records(db, 1, process)
    counts = []
    with open_store(db, read_only=True) as reader:
        while process.poll() is None:
            counts.append(reader.count())
            reader.search("Dispatch", limit=5)
            reader.records(since="2024-11-05", limit=5)
            time.sleep(0.01)
        counts.append(reader.count())
    assert process.returncode == 0, process.stderr.read()
    assert counts == sorted(counts) and counts[0] < 240 and counts[-1] == 240
    assert len(set(counts)) > 2   # the reader saw the store grow, batch by batch


def test_with_workers_files_are_read_in_parallel_and_bad_ones_still_reported(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted((NEWS / "articles").glob("*.txt"))[:4]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    with open_store(tmp_path / "corpus.db") as store:
        summary = ingest_paths([str(folder)], store, annotators=FAST, workers=2)
    assert (summary.stored, summary.failed) == (4, 2)
    assert sorted(message[:6] for _, message in summary.failures) == ["[E001]", "[E002]"]
