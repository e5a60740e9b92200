"""Text that is not article body is marked, never removed."""
from __future__ import annotations

from typing import get_args

import pydantic
import pytest

from dispacci import analyze
from dispacci.record import BYLINE, COPYRIGHT, PHOTO, NotBody, NotBodyWhy


def marked(record) -> dict[str, str]:
    return {record.text[n.start:n.end]: n.why for n in record.not_body}


def test_founding_example_caption_left_at_the_end(founding_record):
    assert list(marked(founding_record)) == [
        "Conversazione Conversazione telefonica tra Vladimir Putin e Kassym-Jomart Tokayev."]


def test_copyright_read_more_share_and_byline_lines():
    body = "\n".join([
        "di Marco Bianchi",
        "ROMA, 3 marzo 2024 - Il governo ha approvato il decreto sulle bollette, con il voto contrario delle opposizioni.",
        "Leggi anche: Bollette, cosa cambia da aprile",
        "La misura entrerà in vigore il mese prossimo, ha spiegato il ministro in conferenza stampa.",
        "Condividi su Facebook",
        "© Riproduzione riservata",
    ])
    record = analyze(body, title="Bollette, via libera al decreto", language="it")
    found = marked(record)
    assert found["di Marco Bianchi"] == "byline"
    assert found["Leggi anche: Bollette, cosa cambia da aprile"] == "read-more prompt"
    assert found["Condividi su Facebook"] == "share prompt"
    assert found["© Riproduzione riservata"] == "copyright line"
    assert len(found) == 4  # body paragraphs stay body


def test_headline_repeated_at_the_start_of_the_body():
    record = analyze("Talks resume in Geneva\nGENEVA (Reuters) - Negotiators met again on Monday.", title="Talks resume in Geneva")
    assert marked(record) == {"Talks resume in Geneva": "headline repeated at the start of the body"}


def test_photo_caption_with_agency_credit_and_photo_credit_line():
    body = "\n".join([
        "The ministry building is seen in the capital on March 3, 2021. (AFP)",
        "The ministry announced new measures on Thursday, officials said.",
    ])
    record = analyze(body, title="New measures", language="en")
    assert list(marked(record).values()) == ["photo caption or credit"]
    record = analyze("Pool Moncloa / Fernando Calvo\nEl presidente habló con su homólogo.", title="Título", language="es")
    assert marked(record) == {"Pool Moncloa / Fernando Calvo": "photo caption or credit"}


def test_reporting_credit_at_the_end_of_a_paragraph():
    text = "Les deux dirigeants se reparleront bientôt. (Reportage Jeanne Martin, rédigé par Paul Durand)"
    record = analyze(text, title="Titre", language="fr")
    assert marked(record) == {"(Reportage Jeanne Martin, rédigé par Paul Durand)": "byline"}


def test_not_body_keeps_offsets(news_records):
    for record in news_records.values():
        for item in record.not_body:
            assert record.text[item.start:item.end].strip() == record.text[item.start:item.end]
            assert item.end > item.start


def test_why_is_one_of_a_closed_set_that_other_layers_can_compare():
    assert {BYLINE, COPYRIGHT, PHOTO} <= set(get_args(NotBodyWhy))
    with pytest.raises(pydantic.ValidationError):
        NotBody(why="looks like a caption", start=0, end=1)
