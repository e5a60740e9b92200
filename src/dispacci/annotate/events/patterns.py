"""Event cue patterns: per-language data compiled once into spaCy PhraseMatchers.

Patterns live in ``events/patterns/<lang>.yaml`` (users add their own file of
the same name). A cue is words separated by spaces; each word matches any
inflection of itself, since pattern words and text words go through the same
lemmatiser (simplemma; pymorphy3 for Russian); ``a|b`` gives alternatives and
``*`` lets up to four words stand between. A language whose pattern file sets
``separable_verbs`` (German) also matches, with a parse, a verb and its separated
particle against the cue written as the whole infinitive ("griff ... an": "angreifen").
The CAMEO code list and the PLOVER map (``events/cameo.yaml``, ``events/plover.yaml``)
and the coding conventions (``events/conventions.yaml``) are loaded here too.

A cue may also be a mapping, for what the words around the cue decide
(all keys but ``cue`` optional; a plain string is ``{cue: <string>}``)::

    <demand to halt>: [{cue: ["demand|demanded", "call for"], object: [ceasefire, truce, halt]}]
    <sanctions>: [{cue: "imposed|impose * sanctions", target: oblique, case: [on, against]}]

- ``cue``: the cue text, as above, or a list of them.
- ``object``: lemmas of which the cue's object (or the noun or clause that
  follows it) must be one; the cue applies only then, and then wins over a plain
  cue of the same words ("a demand to halt" is 105, "a demand" stays 100).
- ``target``: where the counterpart stands: ``object`` (the default: the
  direct object, else a counterpart marker), ``oblique`` (the oblique marked by
  one of ``case``: "sanctions on X") or ``none`` (a one-sided act).
- ``case``: the prepositions or case words of that oblique (with ``target: oblique``).

Beside the patterns, ``events/agents/<lang>.yaml`` names the generic agents
(``agents``: CAMEO agent code → nouns, labelled ``AGENT:<code>``; ``collective``:
words for the article's two protagonists, like ``pair_words``; ``quantity``: words
of number before "of" ("thousands of X": X acts); ``initiator``: the
words before the side that started a call, "à la demande de") and
``events/modality/<lang>.yaml`` the words that make an act hypothetical or
negated when the parse links them to the cue (``modal_verbs``, ``intent_verbs``,
``failure_verbs``, ``condition_marks``, single lemmas).
"""
from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from spacy.attrs import LEMMA, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ...errors import Errors, ResourceError
from ...resources import load_resource
from ...resources.ontology import Ontology

__all__ = ["CueRule", "EventPatterns", "join_particles", "lemmatizer", "set_lemmas"]

_GAP = {"OP": "gap"}  # up to _MAX_GAP words, no punctuation, same sentence
_MAX_GAP = 4


def _breaks(doc: Doc, start: int, end: int) -> bool:
    return any(token.is_punct or token.is_sent_start for token in doc[start:end]) or (
        end < len(doc) and doc[end].is_sent_start)


@lru_cache(maxsize=8)
def lemmatizer(lang: str):
    """A cached word → lowercase lemma function for ``lang``."""
    if lang == "ru":
        import pymorphy3

        morph = pymorphy3.MorphAnalyzer()

        @lru_cache(maxsize=200_000)
        def lemma_ru(word: str) -> str:
            if not word.isalpha():
                return word.lower()
            return morph.parse(word)[0].normal_form.replace("ё", "е")

        return lemma_ru
    try:
        lemmatize = _simplemma(lang)
        lemmatize("test")
    except Exception:  # no simplemma data for this language: match on lowercase forms
        return lambda word: word.lower()

    @lru_cache(maxsize=200_000)
    def lemma(word: str) -> str:
        if not any(ch.isalpha() for ch in word):
            return word.lower()
        return lemmatize(word).lower()

    return lemma


