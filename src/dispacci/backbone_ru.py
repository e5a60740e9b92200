"""Russian backbone: natasha's slovnet news models (MIT, weights inside the natasha wheel) behind a
spaCy component that fills a Doc tokenised by spaCy: UPOS, morphology, lemmas (pymorphy via natasha),
UD heads/labels and PER/LOC/ORG entities, so the layers above read Russian like every other language.
"""
from __future__ import annotations

import functools

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["SlovnetAnnotator", "russian_pipeline"]


@functools.lru_cache(maxsize=1)
def _models():
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser
    embedding = NewsEmbedding()
    return (NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding), MorphVocab())


def _tree(heads: list[int]) -> list[int]:
    """Slovnet's 1-based heads (0 = root) made a tree: a head outside the sentence, or a cycle
    (which spaCy cannot walk: E039 on ``Span.root``), makes that word a root."""
    heads = [h if 0 <= h <= len(heads) and h != i + 1 else 0 for i, h in enumerate(heads)]
    for start in range(len(heads)):
        path, node = set(), start
        while heads[node]:
            if node in path:
                heads[node] = 0  # break the cycle here
                break
            path.add(node)
            node = heads[node] - 1
    return heads


class SlovnetAnnotator:
    """Tags, parses and finds entities sentence by sentence on spaCy's own tokens."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tagger, parser, ner, morph_vocab = _models()
        sents = list(doc.sents)
        words = [[t.text for t in sent] for sent in sents]
        heads = numpy.zeros((len(doc), 2), dtype="uint64")
        for sent, morph, syntax in zip(sents, tagger.map(words), parser.map(words)):
            parsed_tokens = list(syntax.tokens)
            targets = _tree([int(parsed.head_id) for parsed in parsed_tokens])
            for token, tagged, parsed, head in zip(sent, morph.tokens, parsed_tokens, targets):
                token.pos_ = tagged.pos
                token.set_morph("|".join(f"{k}={v}" for k, v in sorted(tagged.feats.items())) or None)
                token.lemma_ = _lemma(morph_vocab, token.text, tagged.pos, tagged.feats)
                target = sent.start + head - 1 if head else token.i
                heads[token.i] = (numpy.uint64(target - token.i) if target >= token.i
                                  else numpy.uint64(2**64 + target - token.i),
                                  doc.vocab.strings.add("ROOT" if not head else parsed.rel))
        doc.from_array([HEAD, DEP], heads)
        doc.set_ents(list(self._entities(doc, sents, ner)))
        return doc

    @staticmethod
    def _entities(doc: Doc, sents, ner):
        """natasha's mentions as token spans; two mentions inside one token (a 64-character piece
        of a long run, "Путин-Песков") would expand to the same token, so the later one is left out."""
        taken = -1  # the token after the last mention kept
        for sent, markup in zip(sents, ner.map([s.text for s in sents])):
            for span in markup.spans:
                ent = doc.char_span(sent.start_char + span.start, sent.start_char + span.stop,
                                    label=span.type, alignment_mode="expand")
                if ent is not None and ent.start >= taken:
                    taken = ent.end
                    yield ent


def _lemma(morph_vocab, word: str, pos, feats) -> str:
    """pymorphy's shape check calls unicodedata.name, which fails on unassigned code points: the word is its own lemma."""
    try:
        return morph_vocab.lemmatize(word, pos, feats)
    except ValueError:
        return word.lower()


@Language.factory("dispacci_slovnet", requires=["token.is_sent_start"],
                  assigns=["token.pos", "token.morph", "token.lemma", "token.dep", "token.head", "doc.ents"])
def create_slovnet_annotator(nlp: Language, name: str) -> SlovnetAnnotator:
    return SlovnetAnnotator(nlp, name)


def russian_pipeline() -> Language:
    """spacy.blank("ru") + sentence splitter + the slovnet component."""
    import spacy
    nlp = spacy.blank("ru")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dispacci_slovnet")
    return nlp
