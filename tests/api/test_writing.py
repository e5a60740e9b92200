"""Analysing on request, the size limit, and writes only with the operator's token."""
from __future__ import annotations

import pytest

ARTICLE = ("Telefonata tra i ministri\n\nRoma, 3 maggio 2024 – Il ministro degli Esteri ha telefonato "
           "al collega francese per discutere della crisi.")


@pytest.fixture(scope="module")
def analyser():
    """A real pipeline with the foundation's layers: these tests are about HTTP,
    and other layers' data files change under active development."""
    from functools import lru_cache

    from dispacci.pipeline import Pipeline

    return lru_cache(maxsize=1)(lambda: Pipeline(annotators=["dispacci_sentences", "dispacci_not_body",
                                                             "dispacci_dateline"]))


@pytest.fixture()
def live(tmp_path, analyser):
    """A writable server (the operator set a token) over its own copy of the corpus."""
    from fastapi.testclient import TestClient

    from dispacci.serving import create_app
    from dispacci.store import open_store

    from .conftest import build_corpus_db

    db = build_corpus_db(tmp_path / "corpus.db")
    app = create_app(db, token="s3cret-token", max_request_bytes=50_000, pipeline_factory=analyser)
    with TestClient(app) as client:
        client.count = lambda: _count(open_store, db)
        yield client


def _count(open_store, db) -> int:
    store = open_store(db, read_only=True)
    try:
        return store.count()
    finally:
        store.close()


def test_analyze_returns_the_record_of_plain_text(live):
    record = live.post("/api/analyze", json={"text": ARTICLE, "published": "2024-05-03"}).json()
    assert record["title"] == "Telefonata tra i ministri" and record["language"] == "it"
    assert record["dateline"]["place"] == "Roma" and record["source"]["published"] == "2024-05-03"
    assert record["text"].startswith("Telefonata tra i ministri\n\nRoma")
    assert live.count() == 4  # analysing stores nothing


def test_analyze_takes_a_separate_title_and_forced_language(live):
    body = "Roma, 3 maggio 2024 – Il ministro ha telefonato al collega."
    record = live.post("/api/analyze", json={"text": body, "title": "Una telefonata", "language": "it",
                                             "url": "https://example.it/a"}).json()
    assert record["title"] == "Una telefonata" and record["source"]["url"] == "https://example.it/a"
    assert record["text"][record["dateline"]["start"]:record["dateline"]["end"]].startswith("Roma")


def test_analyze_reads_html(live):
    html = ("<html><head><title>Vertice a Roma</title></head><body><article><h1>Vertice a Roma</h1>"
            "<p>Roma, 3 maggio 2024 – I ministri degli Esteri si sono incontrati oggi nella capitale per "
            "discutere della crisi e della cooperazione economica tra i due paesi.</p>"
            "<p>Il vertice è durato tre ore e si è concluso con una dichiarazione comune.</p></article></body></html>")
    record = live.post("/api/analyze", json={"html": html}).json()
    assert "I ministri degli Esteri" in record["text"] and "<p>" not in record["text"]


@pytest.mark.parametrize("body, code", [
    ({}, "E402"),
    ({"text": "a", "html": "<p>b</p>"}, "E402"),
    ({"text": "   "}, "E010"),
    ({"text": ARTICLE, "published": "last tuesday"}, "E022"),
    ({"text": ARTICLE, "language": "xx!"}, "E020"),
])
def test_bad_articles_are_400_with_the_reason(live, body, code):
    answer = live.post("/api/analyze", json=body)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["code"] == code and answer.json()["error"]["message"].startswith(f"[{code}]")


@pytest.mark.parametrize("payload", ['{"text": 12}', '{"text": "x", "colour": "red"}', "not json", "[]"])
def test_malformed_requests_are_422(live, payload):
    answer = live.post("/api/analyze", content=payload, headers={"content-type": "application/json"})
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "E407"


def test_a_body_over_the_limit_is_413_whether_declared_or_streamed(live):
    huge = {"text": "parola " * 10_000}
    answer = live.post("/api/analyze", json=huge)
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "E400" and "50,000 bytes" in answer.json()["error"]["message"]

    def chunks():  # no Content-Length: the limit counts what arrives
        for _ in range(20):
            yield b'{"text": "' + b"x" * 5000
    streamed = live.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_the_server_is_read_only_without_a_token(client, records):
    answer = client.post("/api/ingest", json={"records": [records[0].to_dict()]})
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "E405"
    assert "--token" in answer.json()["error"]["message"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret-token"},
                                     {"Authorization": "Bearer s3cret-token-and-more"}])
