"""The claims and techniques layers through the contract: record/3 and later, the store, the API, the explorer.

A record is written by hand here (offsets found from the surface text) so that these
tests do not depend on the annotators; records of version 2 still load.
"""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from dispacci.pipeline import record_id
from dispacci.record import SCHEMA_VERSION, Record

TITLE = "Mosca accusa Kiev"
BODY = ("Secondo il Ministero della Difesa russo, le truppe ucraine hanno colpito un ospedale. "
        "Il portavoce ha parlato di un genocidio compiuto dal regime di Kiev.")
HOSTILE = "<script>alert('claimant')</script>"


def _at(text: str, surface: str) -> dict:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface), "text": surface}


def _record() -> Record:
    text = f"{TITLE}\n\n{BODY}"
    return Record.model_validate({
        "id": record_id(TITLE, BODY), "text": text, "language": "it", "title": TITLE,
        "claims": [
            {**_at(text, "le truppe ucraine hanno colpito un ospedale"), "claimant": "Ministry of Defence of Russia",
             "claimant_actor": "ministry-of-defence-of-russia", "cue": "Secondo",
             "summary": "truppa ucraina colpire ospedale", "stance": None},
            {**_at(text, "un genocidio compiuto dal regime di Kiev"), "claimant": HOSTILE, "cue": "ha parlato di",
             "stance": "distanced", "stance_cue": "presunto"},
        ],
        "techniques": [
            {**_at(text, "genocidio"), "technique": "Loaded_Language", "score": 0.6},
            {**_at(text, "regime di Kiev"), "technique": "Name_Calling-Labeling", "score": 0.55},
        ],
    })


def test_claims_and_techniques_since_version_3_and_version_2_records_still_load():
    record = _record()
    assert SCHEMA_VERSION == "dispacci.record/4" and record.to_dict()["schema"] == SCHEMA_VERSION
    old = record.to_dict()
    old["schema"] = "dispacci.record/2"
    del old["claims"], old["techniques"]
    loaded = Record.model_validate(old)
    assert loaded.claims == [] and loaded.techniques == []


def test_claim_and_technique_spans_must_be_their_text():
    data = _record().to_dict()
    data["techniques"][0]["text"] = "genocide"
    with pytest.raises(ValidationError):
        Record.model_validate(data)
    data = _record().to_dict()
    data["techniques"][0]["technique"] = "Loaded Language"  # not the task's spelling
    with pytest.raises(ValidationError):
        Record.model_validate(data)


@pytest.fixture()
def db(tmp_path):
    from dispacci.store import open_store

    path = tmp_path / "claims.db"
    store = open_store(path)
    try:
        store.add([_record()])
    finally:
        store.close()
    return path


def test_the_store_keeps_and_lists_both_layers(db):
    from dispacci.store import open_store

    store = open_store(db, read_only=True)
    try:
        assert store.get(_record().id).claims == _record().claims
        claims = store.claims(claimant="ministry-of-defence-of-russia")
        assert [c["text"] for c in claims] == ["le truppe ucraine hanno colpito un ospedale"]
        assert [c["claimant"] for c in store.claims(stance="distanced")] == [HOSTILE]
        assert [t["text"] for t in store.techniques(technique="Loaded_Language")] == ["genocidio"]
        assert {row["technique"]: row["spans"] for row in store.technique_counts()} == {
            "Loaded_Language": 1, "Name_Calling-Labeling": 1}
    finally:
        store.close()


def test_the_api_lists_claims_and_techniques_and_serves_them_in_the_record(db):
    from dispacci.serving import create_app

    with TestClient(create_app(db)) as client:
        body = client.get("/api/claims", params={"claimant": "Ministry of Defence of Russia"}).json()
        assert [c["cue"] for c in body["items"]] == ["Secondo"]
        body = client.get("/api/techniques", params={"technique": "Name_Calling-Labeling"}).json()
        assert [t["text"] for t in body["items"]] == ["regime di Kiev"]
        assert client.get("/api/techniques", params={"technique": "Loaded Language"}).status_code in (400, 422)
        counts = client.get("/api/techniques/counts").json()
        assert len(counts["labels"]) == 23 and counts["items"]
        record = client.get(f"/api/records/{_record().id}").json()
        assert record["schema"] == "dispacci.record/4" and len(record["claims"]) == 2
        assert len(record["techniques"]) == 2


def test_the_article_page_lists_claims_and_offers_the_techniques_highlight(db):
    from dispacci.serving import create_app

    with TestClient(create_app(db)) as client:
        page = client.get(f"/records/{_record().id}").text
    assert 'id="claims"' in page and "Ministry of Defence of Russia" in page
    assert HOSTILE not in page and "&lt;script&gt;" in page
    assert 'data-layer="tq"' in page and 'class="text hide-tq"' in page  # off until the reader turns it on
    assert "manipulative wording" in page and "Loaded Language" in page
    marks = json.loads(page.split('id="marks-data">', 1)[1].split("</script>", 1)[0])
    assert {key[0] for key in marks} >= {"k", "t"}


def test_both_layers_export_as_csv_and_jsonl(db, tmp_path):
    import csv

    from dispacci.store import open_store
    from dispacci.store.export import export

    store = open_store(db, read_only=True)
    try:
        assert export(store, "claims", "csv", tmp_path / "claims.csv") == 2
        assert export(store, "techniques", "jsonl", tmp_path / "techniques.jsonl") == 2
    finally:
        store.close()
    rows = list(csv.DictReader((tmp_path / "claims.csv").open(encoding="utf-8")))
    assert {row["claimant"] for row in rows} == {"Ministry of Defence of Russia", HOSTILE}
    spans = [json.loads(line) for line in (tmp_path / "techniques.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {s["technique"] for s in spans} == {"Loaded_Language", "Name_Calling-Labeling"}