def _simplemma(lang: str):
    """simplemma with its dictionary kept decoded in the user's cache: decoding
    the shipped file costs 0.3 s per language on every start, a pickle 0.1 s."""
    import simplemma
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries.dictionary_factory import (
        CachingDictionaryFactory,
        MappingStrToByteString,
        _load_dictionary_from_disk,
    )

    class CachedDictionaries(CachingDictionaryFactory):
        def _get_dictionary_uncached(self, code: str):
            return MappingStrToByteString(_cached(code, _load_dictionary_from_disk))

    lemmatizer = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=CachedDictionaries()))
    return lambda word: lemmatizer.lemmatize(word, lang=lang)


def _cached(code: str, load):
    import simplemma

    from ...resources.cache import cache_dir, cached

    return cached(cache_dir() / f"simplemma-{getattr(simplemma, '__version__', '0')}-{code}.pickle",
                  lambda: load(code))


def set_lemmas(doc: Doc, lang: str, cache: dict[int, int] | None = None) -> None:
    """Give every token the lemma the patterns were compiled with. ``cache`` maps
    word hashes to lemma hashes for one vocabulary (one pipeline), so each distinct
    word is lemmatised once."""
    import numpy

    lemma, strings = lemmatizer(lang), doc.vocab.strings
    cache = {} if cache is None else cache
    hashes = []
    for orth in doc.to_array([ORTH]).tolist():
        value = cache.get(orth)
        if value is None:
            value = strings.add(lemma(strings[orth]))
            if len(cache) < 500_000:
                cache[orth] = value
        hashes.append(value)
    if hashes:
        doc.from_array([LEMMA], numpy.array(hashes, dtype="uint64").reshape(-1, 1))


@dataclass(frozen=True)
class CueRule:
    """What a mapping cue adds to its words (see the module docstring)."""

    code: str
    objects: frozenset[str] = frozenset()  # lemmas one of which must follow as the object
    target: str = "object"  # object | oblique | none
    cases: frozenset[str] = frozenset()  # words marking the oblique target


def _optional(name: str, resources: tuple[str, ...]) -> dict:
    try:
        return load_resource(name, resources) or {}
    except ResourceError:
        return {}


def _single_lemmas(values, lemma) -> frozenset[str]:
    return frozenset(lemma(str(w)) for w in values or [] if " " not in str(w)) | frozenset(
        str(w).lower() for w in values or [] if " " not in str(w))