def test_ingest_refuses_a_missing_or_wrong_token(live, records, headers):
    answer = live.post("/api/ingest", json={"records": [records[0].to_dict()]}, headers=headers)
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "E401"
    assert live.count() == 4


def test_ingest_with_the_token_stores_records_and_articles(live, records):
    from .corpus import sample_records, variant

    fresh = variant(sample_records()[0], "fresh")
    answer = live.post("/api/ingest", headers={"Authorization": "Bearer s3cret-token"},
                       json={"records": [fresh.to_dict(), records[1].to_dict(), {"id": "broken"}],
                             "articles": [{"text": ARTICLE}, {"text": ""}]})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["stored"] == 2 and body["duplicates"] == 1 and body["failed"] == 2
    assert [e["source"] for e in body["errors"]] == ["broken", "articles[1]"]
    assert live.count() == 6 and live.get(f"/api/records/{fresh.id}").status_code == 200
    assert live.post("/api/ingest", json={}, headers={"Authorization": "Bearer s3cret-token"}).json()["error"]["code"] == "E406"


def test_reads_after_an_ingest_see_the_new_records(live, records):
    before = live.get("/api/records?limit=100").json()["items"]
    from .corpus import variant

    fresh = variant(records[0], "brand new")
    live.post("/api/ingest", json={"records": [fresh.to_dict()]}, headers={"Authorization": "Bearer s3cret-token"})
    after = live.get("/api/records?limit=100").json()["items"]
    assert len(after) == len(before) + 1 and fresh.id in [row["id"] for row in after]


@pytest.mark.parametrize("shared", [False, True], ids=["database path", "open store"])
def test_an_ingested_reprint_joins_its_original_in_duplicates_and_stories(tmp_path, records, analyser, shared):
    from fastapi.testclient import TestClient

    from dispacci.serving import create_app
    from dispacci.store import open_store

    from .conftest import build_corpus_db

    db = build_corpus_db(tmp_path / "corpus.db")
    store = open_store(db) if shared else None
    with open_store(db, read_only=True) as reader:
        in_stories = {m["id"] for s in reader.stories() for m in s["members"]}
    original = next(r for r in records if r.id in in_stories)
    from .corpus import variant

    reprint = variant(original, "reprint")
    app = create_app(store if shared else db, token="s3cret-token", pipeline_factory=analyser)
    with TestClient(app) as client:
        assert client.post("/api/ingest", json={"records": [reprint.to_dict()]},
                           headers={"Authorization": "Bearer s3cret-token"}).json()["stored"] == 1
        groups = client.get("/api/duplicates").json()["items"]
        group = next(g for g in groups if reprint.id in {m["id"] for m in g["members"]})
        assert original.id in {m["id"] for m in group["members"]}
        story = next(s for s in client.get("/api/stories").json()["items"]
                     if original.id in {m["id"] for m in s["members"]})
        assert reprint.id in {m["id"] for m in story["members"]}
        listed = {row["id"]: row for row in client.get("/api/records?limit=100").json()["items"]}
        assert listed[reprint.id]["group"] == group["group"] == listed[original.id]["group"]
    if store is not None:
        store.close()


def test_a_lone_surrogate_is_a_json_error_for_its_item_and_the_rest_is_stored(live, records):
    body = ('{"articles": [{"text": "Il ministro \\ud800 ha parlato."}, {"text": "' + ARTICLE.replace("\n", "\\n")
            + '"}], "records": [{"id": "x", "text": "\\udc01"}]}')
    answer = live.post("/api/ingest", content=body.encode(), headers={"Authorization": "Bearer s3cret-token",
                                                                       "Content-Type": "application/json"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/json"), answer.text
    assert answer.json()["stored"] == 1 and answer.json()["failed"] == 2
    assert "E013" in answer.json()["errors"][-1]["message"] or "E013" in answer.json()["errors"][0]["message"]


def test_analysing_a_lone_surrogate_is_a_coded_json_error(live):
    answer = live.post("/api/analyze", content=b'{"text": "Un texte \\ud800 cass\\u00e9."}',
                       headers={"Content-Type": "application/json"})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "E013"
