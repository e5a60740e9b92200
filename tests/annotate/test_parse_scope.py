"""The parser runs only on the sentences a layer reads it in, and gives them the parse the whole
article would: the records are those of a full parse."""
import json

import pytest
import spacy

from dispacci import Pipeline, backbone
from dispacci.annotate.doc import DocContext, start_doc
from dispacci.ingest.article import Article
from dispacci.tokens import make_doc

# Per language: (sentence that needs the parse, why), and a plain sentence that does not.
ARTICLES = {
    "fr": ["Le ministre de l'Agriculture a déclaré mardi que les prix baisseraient.",
           "La rivière traverse une vallée couverte de vignes anciennes.",
           "Les maisons de pierre datent du quatorzième siècle.",
           "Devant la préfecture, la syndicaliste a lancé « jamais » aux policiers.",
           "Les collines sont plantées de chênes verts et de pins.",
           "Le gouvernement a condamné l'attaque contre le consulat."],
    "en": ["The river winds through a valley of old vineyards.",
           "Police arrested two men after the protest in the city centre.",
           "The hills are covered with oak and pine.",
           "According to the mayor, the bridge will reopen in May.",
           "Its stone houses date from the fourteenth century."],
    "it": ["Il fiume attraversa una valle di antichi vigneti.",
           "Il sindaco ha detto che il ponte riaprirà a maggio.",
           "Le colline sono coperte di querce e pini.",
           "Secondo la prefettura, la strada resterà chiusa.",
           "Le case di pietra risalgono al Trecento."],
    "de": ["Der Fluss zieht sich durch ein Tal mit alten Weinbergen.",
           "Die Regierung verurteilte den Angriff auf das Konsulat.",
           "Die Hügel sind mit Eichen und Kiefern bewachsen.",
           "„Wir geben nicht nach“, sagte die Gewerkschafterin vor dem Rathaus.",
           "Die Steinhäuser stammen aus dem vierzehnten Jahrhundert."],
    "es": ["El río atraviesa un valle de viñedos antiguos.",
           "Según el alcalde, el puente volverá a abrir en mayo.",
           "Las colinas están cubiertas de encinas y pinos.",
           "La policía detuvo a dos hombres tras la protesta.",
           "Las casas de piedra datan del siglo catorce."],
}
# Sentences of ARTICLES[lang] (by index) the parser must run on.
NEEDED = {"fr": {0, 2, 3, 4, 5}, "en": {1, 3}, "it": {1, 3}, "de": {1, 2, 3, 4}, "es": {1, 3}}
PLAIN = {"fr": 1, "en": 0, "it": 0, "de": 0, "es": 0}


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _doc_up_to_syntax(pipeline, lang: str, text: str, parse_all: bool):
    nlp = pipeline.nlp(lang)
    syntax = nlp.get_pipe("dispacci_syntax")
    article = Article.from_parts("", text)
    doc = make_doc(nlp, article.text)
    start_doc(doc, DocContext(article=article, language=lang, language_confidence=1.0, warnings=[]))
    scope, syntax.scope = syntax.scope, (None if parse_all else syntax.scope)
    try:
        for name, component in nlp.pipeline:
            doc = component(doc)
            if name == "dispacci_syntax":
                return doc
    finally:
        syntax.scope = scope


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_sentences_with_quotes_or_cues_are_parsed_and_plain_description_is_not(pipeline, lang):
    doc = _doc_up_to_syntax(pipeline, lang, " ".join(ARTICLES[lang]), parse_all=False)
    sents = list(doc.sents)
    assert len(sents) == len(ARTICLES[lang])
    parsed = {k for k, s in enumerate(sents) if (s.start, s.end) in set(doc._.parsed_sents)}
    assert NEEDED[lang] <= parsed, "the quotation, its neighbours and every cue sentence have their parse"
    assert PLAIN[lang] not in parsed, "a sentence no layer reads is left unparsed"
    assert doc._.parsed
    plain = sents[PLAIN[lang]]
    assert all(t.head == t and t.dep_ == "" for t in plain)
    assert all(t.pos_ for t in plain) and all(t.lemma_ for t in plain), "tags and lemmas stay everywhere"


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_a_chosen_sentence_has_exactly_the_parse_of_the_whole_article(pipeline, lang):
    text = " ".join(ARTICLES[lang])
    full = _doc_up_to_syntax(pipeline, lang, text, parse_all=True)
    part = _doc_up_to_syntax(pipeline, lang, text, parse_all=False)
    assert full._.parsed_sents is None
    assert [t.is_sent_start for t in part] == [t.is_sent_start for t in full]
    assert [(t.pos_, t.lemma_, t.ent_type_) for t in part] == [(t.pos_, t.lemma_, t.ent_type_) for t in full]
    for start, end in part._.parsed_sents:
        assert [(t.head.i, t.dep_) for t in part[start:end]] == [(t.head.i, t.dep_) for t in full[start:end]]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_parser_on_two_separate_sentences_matches_it_on_the_whole_doc(lang):
    """Sentences 0 and 2 of four, the second one also the last: its look-ahead is cut by the end."""
    nlp = spacy.blank(lang)
    sentences = ARTICLES[lang][:4]
    doc = nlp(" ".join(sentences))
    starts, offset = set(), 0
    for sentence in sentences:
        starts.add(offset)
        offset += len(sentence) + 1
    for token in doc:
        token.is_sent_start = token.idx in starts
    reference = nlp(doc.text)
    for token, original in zip(reference, doc):
        token.is_sent_start = original.is_sent_start
    backbone.apply(reference, lang, disable=("senter", "sentencizer"))
    sents = list(doc.sents)
    chosen = [(sents[0].start, sents[0].end), (sents[3].start, sents[3].end)]
    backbone.apply(doc, lang, disable=("senter", "sentencizer"), parse=chosen)
    for start, end in chosen:
        assert [(t.head.i, t.dep_) for t in doc[start:end]] == [(t.head.i, t.dep_) for t in reference[start:end]]
    assert all(t.dep_ == "" for t in doc[sents[1].start:sents[2].end])
    assert [t.is_sent_start for t in doc] == [t.is_sent_start for t in reference]


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_records_with_the_chosen_parse_equal_records_with_every_sentence_parsed(pipeline, lang):
    text = " ".join(ARTICLES[lang])
    part = pipeline.analyze(text, title="Notizie", language=lang)
    syntax = pipeline.nlp(lang).get_pipe("dispacci_syntax")
    scope, syntax.scope = syntax.scope, None
    try:
        full = pipeline.analyze(text, title="Notizie", language=lang)
    finally:
        syntax.scope = scope
    assert json.loads(part.to_json()) == json.loads(full.to_json())


@pytest.mark.parametrize("text", [
    "Der Fluss zieht sich durch ein Tal. Russland griff am frühen Montagmorgen mit Drohnen die Ukraine an.",
    "Der Fluss zieht sich durch ein Tal. Die Polizei nahm am Rande der Kundgebung drei Männer fest, hieß es.",
])
def test_a_german_sentence_ending_on_a_verb_particle_is_parsed(pipeline, text):
    """Its verb is a cue only when read with the particle, on the parse ("griff … an" is "angreifen")."""
    doc = _doc_up_to_syntax(pipeline, "de", text, parse_all=False)
    sents = list(doc.sents)
    parsed = {k for k, s in enumerate(sents) if (s.start, s.end) in set(doc._.parsed_sents)}
    assert 1 in parsed and 0 not in parsed
