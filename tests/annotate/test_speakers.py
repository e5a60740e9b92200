"""Speakers on the parse: the subject of the verb of saying that governs a quote, wherever it
stands, the person in an apposition, unknown names kept as they are; and reported speech.

The entities layer answers from ``NAMES`` (as in test_quotes); the syntax layer runs for real,
so the sentences are plain ones a small parser reads right. Names not in ``NAMES`` are people
the entities layer does not know: they must still be the speaker, by the name the text gives.
"""
from __future__ import annotations

import pytest

from .test_quotes import NAMES, annotate, said

OWN = {**NAMES,
       "Farnesina": ("Ministry of Foreign Affairs of Italy", "organization", "ITA", "farnesina"),
       "SPD": ("Social Democratic Party of Germany", "organization", "DEU", "spd"),
       "Élysée": ("Élysée", "organization", "FRA", "elysee")}


def reported(doc) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in doc._.quotes if not q.direct]


@pytest.mark.parametrize("lang, text, expected", [
    # the verb after the quote, its subject inverted after it, a role in apposition with the name
    ("it", "«Non ci sono le condizioni per un accordo», ha detto ai cronisti il portavoce del governo, "
           "Marco Rossi.", [("Non ci sono le condizioni per un accordo", "Marco Rossi")]),
    ("en", "“The talks were long but constructive,” said Antony Blinken, the secretary of state.",
     [("The talks were long but constructive", "Antony Blinken")]),
    ("fr", "« Nous ne céderons pas à la pression », a déclaré lundi le président Emmanuel Macron.",
     [("Nous ne céderons pas à la pression", "Emmanuel Macron")]),
    ("es", "“No vamos a aceptar ese chantaje”, afirmó el presidente del Gobierno, Pedro Sánchez.",
     [("No vamos a aceptar ese chantaje", "Pedro Sánchez")]),
    ("ru", "«Мы не планируем никаких новых переговоров», — сказал Песков журналистам.",
     [("Мы не планируем никаких новых переговоров", "Dmitry Peskov")]),
    # the verb before the quote, after a colon
    ("it", "Giorgia Meloni ha detto ai giornalisti: «Il governo andrà avanti con le riforme».",
     [("Il governo andrà avanti con le riforme", "Giorgia Meloni")]),
    ("en", "Janet Yellen told reporters: “We will not default on our debt.”",
     [("We will not default on our debt", "Janet Yellen")]),
    ("de", "Olaf Scholz erklärte danach: „Wir werden die Schulen besser ausstatten.“",
     [("Wir werden die Schulen besser ausstatten", "Olaf Scholz")]),
])
def test_the_subject_of_the_verb_of_saying_speaks(pipeline, lang, text, expected):
    assert said(annotate(pipeline, text, lang, OWN)) == expected


def test_a_party_in_apposition_is_not_the_speaker(pipeline):
    text = "Die Ministerin Anna Beispiel (SPD) sagte am Montag: „Wir werden die Schulen besser ausstatten.“"
    assert said(annotate(pipeline, text, "de", OWN)) == [
        ("Wir werden die Schulen besser ausstatten", "Anna Beispiel")]


def test_an_unknown_named_speaker_is_not_replaced_by_a_famous_one(pipeline):
    text = ("Giorgia Meloni ha incontrato i sindaci a Roma. «Servono più fondi per i comuni», "
            "ha detto il sindaco di Bari, Vito Leccese.")
    assert said(annotate(pipeline, text, "it", OWN)) == [("Servono più fondi per i comuni", "Vito Leccese")]


@pytest.mark.parametrize("lang, text, expected", [
    ("it", "Antonio Tajani ha detto che l'Italia sostiene il cessate il fuoco.",
     [("l'Italia sostiene il cessate il fuoco", "Antonio Tajani")]),
    ("en", "Janet Yellen said that the sanctions would remain in place for months.",
     [("the sanctions would remain in place for months", "Janet Yellen")]),
    ("fr", "Emmanuel Macron a déclaré que la France enverra des soldats supplémentaires.",
     [("la France enverra des soldats supplémentaires", "Emmanuel Macron")]),
    ("de", "Olaf Scholz sagte, dass Deutschland die Ukraine weiter unterstützen werde.",
     [("Deutschland die Ukraine weiter unterstützen werde", "Olaf Scholz")]),
    ("es", "Pedro Sánchez dijo que España aumentará su gasto en defensa.",
     [("España aumentará su gasto en defensa", "Pedro Sánchez")]),
    ("ru", "Песков заявил, что Кремль готов к переговорам с Киевом.",
     [("Кремль готов к переговорам с Киевом", "Dmitry Peskov")]),
])
def test_reported_speech_is_a_quote_that_is_not_direct(pipeline, lang, text, expected):
    doc = annotate(pipeline, text, lang, OWN)
    assert reported(doc) == expected
    assert said(doc) == []
    quote = next(q for q in doc._.quotes if not q.direct)
    assert text[quote.start:quote.end] == quote.text and quote.cue


def test_an_according_to_phrase_reports_the_clause_it_qualifies(pipeline):
    doc = annotate(pipeline, "Laut Olaf Scholz wird die Regierung das Gesetz noch im Sommer verabschieden.", "de", OWN)
    assert reported(doc) == [("wird die Regierung das Gesetz noch im Sommer verabschieden", "Olaf Scholz")]


def test_a_direct_quote_is_not_also_reported_speech(pipeline):
    doc = annotate(pipeline, "Janet Yellen said: “We are ready to act if the markets need it.”", "en", OWN)
    assert reported(doc) == [] and said(doc) == [("We are ready to act if the markets need it", "Janet Yellen")]


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "„Wir prüfen alle Optionen“, teilte Regierungssprecherin Maria Beispiel mit.",
     [("Wir prüfen alle Optionen", "Maria Beispiel")]),
    ("en", "“We are reviewing every option,” spokeswoman Karen Example told reporters.",
     [("We are reviewing every option", "Karen Example")]),
    ("it", "«Valutiamo tutte le opzioni», ha detto il portavoce Marco Esempio.",
     [("Valutiamo tutte le opzioni", "Marco Esempio")]),
    ("es", "“Estudiamos todas las opciones”, dijo la portavoz Lucía Ejemplo.",
     [("Estudiamos todas las opciones", "Lucía Ejemplo")]),
])
def test_a_role_before_a_name_gives_the_person_named(pipeline, lang, text, expected):
    record = pipeline.analyze(text, language=lang)
    assert [(q.text, q.speaker) for q in record.quotes if q.direct] == expected
