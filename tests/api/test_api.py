"""The REST API, endpoint by endpoint: what a client sends, what it gets back."""
from __future__ import annotations

from dispacci.record import record_json_schema

from .corpus import HOSTILE_TITLE

IT_ID = "974c4d2ef556f3b830f8"


def test_records_are_listed_newest_first_with_the_next_page(client):
    body = client.get("/api/records").json()
    dates = [row["date"] for row in body["items"]]
    assert len(body["items"]) == 4 and dates == sorted(dates, reverse=True)
    assert body["next_offset"] is None
    first_page = client.get("/api/records?limit=2").json()
    assert len(first_page["items"]) == 2 and first_page["next_offset"] == 2
    second = client.get("/api/records?limit=2&offset=2").json()
    assert {r["id"] for r in first_page["items"]}.isdisjoint(r["id"] for r in second["items"])


def test_records_filter_by_language_dates_and_outlet(client):
    assert [r["id"] for r in client.get("/api/records?lang=it").json()["items"]] == [IT_ID]
    assert [r["language"] for r in client.get("/api/records?lang=EN").json()["items"]] == ["en"] * 3
    dated = client.get("/api/records?since=2022-04-03&until=2022-04-30").json()["items"]
    assert {r["title"] for r in dated} == {"Putin and Tokayev discuss trade by phone", "Putin, Tokayev talk trade"}
    assert [r["outlet"] for r in client.get("/api/records?outlet=Copy Daily").json()["items"]] == ["Copy Daily"]


def test_a_bad_date_filter_is_a_400_naming_the_format(client):
    answer = client.get("/api/records?since=yesterday")
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == "E408" and "YYYY-MM-DD" in error["message"] and "since" in error["message"]


def test_out_of_range_paging_is_a_422_validation_error(client):
    for query in ("limit=0", "limit=100000", "offset=-1", "lang=english!"):
        answer = client.get(f"/api/records?{query}")
        assert answer.status_code == 422, query
        assert answer.json()["error"]["code"] == "E407"


def test_one_record_is_the_full_record_and_a_missing_one_is_404(client, records):
    body = client.get(f"/api/records/{IT_ID}").json()
    assert body == next(r for r in records if r.id == IT_ID).to_dict()
    assert body["schema"] == "dispacci.record/4" and body["events"][0]["cameo"] == "040"
    missing = client.get("/api/records/0000")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "E403" and "'0000'" in missing.json()["error"]["message"]


def test_events_filter_by_actor_country_code_plover_and_date(client):
    by_actor = client.get("/api/events?actor=vladimir-putin").json()["items"]
    assert len(by_actor) == 4 and all("vladimir-putin" in (e["source_actor"], e["target_actor"]) for e in by_actor)
    assert [e["cameo"] for e in client.get("/api/events?country=ukr").json()["items"]] == ["112"]
    assert {e["cameo"] for e in client.get("/api/events?code=04").json()["items"]} == {"040"}
    assert [e["plover"] for e in client.get("/api/events?plover=accuse").json()["items"]] == ["ACCUSE"]
    assert [e["date"] for e in client.get("/api/events?since=2022-05-01&until=2022-05-01").json()["items"]] == ["2022-05-01"]
    assert client.get("/api/events?code=abc").status_code == 422


def test_unique_events_count_each_real_event_once_with_its_mentions(client):
    plain = [e for e in client.get("/api/events?actor=vladimir-putin").json()["items"]
             if not (e["hypothetical"] or e["negated"])]  # what did not happen is no real-world event
    unique = client.get("/api/events?actor=vladimir-putin&unique=true").json()["items"]
    assert 0 < len(unique) <= len(plain)
    assert sum(len(u["mentions"]) for u in unique) == len(plain)
    assert all(u["first_report"]["record_id"] in {m["record_id"] for m in u["mentions"]} for u in unique)


def test_quotes_filter_by_speaker(client):
    quotes = client.get("/api/quotes?speaker=kassym-jomart-tokayev").json()["items"]
    assert [q["text"] for q in quotes] == ["We agreed to deepen our partnership"]
    assert len(client.get("/api/quotes").json()["items"]) == 3


def test_actors_are_ranked_and_one_actor_has_events_quotes_and_counterparts(client):
    top = client.get("/api/actors?top=2").json()["items"]
    assert len(top) == 2 and top[0]["actor"] == "vladimir-putin" and top[0]["mentions"] == 3
    putin = client.get("/api/actors/vladimir-putin").json()
    assert putin["canonical"] == "Vladimir Putin" and len(putin["events"]) == 4
    assert {c["actor"] for c in putin["counterparts"]} == {"kassym-jomart-tokayev", "UKR"}
    assert putin["quotes"][0]["text"] == "Abbiamo discusso la cooperazione economica"
    missing = client.get("/api/actors/nobody")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E404"


def test_stories_duplicates_and_search(client):
    stories = client.get("/api/stories").json()["items"]
    assert any(set(s["languages"]) == {"it", "en"} for s in stories)
    groups = client.get("/api/duplicates").json()["items"]
    assert len(groups) == 1 and len(groups[0]["members"]) == 2
    hits = client.get("/api/search?q=Tokayev").json()["items"]
    assert {h["language"] for h in hits} == {"it", "en"} and all("snippet" in h for h in hits)
    assert client.get("/api/search?q=Tokayev&lang=it").json()["items"][0]["id"] == IT_ID
    assert client.get("/api/search").status_code == 422


def test_schema_is_the_record_json_schema(client):
    assert client.get("/api/schema").json() == record_json_schema()


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/analyze", "/api/records", "/api/records/{record_id}", "/api/events", "/api/quotes",
                 "/api/actors", "/api/actors/{actor_id}", "/api/stories", "/api/search", "/api/duplicates",
                 "/api/schema", "/api/ingest"):
        assert path in paths, path


def test_docs_are_served_offline_from_this_server(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "http://" not in page.text and "https://" not in page.text and "//cdn" not in page.text
    assert '<script src="/api/docs/assets/swagger-ui-bundle.js">' in page.text
    assert "<script>" not in page.text  # no inline script: the CSP forbids it
    bundle = client.get("/api/docs/assets/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and "SwaggerUIBundle" in bundle.text
    assert client.get("/static/api-docs.js").status_code == 200


def test_every_response_carries_a_content_security_policy(client):
    for url in ("/", "/api/records", f"/records/{IT_ID}", "/api/docs", "/api/nothing-here"):
        policy = client.get(url).headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_unknown_api_paths_are_json_404s(client):
    answer = client.get("/api/unknown")
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "E409"


def test_hostile_text_comes_back_as_plain_json(client):
    rows = client.get("/api/records?lang=en").json()["items"]
    assert HOSTILE_TITLE in [row["title"] for row in rows]
    assert client.get("/api/records").headers["content-type"].startswith("application/json")


def test_docs_read_an_openapi_30_copy_of_the_31_document(client):
    import json

    original = client.get("/api/openapi.json").json()
    copy = client.get("/api/docs/openapi-3.0.json").json()
    assert original["openapi"].startswith("3.1") and copy["openapi"] == "3.0.3"
    assert copy["paths"].keys() == original["paths"].keys()
    assert '{"type": "null"}' not in json.dumps(copy) and '"nullable": true' in json.dumps(copy)
