"""The span-text contract: an item that carries words carries exactly ``record.text[start:end]``.

Entities, quotes (direct and reported), claims and techniques, on the
development articles, on sentences of our own broken over lines or with double
spaces, and on generated text. Records older than record/4 (whose quotes had
their whitespace collapsed) load with each quote's span as written.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from dispacci.errors import DispacciError
from dispacci.record import SCHEMA_VERSION, TEXT_LAYERS, Record

from . import fuzzing


def text_items(record: Record):
    for layer in TEXT_LAYERS:
        for item in getattr(record, layer):
            yield layer, item


def assert_words_are_their_span(record: Record) -> int:
    items = list(text_items(record))
    for layer, item in items:
        assert item.text == record.text[item.start:item.end], (layer, item)
    return len(items)


def test_every_item_of_the_development_articles_is_its_span(founding_record, news_records):
    counted = sum(assert_words_are_their_span(record) for record in [founding_record, *news_records.values()])
    assert counted > 100  # entities, quotes, claims and techniques of twelve articles: not a vacuous check


# A direct quote broken over a line with a double space, then reported speech with a double space.
BROKEN = [
    ("it", "Il ministro Antonio Tajani ha detto: «Continueremo a sostenere\nl'Ucraina  con tutti i mezzi».\n\n"
           "Il ministro Antonio Tajani ha detto che l'Italia invierà  nuovi aiuti umanitari a Gaza."),
    ("en", "Janet Yellen said: \"We will keep  working with our partners\nuntil the deal is done.\"\n\n"
           "Janet Yellen said that the United States would send  more aid to the region."),
    ("fr", "Emmanuel Macron a déclaré : « Nous allons continuer  à travailler\navec nos partenaires. »\n\n"
           "Emmanuel Macron a affirmé que la France enverra  une aide humanitaire à Gaza."),
    pytest.param("de", "Olaf Scholz sagte: „Wir werden weiter  mit unseren Partnern\nan einer Lösung arbeiten.“\n\n"
                 "Olaf Scholz sagte, dass die Regierung das Gesetz  noch im Sommer verabschieden werde.",
                 marks=pytest.mark.xfail(strict=False, reason="the retrained German model saw no whitespace tokens in "
                                         "training and takes the double space for the clause's verb")),
    ("es", "Pedro Sánchez dijo: «Vamos a seguir  trabajando con nuestros\nsocios europeos por la paz».\n\n"
           "Pedro Sánchez dijo que el Gobierno enviará  ayuda humanitaria a Gaza muy pronto."),
    ("ru", "Дмитрий Песков заявил: «Мы продолжим  работать с нашими\nпартнерами над этим вопросом».\n\n"
           "Дмитрий Песков заявил, что Россия продолжит  переговоры с партнерами на следующей неделе."),
]


@pytest.mark.parametrize("lang, body", BROKEN, ids=[getattr(case, "values", case)[0] for case in BROKEN])
def test_quotes_keep_their_line_breaks_and_double_spaces(pipeline, lang, body):
    record = pipeline.analyze(body, title="Titolo", language=lang)
    assert_words_are_their_span(record)
    assert any(q.direct and "\n" in q.text and "  " in q.text for q in record.quotes), record.quotes
    assert any(not q.direct and "  " in q.text for q in record.quotes), record.quotes


_GAP = st.sampled_from([" ", "  ", "\n", " \n", "\t", "\u00a0", " \u2009"])
_SAID = {"it": ("Il ministro Antonio Tajani ha detto", "«", "»", "che"),
         "en": ("Janet Yellen said", "\"", "\"", "that"),
         "fr": ("Emmanuel Macron a déclaré", "« ", " »", "que"),
         "de": ("Olaf Scholz sagte", "„", "“", ", dass"),
         "es": ("Pedro Sánchez dijo", "«", "»", "que"),
         "ru": ("Дмитрий Песков заявил", "«", "»", ", что")}
_WORDS = st.lists(st.sampled_from(["la", "pace", "Ukraine", "talks", "Partnern", "переговоры", "aide", "ayuda", "l'Europa",
                                    "don't", "2024", "Gaza", ",", "—", "(AFP)", "«sì»", "U.S."]), min_size=3, max_size=12)


@st.composite
def _said_with_odd_whitespace(draw) -> tuple[str, str]:
    lang = draw(st.sampled_from(sorted(_SAID)))
    speaker, opening, closing, that = _SAID[lang]

    def words() -> str:
        return "".join(word + draw(_GAP) for word in draw(_WORDS)).rstrip()

    return lang, f"{speaker}: {opening}{words()}{closing}. {speaker} {that} {words()}."


@settings(max_examples=12, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(_said_with_odd_whitespace(), st.tuples(st.sampled_from(["it", "en", "ru"]), fuzzing.article_text)))
def test_generated_text_gives_items_whose_words_are_their_span(pipeline, case):
    lang, body = case
    try:
        record = pipeline.analyze(body[:3000], title="Titolo", language=lang)
    except DispacciError as error:  # a coded refusal (an empty text, say) is an answer
        assert error.code
        return
    assert_words_are_their_span(record)


def _old_record(schema: str) -> dict:
    text = "He said: \"we are\n ready  to talk\". Later he said that talks  would resume."
    return {"schema": schema, "id": "x", "language": "en", "text": text,
            "quotes": [{"text": "we are ready to talk", "speaker": "He", "start": 10, "end": 32},
                       {"text": "talks would resume", "speaker": "He", "start": 54, "end": 73, "direct": False}]}


@pytest.mark.parametrize("schema", ["dispacci.record/1", "dispacci.record/2", "dispacci.record/3"])
def test_an_older_record_with_collapsed_quote_words_loads_with_its_spans_as_written(schema):
    record = Record.model_validate(_old_record(schema))
    assert [q.text for q in record.quotes] == ["we are\n ready  to talk", "talks  would resume"]
    assert record.schema_ == schema  # it says which analysis made it
    assert_words_are_their_span(Record.model_validate_json(record.to_json()))


def test_a_current_record_whose_quote_words_are_not_its_span_is_refused():
    with pytest.raises(ValidationError, match="quotes span 10:32"):
        Record.model_validate(_old_record(SCHEMA_VERSION))


def test_an_older_quote_with_other_words_than_its_span_is_still_refused():
    data = _old_record("dispacci.record/3")
    data["quotes"][0]["text"] = "we are not ready"
    with pytest.raises(ValidationError, match="quotes span 10:32"):
        Record.model_validate(data)


def test_the_terminal_summary_shows_a_quote_broken_over_lines_on_one_line():
    import io

    from rich.console import Console

    from dispacci.summary import print_summary

    record = Record.model_validate(_old_record("dispacci.record/3"))
    out = io.StringIO()
    print_summary(record, Console(file=out, width=200))
    assert "we are ready to talk" in out.getvalue()


def test_the_quotes_table_shows_a_quote_broken_over_lines_on_one_line_and_json_as_written(capsys):
    from dispacci.commands.output import Output

    rows = [{"speaker": "Olaf Scholz", "text": "Wir werden weiter\nan einer  Lösung arbeiten"}]
    Output().rows(rows, columns=[("speaker", "speaker"), ("text", "quote")], title="quotes")
    assert "Wir werden weiter an einer Lösung arbeiten" in capsys.readouterr().out
    Output(format="nl").rows(rows, columns=[("text", "quote")], title="quotes")
    assert '"Wir werden weiter\\nan einer  Lösung arbeiten"' in capsys.readouterr().out