@dataclass
class EventPatterns:
    """One language's cues compiled into lemma PhraseMatchers, plus its function-word lists."""

    lang: str
    phrase_matcher: PhraseMatcher  # fixed cues, matched by lemma through a hash table
    segment_matcher: PhraseMatcher  # the fixed pieces of cues with gaps ("firmare * accordo")
    gapped: dict[int, tuple[str, int]]  # gapped cue id → (label, number of pieces)
    labels: dict[int, str]  # matcher key → CAMEO code (or "meet", "ROLE", "PAIR")
    words: dict = field(default_factory=dict)  # marker lists etc., lowercased
    phrases: dict = field(default_factory=dict)  # name → set of lowercase word tuples
    rules: dict[str, CueRule] = field(default_factory=dict)  # label "105@2" → its conditions
    modality: dict[str, frozenset[str]] = field(default_factory=dict)  # modal_verbs etc. → lemmas

    @classmethod
    def shared(cls, nlp, resources: tuple[str, ...], ontology: Ontology) -> "EventPatterns":
        """``build``, once per pipeline and resources: the events layer and the choice of the
        sentences to parse (``structure.parse_scope``) match the same compiled cues."""
        with _SHARED_LOCK:
            built = _SHARED.setdefault(nlp, {})
            if resources not in built:
                built[resources] = cls.build(nlp, resources, ontology)
            return built[resources]

    @classmethod
    def build(cls, nlp, resources: tuple[str, ...], ontology: Ontology) -> "EventPatterns":
        lang = nlp.lang
        try:
            data = load_resource(f"events/patterns/{lang}.yaml", resources) or {}
        except ResourceError:
            data = {}  # a language without patterns codes no events
        lemma = lemmatizer(lang)
        labels: dict[int, str] = {}
        phrase_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        segment_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        gapped: dict[int, tuple[str, int]] = {}

        def phrase_docs(steps: list[dict]) -> list[Doc]:
            return [Doc(nlp.vocab, words=list(words), lemmas=list(words))
                    for words in product(*(step["LEMMA"]["IN"] for step in steps))]

        def add(label: str, cues: list[str]) -> None:
            patterns = [p for p in (_compile(str(cue), lemma, nlp.make_doc) for cue in cues or []) if p]
            for pattern in patterns:
                pieces: list[list[dict]] = [[]]
                for step in pattern:
                    if step.get("OP"):
                        pieces.append([])
                    else:
                        pieces[-1].append(step)
                pieces = [piece for piece in pieces if piece]
                if len(pieces) == 1:
                    phrase_matcher.add(label, phrase_docs(pieces[0]))
                else:
                    cue_id = len(gapped)
                    gapped[cue_id] = (label, len(pieces))
                    for index, piece in enumerate(pieces):
                        segment_matcher.add(f"{cue_id}#{index}", phrase_docs(piece))
            if patterns:
                labels[nlp.vocab.strings[label]] = label

        rules: dict[str, CueRule] = {}
        for code, cues in (data.get("events") or {}).items():
            code = str(code)
            if code != "meet" and not ontology.is_code(code.rstrip("<")):
                raise ResourceError("E200", Errors.E200.format(code=code, lang=lang))
            add(code, [cue for cue in cues or [] if not isinstance(cue, dict)])
            for cue in (c for c in cues or [] if isinstance(c, dict) and c.get("cue")):
                label = f"{code}@{len(rules)}"
                rules[label] = CueRule(code=code, objects=_single_lemmas(cue.get("object"), lemma),
                                       target=str(cue.get("target") or "object"),
                                       cases=frozenset(str(w).lower() for w in cue.get("case") or []))
                add(label, cue["cue"] if isinstance(cue["cue"], list) else [cue["cue"]])
        add("ROLE", data.get("roles", []))
        add("PAIR", data.get("pair_words", []))
        agents = _optional(f"events/agents/{lang}.yaml", resources)
        for agent, nouns in (agents.get("agents") or {}).items():
            add(f"AGENT:{agent}", nouns)
        add("COLLECTIVE", agents.get("collective", []))
        modality = _optional(f"events/modality/{lang}.yaml", resources)
        modality = {key: _single_lemmas(values, lemma) for key, values in modality.items() if isinstance(values, list)}
        words = {key: [str(w).lower() for w in value] for key, value in data.items()
                 if isinstance(value, list) and key not in ("roles", "pair_words")}
        markers = {key: [str(w).lower() for w in value] for key, value in (data.get("markers") or {}).items()}
        words["markers"] = markers
        words["collective_surface"] = {" ".join(str(w).lower().split()) for w in agents.get("collective", [])}
        words["quantity"] = {str(w).lower() for w in agents.get("quantity", [])}
        words["initiator"] = {tuple(t.lower_.replace("’", "'") for t in nlp.make_doc(str(w)))
                              for w in agents.get("initiator", [])}
        words["relative_days"] = {str(k).lower(): int(v) for k, v in (data.get("relative_days") or {}).items()}
        def _lower_words(text: str) -> tuple[str, ...]:
            return tuple(text.lower().replace("’", "'").split())

        phrases = {name: {_lower_words(w) for w in value} for name, value in markers.items()}
        for name in ("negation", "topic_markers", "discuss_topic_markers", "articles", "sidelines"):
            phrases[name] = {_lower_words(w) for w in words.get(name, [])}
        words["hypothetical_lemmas"] = {lemma(w) for w in words.get("hypothetical", []) if " " not in w}
        phrases["hypothetical"] = {_lower_words(w) for w in words.get("hypothetical", []) if " " in w}
        words["passive_lemmas"] = {lemma(w) for w in words.get("passive", [])} | set(words.get("passive", []))
        return cls(lang=lang, phrase_matcher=phrase_matcher, segment_matcher=segment_matcher, gapped=gapped,
                   labels=labels, words=words, phrases=phrases, rules=rules, modality=modality)

    def matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(label, start, end) of every cue in ``doc`` (lemmas set); with ``separable_verbs``
        and a parse, also those of the verbs read with their particles (``join_particles``).
        Kept on the Doc for the same lemmas and parse state: the choice of the sentences to parse
        matches before the events layer does."""
        parsed = bool(getattr(doc._, "parsed", False))
        state = (doc.to_array([LEMMA]).tobytes(), parsed)
        key = f"dispacci_event_matches_{id(self)}"
        kept = doc.user_data.get(key)
        if kept is not None and kept[0] == state:
            return list(kept[1])
        found = self._matches(doc)
        if self.words.get("separable_verbs") and parsed:
            restore = join_particles(doc, lemmatizer(self.lang))
            if restore:
                seen = set(found)
                found += [match for match in self._matches(doc) if match not in seen]
                for token, lemma in restore:
                    token.lemma_ = lemma
        doc.user_data[key] = (state, tuple(found))
        return found

    def _matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        strings = doc.vocab.strings
        found = [(self.labels[key], start, end) for key, start, end in self.phrase_matcher(doc)]
        if not self.gapped:
            return found
        pieces: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for key, start, end in self.segment_matcher(doc):
            cue_id, index = strings[key].split("#")
            pieces.setdefault((int(cue_id), int(index)), []).append((start, end))
        for (cue_id, index), spans in pieces.items():
            if index:
                continue
            label, count = self.gapped[cue_id]
            for start, end in spans:
                last = end
                for following in range(1, count):
                    nxt = [(s, e) for s, e in pieces.get((cue_id, following), ())
                           if last <= s <= last + _MAX_GAP and not _breaks(doc, last, s)]
                    if not nxt:
                        break
                    last = nxt[0][1]
                else:
                    found.append((label, start, last))
        return found


_PARTICLE_DEPS = ("compound:prt", "svp")  # UD and TIGER labels of a separable verb particle


def join_particles(doc: Doc, lemma) -> list[tuple]:
    """Give each verb with a separated particle ("griff ... an", "nahm ... fest") the lemma
    of the whole infinitive ("angreifen", "festnehmen"); returns (token, old lemma) pairs
    so that the caller can put the plain lemmas back."""
    changed = []
    for token in doc:
        if token.dep_ in _PARTICLE_DEPS and token.head.i != token.i and token.head.pos_ in ("VERB", "AUX"):
            verb = token.head
            changed.append((verb, verb.lemma_))
            verb.lemma_ = lemma(token.lower_ + verb.lemma_)
    return changed


_SHARED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # pipeline → {resources: patterns}
_SHARED_LOCK = threading.Lock()


def _compile(cue: str, lemma, tokenize) -> list[dict]:
    """One cue → Matcher pattern: each written word (or alternative) is tokenised
    like the text, and each piece matched by its lemma."""
    pattern: list[dict] = []
    for word in cue.split():
        if word == "*":
            pattern.append(dict(_GAP))
            continue
        pieces = [[t.text for t in tokenize(alt)] for alt in word.split("|") if alt]
        count = len(pieces[0])
        for i in range(count):
            lemmas = sorted({lemma(split[i]) for split in pieces if len(split) == count})
            pattern.append({"LEMMA": {"IN": lemmas}})
    while pattern and pattern[-1].get("OP"):
        pattern.pop()
    while pattern and pattern[0].get("OP"):
        pattern.pop(0)
    return pattern
