"""Syntax: the statistical backbone's tags, lemmas, dependency parse and entity mentions on the Doc.

The ``dispacci_syntax`` component runs the trained pipeline of the article's language
(``dispacci.backbone``) over the Doc that dispacci's own tokenizer and sentence splitter made, in
place: it never re-tokenises, and our sentence boundaries stand (the parser respects boundaries
already set, and the backbone's own sentence splitters are skipped). Layers after it read
``token.pos_``, ``token.morph``, ``token.lemma_``, ``token.dep_``/``token.head`` and ``doc.ents``.

The parser runs only on the sentences a layer reads the parse in (``parse_scope``: quotations,
reporting, credit, claim and event cues); ``doc._.parsed_sents`` lists their token ranges (None:
every sentence), and the others have no parse. ``parse_all`` parses every sentence.

A language without a backbone (anything but it, en, fr, de, es, ru) passes through untouched, and
``doc._.parsed`` says whether the parse is there, so rules can fall back to what they did before.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ... import backbone
from .parse_scope import ParseScope

__all__ = ["SyntaxAnnotator", "SENTENCE_SPLITTERS"]

# The backbone's own sentence splitters would overwrite the boundaries set by dispacci_sentences.
SENTENCE_SPLITTERS = ("senter", "sentencizer")


class SyntaxAnnotator:
    """The ``dispacci_syntax`` component. ``skip`` names backbone components not to run
    (e.g. ``["parser"]`` for entities alone); a language with no backbone is left as it is."""

    def __init__(self, nlp: Language, name: str, skip: tuple[str, ...] = (), resources: tuple[str, ...] = (),
                 parse_all: bool = False):
        self.lang = nlp.lang
        self.skip = tuple(dict.fromkeys((*SENTENCE_SPLITTERS, *skip)))
        self.enabled = self.lang in backbone.available()
        # Russian's one slovnet component tags and parses together: it parses every sentence.
        self.scope = None if parse_all or "parser" in self.skip or self.lang == "ru" else ParseScope(nlp, resources)

    def __call__(self, doc: Doc) -> Doc:
        if not self.enabled or not len(doc):
            return doc
        parse = self.scope.sentences(doc) if self.scope is not None else None
        backbone.apply(doc, self.lang, disable=self.skip, parse=parse)
        doc._.parsed = "parser" not in self.skip
        doc._.parsed_sents = parse
        return doc


@Language.factory(
    "dispacci_syntax",
    requires=["token.is_sent_start", "doc._.context"],
    assigns=["token.pos", "token.morph", "token.lemma", "token.dep", "token.head", "doc.ents", "doc._.parsed",
             "doc._.parsed_sents"],
    default_config={"resources": [], "skip": [], "parse_all": False},
)
def make_syntax_annotator(nlp: Language, name: str, resources: list[str], skip: list[str], parse_all: bool):
    # `resources`: the user's cue files widen the sentences parsed as they widen the layers.
    return SyntaxAnnotator(nlp, name, tuple(skip), tuple(resources), parse_all)
