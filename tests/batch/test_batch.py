"""Batch analysis: shards to Parquet, the same records as `analyze`, resumable, on Dask too."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

import pytest

from dispacci import Pipeline
from dispacci.batch import ingest_output, read_records, run_batch
from dispacci.options import AnalysisOptions
from dispacci.errors import ConfigError
from dispacci.ingest.warc import read_warc

from ..conftest import NEWS

pytest.importorskip("pyarrow")

PAGE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        "<p>{body}</p><p>{body}</p></article></body></html>")
BODIES = [
    ("Il ministro incontra il collega", "ROMA, 3 marzo 2024 - Il ministro degli Esteri ha incontrato a Roma il "
     "collega francese per parlare della crisi in Medio Oriente e della cooperazione economica tra i due paesi."),
    ("Minister meets counterpart", "LONDON, March 4, 2024 (Reuters) - The foreign minister met his German "
     "counterpart in London on Monday to discuss the war in Ukraine and new sanctions against Russia."),
]


def write_warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=str(path).endswith(".gz"))
        for url, status, kind, payload in pages:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"})
            writer.write_record(record)


@pytest.fixture()
def warc(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    pages = [(f"https://news.example/2024/03/0{n + 3}/story", "200 OK", "text/html; charset=utf-8",
              PAGE.format(title=t, body=b).encode()) for n, (t, b) in enumerate(BODIES)]
    pages.append(("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG..."))
    pages.append(("https://news.example/missing", "404 Not Found", "text/html", b"<html>gone</html>"))
    write_warc(path, pages)
    return path


def test_a_warc_gives_one_article_per_html_response_with_its_url_and_fetch_date(warc):
    articles = list(read_warc(warc))
    assert [a.url for a in articles] == ["https://news.example/2024/03/03/story", "https://news.example/2024/03/04/story"]
    assert all(a.fetched == "2024-03-05" and a.title for a in articles)


def test_a_broken_warc_is_one_error_naming_it(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"garbage" * 100)
    (item,) = list(read_warc(path))
    assert item.code == "E500" and str(path) in item.one_line()


def test_batch_writes_the_same_records_as_analyze(tmp_path, warc):
    articles = tmp_path / "in"
    articles.mkdir()
    for stem in ("003", "043"):
        shutil.copy(NEWS / "articles" / f"{stem}.txt", articles / f"{stem}.txt")
    summary = run_batch([str(articles), str(warc)], tmp_path / "out", shard_size=2)
    assert (summary.records, summary.failed, summary.shards) == (4, 0, 2)
    got = {r.id: r for r in read_records(tmp_path / "out")}
    pipeline = Pipeline()
    for stem in ("003", "043"):
        path = articles / f"{stem}.txt"
        expected = pipeline.analyze(path.read_text(encoding="utf-8"), path=str(path))
        assert got[expected.id].model_dump() == expected.model_dump()
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["totals"] == {"shards": 2, "articles": 4, "records": 4, "failed": 0}
    import pyarrow.parquet as pq

    records = pq.read_table(tmp_path / "out" / "records").to_pylist()
    assert {r["url"] for r in records} >= {"https://news.example/2024/03/03/story"}
    entities = pq.read_table(tmp_path / "out" / "entities").to_pylist()
    assert {e["record_id"] for e in entities} <= set(got) and entities


def test_a_stopped_batch_resumes_at_the_unfinished_shard(tmp_path, warc):
    out = tmp_path / "out"
    first = run_batch([str(warc)], out, shard_size=1)
    assert first.shards == 2
    manifest = json.loads((out / "manifest.json").read_text())
    lost = manifest["shards"].pop("000001")  # as if the run had been killed before the last shard finished
    (out / "manifest.json").write_text(json.dumps(manifest))
    for name in lost["files"]:
        (out / name).unlink()
    again = run_batch([str(warc)], out, shard_size=1)
    assert (again.skipped, again.shards, again.records) == (1, 1, 1)
    assert len(list(read_records(out))) == 2


def test_resuming_with_other_settings_is_refused(tmp_path, warc):
    run_batch([str(warc)], tmp_path / "out", shard_size=1)
    with pytest.raises(ConfigError) as error:
        run_batch([str(warc)], tmp_path / "out", shard_size=5)
    assert error.value.code == "E502" and "shard_size" in error.value.message


def test_a_batch_takes_the_analysis_options_every_verb_takes(tmp_path, warc):
    options = AnalysisOptions.of(annotators="dispacci_sentences,dispacci_dateline", language="it")
    run_batch([str(warc)], tmp_path / "out", options=options, published="2024-03-01")
    records = list(read_records(tmp_path / "out"))
    assert {r.language for r in records} == {"it"} and {r.source.published for r in records} == {"2024-03-01"}
    assert all(not r.entities and not r.events for r in records) and any(r.dateline for r in records)


def test_the_manifest_lists_the_options_and_publication_date_it_ran_with(tmp_path, warc):
    run_batch([str(warc)], tmp_path / "out", options=AnalysisOptions.of(language="it"), published="2024-03-01")
    settings = json.loads((tmp_path / "out" / "manifest.json").read_text())["settings"]["options"]
    assert settings == {"annotators": None, "resources": [], "actors": [], "language": "it",
                        "max_chars": AnalysisOptions().max_chars, "published": "2024-03-01"}
    with pytest.raises(ConfigError) as error:
        run_batch([str(warc)], tmp_path / "out", options=AnalysisOptions.of(language="it"), published="2024-03-02")
    assert error.value.code == "E502" and "options" in error.value.message


def test_a_bad_item_is_reported_and_the_batch_goes_on(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text(json.dumps({"title": "Vertice", "text": BODIES[0][1]}) + "\n{not json\n"
                    + json.dumps({"title": "Talks", "text": BODIES[1][1]}) + "\n", encoding="utf-8")
    summary = run_batch([str(path)], tmp_path / "out")
    assert (summary.records, summary.failed) == (2, 1)
    assert str(path) in summary.failures[0][1] or str(path) in summary.failures[0][0]


def test_unknown_engine_names_the_valid_ones(tmp_path):
    with pytest.raises(ConfigError) as error:
        run_batch([], tmp_path / "out", engine="spark-ish")
    assert "local, dask" in error.value.message


def test_the_dask_engine_gives_the_same_records(tmp_path, warc):
    pytest.importorskip("distributed")
    local = {r.id: r.model_dump() for r in (run_batch([str(warc)], tmp_path / "a"), read_records(tmp_path / "a"))[1]}
    summary = run_batch([str(warc)], tmp_path / "b", engine="dask", workers=1, shard_size=1)
    assert summary.shards == 2 and summary.records == 2
    assert {r.id: r.model_dump() for r in read_records(tmp_path / "b")} == local


def test_a_batch_output_ingests_into_the_store_once(tmp_path, warc):
    from dispacci.store import open_store

    run_batch([str(warc)], tmp_path / "out", options=AnalysisOptions.of(language="it"))
    store = open_store(str(tmp_path / "corpus.db"))
    try:
        assert ingest_output(tmp_path / "out", store)["stored"] == 2
        assert ingest_output(tmp_path / "out", store)["duplicates"] == 2
    finally:
        store.close()


def test_the_batch_command_runs_and_ingest_reads_its_output(tmp_path, warc):
    out, db = tmp_path / "out", tmp_path / "c.db"
    done = subprocess.run([sys.executable, "-c", "from dispacci.cli import main; main()", "batch", str(warc),
                           "--out", str(out), "--quiet"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "2 records from 2 articles" in done.stderr
    stored = subprocess.run([sys.executable, "-c", "from dispacci.cli import main; main()", "ingest", str(out),
                             "--db", str(db), "--quiet"], capture_output=True, text=True, timeout=300)
    assert stored.returncode == 0, stored.stderr
    assert "2 stored" in stored.stderr


def test_the_same_shard_function_runs_under_spark_in_local_mode(tmp_path, warc):
    pyspark = pytest.importorskip("pyspark")
    from dispacci.batch import analyze_shard

    articles = list(read_warc(warc))
    out = str(tmp_path / "out")
    session = pyspark.sql.SparkSession.builder.master("local[1]").appName("dispacci-test").getOrCreate()
    try:
        results = session.sparkContext.parallelize(articles, 2).mapPartitionsWithIndex(
            lambda index, items: [analyze_shard(f"{index:06d}", list(items), AnalysisOptions(), out)]).collect()
    finally:
        session.stop()
    assert sum(r["records"] for r in results) == 2
    assert len(list(read_records(tmp_path / "out"))) == 2
