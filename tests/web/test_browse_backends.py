"""The browsing queries answer the same on SQLite and PostgreSQL, on the analyst corpus."""
from __future__ import annotations

import uuid

import pytest

from tests.web.analyst_corpus import UNRESOLVED_NAME, US_RU_2022, US_RU_2022_ASSERTED, analyst_records

QUESTION = {"plover": "SANCTION", "source_country": "USA", "target_country": "RUS",
            "since": "2022-01-01", "until": "2022-12-31"}


@pytest.fixture(scope="module")
def postgres_url():
    pytest.importorskip("psycopg", reason="PostgreSQL back-end not tested: pip install 'dispacci[postgres]'")
    from tests.store.postgres_server import TemporaryPostgres

    server = TemporaryPostgres()
    try:
        url = server.__enter__()
    except RuntimeError as error:
        pytest.skip(f"PostgreSQL back-end not tested: no server could start: {error}")
    yield url
    server.__exit__(None, None, None)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def store(request, tmp_path_factory):
    from dispacci.store import open_store

    if request.param == "sqlite":
        opened = open_store(tmp_path_factory.mktemp("browse") / "analyst.db")
    else:
        import psycopg

        url = request.getfixturevalue("postgres_url")
        name = f"dispacci_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
        opened = open_store(f"{url.rsplit('/', 1)[0]}/{name}")
    opened.add(analyst_records())
    yield opened
    opened.close()


def test_the_analysts_question_counts_the_same_everywhere(store):
    assert store.count_events(QUESTION) == US_RU_2022
    assert store.count_events({**QUESTION, "status": "asserted"}) == US_RU_2022_ASSERTED
    rows = store.browse_events(QUESTION, sort="date_asc")
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)
    assert sum(row["hypothetical"] for row in rows) == 1 and sum(row["negated"] for row in rows) == 1
    facets = store.event_facets(QUESTION)
    assert {row["value"]: row["n"] for row in facets["lang"]} == {"en": 2, "it": 2, "fr": 1}
    assert [(row["value"], row["n"]) for row in facets["plover"]] == [("SANCTION", US_RU_2022)]
    assert {row["period"]: row["n"] for row in store.event_volume(QUESTION, by="month")} == {
        "2022-02": 1, "2022-03": 2, "2022-04": 1, "2022-06": 1}


def test_unresolved_names_and_guessed_years_come_back_marked(store):
    speakers = store.quote_facets({})["speaker"]
    assert any(row["value"] == UNRESOLVED_NAME and row["unresolved"] for row in speakers)
    quotes = store.browse_quotes({"speaker": "vladimir-putin"})
    assert len(quotes) == 1 and quotes[0]["year_guessed"] is True
    ids = [record.id for record in analyst_records()]
    trust = store.record_trust(ids)
    springfield = next(t for t in trust.values() if t["dateline_place"] == "Springfield")
    assert springfield["country_uncertain"] and springfield["unresolved"] == 1
    assert springfield["layers"]["events"] == 2 and springfield["layers"]["claims"] == 0


def test_word_forms_and_actors_find_the_same_records(store):
    by_actor = store.find_records([], [], ["vladimir-putin"], {})
    assert by_actor["total"] == 5 and {row["value"] for row in by_actor["facets"]["lang"]} == {"ru", "fr", "en", "de", "es"}
    russian = store.find_records([[("санкции", False), ("санкция", False)]], [], [], {})
    assert russian["total"] == 2
    stem = store.find_records([[("sanzion", True)]], [], [], {})
    assert [row["title"] for row in stem["rows"]] == ["Nuove sanzioni americane contro Mosca"]
    phrase = store.find_records([], [["sanctions", "on", "russia"]], [], {})
    assert phrase["total"] == 1
    rows, total = store.find_actors("путин")  # lower case: SQL folds ASCII only
    assert total == 1 and rows[0]["actor"] == "vladimir-putin" and rows[0]["resolved"]
    rows, _ = store.find_actors("Vaskovich")
    assert rows and not rows[0]["resolved"]
    names = {(row["language"], row["text"]) for row in store.names_by_language("vladimir-putin")}
    assert ("fr", "Poutine") in names and ("ru", "Владимир Путин") in names
