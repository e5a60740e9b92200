"""The entities layer: who and what an article names, resolved to the actor base."""
from __future__ import annotations

import pytest

from tests.conftest import news_ids


def _entities(record, kind=None):
    return [e for e in record.entities if kind is None or e.kind == kind]


def _find(record, text, kind=None):
    found = [e for e in record.entities if e.text == text and (kind is None or e.kind == kind)]
    assert found, f"no {kind or 'entity'} {text!r} in {[(e.text, e.kind) for e in record.entities]}"
    return found[0]


def _people(record) -> set[str]:
    return {e.canonical for e in _entities(record, "person")}


def _countries(record) -> set[str]:
    return {e.country for e in _entities(record, "country")}


# -- real articles -----------------------------------------------------------------------------
def test_founding_example_entities_match_the_expected_file(founding_record, founding_expected):
    produced = {(e.start, e.end): e for e in founding_record.entities}
    produced_by_kind = {(e.start, e.end, e.kind): e for e in founding_record.entities}
    for expected in founding_expected["entities"]:
        key = (expected["start"], expected["end"], expected["kind"])
        assert key in produced_by_kind, f"missing {expected} (found there: {produced.get(key[:2])})"
        entity = produced_by_kind[key]
        assert entity.text == expected["text"]
        assert entity.country == expected["country"]
        if "canonical" in expected:
            assert entity.canonical == expected["canonical"]


def test_founding_example_people_carry_their_roles_on_the_dateline_date(founding_record):
    putin = _find(founding_record, "Vladimir Putin", "person")
    tokayev = _find(founding_record, "Kassym-Jomart Tokayev", "person")
    assert putin.actor == "vladimir-putin" and putin.roles == ["President of Russia"]
    assert tokayev.actor == "kassym-jomart-tokayev" and tokayev.roles == ["President of Kazakhstan"]


def test_founding_example_dateline_city_is_not_an_entity(founding_record):
    dateline = founding_record.dateline
    assert not [e for e in founding_record.entities if e.start < dateline.end and dateline.start < e.end]


@pytest.mark.parametrize("article", news_ids())
def test_development_articles_persons_match_the_gold(article, news_records, news_gold):
    assert _people(news_records[article]) == set(news_gold[article]["persons"])


@pytest.mark.parametrize("article", news_ids())
def test_development_articles_countries_match_the_gold(article, news_records, news_gold):
    assert _countries(news_records[article]) == set(news_gold[article]["countries"])


def test_every_entity_span_is_its_text(news_records):
    for record in news_records.values():
        for entity in record.entities:
            assert record.text[entity.start:entity.end] == entity.text


# -- constructed sentences, one behaviour each --------------------------------------------------
def analyze(pipeline, text, lang, published=None):
    return pipeline.analyze(text, title="Notizia", language=lang, published=published)


@pytest.mark.parametrize("lang, text, demonym, country", [
    ("it", "Il presidente kazako ha ricevuto ieri gli inviati.", "kazako", "KAZ"),
    ("en", "Russian forces shelled the town overnight.", "Russian", "RUS"),
    ("fr", "Le chef de l'Etat russe a répondu aux journalistes.", "russe", "RUS"),
    ("de", "Die russischen Truppen zogen sich zurück.", "russischen", "RUS"),
    ("es", "El ministro ruso habló con la prensa.", "ruso", "RUS"),
    ("ru", "Российская сторона ответила на запрос.", "Российская", "RUS"),
])
def test_a_demonym_is_a_country_mention(pipeline, lang, text, demonym, country):
    entity = _find(analyze(pipeline, text, lang), demonym, "country")
    assert entity.country == country


def test_the_russian_president_is_putin_in_2005_and_medvedev_in_2010(pipeline):
    text = ("Vladimir Putin and Dmitry Medvedev met in the Kremlin on Monday. "
            "The Russian president said talks would continue.")
    early = analyze(pipeline, text, "en", published="2005-06-01")
    later = analyze(pipeline, text, "en", published="2010-06-01")
    assert _find(early, "Russian president", "person").canonical == "Vladimir Putin"
    assert _find(later, "Russian president", "person").canonical == "Dmitry Medvedev"
    assert _find(early, "Vladimir Putin", "person").roles == ["President of Russia"]
    assert _find(later, "Vladimir Putin", "person").roles == ["Prime Minister of Russia"]


