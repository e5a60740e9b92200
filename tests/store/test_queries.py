"""Events, quotes and actors are found by every filter the CLI offers."""
from __future__ import annotations

import pytest

from dispacci.errors import ConfigError

from .conftest import PUTIN, TOKAYEV, make_record


@pytest.fixture
def store(new_store, call_records):
    """The call records, in SQLite and in PostgreSQL."""
    opened = new_store()
    opened.add(call_records)
    return opened


def test_events_by_actor_name_or_id_on_either_side(store):
    by_id = store.events(actor="kassym-jomart-tokayev")
    by_name = store.events(actor="Tokayev")
    assert len(by_id) == 3 and {e["record_id"] for e in by_id} == {e["record_id"] for e in by_name}
    assert {e["source_name"] for e in by_id} == {"Putin", "Tokayev"}  # source or target
    assert store.events(actor="Erdogan")[0]["target_name"] == "Aliyev"
    assert store.events(actor="nobody at all") == []


def test_events_by_country_in_alpha2_or_alpha3(store):
    assert len(store.events(country="KAZ")) == 3
    assert len(store.events(country="kz")) == 3
    assert [e["target_country"] for e in store.events(country="AZE")] == ["AZE"]
    with pytest.raises(ConfigError) as error:
        store.events(country="Narnia")
    assert error.value.code == "E312"


def test_events_by_cameo_code_or_prefix_and_plover(store):
    assert len(store.events(code="04")) == 4
    assert len(store.events(code="041")) == 2
    assert [e["cameo"] for e in store.events(code="042")] == ["042"]
    assert len(store.events(plover="consult")) == 4
    with pytest.raises(ConfigError) as error:
        store.events(code="CONSULT")
    assert error.value.code == "E311"


def test_events_by_date_take_the_record_date_when_the_event_has_none(store):
    assert len(store.events(since="2022-04-02", until="2022-04-02")) == 4
    assert store.events(since="2022-04-03") == []


def test_an_event_row_carries_scores_and_its_evidence(store):
    event = store.events(actor="kassym-jomart-tokayev", code="041", limit=1)[0]
    assert event["quad_class"] == 1 and event["goldstein"] == 1.0 and event["root"] == "04"
    assert event["evidence"] in ("conversazione telefonica", "телефонный разговор")
    assert isinstance(event["topics"], list) and event["negated"] is False


def test_quotes_by_speaker_name_or_actor(store):
    assert [q["text"] for q in store.quotes(speaker="Kremlin")] == ["cooperazione commerciale reciprocamente vantaggiosa"]
    assert store.quotes(speaker="kremlin")[0]["direct"] is True
    assert store.quotes(speaker="Peskov") == []


def test_actors_are_counted_by_mentions_and_records(store):
    top = store.actors(top=2)
    assert top[0] == {"actor": "vladimir-putin", "canonical": "Vladimir Putin", "kind": "person", "country": "RUS",
                      "mentions": 3, "records": 3}
    assert len(store.actors(top=10, kind="person")) == 3


def test_one_actor_with_events_counterparts_and_timeline(store):
    putin = store.actor("Vladimir Putin")
    assert putin["actor"] == "vladimir-putin" and putin["mentions"] == 3 and len(putin["records"]) == 3
    assert putin["roles"] == ["head_of_state"]
    assert putin["counterparts"][0]["actor"] == "kassym-jomart-tokayev"
    assert putin["counterparts"][0]["events"] == 3 and putin["counterparts"][0]["cooperation"] == 3
    assert [t["cameo"] for t in putin["timeline"]] and store.actor("Tokayev")["country"] == "KAZ"
    assert store.actor("Nobody") is None


