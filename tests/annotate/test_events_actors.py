"""Events' actors on the whole pipeline: a country's people, capitals as states, mediators
between two sides, German separable verbs.

Each rule is checked in several languages and word orders, with the names the entities
layer and the actor base find on their own; an event is written (CAMEO root, source
code, target code).
"""
from __future__ import annotations

import pytest


def coded(pipeline, text: str, lang: str) -> set[tuple[str, str | None, str | None]]:
    record = pipeline.analyze(text, title="", language=lang)
    return {(e.cameo[:2], e.source.code if e.source else None, e.target.code if e.target else None)
            for e in record.events if not e.negated}


# -- a plural demonym names the country's people ----------------------------------------


@pytest.mark.parametrize("lang, text, people, government", [
    ("en", "Hundreds of Serbians marched in Belgrade against the government.", "SRBCVL", "SRBGOV"),
    ("en", "On Sunday, Armenians rallied in Yerevan against the government.", "ARMCVL", "ARMGOV"),
    ("it", "I manifestanti ucraini hanno protestato a Kiev contro il governo.", "UKRCVL", "UKRGOV"),
    ("it", "Ieri centinaia di armeni hanno manifestato a Erevan contro il governo.", "ARMCVL", "ARMGOV"),
    ("fr", "Des milliers d'Arméniens ont manifesté à Erevan contre le gouvernement.", "ARMCVL", "ARMGOV"),
    ("fr", "Dimanche, des centaines de Serbes ont défilé à Belgrade contre le gouvernement.", "SRBCVL", "SRBGOV"),
    ("de", "Tausende Iraner protestierten in Teheran gegen die Regierung.", "IRNCVL", "IRNGOV"),
    ("de", "Am Sonntag demonstrierten Hunderte Serben in Belgrad gegen die Regierung.", "SRBCVL", "SRBGOV"),
    ("es", "Miles de iraníes protestaron en Teherán contra el gobierno.", "IRNCVL", "IRNGOV"),
    ("es", "Cientos de serbios marcharon en Belgrado contra el gobierno.", "SRBCVL", "SRBGOV"),
    ("ru", "Миллионы россиян протестовали против правительства.", "RUSCVL", "RUSGOV"),
])
def test_a_plural_demonym_protesting_is_its_countrys_civilians_against_their_government(
        pipeline, lang, text, people, government):
    assert ("14", people, government) in coded(pipeline, text, lang)


@pytest.mark.parametrize("lang, text, target", [
    ("en", "Russian troops attacked Ukrainians in Kharkiv.", "UKRCVL"),
    ("de", "Russische Soldaten griffen Ukrainer in Charkiw an.", "UKRCVL"),
])
def test_a_plural_demonym_as_object_is_the_countrys_civilians(pipeline, lang, text, target):
    assert any(root in ("18", "19", "20") and tgt == target for root, _, tgt in coded(pipeline, text, lang))


@pytest.mark.parametrize("lang, text", [
    ("en", "Georgia protested against the Russian decision."),
    ("it", "L'Ucraina ha protestato contro la decisione russa."),
])
def test_a_countrys_name_stays_the_state(pipeline, lang, text):
    sources = {src for _, src, _ in coded(pipeline, text, lang)}
    assert sources and not any(src and src.endswith("CVL") for src in sources)


# -- a capital named as a side is its state ----------------------------------------------


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Talks between Moscow and Kyiv resumed in Istanbul.", ("04", "RUS", "UKR")),
    ("it", "Pyongyang ha minacciato un attacco nucleare contro Seul.", ("13", "PRK", "KOR")),
    ("fr", "Pyongyang a menacé Séoul d'une frappe nucléaire.", ("13", "PRK", "KOR")),
])
def test_a_capital_named_as_a_side_stands_for_its_state(pipeline, lang, text, expected):
    assert expected in coded(pipeline, text, lang)


# -- a mediator acts on each of the two sides --------------------------------------------


@pytest.mark.parametrize("lang, text, mediator, sides", [
    ("en", "Qatar mediated between Israel and Hamas.", "QAT", ("ISR", "PSEREBHMS")),
    ("en", "Egypt's mediation between Israel and Hamas led to a truce.", "EGY", ("ISR", "PSEREBHMS")),
    ("it", "La Turchia media tra Mosca e Kiev.", "TUR", ("RUS", "UKR")),
    ("it", "Il Qatar mediava fra Israele e Hamas.", "QAT", ("ISR", "PSEREBHMS")),
    ("fr", "La Turquie a servi de médiateur entre la Russie et l'Ukraine.", "TUR", ("RUS", "UKR")),
    ("de", "Katar vermittelt zwischen Israel und der Hamas.", "QAT", ("ISR", "PSEREBHMS")),
    ("es", "Catar hizo de mediador entre Israel y Hamás.", "QAT", ("ISR", "PSEREBHMS")),
    ("ru", "Турция выступила посредником между Россией и Украиной.", "TUR", ("RUS", "UKR")),
])
def test_a_mediator_is_coded_against_each_side(pipeline, lang, text, mediator, sides):
    mediations = {(src, tgt) for root, src, tgt in coded(pipeline, text, lang) if root == "04"}
    assert {(mediator, side) for side in sides} <= mediations
    assert not any(tgt == mediator for _, tgt in mediations)  # the sides do not mediate


