"""One event ontology for the events layer, the store and the evaluation, extended by the user's files."""
from __future__ import annotations

from dispacci.record import Event, EventActor, Evidence, Record, Source
from dispacci.resources.ontology import load_ontology
from dispacci.store import open_store


def test_goldstein_and_quad_class_fall_back_to_the_parent_code():
    ontology = load_ontology()
    assert ontology.quad_class("0421") == ontology.quad_class("04") == 1
    assert ontology.goldstein("0429") == ontology.goldstein("042")
    assert ontology.quad_class(None) is None and ontology.goldstein("") is None


def _user_files(tmp_path):
    events = tmp_path / "events"
    events.mkdir()
    (events / "cameo.yaml").write_text("codes:\n  '0429': {name: user test code, goldstein: 9.5}\n", encoding="utf-8")
    return str(tmp_path)


def test_a_user_cameo_file_changes_the_weights_of_the_ontology(tmp_path):
    folder = _user_files(tmp_path)
    assert load_ontology((folder,)).goldstein("0429") == 9.5
    assert load_ontology((folder,)).name_of("0429") == "user test code"
    assert load_ontology().goldstein("0429") != 9.5


def test_the_store_derives_its_goldstein_column_from_the_users_ontology(tmp_path):
    text = "Roma incontra Parigi."
    event = Event(source=EventActor(name="Roma"), target=EventActor(name="Parigi"), cameo="0429",
                  evidence=Evidence(start=0, end=len(text)))
    record = Record(id="r1", source=Source(), text=text, language="it", events=[event])
    with open_store(tmp_path / "user.db", resources=[_user_files(tmp_path)]) as store:
        store.add([record])
        assert store.events()[0]["goldstein"] == 9.5
    with open_store(tmp_path / "bundled.db") as store:
        store.add([record])
        assert store.events()[0]["goldstein"] == load_ontology().goldstein("0429") != 9.5
