"""An analysis has a time budget, and a slow one never holds up other requests."""
from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

ARTICLE = {"title": "Vertice a Roma", "text": "Il ministro ha incontrato il collega francese a Roma."}


class SlowPipeline:
    """Stands for an article that takes long to analyse: it waits, then analyses for real."""

    def __init__(self, seconds: float):
        from dispacci.pipeline import Pipeline

        self.seconds = seconds
        self.started = threading.Event()
        self.real = Pipeline(annotators=["dispacci_sentences"], language="it")

    def analyze_article(self, article, deadline=None):
        self.started.set()
        time.sleep(self.seconds)
        return self.real.analyze_article(article, deadline=deadline)


def _client(db, slow: SlowPipeline, **settings) -> TestClient:
    from dispacci.serving import create_app

    return TestClient(create_app(db, token="budget-token", pipeline_factory=lambda: slow, **settings))


def test_an_analysis_over_the_budget_is_a_coded_503_not_a_hang(corpus_db, tmp_path):
    slow = SlowPipeline(5.0)
    with _client(corpus_db, slow, analysis_seconds=0.5) as client:
        start = time.monotonic()
        answer = client.post("/api/analyze", json=ARTICLE)
        took = time.monotonic() - start
    assert answer.status_code == 503
    error = answer.json()["error"]
    assert error["code"] == "E410" and "0.5 s" in error["message"] and "--analysis-timeout" in error["message"]
    assert took < 3.0  # the answer comes at the budget, not when the analysis ends


def test_an_article_over_the_budget_is_its_own_failure_in_an_ingest(tmp_path):
    from .conftest import build_corpus_db

    db = build_corpus_db(tmp_path / "corpus.db")
    slow = SlowPipeline(5.0)
    with _client(db, slow, analysis_seconds=0.5) as client:
        answer = client.post("/api/ingest", json={"articles": [ARTICLE]},
                             headers={"Authorization": "Bearer budget-token"})
    assert answer.status_code == 200
    assert [e["message"][:6] for e in answer.json()["errors"]] == ["[E410]"]


def test_other_requests_answer_while_an_analysis_runs(corpus_db):
    slow = SlowPipeline(3.0)
    with _client(corpus_db, slow, analysis_seconds=30) as client:
        answers = {}
        analysing = threading.Thread(target=lambda: answers.update(analyze=client.post("/api/analyze", json=ARTICLE)))
        analysing.start()
        assert slow.started.wait(10)
        start = time.monotonic()
        for path in ("/api/records", "/api/search?q=Putin", "/"):
            assert client.get(path).status_code == 200
        took = time.monotonic() - start
        assert analysing.is_alive(), "the reads must have been answered while the analysis was still running"
        analysing.join(30)
    assert took < 2.5
    assert answers["analyze"].status_code == 200 and answers["analyze"].json()["title"] == ARTICLE["title"]


def test_the_pipeline_stops_at_its_deadline_between_layers():
    from dispacci.errors import InputError
    from dispacci.ingest.article import Article
    from dispacci.pipeline import Pipeline

    pipeline = Pipeline(annotators=["dispacci_sentences", "dispacci_dateline"], language="en")
    article = Article.from_parts("Talks in Geneva", "The envoys met in Geneva on Monday.")
    assert pipeline.analyze_article(article, deadline=time.monotonic() + 60).title == "Talks in Geneva"
    with pytest.raises(InputError) as caught:
        pipeline.analyze_article(article, deadline=time.monotonic() - 1)
    assert caught.value.code == "E023"
