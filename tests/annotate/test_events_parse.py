"""Events on the parse: arguments, generic agents and modality in six languages.

The pipeline here is the real syntax layer (the backbone's parse) and the events
layer; entities are given by hand, as in ``test_events``, so each case says which
names the coder sees. The sentences are plain, in several word orders, since the
backbone's parsers are small: what is asserted is what a reasonable parse gives.
"""
from __future__ import annotations

import re

import pytest
import spacy

import dispacci.annotate.events.component  # noqa: F401  (registers the components)
import dispacci.annotate.structure.sentences  # noqa: F401
import dispacci.annotate.structure.syntax  # noqa: F401
from dispacci import backbone
from dispacci.annotate import register_extensions
from dispacci.annotate.doc import DocContext, start_doc
from dispacci.ingest.article import Article
from dispacci.record import Entity

COUNTRIES = {
    "RUS": ["Russia", "Russland", "Russie", "Rusia", "Россия", "Россией", "России", "russe", "russa", "Russian",
            "российской"],
    "UKR": ["Ukraine", "Ucraina", "Ucrania", "Украина", "Украину", "Украины"],
    "ISR": ["Israel", "Israele", "Israël", "Израиль", "Israeli", "israeliana", "israélienne", "israelí", "israelische",
            "Израильская", "Израиле"],
    "IRN": ["Iran", "Irán", "Иран", "Ирану"],
    "SYR": ["Syria", "Siria", "Syrie", "Syrien", "Сирию"],
    "MLI": ["Mali", "Malí", "Malis", "Мали"],
    "JOR": ["Jordan"],
}
PEOPLE = {"Putin": ("Vladimir Putin", "RUS", "vladimir-putin"), "Poutine": ("Vladimir Putin", "RUS", "vladimir-putin"),
          "Путин": ("Vladimir Putin", "RUS", "vladimir-putin"), "Macron": ("Emmanuel Macron", "FRA", "emmanuel-macron"),
          "Макроном": ("Emmanuel Macron", "FRA", "emmanuel-macron")}

_nlps: dict = {}


def nlp_for(lang: str):
    if lang not in _nlps:
        register_extensions()
        nlp = spacy.blank(lang)
        nlp.add_pipe("dispacci_sentences")
        nlp.add_pipe("dispacci_syntax")
        nlp.add_pipe("dispacci_events")
        _nlps[lang] = nlp
    return _nlps[lang]


def code(text: str, lang: str):
    nlp = nlp_for(lang)
    doc = nlp.make_doc(text)
    start_doc(doc, DocContext(article=Article.from_parts(None, text), language=lang, reference_date="2024-03-14"))
    entities = []
    surfaces = [(s, ("country", iso, iso, iso)) for iso, names in COUNTRIES.items() for s in names] + [
        (s, ("person", name, country, actor)) for s, (name, country, actor) in PEOPLE.items()]
    for surface, (kind, canonical, country, actor) in sorted(surfaces, key=lambda item: -len(item[0])):
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not any(e.start < match.end() and match.start() < e.end for e in entities):
                entities.append(Entity(text=surface, kind=kind, canonical=canonical, actor=actor, country=country,
                                       roles=["leader"] if kind == "person" else [], start=match.start(),
                                       end=match.end()))
    doc._.entities = sorted(entities, key=lambda e: e.start)
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert doc._.parsed == (lang in backbone.available())
    return doc._.events


def sides(events, with_modality: bool = False) -> set[tuple]:
    return {(e.cameo[:2], e.source.code, e.target.code if e.target else None)
            + ((e.negated, e.hypothetical) if with_modality else ()) for e in events}


needs_parse = pytest.mark.skipif(not {"en", "it", "fr", "de", "es", "ru"} <= set(backbone.available()),
                                 reason="a backbone model is missing")

# -- arguments ------------------------------------------------------------------------------


