"""Article-level event coding: one event per occasion, background dates, and the
participants' own acts in quoted words.

Periods and merging are tested as functions; sentences run through the blank
events pipeline of ``test_events`` (entities by hand); whole mini-articles in six
languages (``event_articles/``) run through the full pipeline.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dispacci.annotate.events.merge import MergeRules, compatible_dates, date_events, merge_events
from dispacci.annotate.events.periods import ArticleWords, find_periods, resolve_period
from dispacci.record import Event, EventActor, Evidence
from dispacci.resources.ontology import load_ontology

from .test_events import code, summary

ARTICLES = Path(__file__).parent / "event_articles"
LANGS = ("it", "en", "fr", "de", "es", "ru")


# -- periods: a year, a month, "N years ago" ---------------------------------------------------

@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Nel 2014 la Russia aveva annesso la Crimea", "2014"),
    ("it", "si erano incontrati lo scorso novembre", "2024-11"),
    ("it", "si erano visti a marzo", "2025-03"),
    ("it", "tre mesi fa", "2024-12"),
    ("en", "In 2014 Russia annexed Crimea", "2014"),
    ("en", "they had met last March", "2024-03"),
    ("en", "two years ago", "2023"),
    ("en", "had visited Washington last year", "2024"),
    ("fr", "il y a deux ans", "2023"),
    ("fr", "en mars 2014", "2014-03"),
    ("fr", "l'année dernière", "2024"),
    ("de", "im Jahr 2016 hatte die Türkei", "2016"),
    ("de", "im vergangenen Jahr", "2024"),
    ("de", "vor zwei Jahren", "2023"),
    ("es", "el pasado marzo", "2024-03"),
    ("es", "hace tres meses", "2024-12"),
    ("es", "en octubre de 2022", "2022-10"),
    ("ru", "в прошлом году", "2024"),
    ("ru", "в 2016 году Турция", "2016"),
    ("ru", "в феврале", "2025-02"),
])
def test_a_period_resolves_to_an_iso_year_or_month_against_the_reference(lang, text, expected):
    from dispacci.annotate.events.patterns import lemmatizer

    words = ArticleWords.load(lang, lemma=lemmatizer(lang))
    (period, *_) = find_periods(text, 0, words, lemmatizer(lang))
    assert resolve_period(period, "2025-03-12") == expected


@pytest.mark.parametrize("lang,text", [("de", "letzte Woche"), ("en", "last week"), ("ru", "на прошлой неделе"),
                                       ("it", "la settimana scorsa")])
def test_a_week_is_a_period_of_its_own_without_an_iso_day(lang, text):
    words = ArticleWords.load(lang)
    (period,) = find_periods(text, 0, words)
    assert period.unit == "week" and resolve_period(period, "2025-03-12") is None


def test_relative_periods_give_nothing_without_a_reference_but_years_do():
    words = ArticleWords.load("en")
    last_year, in_2014 = (find_periods(t, 0, words)[0] for t in ("last year", "in 2014"))
    assert resolve_period(last_year, None) is None and resolve_period(in_2014, None) == "2014"


def test_a_number_without_a_year_marker_is_no_year():
    assert find_periods("a loan of 2014 million", 0, ArticleWords.load("en")) == []


# -- merging: one event per occasion -------------------------------------------------------------

RULES = MergeRules.from_conventions(load_ontology(()).conventions)
PUTIN = EventActor(name="Vladimir Putin", actor="vladimir-putin", country="RUS", code="RUSGOV")
TOKAYEV = EventActor(name="Kassym-Jomart Tokayev", actor="kassym-jomart-tokayev", country="KAZ", code="KAZGOV")
UKRAINE = EventActor(name="Ukraine", actor="UKR", country="UKR", code="UKR")


def mention(at: int, cameo="041", date=None, target=TOKAYEV, **info):
    event = Event(source=PUTIN, target=target, cameo=cameo, date=date, evidence=Evidence(start=at, end=at + 5))
    return event, {"id": at, "sentence": at, **info}


def test_two_calls_between_one_pair_on_different_days_stay_two():
    merged = merge_events([mention(0, date="2024-03-13"), mention(50, date="2024-02-02")], RULES)
    assert sorted(e.date for e, _ in merged) == ["2024-02-02", "2024-03-13"]


def test_mentions_of_one_call_on_compatible_dates_are_one_event_with_the_precise_date():
    merged = merge_events([mention(0), mention(20, date="2024-03"), mention(50, date="2024-03-13")], RULES)
    assert [e.date for e, _ in merged] == ["2024-03-13"]


def test_an_undated_lead_mention_is_the_days_news_not_an_earlier_call():
    found = [mention(0, lead=True), mention(80, date="2024-02-02")]
    merged = merge_events(found, RULES, lead_date="2024-03-14")
    date_events(merged, "2024-03-14")
    assert sorted(e.date for e, _ in merged) == ["2024-02-02", "2024-03-14"]


def test_an_undated_lead_mention_is_the_call_of_yesterday_told_again():
    found = [mention(0, date="2024-03-13", lead=True), mention(60, lead=True)]
    merged = merge_events(found, RULES, lead_date="2024-03-14")
    assert [e.date for e, _ in merged] == ["2024-03-13"]


def test_a_background_mention_is_not_merged_into_the_news_event_and_takes_no_article_date():
    found = [mention(0, date="2024-03-13", lead=True), mention(80, background=True, lead=True)]
    merged = merge_events(found, RULES, lead_date="2024-03-14")
    date_events(merged, "2024-03-14")
    assert sorted((e.date or "") for e, _ in merged) == ["", "2024-03-13"]


def test_a_mention_pointing_back_takes_the_sides_of_the_event_it_names():
    found = [mention(0, date="2024-03-13"), mention(60, target=UKRAINE, anaphoric=True)]
    (event, info), = merge_events(found, RULES)
    assert (event.source.name, event.target.name, event.date) == (PUTIN.name, TOKAYEV.name, "2024-03-13")


def test_dates_are_compatible_when_one_contains_the_other():
    assert compatible_dates("2024-03", "2024-03-13") and compatible_dates(None, "2024")
    assert not compatible_dates("2024-02-02", "2024-03-13")


# -- sentences through the events layer -----------------------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("it", "Putin ha telefonato ieri a Tokayev. Durante la telefonata, Putin ha condannato Ucraina."),
    ("en", "Putin spoke by phone with Tokayev yesterday. During the call, Putin accused Ukraine."),
    ("fr", "Putin s'est entretenu hier par téléphone avec Tokayev. Lors de l'entretien, Putin a accusé Ukraine."),
    ("es", "Putin mantuvo ayer una conversación telefónica con Tokayev. Durante la llamada, Putin acusó a Ucrania."),
])
def test_during_the_call_is_no_new_call_with_whoever_stands_near(lang, text):
    events = code(text, lang)
    consults = {(e.source.country, e.target.country) for e in events if e.cameo.startswith("04")}
    assert consults == {("RUS", "KAZ")}


@pytest.mark.parametrize("lang,text", [
    ("it", "Putin ha telefonato ieri a Tokayev. Dopo la telefonata, Putin ha accusato Ucraina."),
    ("en", "Putin spoke by phone with Tokayev yesterday. After the call, Putin accused Ukraine."),
    ("fr", "Putin s'est entretenu hier par téléphone avec Tokayev. Après l'entretien, Putin a accusé Ukraine."),
    ("es", "Putin mantuvo ayer una conversación telefónica con Tokayev. Tras la llamada, Putin acusó a Ucrania."),
])
def test_a_counterpart_beyond_the_comma_is_not_the_event_nouns_own(lang, text):
    events = code(text, lang)
    assert {(e.source.country, e.target.country) for e in events if e.cameo.startswith("04")} == {("RUS", "KAZ")}


_SUBJECT_IN_SUBORDINATE = pytest.mark.xfail(strict=False, reason="the call's source is read from the 'since' "
                                             "clause (Russia), so its clause spans both (arguments)")


@pytest.mark.parametrize("text", [
    "Putin e Tokayev\n\nMOSCA, 14 marzo 2024 - Da quando la Russia aveva accusato l'Ucraina nel 2014, Putin ha "
    "telefonato più volte al presidente kazako Kassym-Jomart Tokayev.",
    pytest.param("Putin y Tokayev\n\nMOSCÚ, 14 de marzo de 2024 - Desde que Rusia había acusado a Ucrania en 2014, "
                 "Putin ha llamado varias veces al presidente kazajo Kassym-Jomart Tokayev.", marks=_SUBJECT_IN_SUBORDINATE),
    pytest.param("Putin et Tokayev\n\nMOSCOU, 14 mars 2024 - Depuis que la Russie avait accusé l'Ukraine en 2014, "
                 "Vladimir Putin a téléphoné plusieurs fois au président kazakh Kassym-Jomart Tokayev.",
                 marks=_SUBJECT_IN_SUBORDINATE),
])
def test_the_year_of_a_since_clause_dates_that_clause_not_the_main_one(pipeline, text):
    events = pipeline.analyze(text).events
    assert {e.date for e in events if e.cameo.startswith("11")} == {"2014"}
    assert {e.date for e in events if e.cameo.startswith("04")} == {"2024-03-14"}


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Nel 2014 Putin aveva accusato Ucraina.", "2014"),
    ("it", "Putin aveva accusato Ucraina lo scorso novembre.", "2023-11"),
    ("en", "Two years ago Putin had accused Ukraine.", "2022"),
    ("fr", "Il y a deux ans, Putin avait accusé Ukraine.", "2022"),
    ("es", "El año pasado Putin había acusado a Ucrania.", "2023"),
    ("ru", "В 2016 году Путин обвинил Украину.", "2016"),
])
def test_a_background_event_keeps_the_period_written_in_its_clause(lang, text, expected):
    events = code(text, lang)
    assert {e.date for e in events if e.cameo.startswith("11")} == {expected}


@pytest.mark.parametrize("lang,text", [
    ("it", "Putin aveva accusato Ucraina."),
    ("en", "Putin had accused Ukraine."),
    ("fr", "Putin avait accusé Ukraine."),
    ("es", "Putin había acusado a Ucrania."),
])
def test_a_past_perfect_event_without_a_date_does_not_take_the_articles(lang, text):
    events = code(text, lang)
    assert events and all(e.date is None for e in events)


# -- whole mini-articles ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def mini_records(pipeline):
    return {path.stem: pipeline.analyze(path.read_text(encoding="utf-8"))
            for path in sorted((ARTICLES / "articles").glob("*.txt"))}


@pytest.mark.parametrize("lang", LANGS)
def test_a_call_told_again_is_one_event_and_an_earlier_call_another(mini_records, lang):
    record = mini_records[f"call-told-again.{lang}"]
    calls = [e for e in record.events if e.cameo.startswith("04")]
    assert sorted((e.cameo, e.date) for e in calls) == [("041", "2024-02-02"), ("041", "2024-03-13")]
    assert all({e.source.country, e.target.country} == {"RUS", "KAZ"} or
               {e.source.country, e.target.country} <= {"FRA", "DEU", "ESP"} for e in calls)


@pytest.mark.parametrize("lang", ("it", "en", "fr", "es", "ru"))
def test_acts_during_the_call_take_the_calls_date(mini_records, lang):
    record = mini_records[f"call-told-again.{lang}"]
    assert {e.date for e in record.events if e.cameo.startswith(("05", "11"))} == {"2024-03-13"}


@pytest.mark.parametrize("lang", [*(l for l in LANGS if l != "de"), pytest.param("de", marks=pytest.mark.xfail(
    strict=False, reason="'hatte … beschuldigt, … verletzt zu haben' is not coded as an accusation yet (patterns)"))])
def test_a_background_event_keeps_its_own_year(mini_records, lang):
    record = mini_records[f"background-and-quotes.{lang}"]
    gold = json.loads((ARTICLES / "gold" / f"background-and-quotes.{lang}.json").read_text(encoding="utf-8"))
    (expected,) = [(e["cameo"], e["source_country"], e["date"]) for e in gold["events"]
                   if e["source_country"] in ("TUR", "RUS") and e["target_country"] in ("RUS", "UKR")
                   and e["cameo"].startswith(("112", "19"))]
    assert expected in {(e.cameo[:3], e.source.country, e.date) for e in record.events}


_RETRAINED_PARSE = pytest.mark.xfail(strict=False, reason="the retrained Italian and German models parse the "
                                     "quoted 'we thank you' / 'we condemn the Russian attack on Ukraine' otherwise: "
                                     "the addressee or the attacker is not the object read")


@pytest.mark.parametrize("lang,speaker", [pytest.param("it", "TUR", marks=_RETRAINED_PARSE), ("en", "DEU"),
                                          ("fr", "TUR"), pytest.param("de", "DEU", marks=_RETRAINED_PARSE),
                                          ("es", "ESP"), ("ru", "TUR")])
def test_the_speakers_own_acts_in_quoted_words_are_events_of_the_speaker(mini_records, lang, speaker):
    record = mini_records[f"background-and-quotes.{lang}"]
    assert ("111", speaker, "RUS") in summary(record.events)  # "we condemned the Russian attack"
    thanks = {e.target.country for e in record.events if e.cameo == "051" and e.source.country == speaker}
    call = next(e for e in record.events if e.cameo == "041" and e.target.country)
    addressee = call.target.country if call.source.country == speaker else call.source.country
    assert addressee in thanks  # "we thank you": the other side of the speaker's call


def test_quoted_words_about_third_parties_are_not_the_speakers_acts(pipeline):
    record = pipeline.analyze("Putin spoke with Tokayev\n\nMOSCOW, March 14, 2024 - Russian President Vladimir Putin "
                              "spoke by phone with Kazakh President Kassym-Jomart Tokayev on Wednesday.\n\n"
                              '"Ukraine attacked Russia," Putin said.')
    assert not any(e.source.country == "RUS" and e.target and e.target.country == "UKR" for e in record.events)
