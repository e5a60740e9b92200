"""The text's lines and paragraphs: one reading of line offsets for every structure step."""
from __future__ import annotations

from dispacci.annotate.text import lines, paragraphs

WIRE = ("Vertice a Roma\n\nROMA, 3 marzo 2024 - I ministri si sono incontrati.\n   \n"
        "MOSCOU, 4 mars - Le Kremlin a répondu.\nBERLIN, 5. März – Die Regierung schweigt.")


def test_every_line_with_its_offset_empty_ones_included():
    found = list(lines(WIRE))
    assert [line for _, line in found] == WIRE.split("\n")
    assert all(WIRE[offset:offset + len(line)] == line for offset, line in found)


def test_lines_of_a_slice_keep_offsets_into_the_whole_text():
    start = WIRE.index("MOSCOU")
    end = WIRE.index("BERLIN") + 6
    found = list(lines(WIRE, start, end))
    assert found == [(start, "MOSCOU, 4 mars - Le Kremlin a répondu."), (WIRE.index("BERLIN"), "BERLIN")]


def test_paragraphs_skip_lines_of_spaces_and_index_the_text():
    found = list(paragraphs(WIRE, WIRE.index("ROMA")))
    assert [line.split(",")[0] for _, _, line in found] == ["ROMA", "MOSCOU", "BERLIN"]
    assert all(WIRE[start:end] == line for start, end, line in found)


def test_a_text_without_line_breaks_is_one_paragraph():
    text = "ВАШИНГТОН, 2 апреля. Переговоры продолжаются."
    assert list(paragraphs(text)) == [(0, len(text), text)]
    assert list(paragraphs("")) == []


def test_the_structure_layer_publishes_the_body_paragraphs_once_for_every_layer():
    from dispacci import Pipeline

    pipeline = Pipeline(annotators=["dispacci_sentences"], language="it")
    nlp = pipeline.nlp("it")
    doc = nlp(WIRE)
    body = WIRE.index("ROMA")
    assert doc._.paragraphs == [(start, end) for start, end, _ in paragraphs(WIRE, body)]
    assert [WIRE[start:end].split(",")[0] for start, end in doc._.paragraphs] == ["ROMA", "MOSCOU", "BERLIN"]


def test_quote_marks_are_read_inside_the_paragraphs_given():
    from dispacci.annotate.quotes.marks import find_quote_spans

    text = "Er sagte: „Wir bleiben hier und verhandeln“.\nSie antwortete: «Nous partirons demain matin»."
    first_line = (0, text.index("\n"))
    every_line = [text[s.start:s.end] for s in find_quote_spans(text)]
    assert every_line == ["Wir bleiben hier und verhandeln", "Nous partirons demain matin"]
    assert [text[s.start:s.end] for s in find_quote_spans(text, paras=[first_line])] == every_line[:1]
