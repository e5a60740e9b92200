"""Entities = the backbone's NER + the actor base.

The merging rules are specified on hand-made Docs (tags and spans set here, so no model's
guesses are tested); the whole layer is then checked on clear sentences in several languages.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from dispacci.annotate import register_extensions
from dispacci.annotate.entities.match import Mention, all_caps_tokens
from dispacci.annotate.entities.ner import merge_with_aliases, ner_mentions, veto_common_words

register_extensions()
_VOCAB = spacy.blank("en").vocab


def _doc(words, pos=None, ents=()):
    doc = Doc(_VOCAB, words=words, pos=pos or ["PROPN"] * len(words))
    doc.set_ents([Span(doc, start, end, label=label) for start, end, label in ents])
    return doc


def _mention(doc, start, end, *candidates):
    return Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), start, end, tuple(candidates))


def _never(words, person):
    return False


# -- POS and NER evidence against gazetteer hits --------------------------------------------------
@pytest.mark.parametrize("words, pos, at", [
    (["Die", "Kinder", "spielen"], ["DET", "NOUN", "VERB"], 1),
    (["Die", "Kosten", "steigen"], ["DET", "NOUN", "VERB"], 1),
    (["Das", "Essen", "war", "kalt"], ["DET", "NOUN", "AUX", "ADJ"], 1),
    (["Nice", "work", "today"], ["ADJ", "NOUN", "NOUN"], 0),
])
def test_a_place_name_tagged_as_a_common_word_and_not_marked_by_ner_is_vetoed(words, pos, at):
    doc = _doc(words, pos)
    hit = _mention(doc, at, at + 1, ("location", "somewhere", "DEU"))
    assert veto_common_words(doc, [hit], ner_mentions(doc), safe=set()) == []


def test_the_same_word_stands_where_ner_marks_it_the_tagger_calls_it_proper_or_the_data_says_safe():
    doc = _doc(["Treffen", "in", "Essen"], ["NOUN", "ADP", "NOUN"], ents=[(2, 3, "LOC")])
    hit = _mention(doc, 2, 3, ("location", "essen", "DEU"))
    assert veto_common_words(doc, [hit], ner_mentions(doc), safe=set()) == [hit]
    doc = _doc(["Treffen", "in", "Essen"], ["NOUN", "ADP", "PROPN"])
    hit = _mention(doc, 2, 3, ("location", "essen", "DEU"))
    assert veto_common_words(doc, [hit], [], safe=set()) == [hit]
    doc = _doc(["Treffen", "in", "Essen"], ["NOUN", "ADP", "NOUN"])
    hit = _mention(doc, 2, 3, ("location", "essen", "DEU"))
    assert veto_common_words(doc, [hit], [], safe={"Essen"}) == [hit]


def test_a_world_region_of_no_single_country_is_not_vetoed_as_a_common_word():
    doc = _doc(["Reise", "durch", "Zentralasien"], ["NOUN", "ADP", "NOUN"])
    hit = _mention(doc, 2, 3, ("location", "central-asia", None))
    assert veto_common_words(doc, [hit], [], safe=set()) == [hit]


def test_country_names_and_demonyms_are_never_vetoed():
    doc = _doc(["Turkey", "and", "russische", "Truppen"], ["NOUN", "CCONJ", "ADJ", "NOUN"])
    hits = [_mention(doc, 0, 1, ("country", "TUR", None)), _mention(doc, 2, 3, ("demonym", "RUS", None))]
    assert veto_common_words(doc, hits, [], safe=set()) == hits


def test_all_capitals_sentences_are_not_vetoed_and_are_found():
    words = ["PUTIN", "MEETS", "TOKAYEV", "\n\n", "Putin", "met", "him", "."]
    doc = _doc(words, ["NOUN"] * len(words))
    starts = [True, False, False, False, True, False, False, False]
    assert all_caps_tokens(doc, words, starts) == {0, 1, 2}
    hit = _mention(doc, 2, 3, ("location", "x", None))
    assert veto_common_words(doc, [hit], [], safe=set(), all_caps={0, 1, 2}) == [hit]


# -- NER spans and alias matches ------------------------------------------------------------------
@pytest.mark.parametrize("words, span, inner", [
    (["Università", "di", "Bologna"], (0, 3), (2, 3)),
    (["the", "Bank", "of", "England", "said"], (1, 4), (3, 4)),
    (["Universidad", "de", "Salamanca"], (0, 3), (2, 3)),
    (["Московский", "университет"], (0, 2), (0, 1)),
])
def test_a_place_inside_an_organisation_name_stays_inside_it(words, span, inner):
    doc = _doc(words, ents=[(*span, "ORG")])
    place = _mention(doc, *inner, ("location", "somewhere", None))
    standing = merge_with_aliases([place], ner_mentions(doc), doc, _never)
    assert [(s.token_start, s.token_end, s.label) for s in standing] == [(*span, "ORG")]
    assert place.extra.get("dropped")


def test_a_demonym_inside_an_organisation_name_still_names_its_country():
    doc = _doc(["the", "Russian", "Space", "Agency"], ents=[(1, 4, "ORG")])
    demonym = _mention(doc, 1, 2, ("demonym", "RUS", None))
    merge_with_aliases([demonym], ner_mentions(doc), doc, _never)
    assert demonym.extra.get("dropped") and demonym.extra.get("nested_country")


@pytest.mark.parametrize("words, span, inner", [
    (["Jack", "London", "wrote"], (0, 2), (1, 2)),
    (["Giovanni", "Russo", "ha", "detto"], (0, 2), (1, 2)),
    (["Hans", "Berliner", "sagte"], (0, 2), (1, 2)),
])
def test_a_person_whose_name_holds_a_place_is_a_person_when_a_given_name_opens_it(words, span, inner):
    doc = _doc(words, ents=[(*span, "PER")])
    place = _mention(doc, *inner, ("capital", "GBR", None))
    standing = merge_with_aliases([place], ner_mentions(doc), doc, _never, given={words[0]})
    assert [s.label for s in standing] == ["PER"] and place.extra.get("dropped")


def test_a_person_span_around_a_place_without_a_given_name_leaves_the_place():
    doc = _doc(["Ascoli", "Piceno", "vince"], ents=[(0, 2, "PER")])
    place = _mention(doc, 0, 1, ("location", "ascoli", None))
    assert merge_with_aliases([place], ner_mentions(doc), doc, _never, given={"Giovanni"}) == []
    assert not place.extra.get("dropped")


def test_an_alias_covering_or_crossing_the_ner_span_stands():
    doc = _doc(["Vladimir", "Putin", "said"], ents=[(1, 2, "PER")])
    putin = _mention(doc, 0, 2, ("person", "vladimir-putin", None))
    assert merge_with_aliases([putin], ner_mentions(doc), doc, _never) == []
    assert not putin.extra.get("dropped")
    doc = _doc(["the", "Kremlin", "Palace", "Guard"], ents=[(2, 4, "ORG")])
    kremlin = _mention(doc, 1, 3, ("organization", "kremlin", None))
    assert merge_with_aliases([kremlin], ner_mentions(doc), doc, _never) == []


def test_a_fuller_name_of_a_known_person_widens_the_mention_another_given_name_does_not():
    doc = _doc(["Vladimir", "Vladimirovich", "Putin"], ents=[(0, 3, "PER")])
    putin = _mention(doc, 2, 3, ("person", "vladimir-putin", None))
    assert merge_with_aliases([putin], ner_mentions(doc), doc, lambda words, person: True) == []
    assert (putin.token_start, putin.token_end) == (0, 3)
    doc = _doc(["Alexei", "Miller", "said"], ents=[(0, 2, "PER")])
    miller = _mention(doc, 1, 2, ("person", "matthew-miller", None))
    standing = merge_with_aliases([miller], ner_mentions(doc), doc, _never)
    assert [(s.token_start, s.token_end) for s in standing] == [(0, 2)] and miller.extra.get("dropped")


def test_misc_is_no_actor_and_swallows_towns_but_not_countries():
    doc = _doc(["the", "Tour", "de", "France", "and", "Giro", "di", "Lombardia"],
               ents=[(1, 4, "MISC"), (5, 8, "MISC")])
    france = _mention(doc, 3, 4, ("country", "FRA", None))
    region = _mention(doc, 7, 8, ("location", "lombardy", None))
    assert merge_with_aliases([france, region], ner_mentions(doc), doc, _never) == []
    assert not france.extra.get("dropped") and region.extra.get("dropped")


def test_ner_spans_lose_titles_and_weekdays_at_their_edges_and_head_words_make_organisations():
    doc = _doc(["Mr", "Smith", "Tuesday", "Università", "di", "Pisa"],
               ents=[(0, 3, "PER"), (3, 6, "LOC")])
    spans = ner_mentions(doc, not_names={"Mr", "Tuesday"}, org_heads={"università"})
    assert [(s.token_start, s.token_end, s.label) for s in spans] == [(1, 2, "PER"), (3, 6, "ORG")]


# -- the whole layer on clear sentences ------------------------------------------------------------
def analyze(pipeline, text, lang, title="Notizia"):
    return pipeline.analyze(text, title=title, language=lang, published="2024-05-01")


@pytest.mark.parametrize("lang, text, region", [
    ("it", "La crisi si estende ai Balcani e all'Africa subsahariana.", ["balkans", "sub-saharan-africa"]),
    ("en", "The envoy toured the Balkans before flying on to Sub-Saharan Africa.", ["balkans", "sub-saharan-africa"]),
    ("fr", "L'émissaire a visité les Balkans puis l'Afrique subsaharienne.", ["balkans", "sub-saharan-africa"]),
    ("de", "Der Gesandte reiste durch Zentralasien und den Nahen Osten.", ["central-asia", "middle-east"]),
    ("es", "El enviado recorrió Europa del Este y el Sudeste Asiático.", ["eastern-europe", "southeast-asia"]),
    ("ru", "Посланник посетил Центральную Азию и Балканы.", ["central-asia", "balkans"]),
])
def test_regions_and_continents_are_places(pipeline, lang, text, region):
    record = analyze(pipeline, text, lang)
    found = {e.actor for e in record.entities if e.kind == "location"}
    assert set(region) <= found, [(e.text, e.kind, e.actor) for e in record.entities]


@pytest.mark.parametrize("lang, title, person", [
    ("en", "PUTIN CALLS TOKAYEV AFTER THE VOTE", "vladimir-putin"),
    ("it", "TELEFONATA TRA PUTIN E TOKAYEV", "kassym-jomart-tokayev"),
    ("fr", "MACRON REÇOIT LE PREMIER MINISTRE", "emmanuel-macron"),
    ("de", "SCHOLZ TRIFFT MACRON IN PARIS", "olaf-scholz"),
    ("es", "SÁNCHEZ VIAJA A BRUSELAS", "pedro-sanchez"),
])
def test_known_people_are_found_in_all_capitals_headlines(pipeline, lang, title, person):
    record = analyze(pipeline, "Il testo segue.", lang, title=title)
    assert person in {e.actor for e in record.entities if e.kind == "person"}, \
        [(e.text, e.kind, e.actor) for e in record.entities]


def test_german_common_nouns_are_not_foreign_places(pipeline):
    record = analyze(pipeline, "Die Kinder bekommen in der Schule ein warmes Essen, die Kosten trägt die Stadt.", "de")
    assert not [e for e in record.entities if e.text in ("Kinder", "Essen", "Kosten")]


@pytest.mark.parametrize("lang, text, place", [
    ("it", "Il rettore dell'Università di Bologna ha parlato ieri.", "Bologna"),
    ("en", "A spokesman for the University of Nottingham declined to comment.", "Nottingham"),
    ("fr", "Le président de l'Université de Strasbourg a démissionné.", "Strasbourg"),
    ("es", "El rector de la Universidad de Salamanca habló ayer.", "Salamanca"),
])
def test_places_in_organisation_names_are_no_places_of_their_own(pipeline, lang, text, place):
    record = analyze(pipeline, text, lang)
    assert not [e for e in record.entities if e.text == place and e.kind in ("location", "country")]
    assert [e for e in record.entities if e.kind == "organization" and place in e.text]


def test_russian_people_come_from_the_syntax_layers_entities(pipeline):
    record = analyze(pipeline, "Глава компании Алексей Миллер заявил журналистам о новых поставках.", "ru")
    people = [e for e in record.entities if e.kind == "person"]
    assert [(e.canonical, e.actor) for e in people] == [("Aleksey Miller", None)] or \
        [e.actor for e in people] == [None], [(e.text, e.canonical, e.actor) for e in people]


def test_entities_the_base_does_not_know_are_unresolved_of_their_kind(pipeline):
    record = analyze(pipeline, "Ingrid Halvorsen, who chairs Norsk Hydro, spoke in Stavanger on Monday.", "en")
    unknown = {e.text: e for e in record.entities if e.actor is None}
    assert unknown["Ingrid Halvorsen"].kind == "person"
    for entity in record.entities:
        assert record.text[entity.start:entity.end] == entity.text
