"""The SQLite store keeps records exactly, once, and finds them again."""
from __future__ import annotations

import sqlite3
import string
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dispacci.errors import ConfigError, StoreError
from dispacci.store import open_store
from dispacci.store.migrations import LATEST_VERSION

from .conftest import make_record

words = st.text(alphabet=string.ascii_letters + "àéèìòùßñЖжд", min_size=1, max_size=12)
phrases = st.lists(words, min_size=1, max_size=30).map(" ".join)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "corpus.db") as opened:
        yield opened


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=phrases, body=phrases, lang=st.sampled_from(["it", "en", "ru"]),
       published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_a_record_read_back_equals_the_record_stored_and_is_stored_once(tmp_path, title, body, lang, published):
    first_word = body.split()[0]
    record = make_record(title, body, lang=lang, published=published,
                         entities=[(first_word, "person", "someone", "ITA")], quotes=[(first_word, "Someone", None)],
                         events=[(first_word, ("A", "a", "ITA"), None, "010", "COMMENT", published)])
    with open_store(tmp_path / f"{uuid.uuid4().hex}.db") as store:
        assert store.add([record])["stored"] == 1
        assert store.get(record.id) == record
        assert store.add([record, record]) == {"stored": 0, "duplicates": 2, "failed": 0}
        assert store.count() == 1 and len(store.events()) == 1 and len(store.quotes()) == 1


def test_adding_the_same_record_twice_stores_it_once(new_store, call_records):
    store = new_store()
    assert store.add(call_records) == {"stored": 4, "duplicates": 0, "failed": 0}
    assert store.add(call_records[:2] + call_records[:1]) == {"stored": 0, "duplicates": 3, "failed": 0}
    assert store.count() == 4
    assert len(store.events(limit=100)) == 4


def test_failures_are_kept_with_their_reason(new_store):
    store = new_store()
    counts = store.add([], failures=[("bad.txt", "[E001] bad.txt: file is empty")])
    assert counts == {"stored": 0, "duplicates": 0, "failed": 1}
    assert store.failures()[0]["message"] == "[E001] bad.txt: file is empty"


def test_records_filter_by_language_date_and_outlet(new_store, call_records):
    store = new_store()
    store.add(call_records)
    assert {r["language"] for r in store.records(lang="ru")} == {"ru"}
    assert [r["title"] for r in store.records(since="2022-04-03")] == ["Putin and Tokayev hold phone call"]
    assert len(store.records(until="2022-04-02")) == 3
    assert [r["outlet"] for r in store.records(outlet="Example.com")] == ["example.com"]
    assert [r["outlet"] for r in store.records(outlet="ria novosti")] == ["RIA Novosti"]
    assert len(store.records(limit=2)) == 2 and len(store.records(limit=2, offset=2)) == 2
    with pytest.raises(ConfigError) as error:
        store.records(since="2 April")
    assert error.value.code == "E310"


def test_search_finds_words_in_any_script_with_a_snippet(new_store, call_records):
    store = new_store()
    store.add(call_records)
    hits = store.search("телефонный разговор")
    assert [hit["language"] for hit in hits] == ["ru"]
    assert "[" in hits[0]["snippet"] and hits[0]["score"] > 0
    assert {hit["language"] for hit in store.search("Tokayev")} == {"it", "en"}
    assert [hit["language"] for hit in store.search("Tokayev", lang="en")] == ["en"]
    assert store.search("Putin-Tokayev")  # hyphens are no query syntax
    assert store.search('"phone call" OR Baku', lang="en")  # FTS5 syntax passes through
    assert store.search("nowhere-to-be-found") == []


def test_a_file_that_is_not_sqlite_is_refused_with_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError) as error:
        open_store(path)
    assert error.value.code == "E302" and "notes.db" in str(error.value)
    assert path.read_text().startswith("these are my notes")  # untouched


def test_a_corrupted_database_is_refused_with_a_clear_error(tmp_path, call_records):
    path = tmp_path / "corpus.db"
    with open_store(path) as store:
        store.add(call_records)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[100:4096 * 3] = b"\xff" * (4096 * 3 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as error:
        store = open_store(path)
        store.records()
    assert error.value.code == "E302"


def test_another_applications_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices (id INTEGER, total REAL)")
    with pytest.raises(StoreError) as error:
        open_store(path)
    assert error.value.code == "E301" and "invoices" in str(error.value)


def test_a_database_from_a_newer_dispacci_is_refused(tmp_path):
    path = tmp_path / "corpus.db"
    open_store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO schema_version (version, description) VALUES (?, 'future')", (LATEST_VERSION + 1,))
    with pytest.raises(StoreError) as error:
        open_store(path)
    assert error.value.code == "E303"


def test_schema_migrations_are_recorded(store):
    assert store.schema_version() == LATEST_VERSION
    assert store._fetch("PRAGMA journal_mode")[0]["journal_mode"] == "wal"


def test_a_read_only_store_refuses_to_write(tmp_path, call_records):
    path = tmp_path / "corpus.db"
    open_store(path).close()
    with open_store(path, read_only=True) as store:
        with pytest.raises(StoreError) as error:
            store.add(call_records)
        assert error.value.code == "E304"


def test_a_postgres_server_that_cannot_be_reached_is_a_clear_error():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as error:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert error.value.code == "E306" and "secret" not in str(error.value)


def test_a_postgres_database_of_another_application_is_refused(postgres_url):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute("CREATE DATABASE shop")
    with psycopg.connect(postgres_url.rsplit("/", 1)[0] + "/shop", autocommit=True) as shop:
        shop.execute("CREATE TABLE records (sku TEXT)")
    with pytest.raises(StoreError) as error:
        open_store(postgres_url.rsplit("/", 1)[0] + "/shop")
    assert error.value.code == "E301"


def test_a_database_of_an_older_schema_is_upgraded_when_opened(tmp_path, call_records):
    path = tmp_path / "corpus.db"
    with open_store(path) as store:
        store.add(call_records)
    with sqlite3.connect(path) as db:   # back to schema version 1
        for index in ("entities_canonical_lower", "entities_text_lower", "events_source_name_lower",
                      "events_target_name_lower", "quotes_speaker_lower", "records_outlet_lower"):
            db.execute(f"DROP INDEX {index}")
        db.execute("DROP TABLE actor_stats")
        db.execute("DELETE FROM schema_version WHERE version > 1")
    with pytest.raises(StoreError, match="needs upgrading"):
        open_store(path, read_only=True)
    with open_store(path) as store:
        assert store.schema_version() == LATEST_VERSION >= 2
        assert store.actors(top=1)[0]["actor"] == "vladimir-putin" and store.actors(top=1)[0]["mentions"] == 3


def test_two_writers_adding_the_same_records_at_once_store_them_once(new_store, call_records):
    import threading

    first = new_store()
    second = open_store(first.target)
    results = []
    start = threading.Barrier(2)

    def write(store):
        start.wait()
        results.append(store.add(call_records))

    threads = [threading.Thread(target=write, args=(store,)) for store in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    second.close()
    assert sorted(r["stored"] for r in results) == [0, 4] and sum(r["duplicates"] for r in results) == 4
    assert first.count() == 4 and len(first.events()) == 4
