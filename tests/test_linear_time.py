"""Analysis time grows with the length of the text, not its square, whatever the text.

Storms of punctuation (runs of one mark, marks between spaces, thousands of
quotes or attributions in one paragraph, no full stop anywhere) once made
single layers quadratic: the sentence finder rescanned runs of dots, the quotes
layer rebuilt the doc's text and searched every quote for every token; long
ordinary articles did too (techniques compared every finding with every other,
claims rescanned the text before each claim). Times are
CPU seconds of this process, compared within one test, so a busy machine slows
both sides alike; a quadratic layer makes eight times the text cost ~64 times as
much, a linear one ~8.
"""
from __future__ import annotations

import time

import pytest

STORMS = {
    "run of one mark": '"',
    "run of dots": ".",
    "marks between spaces": "« » „ “ ” ‘ ’ ' \" ",
    "one-word quotes with cues": 'said: "x" ',
    "quotes with cues": 'He said: "we will win the vote" and ',
    "attributions": "according to officials, the talks failed, ",
    "mixed final marks": "!?",
}
ORDINARY = ("The foreign minister said in Rome on Monday: \"We will keep working with our European partners "
            "for peace.\" According to diplomatic sources, the summit will be held in Vienna on 3 March. "
            "President Vladimir Putin spoke by phone with Kassym-Jomart Tokayev.\n\n")


def _text(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def _seconds(pipeline, text: str) -> float:
    start = time.process_time()
    pipeline.analyze(text, title="Storm", language="en")
    return time.process_time() - start


@pytest.fixture(scope="module")
def ordinary_per_char(pipeline) -> float:
    _seconds(pipeline, ORDINARY)  # the English pipeline is built outside the measure
    text = _text(ORDINARY, 16_000)
    return _seconds(pipeline, text) / len(text)


@pytest.mark.parametrize("unit", list(STORMS.values()), ids=list(STORMS))
def test_eight_times_a_storm_costs_about_eight_times_as_much(pipeline, ordinary_per_char, unit):
    small, large = _text(unit, 2_000), _text(unit, 16_000)
    _seconds(pipeline, small)
    ratio = _seconds(pipeline, large) / max(_seconds(pipeline, small), 1e-3)
    assert ratio < 24, f"16,000 characters cost {ratio:.0f} times 2,000"


@pytest.mark.parametrize("unit", list(STORMS.values()), ids=list(STORMS))
def test_a_storm_costs_per_character_a_few_times_ordinary_text_at_most(pipeline, ordinary_per_char, unit):
    text = _text(unit, 16_000)
    per_char = _seconds(pipeline, text) / len(text)
    assert per_char < 10 * ordinary_per_char, f"{per_char * 1e6:.0f} µs per character, ordinary text " \
                                              f"{ordinary_per_char * 1e6:.0f}"


def _seconds_after_the_parse(pipeline, text: str) -> float:
    """CPU seconds of every layer but the statistical backbone (linear, and most of the cost)."""
    from dispacci.annotate.doc import DocContext, start_doc
    from dispacci.ingest.article import Article
    from dispacci.tokens import make_doc

    nlp = pipeline.nlp("en")
    article = Article.from_parts("Long", text)
    doc = start_doc(make_doc(nlp, article.text), DocContext(article=article, language="en"))
    spent = 0.0
    for name, component in nlp.pipeline:
        start = time.process_time()
        doc = component(doc)
        spent += 0.0 if name == "dispacci_syntax" else time.process_time() - start
    return spent


def test_eight_times_a_long_ordinary_article_costs_about_eight_times_as_much_in_every_layer(pipeline):
    small, large = _text(ORDINARY, 5_000), _text(ORDINARY, 40_000)
    _seconds_after_the_parse(pipeline, small)
    ratio = _seconds_after_the_parse(pipeline, large) / max(_seconds_after_the_parse(pipeline, small), 1e-3)
    assert ratio < 24, f"40,000 characters cost {ratio:.0f} times 5,000"
