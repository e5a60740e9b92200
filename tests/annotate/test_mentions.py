"""The entities layer publishes its mentions once, in ``doc.spans``, for credits, quotes and
events to read: its entities as token spans, and the backbone's names it left unlinked."""
from __future__ import annotations

import pytest
import spacy

from dispacci.annotate.doc import DocContext, register_extensions, start_doc
from dispacci.annotate.entities.mentions import publish_mentions, published_mentions
from dispacci.ingest.article import Article
from dispacci.record import Entity

from ..conftest import FOUNDING


def _doc(lang: str, text: str, names: list[tuple[str, str]]):
    register_extensions()
    nlp = spacy.blank(lang)
    doc = nlp.make_doc(text)
    start_doc(doc, DocContext(article=Article(text=text), language=lang))
    ents = []
    for surface, label in names:
        start = text.index(surface)
        ents.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = ents
    return doc


def _entity(text: str, surface: str, kind: str, actor: str | None = None) -> Entity:
    start = text.index(surface)
    return Entity(text=surface, kind=kind, canonical=surface, actor=actor, start=start, end=start + len(surface))


@pytest.mark.parametrize("lang, text, known, unknown", [
    ("it", "Vladimir Putin ha ricevuto Mario Bianchi al Cremlino.", "Vladimir Putin", "Mario Bianchi"),
    ("en", "Yesterday Janet Yellen met Bonnie Glaser in Washington.", "Janet Yellen", "Bonnie Glaser"),
    ("de", "Am Montag empfing Olaf Scholz die Forscherin Anke Weber in Berlin.", "Olaf Scholz", "Anke Weber"),
    ("ru", "В Москве Сергей Лавров встретился с Иваном Петровым.", "Сергей Лавров", "Иваном Петровым"),
])
def test_entities_become_token_spans_and_unlinked_names_stand_beside_them(lang, text, known, unknown):
    doc = _doc(lang, text, [(known, "PER"), (unknown, "PER")])
    entities = [_entity(text, known, "person", actor="someone-known")]
    publish_mentions(doc, entities)
    mentions, names = doc.spans["mentions"], doc.spans["names"]
    assert [(m.text, m.label_, m.kb_id_) for m in mentions] == [(known, "person", "someone-known")]
    assert mentions[0]._.entity is entities[0]
    assert [(n.text, n.label_) for n in names] == [(unknown, "person")]
    unlinked = names[0]._.entity
    assert (unlinked.text, unlinked.kind, unlinked.actor) == (unknown, "person", None)
    assert text[unlinked.start:unlinked.end] == unknown


def test_a_name_an_entity_overlaps_is_no_unlinked_name():
    text = "Il presidente Vladimir Vladimirovich Putin e la Gazprom Neft hanno firmato."
    doc = _doc("it", text, [("Vladimir Vladimirovich Putin", "PER"), ("Gazprom Neft", "ORG")])
    publish_mentions(doc, [_entity(text, "Putin", "person", actor="vladimir-putin")])
    assert [(n.text, n.label_) for n in doc.spans["names"]] == [("Gazprom Neft", "organization")]


def test_places_and_other_names_are_not_published_as_unlinked_actors():
    text = "A Parigi si è aperto il Festival di Cannes."
    doc = _doc("it", text, [("Parigi", "LOC"), ("Festival di Cannes", "MISC")])
    publish_mentions(doc, [])
    assert list(doc.spans["names"]) == [] and list(doc.spans["mentions"]) == []


def test_a_mention_covers_the_tokens_its_characters_fall_in():
    text = "L'Unione europea e l'Ucraina."
    doc = _doc("it", text, [])
    entity = _entity(text, "Ucraina", "country", actor="UKR")
    publish_mentions(doc, [entity])
    span = doc.spans["mentions"][0]
    assert span.start_char <= entity.start and entity.end <= span.end_char
    assert span._.entity is entity


def test_a_doc_the_entities_layer_did_not_see_has_them_published_on_first_reading():
    text = "Emmanuel Macron a reçu Jean Dupont à l'Élysée."
    doc = _doc("fr", text, [("Emmanuel Macron", "PER"), ("Jean Dupont", "PER")])
    doc._.entities = [_entity(text, "Emmanuel Macron", "person", actor="emmanuel-macron")]
    mentions, names = published_mentions(doc)
    assert [m.text for m in mentions] == ["Emmanuel Macron"] and [n.text for n in names] == ["Jean Dupont"]
    assert published_mentions(doc)[0] is doc.spans["mentions"]  # published once, read again


def test_the_pipeline_publishes_every_entity_as_a_mention(pipeline):
    doc = pipeline.nlp("it")(FOUNDING.read_text(encoding="utf-8"))
    mentions = doc.spans["mentions"]
    assert [m._.entity for m in mentions] == doc._.entities
    for mention in mentions:
        entity = mention._.entity
        assert mention.start_char <= entity.start and entity.end <= mention.end_char
        assert mention.label_ == entity.kind and mention.kb_id_ == (entity.actor or "")
    taken = [(e.start, e.end) for e in doc._.entities]
    for name in doc.spans["names"]:
        assert not any(a < name.end_char and name.start_char < b for a, b in taken)


@pytest.mark.parametrize("lang, text, speaker", [
    ("it", "Mario Bianchi ha detto: «Non firmeremo questo accordo prima dell'estate».", "Mario Bianchi"),
    ("en", "Bonnie Glaser said: \"We will not sign this agreement before the summer.\"", "Bonnie Glaser"),
    ("de", "Anke Weber sagte: „Wir werden dieses Abkommen nicht vor dem Sommer unterzeichnen.“", "Anke Weber"),
])
def test_a_quote_is_given_to_a_person_only_the_backbone_named(pipeline, lang, text, speaker):
    nlp = pipeline.nlp(lang)
    doc = nlp.make_doc(text)
    start_doc(doc, DocContext(article=Article(text=text), language=lang))
    for name, component in nlp.pipeline:
        if name in ("dispacci_syntax", "dispacci_entities"):
            continue  # the backbone's answer and the layer's are given here
        if name == "dispacci_credits":
            start = text.index(speaker)
            doc.ents = [doc.char_span(start, start + len(speaker), label="PER")]
            publish_mentions(doc, [])
        if name == "dispacci_events":
            break
        doc = component(doc)
    assert [(q.speaker, q.speaker_actor) for q in doc._.quotes] == [(speaker, None)]
