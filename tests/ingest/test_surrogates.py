"""A lone surrogate (valid JSON, not text) is that item's one-line error; the rest of the batch goes on."""
from __future__ import annotations

from dispacci.errors import InputError
from dispacci.ingest.readers import read_bytes

GOOD = '{"title": "Vertice a Roma", "text": "Il ministro ha incontrato il collega francese a Roma."}'
LONE_HIGH = '{"title": "Bad", "text": "Ein Satz \\ud800 mit Fehler."}'
LONE_LOW_IN_TITLE = '{"title": "Mal \\udc00", "text": "El ministro se reunió con su colega en Madrid."}'


def test_a_lone_surrogate_in_jsonl_fails_only_its_line():
    data = "\n".join([GOOD, LONE_HIGH, LONE_LOW_IN_TITLE, GOOD.replace("Roma", "Parigi")]).encode()
    items = list(read_bytes(data, source="feed.jsonl", fmt="jsonl"))
    assert [type(item).__name__ for item in items] == ["Article", "InputError", "InputError", "Article"]
    errors = [item for item in items if isinstance(item, InputError)]
    assert [error.code for error in errors] == ["E013", "E013"]
    assert "feed.jsonl:2" in errors[0].one_line() and "\n" not in errors[0].one_line()
    errors[0].one_line().encode("utf-8")  # the message itself is printable


def test_a_surrogate_pair_written_as_escapes_is_a_real_character():
    items = list(read_bytes('{"text": "Emoji \\ud83d\\ude00 in a sentence."}'.encode(), source="ok.jsonl", fmt="jsonl"))
    assert items[0].text == "Emoji \U0001F600 in a sentence."


def test_the_pipeline_refuses_a_surrogate_given_directly(tmp_path):
    import pytest

    from dispacci.pipeline import Pipeline

    pipeline = Pipeline(annotators=["dispacci_sentences"], language="en")
    with pytest.raises(InputError) as caught:
        pipeline.analyze("Some text \udfff here.", title="A title")
    assert caught.value.code == "E013"
