"""Reports of the same call in different languages form one story, linked by
what their analyses share — not by their words."""
from __future__ import annotations

from dispacci.store import open_store
from dispacci.store.stories import StoryItem, find_stories

from .conftest import ERDOGAN, PUTIN, TOKAYEV, make_record

ALIYEV = ("Aliyev", "ilham-aliyev", "AZE")


def test_the_same_call_in_three_languages_is_one_story(new_store, call_records):
    with new_store() as store:
        store.add(call_records)
        summary = store.cluster()
        stories = store.stories()
    assert summary["stories"] == 1
    story = stories[0]
    assert story["languages"] == ["en", "it", "ru"]
    assert story["outlets"] == ["Askanews", "RIA Novosti", "example.com"]
    assert story["first_seen"] == "2022-04-02"
    assert "kassym-jomart-tokayev–vladimir-putin 04" in story["key"]
    assert "Erdogan visits Baku" not in {m["title"] for m in story["members"]}


def test_the_same_actors_weeks_apart_are_different_stories(tmp_path, call_records):
    later = make_record("Putin calls Tokayev again", "Putin and Tokayev spoke by phone about gas transit.",
                        published="2022-05-20", events=[("spoke by phone", PUTIN, TOKAYEV, "040", "CONSULT", None)])
    with open_store(tmp_path / "corpus.db") as store:
        store.add(call_records + [later])
        store.cluster()
        members = {m["id"] for s in store.stories() for m in s["members"]}
    assert later.id not in members and len(members) == 3


def test_a_verbatim_quote_links_two_reports():
    quote = "we will never accept the annexation of our territory"
    items = [StoryItem("a", "2023-01-01", quotes=[quote.capitalize() + "."]),
             StoryItem("b", "2023-01-01", quotes=[f"«{quote}»"]),
             StoryItem("c", "2023-01-01", quotes=["a different statement about something else entirely"])]
    stories = find_stories(items)
    assert [s.members for s in stories] == [["a", "b"]] and stories[0].key.startswith("quote")


def test_a_shared_cast_of_actors_links_reports_but_one_shared_name_does_not():
    cast = {"olaf-scholz", "emmanuel-macron", "volodymyr-zelensky"}
    items = [StoryItem("a", "2023-06-01", actors=cast | {"bundestag"}),
             StoryItem("b", "2023-06-02", actors=set(cast)),
             StoryItem("c", "2023-06-01", actors={"olaf-scholz", "joe-biden"})]
    assert [s.members for s in find_stories(items)] == [["a", "b"]]


def test_copies_of_one_text_alone_are_not_a_story():
    event = ("vladimir-putin", "RUS", "kassym-jomart-tokayev", "KAZ", "04", "2022-04-02")
    items = [StoryItem("a", "2022-04-02", group="d1", events=[event]),
             StoryItem("b", "2022-04-02", group="d1", events=[event])]
    assert find_stories(items) == []