@needs_parse
@pytest.mark.parametrize("lang, text", [
    ("en", "Ukraine was attacked by Russia on Tuesday."),
    ("it", "Martedì il Mali è stato attaccato dalla Russia."),
    ("fr", "L'Ukraine a été attaquée par la Russie mardi."),
    ("es", "Ucrania fue atacada por Rusia el martes."),
    ("de", "Die Ukraine wurde am Dienstag von Russland angegriffen."),
    ("de", "Am Dienstag wurde die Ukraine von Russland angegriffen."),
    ("en", "On Tuesday Ukraine was attacked by Russia."),
])
def test_in_a_passive_the_agent_acts_on_the_subject(lang, text):
    assert sides(code(text, lang)) in ({("19", "RUS", "UKR")}, {("19", "RUS", "MLI")})


@needs_parse
@pytest.mark.parametrize("lang, text", [
    ("en", "Russia and Iran condemned Israel."),
    ("it", "La Russia e l'Iran hanno condannato Israele."),
    ("es", "Rusia e Irán condenaron a Israel."),
])
def test_coordinated_subjects_give_one_event_each(lang, text):
    assert sides(code(text, lang)) == {("11", "RUS", "ISR"), ("11", "IRN", "ISR")}


@needs_parse
@pytest.mark.parametrize("lang, text", [
    ("en", "Israel attacked Iran and Syria."),
    ("fr", "Israël a attaqué l'Iran et la Syrie."),
])
def test_coordinated_objects_give_one_event_each(lang, text):
    assert sides(code(text, lang)) == {("19", "ISR", "IRN"), ("19", "ISR", "SYR")}


# -- generic agents ---------------------------------------------------------------------------


@needs_parse
@pytest.mark.parametrize("lang, text", [
    ("en", "Rebel fighters attacked an army post in the north of Mali."),
    ("it", "I ribelli hanno attaccato l'esercito nel nord del Mali."),
    ("fr", "Les rebelles ont attaqué l'armée dans le nord du Mali."),
    ("es", "Los rebeldes atacaron al ejército en el norte de Malí."),
])
def test_rebels_and_the_army_of_one_country_are_two_actors(lang, text):
    assert sides(code(text, lang)) == {("19", "MLIREB", "MLIMIL")}


@needs_parse
@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Israeli police arrested ten protesters in Israel.", ("17", "ISRCOP", "ISRCVL")),
    ("it", "La polizia israeliana ha arrestato dieci manifestanti in Israele.", ("17", "ISRCOP", "ISRCVL")),
    ("fr", "La police israélienne a arrêté dix manifestants en Israël.", ("17", "ISRCOP", "ISRCVL")),
])
def test_the_police_against_protesters_of_its_country_is_an_event(lang, text, expected):
    assert expected in sides(code(text, lang))


def test_a_country_is_still_not_its_own_counterpart():
    assert not code("Putin criticised Russia.", "en")


# -- modality ---------------------------------------------------------------------------------


@needs_parse
@pytest.mark.parametrize("lang, text", [
    ("en", "Israel did not attack Iran."),
    ("it", "Israele non ha attaccato l'Iran."),
    ("fr", "Israël n'a pas attaqué l'Iran."),
    ("es", "Israel no atacó Irán."),
    ("ru", "Израиль не атаковал Иран."),
])
def test_a_negated_act_is_negated(lang, text):
    assert sides(code(text, lang), with_modality=True) == {("19", "ISR", "IRN", True, False)}


@needs_parse
@pytest.mark.parametrize("lang, text", [
    ("en", "Israel plans to attack Iran."),
    ("en", "Iran intends to attack Israel."),
    ("en", "Israel will attack Iran."),
    ("it", "Israele minaccia di attaccare l'Iran."),
    ("it", "Israele attaccherà l'Iran."),
    ("fr", "Israël envisage d'attaquer l'Iran."),
    ("es", "Israel atacará Irán."),
    ("ru", "Израиль нанесёт удар по Ирану."),
])
def test_a_planned_or_threatened_attack_is_coded_as_the_threat_it_states(lang, text):
    events = code(text, lang)
    assert not [e for e in events if e.cameo.startswith("19")]
    threats = [e for e in events if e.cameo.startswith("13")]
    assert threats and all(not e.hypothetical and not e.negated for e in threats)


