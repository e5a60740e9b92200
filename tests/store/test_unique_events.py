"""Unique events: one call told by three outlets in three languages is one event with three mentions."""
from __future__ import annotations

from dispacci.store import open_store
from dispacci.store.unique import group_mentions

from .conftest import PUTIN, TOKAYEV, make_record


def test_one_call_in_three_languages_is_one_unique_event_with_its_mentions(tmp_path, call_records):
    with open_store(tmp_path / "corpus.db") as store:
        store.add(call_records)
        store.cluster()
        unique = store.unique_events()
    call = next(u for u in unique if u["root"] == "04" and {u["source"]["actor"], u["target"]["actor"]}
                == {"vladimir-putin", "kassym-jomart-tokayev"})
    assert len(call["mentions"]) == 3 and call["languages"] == ["en", "it", "ru"]
    assert call["cameo"] == "041" and call["date"] == "2022-04-02"
    assert call["first_report"]["published"] == "2022-04-02"
    assert len(unique) == 2  # the call and the unrelated Erdogan visit


def test_the_same_pair_a_month_later_is_another_event_and_filters_apply(tmp_path, call_records):
    later = make_record("Putin e Tokayev di nuovo al telefono", "Putin ha telefonato a Tokayev.", lang="it",
                        published="2022-05-10", entities=[("Putin", "person", "vladimir-putin", "RUS")],
                        events=[("telefonato", PUTIN, TOKAYEV, "041", "CONSULT", "2022-05-10")])
    with open_store(tmp_path / "corpus.db") as store:
        store.add([*call_records, later])
        calls = store.unique_events(actor="vladimir-putin")
        assert sorted(len(u["mentions"]) for u in calls) == [1, 3]
        assert store.unique_events(since="2022-05-01")[0]["date"] == "2022-05-10"


def row(record, n, date, source, target, cameo="041", published=None, story=None, language="it"):
    return {"record_id": record, "n": n, "date": date, "source_name": source[0], "source_actor": source[1],
            "source_country": source[2], "target_name": target[0] if target else None,
            "target_actor": target[1] if target else None, "target_country": target[2] if target else None,
            "cameo": cameo, "root": cameo[:2], "plover": "CONSULT", "mode": None, "evidence": "", "title": "",
            "language": language, "outlet": None, "published": published, "record_date": date, "story": story}


def test_an_undated_mention_joins_its_storys_event_and_one_sided_events_stay_single():
    rows = [row("a", 0, "2022-04-02", PUTIN, TOKAYEV, story="s1"), row("b", 0, None, TOKAYEV, PUTIN, story="s1"),
            row("c", 0, None, PUTIN, TOKAYEV), row("d", 0, "2022-04-02", PUTIN, None, cameo="010"),
            row("e", 0, "2022-04-02", PUTIN, None, cameo="010")]
    groups = sorted(sorted(m["record_id"] for m in u["mentions"]) for u in group_mentions(rows))
    assert groups == [["a", "b"], ["c"], ["d"], ["e"]]


def test_the_events_verb_lists_unique_events(tmp_path, call_records):
    import json

    from typer.testing import CliRunner

    from dispacci.cli import app

    with open_store(tmp_path / "corpus.db") as store:
        store.add(call_records)
    result = CliRunner().invoke(app, ["events", "--unique", "--json", "--db", str(tmp_path / "corpus.db")])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert sorted(r["reports"] for r in rows) == [1, 3]
