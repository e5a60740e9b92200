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


# -- the edges of person spans, and longer names around one alias -----------------------------------
@pytest.mark.parametrize("words, pos, span, kept", [
    (["La", "chanson", "de", "Phil", "Collins", "plaît"], ["DET", "NOUN", "ADP", "NOUN", "PROPN", "VERB"],
     (3, 5), (3, 5)),
    (["Il", "pilota", "Valentino", "Rossi", "vince"], ["DET", "NOUN", "PROPN", "NOUN", "VERB"], (1, 4), (2, 4)),
    (["Er", "traf", "Reese", "Witherspoon", "gestern"], ["PRON", "VERB", "PROPN", "NOUN", "ADV"], (2, 4), (2, 4)),
    (["Habló", "con", "Hatem", "Ben", "Arfa"], ["VERB", "ADP", "NOUN", "PROPN", "PROPN"], (2, 5), (2, 5)),
    (["Встреча", "с", "Фредди", "Меркьюри"], ["NOUN", "ADP", "NOUN", "NOUN"], (2, 4), (2, 4)),
    (["He", "met", "the", "Dave", "Lee", "Travis"], ["PRON", "VERB", "DET", "PROPN", "PROPN", "PROPN"],
     (2, 6), (3, 6)),
])
def test_a_capitalised_word_the_tagger_calls_common_stays_inside_a_person_mid_sentence(words, pos, span, kept):
    doc = _doc(words, pos, ents=[(*span, "PER")])
    spans = ner_mentions(doc)
    assert [(s.token_start, s.token_end) for s in spans] == [kept]


def test_a_common_word_opening_a_person_span_at_the_sentence_start_or_in_german_is_trimmed():
    doc = _doc(["Analyst", "Bonnie", "Glaser", "said"], ["NOUN", "PROPN", "PROPN", "VERB"], ents=[(0, 3, "PER")])
    doc[0].is_sent_start = True
    assert [(s.token_start, s.token_end) for s in ner_mentions(doc)] == [(1, 3)]
    doc = _doc(["Heute", "sprach", "Außenministerin", "Annalena", "Baerbock"],
               ["ADV", "VERB", "NOUN", "PROPN", "PROPN"], ents=[(2, 5, "PER")])
    assert [(s.token_start, s.token_end) for s in ner_mentions(doc, capitalises_nouns=True)] == [(3, 5)]
    doc = _doc(["Gestern", "sagte", "Trainer", "Klopp", "nichts"], ["ADV", "VERB", "NOUN", "PROPN", "ADV"],
               ents=[(2, 4, "PER")])
    assert [(s.token_start, s.token_end) for s in ner_mentions(doc, capitalises_nouns=True)] == [(3, 4)]
    doc = _doc(["Freddie", "Mercury", "sang"], ["NOUN", "NOUN", "VERB"], ents=[(0, 2, "PER")])
    doc[0].is_sent_start = True
    assert [(s.token_start, s.token_end) for s in ner_mentions(doc, given={"Freddie"})] == [(0, 2)]


@pytest.mark.parametrize("words, pos, span", [
    (["teilte", "Regierungssprecherin", "Maria", "Beispiel", "mit"], ["VERB", "PROPN", "PROPN", "NOUN", "ADP"], (1, 4)),
    (["ha", "detto", "Portavoce", "Marco", "Esempio"], ["AUX", "VERB", "PROPN", "PROPN", "PROPN"], (2, 5)),
    (["said", "Spokeswoman", "Karen", "Example"], ["VERB", "PROPN", "PROPN", "PROPN"], (1, 4)),
])
def test_a_role_noun_the_model_took_into_a_person_is_trimmed_whatever_its_tag(words, pos, span):
    doc = _doc(words, pos, ents=[(*span, "PER")])
    roles = {"regierungssprecherin", "portavoce", "spokeswoman"}
    assert [(s.token_start, s.token_end) for s in ner_mentions(doc, roles=roles)] == [(span[0] + 1, span[1])]


@pytest.mark.parametrize("words, pos, span, inner, tag", [
    (["la", "Nuova", "Guinea"], ["DET", "ADJ", "PROPN"], (1, 3), (2, 3), "country"),
    (["in", "New", "York", "City"], ["ADP", "PROPN", "PROPN", "PROPN"], (1, 4), (1, 3), "location"),
    (["el", "Golfo", "de", "México"], ["DET", "PROPN", "ADP", "PROPN"], (1, 4), (3, 4), "country"),
    (["l'", "Asie", "Centrale"], ["DET", "PROPN", "ADJ"], (1, 3), (1, 2), "location"),
    (["in", "Groß", "Berlin"], ["ADP", "ADJ", "PROPN"], (1, 3), (2, 3), "capital"),
    (["в", "Восточной", "Европе"], ["ADP", "ADJ", "PROPN"], (1, 3), (2, 3), "location"),
])
def test_a_longer_place_name_around_one_place_alias_is_the_place(words, pos, span, inner, tag):
    doc = _doc(words, pos, ents=[(*span, "LOC")])
    alias = _mention(doc, *inner, (tag, "somewhere", None))
    standing = merge_with_aliases([alias], ner_mentions(doc), doc, _never)
    assert [(s.token_start, s.token_end) for s in standing] == [span] and alias.extra.get("dropped")
    assert bool(alias.extra.get("nested_country")) == (tag == "country")  # the country is still named


