"""Datelines in the shapes wire copy uses, and the dev articles' dateline dates."""
from __future__ import annotations

import pytest

from dispacci import analyze

FORMS = [
    # (language, opening of the body, place, country, date or None, published)
    ("it", "Mosca, 2 aprile 2022 – Il governo ha annunciato nuove misure.", "Mosca", "RUS", "2022-04-02", None),
    ("it", "MOSCA, 20 OTT - Il Cremlino ha risposto alle domande.", "MOSCA", "RUS", "2023-10-20", "2023-10-20"),
    ("it", "Roma, 31 lug. (askanews) - Il ministro ha parlato in aula.", "Roma", "ITA", "2024-07-31", "2024-07-31"),
    ("it", "(ANSA) - ROMA, 16 NOV - Il consiglio dei ministri ha approvato il testo.", "ROMA", "ITA", "2021-11-16", "2021-11-17"),
    ("en", "WASHINGTON (Reuters) - The Senate passed the bill on Friday.", "WASHINGTON", "USA", None, None),
    ("en", "BERLIN, Aug 17 (Reuters) - The government said it would act.", "BERLIN", "DEU", "2022-08-17", "2022-08-17"),
    ("en", "NUR-SULTAN. September 20. KAZINFORM - The President held a meeting.", "NUR-SULTAN", "KAZ", "2021-09-20", "2021-09-21"),
    ("ru", "МОСКВА, 2 апреля. /ТАСС/. Президент провел совещание с членами правительства.", "МОСКВА", "RUS", "2022-04-02", "2022-04-02"),
    ("es", "Moscú, 9 mar (EFE).- El presidente se reunió con sus ministros.", "Moscú", "RUS", "2022-03-09", "2022-03-10"),
    ("fr", "PARIS, 24 février (Reuters) - Le président a réuni son gouvernement.", "PARIS", "FRA", "2022-02-24", "2022-02-24"),
    ("es", "Europa Press/Madrid - El Gobierno aprobó el decreto este martes.", "Madrid", "ESP", None, None),
    ("ru", "БАКУ /Trend/ - Министр провел переговоры с коллегой.", "БАКУ", "AZE", None, None),
    ("de", "BERLIN (dts Nachrichtenagentur) - Die Regierung hat am Donnerstag beraten.", "BERLIN", "DEU", None, None),
]


@pytest.mark.parametrize("lang, opening, place, country, date, published", FORMS, ids=[f[1][:18] for f in FORMS])
def test_dateline_forms(lang, opening, place, country, date, published):
    record = analyze(opening, title="Titolo di prova", published=published, language=lang)
    dateline = record.dateline
    assert dateline is not None
    assert (dateline.place, dateline.country, dateline.date) == (place, country, date)
    assert record.text[dateline.start:dateline.end].startswith(place)
    assert not dateline.year_guessed


def test_missing_year_comes_from_another_full_date_with_a_warning():
    record = analyze("ROMA, 3 MAR - Il vertice del 1 marzo 2023 ha deciso nuove regole.", title="Vertice", language="it")
    assert record.dateline.date == "2023-03-03" and record.dateline.year_guessed
    assert any("another date" in w for w in record.warnings)


def test_missing_year_from_the_weekday_named_in_the_lead():
    record = analyze("PARIS, 25 avril (Reuters) - Le président a parlé lundi avec son homologue.", title="Titre", language="fr")
    assert record.dateline.date == "2022-04-25" and record.dateline.year_guessed


def test_missing_year_without_any_clue_is_the_most_recent_such_day_and_warned():
    record = analyze("ROMA, 11 nov. (askanews) - Il governo ha risposto.", title="Titolo", language="it")
    assert record.dateline.year_guessed and record.dateline.date.endswith("-11-11")
    assert any("most recent" in w for w in record.warnings)


def test_a_sentence_is_not_a_dateline():
    for text in ["Il presidente russo - ha detto il portavoce - non parlerà.", "Putin - Tokayev, colloquio telefonico."]:
        assert analyze(text, title="Titolo", language="it").dateline is None


def test_timestamp_line_above_a_dateline_without_date():
    record = analyze("20 September 2021, 21:16\n\nNUR-SULTAN. KAZINFORM – The President met the cabinet.", title="Title")
    assert record.dateline.place == "NUR-SULTAN" and record.dateline.date == "2021-09-20"


# Dev articles whose dateline has no year: their publication date is what a
# reader of the page would know; here it is given as a user would pass it.
PUBLISHED = {"003": "2025-11-11", "010": "2023-03-29", "018": "2024-09-25"}


def test_dev_articles_dateline_place_and_date(pipeline, news_gold):
    from tests.conftest import NEWS

    for stem, gold in news_gold.items():
        text = (NEWS / "articles" / f"{stem}.txt").read_text(encoding="utf-8")
        record = pipeline.analyze(text, published=PUBLISHED.get(stem))
        expected = gold["dateline"]
        if expected is None:
            assert record.dateline is None, stem
            continue
        assert record.dateline is not None, stem
        assert (record.dateline.place, record.dateline.date) == (expected["place"], expected["date"]), stem


def test_dev_articles_language(news_records, news_gold):
    assert {stem: r.language for stem, r in news_records.items()} == {stem: g["language"] for stem, g in news_gold.items()}