def test_a_counterpart_is_the_same_office_of_the_other_country(pipeline):
    record = analyze(pipeline, "Il presidente russo Vladimir Putin ha sentito Kassym-Jomart Tokayev. "
                               "Il collega kazako ha ringraziato.", "it", published="2022-04-02")
    assert _find(record, "collega kazako", "person").canonical == "Kassym-Jomart Tokayev"


def test_short_and_later_mentions_join_the_full_name(pipeline):
    record = analyze(pipeline, "Il portavoce della Farnesina Ettore Quadrifoglio ha parlato a lungo. "
                               "Quadrifoglio ha poi aggiunto che Meloni era informata.", "it",
                     published="2024-05-01")
    people = [(e.text, e.canonical) for e in _entities(record, "person")]
    assert ("Ettore Quadrifoglio", "Ettore Quadrifoglio") in people
    assert ("Quadrifoglio", "Ettore Quadrifoglio") in people
    assert ("Meloni", "Giorgia Meloni") in people
    assert _find(record, "Ettore Quadrifoglio").roles == ["Spokesperson of Italy"]


@pytest.mark.parametrize("text, kind, country", [
    ("Washington has imposed new sanctions on Moscow.", "country", "USA"),
    ("The talks will be held in Washington next week.", "location", "USA"),
])
def test_washington_is_the_us_government_where_it_acts_and_a_place_elsewhere(pipeline, text, kind, country):
    entity = _find(analyze(pipeline, text, "en"), "Washington")
    assert (entity.kind, entity.country) == (kind, country)


def test_washington_after_a_given_name_is_a_person(pipeline):
    record = analyze(pipeline, "A portrait of George Washington hangs in the hall.", "en")
    assert _find(record, "George Washington").kind == "person"


def test_georgia_is_the_us_state_among_us_words_and_the_country_otherwise(pipeline):
    state = analyze(pipeline, "The governor of Georgia spoke in Atlanta on Friday.", "en")
    country = analyze(pipeline, "Georgia and Armenia signed a border deal in Tbilisi.", "en")
    assert (_find(state, "Georgia").kind, _find(state, "Georgia").country) == ("location", "USA")
    assert (_find(country, "Georgia").kind, _find(country, "Georgia").country) == ("country", "GEO")


def test_vladimir_alone_is_not_a_city(pipeline):
    record = analyze(pipeline, "Vladimir ha detto che tornerà presto a casa.", "it")
    assert not [e for e in record.entities if e.text == "Vladimir" and e.kind == "location"]


@pytest.mark.parametrize("text, name, canonical", [
    ("Вчера Путину позвонил Касым-Жомарт Токаев.", "Путину", "Vladimir Putin"),
    ("Президент встретился с Касымом-Жомартом Токаевым в Астане.", "Касымом-Жомартом Токаевым",
     "Kassym-Jomart Tokayev"),
    ("Лавров провел переговоры с главой МИД Турции Хаканом Фиданом.", "Хаканом Фиданом", "Hakan Fidan"),
])
def test_russian_names_are_found_in_every_case(pipeline, text, name, canonical):
    assert _find(analyze(pipeline, text, "ru", published="2024-01-10"), name, "person").canonical == canonical


def test_an_unknown_russian_name_is_given_in_the_nominative_and_in_latin(pipeline):
    record = analyze(pipeline, "Об этом сообщил пресс-секретарь губернатора Игорь Сквородников.", "ru")
    assert _find(record, "Игорь Сквородников", "person").canonical == "Igor Skvorodnikov"


@pytest.mark.parametrize("lang, text, seat, country", [
    ("it", "Palazzo Chigi ha diffuso una nota.", "Palazzo Chigi", "ITA"),
    ("fr", "L'Elysée a publié un communiqué.", "Elysée", "FRA"),
    ("en", "The White House declined to comment.", "White House", "USA"),
])
def test_a_seat_of_government_is_an_organisation_standing_for_its_country(pipeline, lang, text, seat, country):
    record = analyze(pipeline, text, lang)
    assert _find(record, seat, "organization").country == country
    assert _find(record, seat, "country").country == country


def test_people_in_a_byline_are_persons(pipeline):
    text = ("Le président a parlé avec son homologue lundi.\n\n"
            "(Reportage Camille Dufresnoy, rédigé par Lucien Marchetti)")
    record = analyze(pipeline, text, "fr")
    assert {"Camille Dufresnoy", "Lucien Marchetti"} <= _people(record)