def test_groups_and_stories_whose_first_records_share_an_id_prefix_keep_apart(tmp_path, call_records):
    """Ids used to be cut to 12 characters: two clusters whose earliest records
    began alike collided (UNIQUE constraint failed: stories.story)."""
    other = [make_record("Erdogan and Aliyev meet", "Erdogan met Aliyev in Baku on Saturday to discuss energy.",
                         lang="en", published="2022-04-10", publisher="Daily Sabah",
                         entities=[("Erdogan", "person", "recep-tayyip-erdogan", "TUR")],
                         events=[("met Aliyev", ERDOGAN, ALIYEV, "042", "CONSULT", "2022-04-10")]),
             make_record("Erdogan incontra Aliyev", "Erdogan ha incontrato Aliyev a Baku per parlare di energia.",
                         lang="it", published="2022-04-10", publisher="Askanews",
                         entities=[("Erdogan", "person", "recep-tayyip-erdogan", "TUR")],
                         events=[("incontrato Aliyev", ERDOGAN, ALIYEV, "042", "CONSULT", "2022-04-10")])]
    reprint = [record.model_copy(update={"id": f"{record.id[:4]}copy{record.id[8:]}"}) for record in other]
    records = [*call_records[:3], *other, *reprint]
    shared = "0123456789ab"   # every id starts alike; the rest keeps them distinct
    records = [record.model_copy(update={"id": f"{shared}{n:04d}{record.id[16:]}"}) for n, record in enumerate(records)]
    with open_store(tmp_path / "corpus.db") as store:
        store.add(records)
        summary = store.cluster()
        assert summary["stories"] == 2 and summary["duplicate_groups"] == 2
        stories = store.stories()
        assert len({story["story"] for story in stories}) == 2
        assert {story["story"] for story in stories} == {f"s{story['members'][0]['id']}" for story in stories}
        groups = store.duplicates()
        assert len({group["group"] for group in groups}) == 2 and all(g["group"] == f"d{g['earliest']}" for g in groups)
        store.cluster()   # re-clustering the same records gives the same names
        assert {story["story"] for story in store.stories()} == {story["story"] for story in stories}


CALL = {"giorgia-meloni", "volodymyr-zelenskyy"}


def _reports(day: str, prefix: str, extra: list[set]) -> list[StoryItem]:
    return [StoryItem(f"{prefix}{n}", day, actors=CALL | more, countries={"ITA", "UKR"} | ({"USA"} if n % 2 else set()))
            for n, more in enumerate(extra)]


def test_one_call_reported_in_five_languages_is_one_story_without_a_shared_event_key():
    # each outlet names the two leaders and their countries, plus people of its own
    extra = [{"palazzo-chigi"}, set(), {"antonio-tajani"}, {"ukrinform"}, set()]
    items = _reports("2023-03-29", "r", extra)
    items[3].date = "2023-03-30"  # a later report, within the window
    (story,) = find_stories(items)
    assert sorted(story.members) == ["r0", "r1", "r2", "r3", "r4"] and story.key.startswith("actors")


def test_the_same_two_leaders_a_month_apart_are_two_stories():
    items = _reports("2023-03-29", "march", [set(), {"antonio-tajani"}]) + \
        _reports("2023-04-28", "april", [set(), {"dmytro-kuleba"}])
    assert sorted(sorted(s.members) for s in find_stories(items)) == [["april0", "april1"], ["march0", "march1"]]


def test_one_leader_on_the_same_day_in_two_unrelated_stories_keeps_them_apart():
    items = [StoryItem("call", "2023-03-29", actors={"giorgia-meloni", "volodymyr-zelenskyy"}, countries={"ITA", "UKR"}),
             StoryItem("budget", "2023-03-29", actors={"giorgia-meloni", "giancarlo-giorgetti"}, countries={"ITA"})]
    assert find_stories(items) == []


def test_names_in_most_of_the_corpus_weigh_too_little_to_link_by_themselves():
    common = {"vladimir-putin", "dmitry-peskov"}
    background = [StoryItem(f"b{n}", f"2022-05-{n % 28 + 1:02d}", actors=common | {f"person-{n}"}, countries={"RUS"})
                  for n in range(40)]
    items = [StoryItem("x", "2022-06-01", actors=common | {"recep-tayyip-erdogan", "hakan-fidan"}, countries={"RUS", "TUR"}),
             StoryItem("y", "2022-06-01", actors=common | {"narendra-modi", "subrahmanyam-jaishankar"},
                       countries={"RUS", "IND"}), *background]
    assert not any({"x", "y"} <= set(s.members) for s in find_stories(items))


def test_an_undated_report_joins_by_an_event_key_or_a_quote_not_by_its_cast():
    items = [StoryItem("dated", "2023-03-29", actors=set(CALL), countries={"ITA", "UKR"}),
             StoryItem("undated", None, actors=set(CALL), countries={"ITA", "UKR"})]
    assert find_stories(items) == []
