"""A newly stored record joins its story and its copy group without re-clustering the corpus,
and ends where a full re-clustering would put it."""
from __future__ import annotations

from dispacci.store.stories import StoryItem, links_of

from .conftest import PUTIN, TOKAYEV, make_record

CALL = {"giorgia-meloni", "volodymyr-zelenskyy"}


def _ids(store) -> list[list[str]]:
    return sorted(sorted(m["id"] for m in s["members"]) for s in store.stories())


def test_a_report_stored_after_clustering_joins_the_story_of_its_event(new_store, call_records):
    first, later = call_records[:2], call_records[2:]
    with new_store() as store:
        store.add(first)
        store.cluster()
        store.add(later)
        summary = store.join([r.id for r in later])
        joined = _ids(store)
        story_id = store.stories()[0]["story"]
        store.cluster()
        reclustered = _ids(store)
    assert joined == reclustered
    assert summary["joined_stories"] >= 1 and story_id.startswith("s")


def test_two_reports_that_link_to_nothing_stored_make_a_new_story_when_the_second_arrives(new_store, call_records):
    italian, english = call_records[0], call_records[1]
    with new_store() as store:
        store.add([italian])
        assert store.join([italian.id])["new_stories"] == 0
        store.add([english])
        summary = store.join([english.id])
        assert summary["new_stories"] == 1
        assert _ids(store) == [sorted([italian.id, english.id])]
        assert not store.clusters_stale()


def test_a_report_that_bridges_two_stories_merges_them_under_the_earlier_story(new_store):
    people = {"Putin": ("vladimir-putin", "RUS"), "Tokayev": ("kassym-jomart-tokayev", "KAZ"),
              "Erdogan": ("recep-tayyip-erdogan", "TUR"), "Aliyev": ("ilham-aliyev", "AZE")}

    def report(title, day, names):
        body = " e ".join(names) + " si sono parlati."
        return make_record(title, body, published=day,
                           entities=[(n, "person", *people[n]) for n in names])
    a, b = report("Putin-Tokayev", "2022-04-02", ["Putin", "Tokayev"]), report("Tokayev-Putin", "2022-04-02", ["Tokayev", "Putin"])
    c, d = report("Erdogan-Aliyev", "2022-04-03", ["Erdogan", "Aliyev"]), report("Aliyev-Erdogan", "2022-04-03", ["Aliyev", "Erdogan"])
    summit = report("Vertice a quattro", "2022-04-03", ["Putin", "Tokayev", "Erdogan", "Aliyev"])
    with new_store() as store:
        store.add([a, b, c, d])
        store.cluster()
        before = store.stories()
        store.add([summit])
        summary = store.join([summit.id])
        stories = store.stories()
    assert len(before) == 2 and summary["joined_stories"] == 1
    earlier = min(before, key=lambda s: s["first_seen"])["story"]
    assert [s["story"] for s in stories] == [earlier]
    assert {m["id"] for m in stories[0]["members"]} == {a.id, b.id, c.id, d.id, summit.id}
    assert stories[0]["size"] == 5 and stories[0]["first_seen"] == "2022-04-02"


def test_a_reprint_joins_the_copy_group_of_its_original(new_store):
    text = ("Il presidente russo Vladimir Putin ha avuto una conversazione telefonica con il presidente del "
            "Kazakistan Kassym-Jomart Tokayev, durante la quale i due hanno discusso della cooperazione "
            "commerciale ed economica e della situazione in Ucraina, ha riferito il Cremlino in una nota.")
    original = make_record("Telefonata", text, published="2022-04-02", publisher="Askanews")
    reprint = make_record("Telefonata Putin-Tokayev", text + " Fine.", published="2022-04-03", publisher="Altro")
    with new_store() as store:
        store.add([original])
        store.cluster()
        store.add([reprint])
        summary = store.join([reprint.id])
        groups = store.duplicates()
    assert summary["joined_copies"] == 1
    assert len(groups) == 1 and groups[0]["members"][0]["id"] == original.id


def test_links_of_uses_the_same_evidence_as_full_clustering():
    weights = {("a", x): 3.0 for x in CALL} | {("c", "ITA"): 1.0, ("c", "UKR"): 1.0, ("a", "antonio-tajani"): 4.0}
    new = StoryItem("new", "2023-03-30", actors=set(CALL), countries={"ITA", "UKR"})
    same = StoryItem("same", "2023-03-29", actors=CALL | {"antonio-tajani"}, countries={"ITA", "UKR"})
    month_later = StoryItem("later", "2023-04-29", actors=set(CALL), countries={"ITA", "UKR"})
    one_name = StoryItem("budget", "2023-03-30", actors={"giorgia-meloni"}, countries={"ITA"})
    quoted = StoryItem("quoted", None, quotes=["«noi non accetteremo mai questa guerra di aggressione»"])
    new.quotes = ["Noi non accetteremo mai questa guerra di aggressione."]
    links = dict(links_of(new, [same, month_later, one_name, quoted], weights))
    assert set(links) == {"same", "quoted"}
    assert links["same"].startswith("actors") and links["quoted"].startswith("quote")