def test_a_busy_actor_lists_its_newest_items_with_totals_and_groups_the_rest(store):
    store.add([make_record(f"Call {n}", f"Putin called Tokayev about item {n}.", published=f"2022-06-{n % 9 + 1:02d}",
                           entities=[("Putin", "person", "vladimir-putin", "RUS")],
                           quotes=[(f"item {n}", "Putin", "vladimir-putin")],
                           events=[("called Tokayev", PUTIN, TOKAYEV, "041", "CONSULT", f"2022-06-{n % 9 + 1:02d}")])
               for n in range(12)])
    putin = store.actor("vladimir-putin", limit=5)
    assert putin["mentions"] == 15 and putin["records_total"] == 15 and len(putin["records"]) == 5
    assert putin["events_total"] == 15 and len(putin["events"]) == 5
    assert putin["quotes_total"] == 12 and len(putin["quotes"]) == 5
    assert putin["events"] == store.events(actor="vladimir-putin", limit=5)
    newest = [row["id"] for row in store.records(limit=100) if row["id"] in set(putin["records"])]
    assert putin["records"] == newest and store.records(limit=1)[0]["date"] == "2022-06-09"
    # counterparts and the timeline count every event, not only the ones listed
    assert putin["counterparts"] == [{"actor": "kassym-jomart-tokayev", "canonical": "Tokayev", "country": "KAZ",
                                      "events": 15, "cooperation": 15, "conflict": 0}]
    assert sum(row["events"] for row in putin["timeline"]) == 15
    assert [row["date"] for row in putin["timeline"]] == sorted(row["date"] or "" for row in putin["timeline"])
    # roles come with the dates of the articles they were seen in
    assert putin["role_history"] == [{"role": "head_of_state", "first": "2022-04-02", "last": "2022-06-09",
                                      "records": 3 + 12}]
    assert putin["roles"] == ["head_of_state"]


def test_entities_rows_give_offsets_into_the_text(store):
    record = store.get(store.records(lang="ru")[0]["id"])
    rows = store.entities(record_id=record.id)
    assert [record.text[row["start"]:row["end"]] for row in rows] == ["Владимир Путин"]


def test_undated_records_come_after_dated_ones_on_every_back_end(store):
    undated = make_record("Undated note", "A note with no date at all about Putin.", published=None)
    store.add([undated])
    listed = store.records(limit=10)
    assert listed[-1]["id"] == undated.id and listed[0]["date"] == "2022-04-03"


def test_pages_at_any_offset_join_up_to_the_whole_listing_with_groups_and_stories(store, call_records):
    store.add([make_record(f"Note {n}", f"Putin said note {n} about Tokayev.", published=f"2022-05-{n % 9 + 1:02d}",
                           quotes=[(f"note {n}", "Putin", "vladimir-putin")],
                           events=[(f"note {n}", PUTIN, TOKAYEV, "010", "CONSULT", f"2022-05-{n % 9 + 1:02d}")])
               for n in range(25)])
    store.cluster()
    for method, size in (("records", 29), ("events", 29), ("quotes", 26)):
        whole = getattr(store, method)(limit=100)
        assert len(whole) == size
        pages = [row for offset in range(0, size, 4) for row in getattr(store, method)(limit=4, offset=offset)]
        assert pages == whole, method
    found = store.search("note", limit=100)
    assert len(found) == 25 and [row for offset in range(0, 25, 4)
                                 for row in store.search("note", limit=4, offset=offset)] == found
    listed = {row["id"]: row for row in store.records(limit=100)}
    story = store.stories()[0]
    assert all(listed[member["id"]]["story"] == story["story"] for member in story["members"])
    assert store.records(limit=10, offset=29) == []


def test_a_big_cluster_lists_its_first_members_and_counts_them_all(store):
    from .test_duplicates import ROUNDUP_OPENING

    copies = [make_record(f"Rassegna {n}", ROUNDUP_OPENING, published=f"2022-07-{10 - n:02d}", publisher=f"site {n}")
              for n in range(5)]
    store.add(copies)
    store.cluster()
    group = store.duplicates(members=2)[0]
    assert group["size"] == 5 and len(group["members"]) == 2
    assert group["earliest"] == copies[4].id == group["members"][0]["id"] and group["group"] == f"d{copies[4].id}"
    assert len(store.duplicates()[0]["members"]) == 5
    story = store.stories(members=1)[0]
    assert story["size"] == 3 and len(story["members"]) == 1 and story["languages"] == ["en", "it", "ru"]
    assert story["members"] == store.stories()[0]["members"][:1]
