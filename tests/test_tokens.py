"""Long space-free runs are tokenised in bounded pieces; the Doc keeps the text and every offset exactly."""
from __future__ import annotations

import pytest
import spacy

from dispacci.tokens import MAX_RUN, make_doc


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.mark.parametrize("text", [
    '"' * 5000,
    "Er sagte: " + "!?" * 900 + " und ging.",
    "«" * 300 + "Roma" + "»" * 301 + "\n\n" + "-" * 70,
    "Он сказал " + "…" * (MAX_RUN + 1) + " и ушёл.",
])
def test_the_doc_text_and_token_offsets_are_the_input_exactly(nlp, text):
    doc = make_doc(nlp, text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx:token.idx + len(token.text)] == token.text
    assert max(len(token) for token in doc) <= MAX_RUN


@pytest.mark.parametrize("text, tokens", [
    ('"' * 5000, ['"' * MAX_RUN] * 78 + ['"' * 8]),
    ("Er: " + "=" * 70 + "!?" * 40, ["Er", ":", "=" * MAX_RUN, "=" * 6 + "!?" * 29, "!?" * 11]),
    ("«»" * 40 + "Roma", ["«»" * 32, "«»" * 8, "Roma"]),
    ("»" * 66 + "Roma" + "»" * 65, ["»" * MAX_RUN, "»»", "Roma", "»" * MAX_RUN, "»"]),
])
def test_a_run_of_marks_without_letters_is_one_token_per_run_of_marks(nlp, text, tokens):
    doc = make_doc(nlp, text)
    assert [t.text for t in doc] == tokens and doc.text == text


@pytest.mark.parametrize("text", ["https://www.example.org/2024/05/03/il-ministro-ha-detto-che-la-riforma-passera.html",
                                  "中国外交部发言人表示，双方将继续保持沟通。" * 4])
def test_a_long_run_with_letters_is_still_tokenised_in_pieces(nlp, text):
    pieces = [text[at:at + MAX_RUN] for at in range(0, len(text), MAX_RUN)]
    assert [t.text for t in make_doc(nlp, text)] == [t.text for piece in pieces for t in nlp.make_doc(piece)]


@pytest.mark.parametrize("text", ["Il ministro ha detto: «Andremo avanti». Poi è partito.",
                                  "Der Minister sagte, man werde weitermachen.", "El ministro habló en Madrid."])
def test_ordinary_text_is_tokenised_as_spacy_does(nlp, text):
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_a_storm_of_quote_marks_is_analysed_and_sentences_still_split():
    from dispacci.pipeline import Pipeline

    pipeline = Pipeline(annotators=["dispacci_sentences", "dispacci_quotes"], language="it")
    text = "Il ministro è arrivato. " + '"' * 20_000 + " Poi è partito. Nessuno ha parlato."
    record = pipeline.analyze(text, title="Tempesta")
    assert record.text.endswith("Nessuno ha parlato.")
    for quote in record.quotes:
        assert record.text[quote.start:quote.end] == quote.text


@pytest.mark.parametrize("lang, text", [
    ("en", "Parliament approved a ``special law'' on Tuesday, officials said."),
    ("it", "Il parlamento ha approvato una ''legge speciale'' martedì."),
    ("fr", "Le parlement a voté une ''loi spéciale'' mardi."),
])
def test_two_apostrophes_as_a_quotation_mark_leave_a_sound_tree(lang, text):
    """spaCy's tokenizer leaves a "''" followed by more text with tree edges past the Doc's end;
    walking them crashed the process. The Doc dispacci makes has every edge inside it."""
    import spacy

    doc = make_doc(spacy.blank(lang), text)
    assert doc.text == text
    assert all(0 <= t.left_edge.i <= t.i <= t.right_edge.i < len(doc) for t in doc)
    assert all(list(t.children) == [] for t in doc)