@needs_parse
@pytest.mark.parametrize("lang, text", [
    ("en", "Israel could attack Iran."),
    ("en", "Israel may attack Iran."),
    ("it", "Israele potrebbe attaccare l'Iran."),
    ("fr", "Israël pourrait attaquer l'Iran."),
    pytest.param("es", "Israel planea atacar Irán.", marks=pytest.mark.xfail(
        strict=False, reason="the retrained Spanish model tags 'planea' as a noun modifying 'Israel'")),
])
def test_an_act_that_only_may_happen_stays_hypothetical(lang, text):
    attacks = [e for e in code(text, lang) if e.cameo.startswith(("19", "13"))]
    assert attacks and all(e.hypothetical and not e.negated for e in attacks if e.cameo.startswith("19"))


@needs_parse
@pytest.mark.parametrize("lang, text, intent", [
    ("en", "Russia will give Ukraine a grant.", "033"),
    ("en", "Russia promised to withdraw its troops from Syria.", "0356"),
    pytest.param("it", "La Russia ha promesso di ritirare le truppe dalla Siria.", "0356",
                 marks=pytest.mark.xfail(strict=False, reason="the retrained Italian model makes 'ha' the root and 'promesso' its adverb: no intent verb to read")),
    pytest.param("de", "Israel wird Syrien angreifen.", "138",
                 marks=pytest.mark.xfail(strict=False, reason="the retrained German model tags 'wird' as an adjective and reads the sentence as a passive")),
    ("fr", "Israël va bombarder la Syrie.", "138"),
])
def test_an_act_stated_as_the_actors_intent_is_coded_as_that_intent(lang, text, intent):
    assert any(e.cameo.startswith(intent) and not e.hypothetical for e in code(text, lang))


@needs_parse
def test_failing_to_act_negates_it():
    signed = [e for e in code("Russia failed to sign the agreement with Ukraine.", "en") if e.cameo == "057"]
    assert signed and all(e.negated for e in signed)


# -- mapping cues ----------------------------------------------------------------------------


def test_the_object_of_a_demand_changes_its_code():
    assert sides(code("Russia demanded a ceasefire from Ukraine.", "en")) == {("10", "RUS", "UKR")}
    assert {e.cameo for e in code("Russia demanded a ceasefire from Ukraine.", "en")} == {"1056"}
    assert {e.cameo for e in code("Russia demanded explanations from Ukraine.", "en")} == {"100"}


# -- who called, who took part ------------------------------------------------------------------

@pytest.mark.parametrize("lang, text", [
    ("fr", "Macron a eu un entretien téléphonique avec Poutine à la demande de la partie russe."),
    ("it", "Macron ha avuto una conversazione telefonica con Putin su richiesta della parte russa."),
    ("en", "Macron spoke by phone with Putin at the request of the Russian side."),
    ("ru", "По просьбе российской стороны Путин провел телефонный разговор с Макроном."),
])
def test_the_side_that_asked_for_a_call_is_its_caller(lang, text):
    calls = [e for e in code(text, lang) if e.cameo == "041"]
    assert calls and {(e.source.country, e.target.country) for e in calls} == {("RUS", "FRA")}
    assert not any(e.hypothetical or e.negated for e in calls)


@needs_parse
@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Die israelische Polizei hat in Israel zehn Demonstranten festgenommen.", ("17", "ISRCOP", "ISRCVL")),
    ("es", "La policía israelí detuvo a diez manifestantes en Israel.", ("17", "ISRCOP", "ISRCVL")),
    ("ru", "Израильская полиция задержала десять демонстрантов в Израиле.", ("17", "ISRCOP", "ISRCVL")),
])
def test_generic_agents_take_their_country_in_every_language(lang, text, expected):
    assert expected in sides(code(text, lang))