def test_a_place_span_in_lower_case_or_around_two_aliases_leaves_the_aliases():
    doc = _doc(["la", "nazionale", "del", "Paraguay"], ["DET", "NOUN", "ADP", "PROPN"], ents=[(1, 4, "LOC")])
    country = _mention(doc, 3, 4, ("country", "PRY", None))
    assert merge_with_aliases([country], ner_mentions(doc), doc, _never) == [] and not country.extra.get("dropped")
    doc = _doc(["Mosca", "e", "Kiev"], ["PROPN", "CCONJ", "PROPN"], ents=[(0, 3, "LOC")])
    cities = [_mention(doc, 0, 1, ("capital", "RUS", None)), _mention(doc, 2, 3, ("capital", "UKR", None))]
    assert merge_with_aliases(cities, ner_mentions(doc), doc, _never) == []
    assert not any(m.extra.get("dropped") for m in cities)


def test_one_piece_of_a_compound_the_ner_reads_whole_is_inside_it_two_pieces_stand():
    doc = _doc(["la", "Haute-Vienne"], ["DET", "PROPN"], ents=[(1, 2, "LOC")])
    piece = Mention(doc[1].idx + 6, doc[1].idx + 12, 1, 2, (("capital", "AUT", None),), part=True)
    assert [s.token_start for s in merge_with_aliases([piece], ner_mentions(doc), doc, _never)] == [1]
    assert piece.extra.get("dropped")
    doc = _doc(["Russia/Kazakistan"], ["PROPN"], ents=[(0, 1, "LOC")])
    pieces = [Mention(0, 6, 0, 1, (("country", "RUS", None),), part=True),
              Mention(7, 17, 0, 1, (("country", "KAZ", None),), part=True)]
    assert merge_with_aliases(pieces, ner_mentions(doc), doc, _never) == []


@pytest.mark.parametrize("words, span, at", [
    (["the", "Bolton", "Wanderers", "won"], (1, 3), 1),
    (["die", "Harris", "County", "Polizei"], (1, 3), 1),
    (["il", "Monte", "Draghi", "è", "alto"], (1, 3), 2),
])
def test_a_lone_surname_inside_a_longer_capitalised_organisation_or_place_is_inside_it(words, span, at):
    doc = _doc(words, ents=[(*span, "ORG")])
    surname = _mention(doc, at, at + 1, ("person", "someone", None))
    standing = merge_with_aliases([surname], ner_mentions(doc), doc, _never)
    assert [(s.token_start, s.token_end) for s in standing] == [span] and surname.extra.get("dropped")
    doc = _doc(["the", "Trump", "administration"], ["DET", "PROPN", "NOUN"], ents=[(1, 3, "ORG")])
    surname = _mention(doc, 1, 2, ("person", "donald-trump", None))
    assert merge_with_aliases([surname], ner_mentions(doc), doc, _never) == [] and not surname.extra.get("dropped")


def test_a_lower_case_place_head_keeps_a_place_span_a_place_a_capitalised_one_makes_the_body():
    heads = {"provincia", "comune"}
    doc = _doc(["la", "provincia", "di", "Brescia"], ["DET", "NOUN", "ADP", "PROPN"], ents=[(1, 4, "LOC")])
    assert [s.label for s in ner_mentions(doc, org_heads=heads, place_heads={"provincia"})] == ["LOC"]
    doc = _doc(["la", "Provincia", "di", "Brescia"], ["DET", "PROPN", "ADP", "PROPN"], ents=[(1, 4, "LOC")])
    assert [s.label for s in ner_mentions(doc, org_heads=heads, place_heads={"provincia"})] == ["ORG"]


