"""Reprints, edited copies and short copies inside longer articles are grouped;
different reports of the same event are not."""
from __future__ import annotations

import pytest

from dispacci.ingest.readers import read_text
from dispacci.store import open_store
from dispacci.store.dedup import find_duplicates, fingerprint

from ..conftest import NEWS
from .conftest import make_record


ROUNDUP_OPENING = (
    "Altre notizie della giornata, in breve. A Bruxelles i ministri delle finanze hanno discusso fino a tarda "
    "sera il bilancio comune senza trovare un accordo sulle nuove regole. A Torino lo sciopero dei trasporti "
    "ha fermato metropolitana e autobus per quattro ore, con disagi in tutta la città. Nel pomeriggio la borsa "
    "di Milano ha chiuso in lieve rialzo, trainata dai titoli bancari e dall'energia. In Sicilia i vigili del "
    "fuoco hanno spento un incendio vicino all'autostrada, riaperta dopo due ore. Il festival del cinema ha "
    "annunciato il programma: quaranta film in concorso, dodici opere prime e una retrospettiva dedicata al "
    "documentario italiano degli anni sessanta. Sul fronte sportivo la nazionale di pallavolo ha battuto la "
    "Polonia al quinto set e giocherà la finale domenica a Roma davanti a diecimila spettatori. In Parlamento "
    "la commissione bilancio ha approvato gli emendamenti sulla scuola, mentre l'opposizione ha chiesto più "
    "fondi per gli ospedali delle aree interne. A Napoli è stato inaugurato il nuovo museo del mare, con "
    "reperti recuperati nel golfo e una sala dedicata ai pescatori. Chiude la rassegna la cronaca locale: a "
    "Bologna un ponte storico resterà chiuso per lavori fino alla primavera, a Genova il porto ha registrato "
    "un anno record per il traffico di container e a Bari la fiera del levante ha contato più visitatori."
)


def _article(stem: str):
    return read_text((NEWS / "articles" / f"{stem}.txt").read_text(encoding="utf-8"))


@pytest.fixture
def corpus():
    """The eleven development articles, plus planted copies of three of them."""
    originals = {}
    for path in sorted((NEWS / "articles").glob("*.txt")):
        article = _article(path.stem)
        originals[path.stem] = make_record(article.title, article.text[article.body_start:],
                                           published="2024-11-11", publisher=f"outlet {path.stem}")
    body_028 = originals["028"].text[len(originals["028"].title) + 2:]
    body_033 = originals["033"].text[len(originals["033"].title) + 2:]
    body_003 = originals["003"].text[len(originals["003"].title) + 2:]
    copies = {
        # a verbatim reprint under another headline, a day later
        "028-reprint": make_record("Tokayev, Putin discuss cooperation", body_028, published="2024-11-12",
                                   publisher="reprinter"),
        # a lightly edited copy: a few words changed, a sentence dropped
        "033-edited": make_record("New US sanctions", body_033.replace("Treasury", "the Treasury Department")
                                  .replace("Russia", "Moscow", 2).rsplit(".", 2)[0] + ".", published="2024-11-13",
                                  publisher="editor"),
        # the short Italian wire piece quoted whole inside a longer roundup
        "003-inside": make_record("Rassegna del giorno", ROUNDUP_OPENING + "\n\nDal Cremlino: " + body_003
                                  + "\n\nE infine il meteo: sole al nord, pioggia al sud.",
                                  published="2024-11-14", publisher="roundup"),
    }
    return originals, copies


def test_planted_copies_are_grouped_with_the_earliest_copy_first(new_store, corpus):
    originals, copies = corpus
    with new_store() as store:
        store.add(list(originals.values()) + list(copies.values()))
        summary = store.cluster()
        groups = {g["earliest"]: {m["id"] for m in g["members"]} for g in store.duplicates()}
    assert summary["duplicate_groups"] == 3
    assert groups == {
        originals["028"].id: {originals["028"].id, copies["028-reprint"].id},
        originals["033"].id: {originals["033"].id, copies["033-edited"].id},
        originals["003"].id: {originals["003"].id, copies["003-inside"].id},
    }


def test_members_show_similarity_and_containment(tmp_path, corpus):
    originals, copies = corpus
    with open_store(tmp_path / "corpus.db") as store:
        store.add(list(originals.values()) + list(copies.values()))
        store.cluster()
        members = {m["id"]: m for g in store.duplicates() for m in g["members"]}
        listed = {r["id"]: r["group"] for r in store.records(limit=100)}
    assert members[copies["028-reprint"].id]["similarity"] > 0.9
    assert 0.5 <= members[copies["033-edited"].id]["similarity"] < 1
    inside = members[copies["003-inside"].id]
    assert inside["similarity"] < 0.5 and inside["containment"] > 0.9   # Jaccard alone would miss it
    assert listed[copies["028-reprint"].id] == listed[originals["028"].id] is not None
    assert listed[originals["009"].id] is None
    with open_store(tmp_path / "corpus.db") as store:
        links = store.links(copies["028-reprint"].id)
    assert links["earliest"] == originals["028"].id and links["copies"] == [originals["028"].id]


def test_two_reports_of_the_same_call_are_not_duplicates(corpus):
    originals, _ = corpus
    items = [(key, fingerprint(originals[key].text)) for key in ("009", "010")]
    assert find_duplicates(items) == []


def test_texts_without_words_are_never_grouped():
    items = [("a", fingerprint("…")), ("b", fingerprint("—")), ("c", fingerprint("…"))]
    assert find_duplicates(items) == []
