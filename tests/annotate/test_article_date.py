"""The article's date: every dateline and stamp shape, in six languages, with where it came from.

The battery is generated: each shape is written out for several months and days with the
language's own month names (CLDR, through babel), so a shape that only works for one month or
one spelling fails here.
"""
from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import get_month_names

from dispacci import Pipeline
from dispacci.annotate.structure import dates

DAYS = [(1, 3), (4, 9), (6, 12), (9, 25), (11, 30), (12, 7)]  # (month, day)
YEAR = 2023


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    """Guesses depend on "today": tests fix it instead of reading the clock."""
    monkeypatch.setattr(dates, "today", lambda: dt.date(2026, 12, 2))


def month(lang: str, number: int, width: str = "wide") -> str:
    return get_month_names(width, "format", locale=lang)[number]


# (language, place as written, dateline template, lead sentence)
DATELINES = [
    ("it", "Roma", "{place}, {d} {month} {y} – ", "Il governo ha approvato il decreto."),
    ("it", "MILANO", "{place}, {d} {mon}. (askanews) - ", "Il sindaco ha presentato il piano."),
    ("it", "ROMA", "(ANSA) - {place}, {d} {MON} - ", "Il consiglio dei ministri ha deciso."),
    ("it", "Vilnius", "{place}, {d} {mon}. ", "Il presidente lituano ha incontrato i ministri."),
    ("en", "WASHINGTON", "{place}, {Month} {d} (Reuters) - ", "The Senate passed the bill."),
    ("en", "LONDON", "{place}, {d} {Month} {y} (AFP) - ", "The government announced new rules."),
    ("fr", "PARIS", "{place}, {d} {month} {y} (AFP) - ", "Le gouvernement a présenté son plan."),
    ("fr", "Bruxelles", "{place}, {d} {month} (Reuters) - ", "La Commission a proposé un texte."),
    ("de", "Berlin", "{place}, {d}. {Month} {y} (dpa) - ", "Die Regierung hat das Gesetz beschlossen."),
    ("es", "SEVILLA", "{place}, {d} de {month} de {y} (Europa Press) - ", "El alcalde ha presentado el plan."),
    ("es", "Madrid", "{place}, {d} {mon} (EFE).- ", "El Gobierno aprobó el decreto."),
    ("ru", "МОСКВА", "{place}, {d} {month}. /ТАСС/. ", "Президент провел совещание с правительством."),
]


def _fill(template: str, lang: str, place: str, m: int, d: int, with_year: bool = True) -> str:
    wide, short = month(lang, m), month(lang, m, "abbreviated").rstrip(".")
    return template.format(place=place, d=d, y=YEAR, month=wide, Month=wide[:1].upper() + wide[1:],
                           mon=short, MON=short.upper())


@pytest.mark.parametrize("lang, place, template, lead", DATELINES, ids=[f"{d[0]}-{d[2][:22]}" for d in DATELINES])
def test_every_dateline_shape_gives_place_and_date(pipeline, lang, place, template, lead):
    for m, d in DAYS:
        opening = _fill(template, lang, place, m, d)
        published = f"{YEAR}-{m:02d}-{d:02d}" if "{y}" not in template else None
        record = pipeline.analyze(opening + lead, title="Titolo", language=lang, published=published)
        dateline = record.dateline
        assert dateline is not None and dateline.place == place, opening
        assert dateline.date == f"{YEAR}-{m:02d}-{d:02d}", opening
        assert dateline.date_source == "dateline" and not dateline.year_guessed, opening


def test_a_dateline_set_as_cells_of_one_line(pipeline):
    for m, d in DAYS:
        line = f"Agency | New Delhi | Updated: {d:02d}-{m:02d}-{YEAR} 10:45 IST"
        record = pipeline.analyze(f"{line}\n\n{LEADS['en']}", title="Title", language="en")
        dateline = record.dateline
        assert (dateline.place, dateline.country, dateline.date) == ("New Delhi", "IND", f"{YEAR}-{m:02d}-{d:02d}")
        assert dateline.date_source == "dateline"


