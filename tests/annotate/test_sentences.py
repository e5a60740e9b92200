"""Sentence boundaries survive abbreviations; lines are paragraphs."""
from __future__ import annotations

import pytest


def sentences(pipeline, text: str, lang: str) -> list[str]:
    doc = pipeline.nlp(lang)(text)
    return [s.text.strip() for s in doc.sents if s.text.strip()]


CASES = [
    ("it", "Lo ha detto il sig. Rossi al dott. Bianchi. Poi è partito.", 2),
    ("it", "Hanno parlato di tasse, pensioni ecc. e poi di scuola. Fine.", 2),
    ("it", "Il sen. Monti e l'on. Letta sono arrivati. Il vertice è iniziato.", 2),
    ("en", "The U.S. Dept. of State said so. Mr. Smith went to Washington.", 2),
    ("en", "He met Gen. Milley and Sen. Graham on Friday. They spoke for an hour.", 2),
    ("de", "Am 3. Oktober sagte Dr. Müller z.B. etwas. Dann ging er.", 2),
    ("fr", "M. Macron a reçu Mme Dupont à l'Élysée. Ils ont parlé.", 2),
    ("es", "El Sr. Sánchez habló con la Sra. López. Luego se fue.", 2),
    ("ru", "Он сказал, т.е. подтвердил. В 2022 г. всё изменилось.", 2),
    ("it", "Primo paragrafo senza punto\nSecondo paragrafo.", 2),
    ("it", "«Siamo pronti.» Poi il ministro ha lasciato la sala.", 2),
    ("en", 'He said: "We are ready." Then he left the room.', 2),
    ("it", "Il presidente V. Putin ha parlato. Il portavoce ha confermato.", 2),
]


@pytest.mark.parametrize("lang, text, count", CASES, ids=[c[1][:24] for c in CASES])
def test_sentence_count(pipeline, lang, text, count):
    assert len(sentences(pipeline, text, lang)) == count


def boundaries(pieces: list[str], text: str) -> set[int]:
    found, cursor = set(), 0
    for piece in pieces:
        cursor = text.index(piece, cursor)
        found.add(cursor)
        cursor += len(piece)
    return found


def test_finds_every_boundary_pysbd_finds_in_the_real_articles(pipeline, news_gold):
    """pysbd is the slow reference; inside quotations it keeps sentences together,
    where we split, so ours must be a superset of its boundaries."""
    pysbd = pytest.importorskip("pysbd")
    from tests.conftest import FOUNDING, NEWS

    paths = [FOUNDING] + [NEWS / "articles" / f"{stem}.txt" for stem in news_gold]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        lang = "it" if path == FOUNDING else news_gold[path.stem]["language"]
        segmenter = pysbd.Segmenter(language=lang if lang != "it" else "it", clean=False)
        reference = [s.strip() for line in text.split("\n") if line.strip() for s in segmenter.segment(line) if s.strip()]
        missing = boundaries(reference, text) - boundaries(sentences(pipeline, text, lang), text)
        assert not missing, (path.name, [text[i:i + 40] for i in sorted(missing)])


def split(pipeline, text: str, lang: str) -> list[str]:
    """The sentences the splitter alone makes (no parse)."""
    nlp = pipeline.nlp(lang)
    return [s.text_with_ws for s in nlp.get_pipe("dispacci_sentences")(nlp.make_doc(text)).sents]


@pytest.mark.parametrize("lang, text, count", [
    ("it", "Davvero?!?! Sì..... Poi è partito!!! Fine.", 4),
    ("en", "Really?!?! Yes..... Then he left!!! The end.", 4),
    ("ru", "Правда?!?! Да..... Потом он ушёл!!! Конец.", 4),
])
def test_runs_of_final_marks_end_one_sentence(pipeline, lang, text, count):
    assert len(split(pipeline, text, lang)) == count


@pytest.mark.parametrize("lang, word", [("it", "parola"), ("de", "Wort"), ("ru", "слово"), ("es", "palabra")])
def test_a_stretch_over_the_token_cap_is_cut_after_a_comma(pipeline, lang, word):
    from dispacci.annotate.structure.sentences import MAX_TOKENS

    text = ", ".join([word] * 400) + "."
    pieces = split(pipeline, text, lang)
    assert "".join(pieces) == text and len(pieces) == 4
    assert all(piece.rstrip().endswith(",") for piece in pieces[:-1])
    assert all(len(s) <= MAX_TOKENS for s in pipeline.nlp(lang).get_pipe("dispacci_sentences")(
        pipeline.nlp(lang).make_doc(text)).sents)


def test_a_stretch_without_any_soft_end_is_cut_at_the_cap(pipeline):
    from dispacci.annotate.structure.sentences import MAX_TOKENS

    nlp = pipeline.nlp("fr")
    doc = nlp.get_pipe("dispacci_sentences")(nlp.make_doc("mot " * 450))
    assert [len(s) for s in doc.sents] == [MAX_TOKENS, MAX_TOKENS, 50]


def test_a_long_written_sentence_under_the_cap_stays_whole(pipeline):
    clause = "il governo ha approvato la riforma, che prevede nuovi fondi per le scuole e per gli ospedali"
    text = "Secondo fonti vicine all'esecutivo, " + ", e ".join([clause] * 6) + "."
    assert len(pipeline.nlp("it").make_doc(text)) > 100 and len(split(pipeline, text, "it")) == 1


@pytest.mark.parametrize("lang, text, flags", [
    ("it", "Vertice a Roma\nIl premier ha parlato. Poi è partito.\nFine della visita.", [True, False, True, True]),
    ("en", "Talks in Paris\n\nThe minister spoke. Then he left.  \nEnd of the visit", [True, False, True, True]),
    ("de", "Der Minister sprach. Dann ging er.\nEnde", [False, True, True]),
    ("ru", "Переговоры в Москве\nМинистр выступил. Потом он уехал.", [True, False, True]),
])
def test_a_sentence_knows_whether_its_line_ends_with_it(pipeline, lang, text, flags):
    doc = pipeline.nlp(lang)(text)
    assert [s._.hard_break for s in doc.sents if s.text.strip()] == flags
