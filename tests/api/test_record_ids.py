"""Records posted to the API keep the id dispacci computes from their content, or are refused."""
from __future__ import annotations

import pytest

from .test_writing import live  # noqa: F401  (the writable server fixture)
from .test_writing import analyser  # noqa: F401

AUTH = {"Authorization": "Bearer s3cret-token"}


def test_a_record_with_an_id_of_its_own_is_refused_with_a_code_and_the_rest_stored(live, records):  # noqa: F811
    forged, honest = records[0].to_dict(), records[1].to_dict()
    forged["id"] = "0" * 20
    before = live.count()
    answer = live.post("/api/ingest", json={"records": [forged, honest]}, headers=AUTH)
    assert answer.status_code == 200
    body = answer.json()
    [error] = body["errors"]
    assert error["source"] == "records[0]" and error["message"].startswith("[E412]")
    assert records[0].id in error["message"]  # says which id the content has
    assert body["ids"] == [records[1].id]
    assert live.get(f"/api/records/{'0' * 20}").status_code == 404
    assert live.count() <= before + 1


def test_an_id_reused_for_another_text_cannot_overwrite_or_hide_a_record(live, records):  # noqa: F811
    other = records[1].to_dict()
    other["id"] = records[0].id  # would pass for "already stored" and never be kept
    answer = live.post("/api/ingest", json={"records": [other]}, headers=AUTH)
    assert [e["message"][:6] for e in answer.json()["errors"]] == ["[E412]"]


@pytest.mark.parametrize("title, body, html", [
    ("Vertice a Vienna", "Il ministro ha incontrato il collega.", False),
    (None, "Der Minister traf seinen Amtskollegen in Wien.", False),
    ("  Sommet   à Vienne ", "Le ministre a rencontré son homologue.", False),
    (None, "<html><head><title>Встреча в Вене</title></head><body><article><p>Министр встретился с коллегой "
           "в Вене. Переговоры продлились три часа и закончились без соглашения.</p></article></body></html>", True),
])
def test_the_id_of_every_analysed_record_is_its_content_id(analyser, title, body, html):  # noqa: F811
    from dispacci.pipeline import content_id

    record = analyser().analyze(body, title=title) if not html else analyser().analyze(body)
    assert record.id == content_id(record)