# (language, stamp line under the headline)
STAMPS = [
    ("it", "{d:02d}.{m:02d}.{y}, Agenzia Nova"),
    ("it", "Aggiornato il {d} {month} {y} alle 10:45"),
    ("en", "Published {Month} {d}, {y}"),
    ("fr", "Publié le {d} {month} {y} à 10h45"),
    ("de", "Aktualisiert am {d}. {Month} {y}, 10:45 Uhr"),
    ("es", "Actualizado: {d} de {month} de {y}"),
    ("ru", "Обновлено {d} {month} {y}, 10:45"),
]
LEADS = {
    "it": "Il ministro degli Esteri ha incontrato il suo omologo per discutere della crisi.",
    "en": "The foreign minister met his counterpart to discuss the crisis in the region.",
    "fr": "Le ministre des Affaires étrangères a rencontré son homologue pour parler de la crise.",
    "de": "Der Außenminister hat seinen Amtskollegen getroffen, um über die Krise zu sprechen.",
    "es": "El ministro de Exteriores se reunió con su homólogo para hablar de la crisis.",
    "ru": "Министр иностранных дел встретился с коллегой, чтобы обсудить кризис в регионе.",
}


@pytest.mark.parametrize("lang, stamp", STAMPS, ids=[f"{s[0]}-{s[1][:20]}" for s in STAMPS])
def test_a_stamp_under_the_headline_dates_an_article_without_dateline(pipeline, lang, stamp):
    for m, d in DAYS:
        line = _fill(stamp.replace("{d:02d}", f"{d:02d}").replace("{m:02d}", f"{m:02d}"), lang, "", m, d)
        record = pipeline.analyze(f"{line}\n\n{LEADS[lang]}", title="Titolo", language=lang)
        dateline = record.dateline
        assert dateline is not None and dateline.date == f"{YEAR}-{m:02d}-{d:02d}", line
        assert dateline.date_source == "stamp" and not dateline.year_guessed, line
        assert record.text[dateline.start:dateline.end].strip(), "the stamp's words are its evidence"


FOOTERS = [
    ("de", "Quelle: dpa, am {d}. {Month} {y}"),
    ("it", "(ANSA) {d} {month} {y}"),
    ("en", "Source: Reuters, {Month} {d}, {y}"),
    ("es", "Fuente: EFE, {d} de {month} de {y}"),
    ("fr", "Source : AFP, le {d} {month} {y}"),
    ("ru", "Источник: ТАСС, {d} {month} {y}"),
]


@pytest.mark.parametrize("lang, footer", FOOTERS, ids=[f"{f[0]}-{f[1][:16]}" for f in FOOTERS])
def test_a_source_line_at_the_end_dates_the_article(pipeline, lang, footer):
    m, d = 5, 5
    line = _fill(footer, lang, "", m, d)
    body = f"{LEADS[lang]}\n\n{LEADS[lang]}\n\n{line}"
    record = pipeline.analyze(body, title="Titolo", language=lang)
    assert (record.dateline.date, record.dateline.date_source) == (f"{YEAR}-05-05", "footer")
    assert record.dateline.place is None


SENTENCES = [
    ("it", "Lo ha comunicato oggi, {d} {month}, il ministero degli Esteri."),
    ("en", "The ministry said today, {Month} {d}, that talks would resume."),
    ("fr", "Le ministère a annoncé aujourd'hui, {d} {month}, la reprise des discussions."),
    ("de", "Das Ministerium teilte heute, am {d}. {Month}, mit, dass die Gespräche weitergehen."),
    ("es", "El ministerio anunció hoy, {d} de {month}, que las conversaciones seguirán."),
    ("ru", "Об этом сегодня, {d} {month}, сообщили в министерстве."),
]


