"""A fast, deterministic slice of the fuzz campaign (``bench/fuzz.py`` runs the long one).

Hostile inputs (random Unicode, mixed scripts, control characters, huge tokens,
deep HTML, quote-mark storms, malformed JSONL/CSV) into every reader and the
whole pipeline: the answer is articles/records whose spans index their text, or
a coded one-line error; nothing else escapes. Regression inputs the campaign
found are kept here too.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import fuzzing

FAST = settings(max_examples=25, derandomize=True, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("target", sorted(fuzzing.TARGETS))
def test_readers_answer_articles_or_coded_errors(target):
    strategy, function = fuzzing.TARGETS[target]

    @FAST
    @given(strategy)
    def check(value):
        function(value)

    check()


def test_the_warc_reader_on_hostile_pages(tmp_path):
    @settings(FAST, max_examples=10)
    @given(fuzzing.html_page())
    def check(page):
        fuzzing.read_warc(page, tmp_path)

    check()


def test_the_pipeline_keeps_its_spans_on_hostile_text(pipeline):
    @settings(FAST, max_examples=15)
    @given(fuzzing.article_text, st.one_of(st.none(), st.just("Titolo")), st.sampled_from(["it", "en", "ru", None]))
    def check(text, title, language):
        fuzzing.analyse(pipeline, text[:3000], title, language)

    check()


# ---- inputs the campaign found (each was a crash or a broken property before its fix)

def test_a_csv_header_with_a_line_break_gives_a_one_line_error():
    fuzzing.read_csv('"text\ttitle\r\n')


def test_mutants_are_deterministic_for_a_seed():
    import random

    first = list(fuzzing.mutants("Il ministro ha detto", random.Random(1), 5))
    assert first == list(fuzzing.mutants("Il ministro ha detto", random.Random(1), 5)) and len(first) == 5


def test_a_jsonl_line_with_an_integer_of_thousands_of_digits_is_that_lines_error():
    from dispacci.ingest.readers import read_bytes

    good = '{"title": "Vertice", "text": "Il ministro è a Vienna."}'
    data = "\n".join([good, '{"text": "x", "n": ' + "124" * 1800 + "}", good, "[" * 100_000]).encode()
    items = list(read_bytes(data, source="feed.jsonl", fmt="jsonl"))
    assert [type(item).__name__ for item in items] == ["Article", "InputError", "Article", "InputError"]
    assert [item.code for item in items[1::2]] == ["E006", "E006"]
    assert "number too long" in items[1].one_line() and "nested too deep" in items[3].one_line()


def test_a_storm_of_single_guillemets_is_no_crash(pipeline):
    text = "›" * 80 + "-->" + "›" * 60
    fuzzing.analyse(pipeline, text, "a", "it")


def test_an_unassigned_code_point_in_russian_is_no_crash(pipeline):
    fuzzing.analyse(pipeline, " \u00f8\U00018035\U000c2c86 Путин заявил.", None, "ru")


def test_a_russian_word_with_a_letter_unicode_names_nothing_is_no_crash(pipeline):
    # pymorphy3's shape check raises on letters without a Unicode name (here a Khitan/Tangut component):
    # the events layer's lemmas and the search page's word forms read every Russian word through it
    fuzzing.analyse(pipeline, "\x98¤B\U0006fd38\U0006ec16´ZK\n©\U000184be", "Путин\U000184be заявил 12 aprile", "ru")


def test_a_search_for_such_a_word_finds_its_own_form():
    from dispacci.web.search_terms import word_forms

    assert word_forms("Путин\U000184be")[0] == ("путин\U000184be", False)


def test_two_russian_mentions_inside_one_long_token_are_no_crash(pipeline):
    # natasha found two mentions inside one 64-character piece of a run; both expanded to that token
    tail = "z<\xd0\xcb\U0002c07f\x16\n\n12 aprile\n\n\xd8+\xeb] Z\xb4;\u2009z<\xd0\xcb\U0002c07f\x16\u3000\xeb\tz<\xd0\xcb" \
           "\U0002c07f\x16 ANSA.O'Neill "
    fuzzing.analyse(pipeline, "」;" + "1" * 630 + tail, "1" * 200, "ru")


def test_a_subject_made_only_of_marks_is_no_crash():
    # a storm of marks cut into 64-character tokens: the tagger may call one a noun after a verb of saying
    import spacy
    from spacy.tokens import Doc

    from dispacci.annotate.quotes.syntax import _same_clause

    doc = Doc(spacy.blank("de").vocab, words=["sagte", "«»" * 32], pos=["VERB", "NOUN"], heads=[0, 0],
              deps=["ROOT", "nsubj"])
    assert _same_clause(doc[0], doc[1])