@pytest.mark.parametrize("lang, text, names", [
    ("it", "Ieri il cantante Phil Collins ha incontrato l'attrice Reese Witherspoon a Milano.",
     {"Phil Collins", "Reese Witherspoon"}),
    ("en", "On Monday the singer Freddie Mercury met the coach Steve McClaren in Leeds.",
     {"Freddie Mercury", "Steve McClaren"}),
    ("fr", "Mardi, la chanson de Phil Collins a été reprise par Reese Witherspoon à Lyon.",
     {"Phil Collins", "Reese Witherspoon"}),
    ("de", "Am Montag traf Steve McClaren den Sänger Phil Collins in Leeds.", {"Steve McClaren", "Phil Collins"}),
    ("es", "El lunes el cantante Freddie Mercury conoció al entrenador Steve McClaren en Leeds.",
     {"Freddie Mercury", "Steve McClaren"}),
    ("ru", "В понедельник певец Фредди Меркьюри встретился с тренером в Лидсе.", {"Фредди Меркьюри"}),
])
def test_people_the_base_does_not_know_keep_their_whole_names(pipeline, lang, text, names):
    record = analyze(pipeline, text, lang)
    people = {e.text for e in record.entities if e.kind == "person"}
    assert names <= people, [(e.text, e.kind) for e in record.entities]


@pytest.mark.parametrize("lang, text, place", [
    ("es", "Una tormenta azotó el Golfo de México durante la noche.", "Golfo de México"),
    ("it", "La spedizione ha raggiunto la Nuova Guinea dopo tre settimane.", "Nuova Guinea"),
    ("en", "All flights to New York City were cancelled on Sunday.", "New York City"),
    ("ru", "Шторм обрушился на Западную Австралию в субботу.", "Западную Австралию"),
])
def test_a_place_named_around_another_is_one_place_and_a_country_inside_is_still_named(pipeline, lang, text,
                                                                                      place):
    record = analyze(pipeline, text, lang)
    outer = [e for e in record.entities if e.text == place and e.kind == "location"]
    assert outer, [(e.text, e.kind) for e in record.entities]
    assert not [e for e in record.entities if e.kind == "location" and outer[0].start <= e.start
                and e.end <= outer[0].end and e.text != place]


def test_a_lower_case_comune_or_provincia_is_the_place_not_its_administration(pipeline):
    record = analyze(pipeline, "Il sindaco del comune di Tortona ha parlato con i cittadini.", "it")
    assert ("Tortona", "location") in {(e.text, e.kind) for e in record.entities}
    assert not [e for e in record.entities if e.kind == "organization" and "Tortona" in e.text]


@pytest.mark.parametrize("lang, text", [
    ("de", "Des Weiteren sprach die Ministerin über den Haushalt."),
    ("en", "Will the committee approve the budget?"),
])
def test_a_given_name_the_tagger_reads_as_a_function_word_opens_no_person(pipeline, lang, text):
    record = analyze(pipeline, text, lang)
    assert not [e for e in record.entities if e.kind == "person"], [(e.text, e.kind) for e in record.entities]


def test_a_bracket_inside_an_ner_span_ends_the_name():
    doc = _doc(["Скотт", "Хоровитц", "(", "Scott", "Horowitz", ")", "заявил"],
               ["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB"], ents=[(0, 6, "PER")])
    assert [(s.token_start, s.token_end) for s in ner_mentions(doc)] == [(0, 2)]
    doc = _doc(["le", "Front", "national", "(", "FN", ")"], ["DET", "PROPN", "ADJ", "PUNCT", "PROPN", "PUNCT"],
               ents=[(1, 5, "ORG")])
    assert [(s.token_start, s.token_end) for s in ner_mentions(doc)] == [(1, 3)]


@pytest.mark.parametrize("words, pos", [
    (["Università", "di"], ["PROPN", "ADP"]),
    (["Bank", "of"], ["PROPN", "ADP"]),
    (["Banco", "de", "la"], ["PROPN", "ADP", "DET"]),
])
def test_an_ner_span_never_ends_with_a_lower_case_joining_word(words, pos):
    doc = _doc([*words, "ha"], [*pos, "VERB"], ents=[(0, len(words), "ORG")])
    assert [(s.token_start, s.token_end) for s in ner_mentions(doc)] == [(0, 1)]


@pytest.mark.parametrize("lang, text, org", [
    ("fr", "Il joue avec le groupe Dimmu Borgir depuis 2005.", "Dimmu Borgir"),
    ("es", "Firmó con la Real Sociedad de Fútbol en 2010.", "Real Sociedad de Fútbol"),
    ("en", "The defender signed for Real Sociedad de Fútbol in 2010.", "Real Sociedad de Fútbol"),
])
def test_the_head_word_rule_leaves_a_name_the_ner_reads_whole(pipeline, lang, text, org):
    record = analyze(pipeline, text, lang)
    orgs = {e.text for e in record.entities if e.kind == "organization"}
    assert org in orgs, [(e.text, e.kind) for e in record.entities]
