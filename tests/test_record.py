"""The record contract: offsets, ids, schema, the founding example's foundation layers."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from dispacci import Pipeline, Record, analyze


def assert_every_span_is_its_text(record: Record) -> None:
    for layer, span in record.spans():
        assert 0 <= span.start <= span.end <= len(record.text), (layer, span)
        written = getattr(span, "text", None)
        if written is not None:  # entities, quotes, claims, techniques: the span as written
            assert record.text[span.start:span.end] == written, (layer, span)
        if layer == "dateline":
            assert record.text[span.start:span.end].startswith(record.dateline.place)


def test_founding_example_language_title_dateline_not_body(founding_record, founding_expected):
    record = founding_record
    assert record.language == founding_expected["language"]
    assert record.title == founding_expected["title"]
    expected = founding_expected["dateline"]
    assert record.dateline.model_dump(include={"place", "country", "date", "start", "end"}) == expected
    assert [(n.start, n.end) for n in record.not_body] == [(n["start"], n["end"]) for n in founding_expected["not_body"]]
    assert record.text[:len(record.title)] == record.title


def test_every_span_of_every_record_indexes_the_text(founding_record, news_records):
    for record in [founding_record, *news_records.values()]:
        assert_every_span_is_its_text(record)


def test_same_text_same_id_whatever_the_whitespace():
    first = analyze("Un titolo\n\nUn testo  qualsiasi\nsu due righe.")
    second = analyze("Un titolo\n\nUn testo qualsiasi su due righe.")
    third = analyze("Un titolo\n\nUn altro testo.")
    assert first.id == second.id != third.id


def test_python_api_with_separate_title_and_metadata():
    record = analyze("ROMA, 16 NOV - Il governo ha approvato il decreto.", title="Decreto approvato",
                     url="https://example.org/a", published="2023-11-16")
    assert record.text == "Decreto approvato\n\nROMA, 16 NOV - Il governo ha approvato il decreto."
    assert record.source.url == "https://example.org/a" and record.source.published == "2023-11-16"
    assert record.dateline.date == "2023-11-16" and not record.dateline.year_guessed


def test_pipe_reports_bad_items_and_goes_on():
    pipeline = Pipeline()
    results = list(pipeline.pipe(["Titolo\n\nIl testo dell'articolo.", "   ", "Title\n\nThe text."], errors="return"))
    assert [type(r).__name__ for r in results] == ["Record", "InputError", "Record"]


def test_record_rejects_spans_outside_the_text():
    with pytest.raises(ValidationError):
        Record(id="x", text="short", language="en", not_body=[{"why": "byline", "start": 2, "end": 50}])


def test_json_round_trip(founding_record):
    again = Record.model_validate_json(founding_record.to_json())
    assert again == founding_record


def test_a_version_2_record_loads_and_its_quotes_are_direct():
    old = {"schema": "dispacci.record/2", "id": "x", "language": "en", "text": 'He said "we are ready".',
           "quotes": [{"text": "we are ready", "speaker": "He", "start": 9, "end": 21}]}
    record = Record.model_validate(old)
    assert record.quotes[0].direct is True


def test_reported_speech_is_a_quote_that_is_not_direct():
    text = "Il ministro Antonio Tajani ha detto che l'Italia invierà nuovi aiuti umanitari a Gaza."
    record = analyze(text, language="it")
    reported = [q for q in record.quotes if not q.direct]
    assert [q.text for q in reported] == ["l'Italia invierà nuovi aiuti umanitari a Gaza"]
    assert text[reported[0].start:reported[0].end] == reported[0].text
    assert Record.model_validate_json(record.to_json()).quotes[0].direct is False