def test_unnamed_officials_are_not_persons(pipeline):
    record = analyze(pipeline, "A spokeswoman for the ministry said the talks went well.", "en")
    assert _entities(record, "person") == []


def test_a_venue_city_is_a_location_not_a_country(pipeline):
    record = analyze(pipeline, "Il vertice della Sco si terrà a Dushanbe il 16 settembre.", "it")
    place = _find(record, "Dushanbe")
    assert (place.kind, place.country) == ("location", "TJK")
    assert _countries(record) == set()


def test_a_capitalised_demonym_inside_a_name_is_not_a_country(pipeline):
    record = analyze(pipeline, "Lo scrittore Marco Russo ha presentato il suo libro a Torino.", "it")
    assert _countries(record) == set()
    assert "Marco Russo" in _people(record)


def test_reporters_after_a_byline_cue_in_the_body_are_persons(pipeline):
    record = analyze(pipeline, "Iran denied the report on Friday.\n\n"
                               "Reporting by Parisa Hafezi; Editing by Alex Richardson", "en")
    assert {"Parisa Hafezi", "Alex Richardson"} <= _people(record)


def test_a_name_of_an_institution_is_not_a_person(pipeline):
    record = analyze(pipeline, "Researchers at George Washington University published the poll.", "en")
    assert _people(record) == set()


def test_a_country_named_inside_an_institution_name_is_a_country_mention(pipeline):
    record = analyze(pipeline, "Secondo il ministero degli Esteri russo, i colloqui sono falliti.", "it")
    assert _find(record, "russo", "country").country == "RUS"
    assert _find(record, "ministero degli Esteri russo", "organization").country == "RUS"


def test_capitals_acting_together_are_both_governments(pipeline):
    record = analyze(pipeline, "Berlin et Rome ont félicité le nouveau Premier ministre.", "fr")
    assert {"DEU", "ITA"} <= _countries(record)


def test_a_german_expert_after_a_capitalised_noun_is_a_person(pipeline):
    record = analyze(pipeline, "Der Nahost-Experte Guido Steinberg sagte, Teheran stecke dahinter.", "de")
    assert "Guido Steinberg" in _people(record)
    assert "IRN" in _countries(record)


@pytest.mark.parametrize("lang, text, capital, country", [
    ("it", "Il portavoce ha detto che Mosca è pronta a trattare.", "Mosca", "RUS"),
    ("ru", "Песков заявил, что Москва готова к переговорам.", "Москва", "RUS"),
    ("en", "The talks will be held in Moscow next week.", "Moscow", None),
])
def test_a_capital_opening_a_clause_is_its_government(pipeline, lang, text, capital, country):
    entity = _find(analyze(pipeline, text, lang), capital)
    assert entity.kind == ("country" if country else "location")


def test_an_organisation_the_base_does_not_know_is_found_from_its_head_word(pipeline):
    record = analyze(pipeline, "Lo studio dell'università di Nottingham è stato pubblicato ieri.", "it")
    org = _find(record, "università di Nottingham", "organization")
    assert org.actor is None
    assert _people(record) == set() and _countries(record) == set()


def test_a_weekday_after_a_name_is_not_part_of_it(pipeline):
    record = analyze(pipeline, "The ministry's spokesman Adam Kowalczyk Tuesday said the talks failed.", "en")
    assert "Adam Kowalczyk" in _people(record)


def test_a_title_case_headline_does_not_stretch_names(pipeline):
    record = pipeline.analyze("The ceremony took place on Monday in the capital.",
                              title="Adam Kowalczyk Wins Presidential Vote In Landslide", language="en")
    assert "Adam Kowalczyk" in _people(record)


def test_a_lone_surname_of_a_known_person_named_in_full_is_that_person(pipeline):
    record = analyze(pipeline, "Vladimir Putin ha parlato a lungo. Secondo Putin il dialogo continua.", "it",
                     published="2022-04-02")
    assert [e.actor for e in _entities(record, "person")] == ["vladimir-putin", "vladimir-putin"]


def test_a_surname_that_is_also_a_capital_is_the_person_once_named_in_full(pipeline):
    record = analyze(pipeline, "Prime minister Joseph Muscat resigned. Muscat denied any wrongdoing.", "en",
                     published="2021-01-01")
    assert _find(record, "Muscat").kind == "person"
    assert _countries(record) == set()