@pytest.mark.parametrize("lang, sentence", SENTENCES, ids=[s[0] for s in SENTENCES])
def test_a_sentence_dating_the_report_gives_the_day_and_the_url_the_year(pipeline, lang, sentence):
    m, d = 4, 9
    text = _fill(sentence, lang, "", m, d)
    record = pipeline.analyze(text, title="Titolo", language=lang, url=f"https://news.example/{YEAR}/04/10/story")
    assert (record.dateline.date, record.dateline.date_source) == (f"{YEAR}-04-09", "sentence")


def test_the_page_url_dates_an_article_with_no_date_in_its_text(pipeline):
    for url, date in [("https://a.example/2021/05/04/story", "2021-05-04"),
                      ("https://a.example/news/20210504-story.html", "2021-05-04"),
                      ("https://a.example/2021-05-04/story", "2021-05-04")]:
        record = pipeline.analyze(LEADS["en"], title="Title", language="en", url=url)
        assert (record.dateline.date, record.dateline.date_source, record.dateline.place) == (date, "url", None)
        assert record.dateline.start == record.dateline.end == 0


def test_a_url_year_completes_a_dateline_without_one(pipeline):
    record = pipeline.analyze("ROMA, 11 nov. (askanews) - Il governo ha risposto.", title="Titolo", language="it",
                              url="https://giornale.example/2019/11/cremlino")
    assert (record.dateline.date, record.dateline.date_source, record.dateline.year_guessed) == \
        ("2019-11-11", "dateline", False)


def test_a_december_dateline_published_in_january_is_of_the_year_before(pipeline):
    record = pipeline.analyze("MOSCA, 31 dic. - Il Cremlino ha risposto.", title="Titolo", language="it",
                              published="2024-01-02")
    assert record.dateline.date == "2023-12-31" and not record.dateline.year_guessed


def test_a_year_no_anchor_gives_is_guessed_and_flagged_never_silent(pipeline):
    record = pipeline.analyze("ROMA, 11 nov. (askanews) - Il governo ha risposto.", title="Titolo", language="it")
    assert record.dateline.date == "2026-11-11"  # the most recent 11 November before the frozen today
    assert record.dateline.year_guessed and record.dateline.date_source == "guessed"
    assert any("year not written" in warning for warning in record.warnings)


def test_a_future_day_is_guessed_into_last_year(pipeline):
    record = pipeline.analyze("PARIS, 25 décembre (Reuters) - Le président a parlé.", title="Titre", language="fr")
    assert record.dateline.date == "2025-12-25" and record.dateline.year_guessed


def test_the_users_publication_date_is_the_last_anchor(pipeline):
    record = pipeline.analyze(LEADS["de"], title="Titel", language="de", published="2022-02-24")
    assert (record.dateline.date, record.dateline.date_source) == ("2022-02-24", "published")


def test_an_article_with_no_anchor_has_no_date(pipeline):
    assert pipeline.analyze(LEADS["es"], title="Título", language="es").dateline is None


def test_every_dateline_span_indexes_the_text(pipeline):
    for lang, stamp in STAMPS:
        line = _fill(stamp.replace("{d:02d}", "05").replace("{m:02d}", "06"), lang, "", 6, 5)
        record = pipeline.analyze(f"{line}\n\n{LEADS[lang]}", title="Titolo", language=lang)
        d = record.dateline
        assert 0 <= d.start <= d.end <= len(record.text)
        assert d.date_text is None or d.date_text in record.text[d.start:d.end]


def test_an_html_pages_own_date_is_metadata(pipeline):
    paragraph = LEADS["fr"] + " " + LEADS["fr"]
    html = ("<html><head><title>Le ministre rencontre son homologue</title>"
            '<meta property="article:published_time" content="2021-05-04T10:00:00+02:00"></head>'
            f"<body><article><h1>Le ministre rencontre son homologue</h1><p>{paragraph}</p><p>{paragraph}</p>"
            "</article></body></html>")
    record = pipeline.analyze(html, language="fr")
    assert (record.dateline.date, record.dateline.date_source) == ("2021-05-04", "metadata")