def test_an_average_between_two_values_is_no_mediation(pipeline):
    assert not coded(pipeline, "La media tra i due valori è alta.", "it")


# -- German separable verbs -------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Russland griff am frühen Montagmorgen mit Drohnen und Raketen die Ukraine an.", ("19", "RUS", "UKR")),
    ("Israel griff am Montag erneut Ziele im Libanon an.", ("19", "ISR", "LBN")),
    ("Polen wies wegen Spionage zwei russische Diplomaten aus.", ("16", "POL", "RUS")),
    ("Die Polizei nahm am Rande der Kundgebung in Minsk drei Demonstranten fest.", ("17", "BLRCOP", "BLRCVL")),
])
def test_a_separable_verb_is_read_with_its_particle_however_far_it_stands(pipeline, text, expected):
    assert expected in coded(pipeline, text, "de")


def test_the_particle_makes_the_infinitive_lemma_only_with_a_parse():
    import spacy
    from spacy.tokens import Doc

    from dispacci.annotate.events.patterns import join_particles, lemmatizer

    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words=["Russland", "griff", "die", "Ukraine", "an"],
              lemmas=["russland", "greifen", "der", "ukraine", "an"],
              heads=[1, 1, 3, 1, 1], deps=["nsubj", "ROOT", "det", "obj", "compound:prt"],
              pos=["PROPN", "VERB", "DET", "PROPN", "ADP"])
    restore = join_particles(doc, lemmatizer("de"))
    assert doc[1].lemma_ == "angreifen" and doc[4].lemma_ == "an"
    assert restore == [(doc[1], "greifen")]


@pytest.mark.parametrize("lang, text", [
    ("it", "Gli aerei israeliani hanno bombardato la Siria."),
    ("es", "Aviones israelíes bombardearon Siria."),
])
def test_a_demonym_after_its_noun_qualifies_it_and_is_no_crowd(pipeline, lang, text):
    assert not any(src and src.endswith("CVL") for _, src, _ in coded(pipeline, text, lang))


# -- harm by no one named ------------------------------------------------------------------


@pytest.mark.parametrize("lang, text, victim", [
    ("en", "Three US servicemen were killed by a roadside bomb outside the Iraqi city of Basra.", "USA"),
    ("en", "Two Turkish soldiers were killed in a bomb attack in Syria.", "TURMIL"),
    ("fr", "Deux soldats turcs ont été tués par une bombe en Syrie.", "TURMIL"),
    ("es", "Dos soldados turcos fueron asesinados por una bomba en Siria.", "TURMIL"),
])
def test_harm_by_no_one_named_comes_from_the_country_where_it_happened(pipeline, lang, text, victim):
    events = coded(pipeline, text, lang)
    place = "IRQ" if "Basra" in text else "SYR"
    assert any(root in ("18", "19", "20") and src == place and tgt == victim for root, src, tgt in events)


def test_harm_by_a_named_actor_keeps_that_actor(pipeline):
    events = coded(pipeline, "Two Turkish soldiers were killed by Kurdish rebels in Syria.", "en")
    assert events and not any(src == "SYR" for _, src, _ in events)


# -- stated intents and protests' addressee ---------------------------------------------------


@pytest.mark.parametrize("lang, text, root", [
    ("en", "The United Nations will provide food aid to Liberia.", "03"),
    ("it", "La Russia attaccherà l'Ucraina.", "13"),
    ("es", "Rusia atacará Ucrania.", "13"),
    ("ru", "Россия нанесёт удар по Украине.", "13"),
])
def test_a_stated_intent_is_coded_as_agree_or_threaten(pipeline, lang, text, root):
    assert any(r == root for r, _, _ in coded(pipeline, text, lang))


@pytest.mark.parametrize("lang, text, people, country", [
    ("en", "Thousands of Nigerians rallied in Lagos.", "NGACVL", "NGA"),
    ("en", "Thousands of Nigerians protested on Sunday.", "NGACVL", "NGA"),
    ("fr", "Des milliers d'Arméniens ont manifesté dimanche.", "ARMCVL", "ARM"),
    ("de", "Tausende Iraner demonstrierten am Sonntag.", "IRNCVL", "IRN"),
    ("it", "Migliaia di serbi hanno protestato domenica.", "SRBCVL", "SRB"),
])
def test_a_protest_with_no_named_target_addresses_the_government_where_it_happens(
        pipeline, lang, text, people, country):
    protests = {tgt for root, src, tgt in coded(pipeline, text, lang) if root == "14" and src == people}
    assert protests and all(tgt in (country, country + "GOV") for tgt in protests)
