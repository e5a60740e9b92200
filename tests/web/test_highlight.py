"""The highlighted article text: every character once, in order, escaped, whatever the spans."""
from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dispacci.web.highlight import Mark, highlighted_html, marks_of

TAG = re.compile(r"<[^>]*>")


def _plain(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


@st.composite
def text_and_marks(draw):
    text = draw(st.text(alphabet=st.sampled_from('ab <>&"\'\nè'), min_size=0, max_size=60))
    marks = []
    for n in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        marks.append(Mark(f"m{n}", "entity", draw(st.sampled_from(["ent ent-person", "qt q-s1", "evd"])), start, end))
    return text, marks


@settings(max_examples=300, deadline=None)
@given(text_and_marks())
def test_overlapping_spans_keep_the_text_and_never_leak_markup(case):
    text, marks = case
    markup = str(highlighted_html(text, marks))
    assert _plain(markup) == text
    # the only tags are our own spans, balanced and never nested
    tags = TAG.findall(markup)
    assert all(t == "</span>" or t.startswith('<span class="') for t in tags)
    assert markup.count("<span") == markup.count("</span>")
    assert "<span" not in "".join(re.findall(r"<span[^>]*>([^<]*)</span>", markup))


_KEYBOARD = re.compile(r' tabindex="0" role="button" aria-label="[^"]*"')


def _bare(markup: str) -> str:
    """The markup without the attributes that make each stretch reachable from the keyboard."""
    return _KEYBOARD.sub("", markup)


def test_every_highlighted_stretch_is_reachable_and_named_for_screen_readers(records):
    markup = str(highlighted_html(records[0].text, marks_of(records[0])))
    spans = re.findall(r"<span [^>]*>", markup)
    assert spans and all('tabindex="0"' in span and 'aria-label="' in span for span in spans)
    assert 'aria-label="Vladimir Putin — entity (person): Vladimir Putin; event source: ' in markup
    assert 'aria-label="Abbiamo discusso la cooperazione economica — quote: said by Vladimir Putin"' in markup


def test_a_stretch_covered_by_two_layers_carries_both(records):
    italian = records[0]
    markup = _bare(str(highlighted_html(italian.text, marks_of(italian))))
    # "Putin" inside the quote's speaker entity? No: the event evidence and the entity sit side by side;
    # the quote and its colour class are on the quoted words only.
    assert '<span class="qt q-s0" data-marks="q0">Abbiamo discusso la cooperazione economica</span>' in markup
    assert '<span class="ent ent-person evt-src" data-marks="e0 v0s">Vladimir Putin</span>' in markup  # and the source of an event
    assert 'class="nb" data-marks="n0">Foto: archivio</span>' in markup
    assert 'class="cred" data-marks="c1">RIA Novosti</span>' in markup


def test_event_evidence_marks_its_source_trigger_and_target_apart(records):
    italian = records[0]  # "Vladimir Putin ha parlato al telefono con il presidente del Kazakistan Kassym-Jomart Tokayev"
    markup = _bare(str(highlighted_html(italian.text, marks_of(italian))))
    assert '<span class="evd evt-trigger" data-marks="v0 v0t">ha parlato al telefono</span>' in markup
    assert re.search(r'<span class="ent ent-person evt-tgt" data-marks="e2 v0o[^"]*">Kassym-Jomart Tokayev</span>', markup)
    english = records[1]  # "Putin also accused Ukraine of dragging out the negotiations"
    parts = {m.key: english.text[m.start:m.end] for m in marks_of(english) if m.key.startswith("v")}
    assert any(v == "Ukraine" for k, v in parts.items() if k.endswith("o"))


def test_nested_spans_split_into_pieces_with_every_layer(records):
    text = "The Kremlin press service said"
    marks = [Mark("c0", "credit", "cred", 4, 25), Mark("e0", "entity", "ent ent-organization", 4, 11)]
    assert _bare(str(highlighted_html(text, marks))) == (
        'The <span class="cred ent ent-organization" data-marks="c0 e0">Kremlin</span>'
        '<span class="cred" data-marks="c0"> press service</span> said')
