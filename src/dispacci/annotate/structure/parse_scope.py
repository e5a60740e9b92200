"""Which sentences the dependency parse is run on: those a layer reads it in.

The parse is read by the quotes and speakers, credits, events and claims layers, each around
its own cues. A sentence is parsed when, before any model has run, it holds or touches

- a quotation (``quotes.marks.find_quote_spans``): the quoted sentences and the one before and
  after it, where speakers and reporting verbs stand;
- a reporting, credit or claim cue of ``cues/quotes.yaml``, ``cues/credits.yaml`` or
  ``cues/claims.yaml``: a phrase cue word for word (in any case, either apostrophe), a one-word
  cue as written or as lemma (the cues that only work beside a quotation, like ``after_quote``,
  come with the quotation);
- an event cue: a match of the events layer's own cue patterns (``events/patterns/<lang>.yaml``),
  on the same lemmas the events layer matches with; a sentence that runs on into the next
  (no final mark) takes the next one with it, as the events layer reads them together.

Every other sentence keeps its tags, lemmas and entities and has no parse (heads on
themselves, no labels). All of this is read from the same data files the layers read, so a
user's cue file widens the parse with the layer.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ...resources import load_resource
from ...resources.ontology import load_ontology
from ..text import doc_text

__all__ = ["ParseScope", "CUE_FILES"]

# Cue kinds that are function words or people, never a cue on their own.
_NOT_CUES = frozenset({"articles", "prepositions", "aux", "pronouns", "complementizers", "conjunctions", "negations",
                       "adverbs", "issued_by", "roles", "unnamed", "copyright", "photo_pool", "not_credits",
                       "source_label", "press_service",
                       # the shapes speakers and credits read on a sentence already chosen: word
                       # endings, subjunctive forms, anaphors, offices and staff words match anywhere
                       "aides", "anaphors", "as_clause", "subjunctive", "subjunctive_after_verb",
                       "subjunctive_endings", "indicative_endings", "source_prepositions", "described_offices",
                       "office_staff", "government", "government_spokesperson",
                       # read only beside a quotation, whose neighbours are parsed anyway
                       "after_quote", "according_opening", "next_sentence"})
CUE_FILES = ("cues/quotes.yaml", "cues/credits.yaml", "cues/claims.yaml")
_EVENT_LABELS_NOT_CUES = ("ROLE", "PAIR", "COLLECTIVE")


def _phrases(table, lang: str):
    """Every cue string of one cue file for ``lang`` and ``any`` (nested stance lists too)."""
    def walk(value, key=""):
        if isinstance(value, dict):
            for inner_key, inner in value.items():
                yield from walk(inner, str(inner_key))
        elif isinstance(value, list) and key not in _NOT_CUES:
            yield from (str(v) for v in value if isinstance(v, str))

    for block in ("any", lang):
        yield from walk((table or {}).get(block) or {})


def _wire_names(resources: tuple[str, ...]) -> list[str]:
    """Every agency and outlet name: whether a sentence naming one credits it ("…, Reuters
    reported") or reports news about it ("Reuters cut 200 jobs") is read on the parse."""
    from ...resources.wires import load_wires

    try:
        wires = load_wires(tuple(resources))
    except Exception:  # noqa: BLE001 - the credits layer names a bad wires file itself
        return []
    return [alias for wire in wires for alias in (wire["name"], *wire.get("aliases", [])) if len(alias) > 2]


class ParseScope:
    """The sentences of a Doc the parse is needed in (see the module docstring)."""

    def __init__(self, nlp: Language, resources: tuple[str, ...] = ()):
        from ..events.patterns import lemmatizer

        self.nlp, self.resources = nlp, tuple(resources)
        self._lemma = lemmatizer(nlp.lang)
        words: set[str] = set()
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrases: dict[str, Doc] = {}

        def add(text: str, lemma: bool) -> None:
            """One word goes to ``words`` (with its lemma for a cue word), more to the phrases."""
            tokens = [t.lower_ for t in nlp.make_doc(text) if not t.is_space]
            if len(tokens) == 1:
                words.update((tokens[0], self._lemma(tokens[0])) if lemma else (tokens[0],))
            elif tokens:
                phrases.setdefault(text.lower(), nlp.make_doc(text.lower()))

        for phrase in _wire_names(self.resources):
            add(phrase, lemma=False)
        for name in CUE_FILES:
            try:
                table = load_resource(name, self.resources)
            except Exception:  # noqa: BLE001 - a layer that cannot read its file says so itself
                continue
            for phrase in _phrases(table, nlp.lang):
                phrase = " ".join(phrase.replace("{org}", " ").split())
                for variant in {phrase, phrase.replace("’", "'"), phrase.replace("'", "’")}:
                    add(variant, lemma=True)
        if phrases:
            self.phrases.add("CUE", list(phrases.values()))
        self.words = frozenset(words)
        self._patterns = None
        self._lemma_hashes: dict[int, int] = {}
        self._word_hashes = None  # the words as hashes of this pipeline's strings, made on first use

    @property
    def patterns(self):
        if self._patterns is None:
            from ..events.patterns import EventPatterns

            self._patterns = EventPatterns.shared(self.nlp, self.resources, load_ontology(self.resources))
        return self._patterns

    def sentences(self, doc: Doc) -> list[tuple[int, int]]:
        """``(start, end)`` token ranges of the sentences to parse, in order."""
        sents = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
        chosen = [False] * len(sents)
        ends = numpy.array([e for _, _, _, e in sents])
        for quote in self._quotes(doc):
            first = int(numpy.searchsorted(ends, quote[0], side="right"))
            last = int(numpy.searchsorted(ends, max(quote[1] - 1, quote[0]), side="right"))
            for k in range(max(0, first - 1), min(len(sents), last + 2)):
                chosen[k] = True
        starts = [s for s, _, _, _ in sents]
        token_sentence = numpy.searchsorted(numpy.array(starts), numpy.arange(len(doc)), side="right") - 1
        for _, start, _ in self.phrases(doc):
            chosen[token_sentence[start]] = True
        words, cue_starts = self._cue_words_and_events(doc)
        for i in words:
            chosen[token_sentence[i]] = True
        particles = set(self.patterns.words.get("separable_particles") or ())
        if particles:
            for i in _clause_final_particles(doc, particles):
                chosen[token_sentence[i]] = True
        groups = self._run_on_groups(doc, sents)
        for start in cue_starts:
            for k in groups[int(token_sentence[start])]:
                chosen[k] = True
        return [(s, e) for (s, e, _, _), keep in zip(sents, chosen) if keep]

    @staticmethod
    def _quotes(doc: Doc) -> list[tuple[int, int]]:
        from ..quotes.marks import find_quote_spans

        return [(q.start, q.end) for q in find_quote_spans(doc_text(doc))]

    @staticmethod
    def _run_on_groups(doc: Doc, sents) -> list[list[int]]:
        """For each sentence, the sentences the events layer reads with it (its own merging of a
        line that runs on into the next)."""
        from ..events.component import EventCoder

        starts = [start for start, _, _, _ in sents]
        by_sentence: list[list[int]] = [[] for _ in sents]
        for span in EventCoder._sentences(doc):
            group = list(range(starts.index(span.start), int(numpy.searchsorted(starts, span.end))))
            for k in group:
                by_sentence[k] = group
        return by_sentence

    def _cue_words_and_events(self, doc: Doc) -> tuple[list[int], list[int]]:
        """Tokens that are one-word cues (as written or as lemma) and token starts of event cues,
        both on the events layer's lemmas; the Doc's lemmas are put back as they were, so the
        backbone still lemmatises every word."""
        from ..events.patterns import set_lemmas

        patterns = self.patterns
        saved = doc.to_array([LEMMA])
        set_lemmas(doc, self.nlp.lang, self._lemma_hashes)
        try:
            if self._word_hashes is None:
                self._word_hashes = numpy.array(sorted({doc.vocab.strings.add(w) for w in self.words}), dtype="uint64")
            words = numpy.flatnonzero(numpy.isin(doc.to_array([LOWER, LEMMA]), self._word_hashes).any(axis=1))
            events = [start for label, start, _ in (patterns.matches(doc) if patterns.labels else [])
                      if label not in _EVENT_LABELS_NOT_CUES and not label.startswith("AGENT:")]
            return words.tolist(), events
        finally:
            doc.from_array([LEMMA], saved.reshape(-1, 1))


def _clause_final_particles(doc: Doc, particles: set[str]) -> list[int]:
    """Tokens that can only be a separated verb particle: one of ``particles`` right before a
    clause's closing mark ("Russland griff … die Ukraine an."), where a preposition would have no
    object. Read before any model runs; the events layer reads the verb with it on the parse."""
    return [t.i for t in doc[:-1] if t.is_lower and t.text in particles
            and doc[t.i + 1].text in (".", ",", ";", ":", "!", "?")]
