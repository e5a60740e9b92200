"""Credits: wire tags, institutions named as the source, and the provenance chain.

Constructed cases give the entities layer's answer themselves (see
``test_quotes.annotate``); the founding example and the development articles
run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from ..conftest import news_ids
from .test_quotes import annotate

INSTITUTIONS = {
    "Cremlino": ("Kremlin", "organization", "RUS", "kremlin"),
    "Кремля": ("Kremlin", "organization", "RUS", "kremlin"),
    "Palazzo Chigi": ("Palazzo Chigi", "organization", "ITA", "palazzo-chigi"),
    "Treasury": ("US Department of the Treasury", "organization", "USA", "us-treasury"),
    "Élysée": ("Élysée Palace", "organization", "FRA", "elysee"),
    "Elysée": ("Élysée Palace", "organization", "FRA", "elysee"),
    "Akorda": ("Akorda", "organization", "KAZ", "akorda"),
    "Ministero della Difesa russo": ("Ministry of Defence of Russia", "organization", "RUS", "mod-russia"),
    "Steffen Hebestreit": ("Steffen Hebestreit", "person", "DEU", "steffen-hebestreit"),
    "Zelensky": ("Volodymyr Zelenskyy", "person", "UKR", "volodymyr-zelenskyy"),
    "Auswärtige Amt": ("Federal Foreign Office", "organization", "DEU", "auswaertiges-amt"),
}


def credits(pipeline, text: str, lang: str) -> list[tuple[str, str]]:
    return [(c.name, c.role) for c in annotate(pipeline, text, lang, INSTITUTIONS)._.credits]


# -- the founding example ------------------------------------------------------------------
def test_founding_example_credits_and_chain(founding_record, founding_expected):
    got = [(c.name, c.role, c.start, c.end) for c in founding_record.credits]
    want = [(c["name"], c["role"], c["start"], c["end"]) for c in founding_expected["credits"]]
    assert got == want
    assert all(c.chain == ["Kremlin press service", "RIA Novosti"] for c in founding_record.credits)


def test_credit_offsets_cover_the_words_that_name_the_source(founding_record):
    text = founding_record.text
    assert [text[c.start:c.end] for c in founding_record.credits] == ["servizio stampa del Cremlino", "RIA Novosti"]


# -- the development articles ----------------------------------------------------------------
@pytest.mark.parametrize("stem", news_ids())
def test_development_article_credits(stem, news_records, news_gold):
    assert {c.name for c in news_records[stem].credits} == set(news_gold[stem]["credits"])


# -- wire and outlet tags --------------------------------------------------------------------
@pytest.mark.parametrize("lang, text, expected", [
    ("it", "ROMA, 16 NOV (ANSA) - Il governo ha approvato il decreto sulle bollette.", [("ANSA", "wire")]),
    ("it", "Roma, 11 nov. (askanews) – Il ministro ha incontrato i sindacati.", [("askanews", "wire")]),
    ("en", "WASHINGTON (Reuters) - The administration imposed new export controls.", [("Reuters", "wire")]),
    ("ru", "МОСКВА, 2 апреля. /ТАСС/. Президент провел совещание с правительством.", [("TASS", "wire")]),
    ("es", "MADRID, 3 mar (EFE).- El Gobierno aprobó el nuevo plan de vivienda.", [("EFE", "wire")]),
    ("it", "Il ministero ha smentito la notizia della visita a Minsk – Sputnik", [("Sputnik", "wire")]),
    ("it", "Il vertice si terrà a Bruxelles la prossima settimana.\n\n(Fonte: RIA Novosti)", [("RIA Novosti", "wire")]),
    ("it", "© Agenzia Nova - Riproduzione riservata\n\nIl ministro degli Esteri è partito per New York.",
     [("Agenzia Nova", "wire")]),
    ("en", "The ministry declined to comment on the talks, according to Reuters.", [("Reuters", "wire")]),
    ("it", "Lo riferisce l'agenzia Tass citando fonti diplomatiche a Mosca.", [("TASS", "wire")]),
    ("en", "NUR-SULTAN. KAZINFORM – The President held a meeting with the government.", [("Kazinform", "wire")]),
    ("es", "Europa Press/Madrid - El presidente del Gobierno ha viajado a Kiev.", [("Europa Press", "wire")]),
    ("en", "Reuters\n\nThe United States imposed new sanctions on Thursday.", [("Reuters", "wire")]),
    ("ru", "БАКУ /Trend/ - Как сообщает Trend со ссылкой на ТАСС, министры провели переговоры.",
     [("Trend", "wire"), ("TASS", "wire")]),
    ("it", "Il vertice è stato rinviato a data da destinarsi (ANSA-AFP).",
     [("ANSA", "wire"), ("Agence France-Presse", "wire")]),
    ("de", "ISTANBUL (dpa/AFP) - Erdogan hat erneut angeboten zu vermitteln.",
     [("dpa", "wire"), ("Agence France-Presse", "wire")]),
])
def test_wire_tags(pipeline, lang, text, expected):
    assert credits(pipeline, text, lang) == expected


def test_words_that_only_look_like_agencies_are_not_credits(pipeline):
    text = ("Il presidente ha parlato di una nuova tendenza (segue).\n"
            "Bisogna dire che la Repubblica del Kazakistan cresce, e il trend resta positivo.")
    assert credits(pipeline, text, "it") == []


# -- institutions named as the source ----------------------------------------------------------
@pytest.mark.parametrize("lang, text, expected", [
    ("it", "Mosca – Putin ha sentito Tokayev, riferisce il servizio stampa del Cremlino.",
     [("Kremlin press service", "origin")]),
    ("it", "Roma – La telefonata è durata un'ora, ha reso noto Palazzo Chigi.", [("Palazzo Chigi", "origin")]),
    ("it", "Roma – Lo riferisce una nota di Palazzo Chigi diffusa in serata.", [("Palazzo Chigi", "origin")]),
    ("en", "Washington – The new sanctions target 22 people, the Treasury said in a statement.",
     [("US Department of the Treasury", "origin")]),
    ("fr", "Paris – Les deux présidents se reparleront bientôt, selon l'Élysée.", [("Élysée Palace", "origin")]),
    ("fr", "Paris – Biden a félicité Macron, a fait savoir l'Elysée.", [("Élysée Palace", "origin")]),
    ("en", "Astana – The President had a phone call, Kazinform has learnt from the Akorda press service.",
     [("Kazinform", "wire"), ("Akorda press service", "origin")]),
    ("ru", "Москва – Как сообщила пресс-служба Кремля, переговоры прошли в телефонном режиме.",
     [("Kremlin press service", "origin")]),
    ("de", "Berlin – Das Treffen wurde abgesagt, teilte das Auswärtige Amt mit.", [("Federal Foreign Office", "origin")]),
])
def test_institutions_named_as_the_source(pipeline, lang, text, expected):
    assert credits(pipeline, text, lang) == expected


def test_people_platforms_and_opening_claims_are_not_credits(pipeline):
    assert credits(pipeline, "Berlin – Scholz telefonierte, teilte Regierungssprecher Steffen Hebestreit mit.", "de") == []
    assert credits(pipeline, "Roma – «Una telefonata produttiva», ha scritto Zelensky su Telegram.", "it") == []
    text = "Secondo il Ministero della Difesa russo, le forze armate colpiscono solo obiettivi militari."
    assert credits(pipeline, text, "it") == []


# -- the chain ----------------------------------------------------------------------------------
def test_chain_runs_from_origin_through_the_cited_wire_to_the_publisher(pipeline):
    record = pipeline.analyze(
        "Москва – Как сообщает Trend со ссылкой на ТАСС, переговоры прошли в Нью-Йорке.",
        title="Лавров провел переговоры", language="ru", publisher="Example Daily")
    assert {(c.name, c.role) for c in record.credits} == {("Trend", "wire"), ("TASS", "wire"),
                                                          ("Example Daily", "publisher")}
    assert all(c.chain == ["TASS", "Trend", "Example Daily"] for c in record.credits)


def test_each_source_is_listed_once_at_its_first_mention(pipeline):
    text = ("Mosca – Putin ha sentito Tokayev, riferisce il servizio stampa del Cremlino.\n"
            "I due leader hanno parlato di economia, riferisce il servizio stampa del Cremlino.")
    doc = annotate(pipeline, text, "it", INSTITUTIONS)
    assert [(c.name, doc.text[c.start:c.end]) for c in doc._.credits] == [
        ("Kremlin press service", "servizio stampa del Cremlino")]
    assert doc._.credits[0].start == text.index("servizio")


def test_an_institution_with_an_adverb_before_its_verb(pipeline):
    text = "Roma – Il Ministero della Difesa russo ha invece affermato di aver colpito depositi di munizioni."
    assert credits(pipeline, text, "it") == [("Ministry of Defence of Russia", "origin")]


def test_a_preposition_after_the_verb_is_not_an_adverb(pipeline):
    text = "Bruxelles – « L'Europe doit se préparer », a-t-il déclaré devant le Parlement européen."
    names = {**INSTITUTIONS, "Parlement européen": ("European Parliament", "organization", None, "european-parliament")}
    assert [(c.name, c.role) for c in annotate(pipeline, text, "fr", names)._.credits] == []
    text = "Москва – Как сообщили в МИД России, переговоры пройдут в Анкаре."
    names = {"МИД России": ("Ministry of Foreign Affairs of Russia", "organization", "RUS", "mfa-russia")}
    assert [(c.name, c.role) for c in annotate(pipeline, text, "ru", names)._.credits] == [
        ("Ministry of Foreign Affairs of Russia", "origin")]


def test_credits_carry_the_actor_of_the_agency_or_institution(founding_record):
    assert [(c.name, c.actor) for c in founding_record.credits] == [
        ("Kremlin press service", "kremlin"), ("RIA Novosti", "ria-novosti")]


# -- sources the parse, stamps and signatures name ---------------------------------------------
PARSED = {**INSTITUTIONS,
          "Farnesina": ("Ministry of Foreign Affairs of Italy", "organization", "ITA", "farnesina"),
          "Bundesregierung": ("Federal Government of Germany", "organization", "DEU", "bundesregierung")}


# The retrained Italian and German models saw no datelines in training and parse "Roma –" as the
# subject. Parsing the dateline apart fixes these and exposed the events layer reading an object's
# compound modifier ("Ukraine aid") as a counterpart, so it waits for that fix.
_DATELINE_MISPARSE = pytest.mark.xfail(strict=False, reason="the retrained model takes the dateline's place "
                                       "for the verb's subject")


@pytest.mark.parametrize("lang, text, expected", [
    pytest.param("it", "Roma – La Farnesina, in un comunicato diffuso in serata, ha precisato che nessun italiano è "
                 "coinvolto.", [("Ministry of Foreign Affairs of Italy", "origin")], marks=_DATELINE_MISPARSE),
    pytest.param("de", "Berlin – Die Bundesregierung hat am Montag nach langen Beratungen erklärt, dass sie den Plan "
                 "unterstützt.", [("Federal Government of Germany", "origin")], marks=_DATELINE_MISPARSE),
])
def test_an_institution_as_subject_of_a_distant_verb_of_saying(pipeline, lang, text, expected):
    assert [(c.name, c.role) for c in annotate(pipeline, text, lang, PARSED)._.credits] == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Genève – Le Conseil fédéral a présenté son plan pour l'énergie.\nLes cantons seront consultés./ATS",
     [("ATS", "wire")]),
    ("de", "12.06.2023, Keystone-SDA\n\nDer Bundesrat hat das Budget verabschiedet.", [("ATS", "wire")]),
    ("en", "Reuters | London | Updated: 12-06-2023\n\nThe central bank raised its rate.", [("Reuters", "wire")]),
    ("en", "The storm reached the coast on Monday night, AP/Associated Press reported.",
     [("Associated Press", "wire")]),
])
def test_signatures_stamps_and_outlet_aliases(pipeline, lang, text, expected):
    assert credits(pipeline, text, lang) == expected
