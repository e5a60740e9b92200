"""Stories across languages, end to end: short reports written for this test, analysed by the full
pipeline, stored, clustered. Three real-world events are each told by outlets in four languages;
two decoys name the same leaders (the same pair a month later, one leader's unrelated speech on
the same day). Every report of one event must end in one story, and nothing else with it."""
from __future__ import annotations

from itertools import combinations

import pytest

from dispacci.pipeline import Pipeline
from dispacci.store import open_store

REPORTS = {
    "call": [
        ("it", "2023-03-29", "Telefonata tra Meloni e Zelensky",
         "Roma, 29 mar. - La presidente del Consiglio Giorgia Meloni ha avuto oggi un colloquio telefonico con il "
         "presidente ucraino Volodymyr Zelensky. Meloni ha ribadito il sostegno dell'Italia a Kiev, "
         "ha fatto sapere Palazzo Chigi."),
        ("en", "2023-03-29", "Zelensky and Meloni discuss support by phone",
         "KYIV, March 29 - Ukrainian President Volodymyr Zelensky spoke by phone with Italian Prime Minister "
         "Giorgia Meloni on Wednesday and thanked Italy for its support, his office said."),
        ("fr", "2023-03-30", "Entretien téléphonique entre Zelensky et Meloni",
         "KIEV, 30 mars - Le président ukrainien Volodymyr Zelensky s'est entretenu mercredi au téléphone avec la "
         "présidente du Conseil italien Giorgia Meloni, qui a réaffirmé le soutien de l'Italie à l'Ukraine."),
        ("de", "2023-03-29", "Selenskyj telefoniert mit Meloni",
         "Kiew, 29. März - Der ukrainische Präsident Wolodymyr Selenskyj hat am Mittwoch mit der italienischen "
         "Ministerpräsidentin Giorgia Meloni telefoniert. Italien sagte der Ukraine weitere Unterstützung zu."),
    ],
    "sanctions": [
        ("en", "2022-06-02", "US imposes new sanctions on Russian banks",
         "WASHINGTON, June 2 - The United States imposed new sanctions on Russian banks on Thursday, the "
         "Treasury Department said. Treasury Secretary Janet Yellen said Russia would pay for its war in Ukraine."),
        ("es", "2022-06-02", "Estados Unidos impone nuevas sanciones a bancos rusos",
         "Washington, 2 jun (EFE).- Estados Unidos impuso este jueves nuevas sanciones a bancos rusos, informó el "
         "Departamento del Tesoro. La secretaria del Tesoro, Janet Yellen, dijo que Rusia pagará por la guerra."),
        ("it", "2022-06-03", "Nuove sanzioni degli Stati Uniti contro le banche russe",
         "Washington, 3 giu. - Gli Stati Uniti hanno imposto nuove sanzioni contro le banche russe, ha annunciato "
         "il Dipartimento del Tesoro. La segretaria al Tesoro Janet Yellen ha detto che la Russia pagherà."),
        ("ru", "2022-06-02", "США ввели новые санкции против российских банков",
         "ВАШИНГТОН, 2 июня. США ввели новые санкции против российских банков, сообщило министерство финансов. "
         "Министр финансов Джанет Йеллен заявила, что Россия заплатит за войну на Украине."),
    ],
    "visit": [
        ("de", "2024-05-10", "Scholz trifft Macron in Paris",
         "Paris, 10. Mai - Bundeskanzler Olaf Scholz ist am Freitag in Paris mit dem französischen Präsidenten "
         "Emmanuel Macron zusammengetroffen. Scholz und Macron sprachen über die Verteidigung Europas."),
        ("fr", "2024-05-10", "Emmanuel Macron reçoit Olaf Scholz à l'Élysée",
         "PARIS, 10 mai - Le président Emmanuel Macron a reçu vendredi le chancelier allemand Olaf Scholz à "
         "l'Élysée pour parler de la défense européenne."),
        ("es", "2024-05-10", "Macron recibe a Scholz en París",
         "París, 10 may (EFE).- El presidente francés, Emmanuel Macron, recibió este viernes en París al canciller "
         "alemán, Olaf Scholz, para hablar de la defensa europea."),
        ("it", "2024-05-11", "Incontro a Parigi tra Macron e Scholz",
         "Parigi, 11 mag. - Il presidente francese Emmanuel Macron ha ricevuto ieri all'Eliseo il cancelliere "
         "tedesco Olaf Scholz. Al centro del colloquio la difesa europea."),
    ],
    "decoy_later_call": [
        ("it", "2023-05-02", "Nuovo colloquio tra Meloni e Zelensky",
         "Roma, 2 mag. - Giorgia Meloni ha sentito di nuovo al telefono Volodymyr Zelensky per parlare della "
         "ricostruzione dell'Ucraina, ha riferito Palazzo Chigi."),
    ],
    "decoy_budget": [
        ("fr", "2024-05-10", "Macron défend le budget devant les maires",
         "PARIS, 10 mai - Le président Emmanuel Macron a défendu vendredi le budget de l'État devant les maires de "
         "France réunis à Paris."),
    ],
}


@pytest.fixture(scope="module")
def records():
    pipeline = Pipeline()
    analysed, story_of = [], {}
    for story, reports in REPORTS.items():
        for lang, day, title, body in reports:
            record = pipeline.analyze(body, title=title, language=lang, published=day)
            analysed.append(record)
            story_of[record.id] = f"{story}|{lang}"
    return analysed, story_of


def _stories(store, story_of) -> list[list[str]]:
    return [[story_of[m["id"]] for m in s["members"]] for s in store.stories(limit=100)]


def _pairs(groups) -> set[frozenset]:
    return {frozenset(p) for group in groups for p in combinations(sorted(group), 2)}


def test_each_event_told_in_four_languages_is_one_story_and_decoys_stay_apart(records, tmp_path):
    analysed, story_of = records
    with open_store(tmp_path / "corpus.db") as store:
        store.add(analysed)
        store.cluster()
        predicted = _stories(store, story_of)
    gold = [[f"{story}|{lang}" for lang, *_ in reports] for story, reports in REPORTS.items()]
    hits = _pairs(predicted) & _pairs(gold)
    precision = len(hits) / max(1, len(_pairs(predicted)))
    recall = len(hits) / len(_pairs(gold))
    assert precision == 1.0, predicted
    assert recall >= 0.8, predicted


def test_reports_arriving_one_at_a_time_form_the_stories_a_full_clustering_finds(records, tmp_path):
    analysed, story_of = records
    with open_store(tmp_path / "full.db") as store:
        store.add(analysed)
        store.cluster()
        full = sorted(sorted(group) for group in _stories(store, story_of))
    with open_store(tmp_path / "joined.db") as store:
        for record in sorted(analysed, key=lambda r: r.source.published):
            store.add([record])
            store.join([record.id])
        joined = sorted(sorted(group) for group in _stories(store, story_of))
        assert not store.clusters_stale()
    assert joined == full
