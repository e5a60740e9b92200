"""Events: who did what to whom, when — CAMEO coded, with PLOVER category and mode.

For each sentence with an event cue (patterns per language as data), the
actors around the cue come from the entities layer (``actors``), the
date from the clause (``dates``, ``periods``) or the article's reference date, and
what was discussed from the topic phrases after the cue. Statements without a
target are not events; every mention of one occasion is one event with the
richest evidence (``mentions``, ``merge``); a visit is coded both ways; the
speaker's own acts in quoted words are the speaker's events (``quoted``).
"""
from __future__ import annotations

import bisect

from spacy.attrs import IDX, LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...record import Entity, Event, EventActor, Evidence
from ..doc import in_body
from ..entities.mentions import entity_of, published_mentions
from .actors import Group, assign_sides, build_groups, mark_groups, marker_table
from .merge import MergeRules, date_events, drop_title_echoes, frame_antecedents, merge_events
from ...resources.ontology import load_ontology
from .patterns import EventPatterns, set_lemmas
from .clause import (EventReading, clause_date, clause_topics, cue_in_topic, event_location, is_bare_participle,
                     is_hypothetical, is_negated, on_sidelines, relative_subject, reporting_follows)
from .resolve import ActorResolver
from .sides import (callers_first, is_person, mediator_pairs, parse_pairs, same_actor, unnamed_perpetrator,
                    unstated_subject)
from .generic import (agent_countries, apply_cue_rules, collective_pairs, demonym_people, drop_agent_cues,
                      nominal_agents, quantity_heads, capital_sides)
from .modality import parse_modality
from .coding import government_of, intent_code, meet_code
from ..text import doc_text
from .mentions import clause_period, frame_nouns, is_anaphoric, is_background, lead_end_of
from .periods import ArticleWords
from .quoted import quote_at, quote_spans, quoted_events

__all__ = ["EventCoder"]


class EventCoder:
    def __init__(self, nlp: Language, name: str, resources: tuple[str, ...] = (), actors: tuple[str, ...] = ()):
        self.lang = nlp.lang
        from .patterns import lemmatizer

        self._lemma = lemmatizer(nlp.lang)
        self.ontology = load_ontology(tuple(resources))
        self.patterns = EventPatterns.shared(nlp, tuple(resources), self.ontology)
        words, phrases = self.patterns.words, self.patterns.phrases
        markers = words["markers"]
        self.articles = set(words.get("articles", []))
        self.conjunctions = set(markers.get("and", [])) | {","}
        self.glue = set(markers.get("of", [])) | self.articles
        self.indefinite = set(words.get("indefinite", []))
        self.pro_drop = bool(words.get("pro_drop"))
        self.strict_passive = set(words.get("passive_strict", []))
        self.participle_suffixes = tuple(words.get("participle_suffixes", []))
        self.perfect_aux = {self._lemma(w) for w in words.get("perfect_aux", [])} | set(words.get("perfect_aux", []))
        self.markers = marker_table(phrases)
        self.clause_marks = {":", ";", "|"}
        self.relative_pronouns = set(words.get("relative_pronouns", []))
        self.reporting_lemmas = {self._lemma(w) for w in words.get("reporting_verbs", [])}
        self.discuss_lemmas = {self._lemma(w) for w in words.get("discuss_verbs", [])}
        self.negation_words = {w for (w, *rest) in phrases.get("negation", set()) if not rest}
        self.conventions = self.ontology.conventions
        self.symmetric = set(self.conventions.get("symmetric", []))
        words = self.patterns.words
        # Single-word topic markers ("degli", "de", "sur"): a country after one is part of
        # what was discussed, not the counterpart of the verb.
        self.topic_words = frozenset(
            str(w).lower().replace("’", "'") for key in ("topic_markers", "discuss_topic_markers")
            for w in words.get(key, []) if " " not in str(w))
        self.target_optional = tuple(self.conventions.get("target_optional", []))
        self.object_first = tuple(self.conventions["object_first"])
        self.place_target = tuple(self.conventions["place_target"])
        self.not_events = tuple(self.conventions.get("not_events", []))
        self.passive_victim = tuple(self.conventions["passive_victim"])
        self.reciprocal = tuple(self.conventions["reciprocal"])
        self.prefer_foreign = tuple(self.conventions["prefer_foreign"])
        self.with_topics = tuple(self.conventions["with_topics"])
        self.hypothetical_consult = tuple(self.conventions["hypothetical_consult"])
        self.intent_codes = {str(k): str(v) for k, v in (self.conventions.get("intent_codes") or {}).items()}
        self.between_people = dict(self.conventions.get("between_people", {}))
        audience = self.conventions.get("audience") or {}
        self.audience = (frozenset(audience.get("agents", [])), tuple(audience.get("codes", [])))
        self.caller_codes = tuple(self.conventions.get("caller_codes", []))
        self.mediation = tuple(self.conventions.get("mediation", []))
        self.government_target = tuple(self.conventions.get("government_target", []))
        self.merge_rules = MergeRules.from_conventions(self.conventions)
        self.article_words = ArticleWords.load(nlp.lang, tuple(resources), self._lemma)
        self.resolver = ActorResolver(tuple(resources), tuple(actors))
        self.has_quotes_layer = "dispacci_quotes" in nlp.pipe_names  # else quote marks are found here
        self._lemma_hashes: dict[int, int] = {}  # word hash → lemma hash in this pipeline's vocab
        self._strings: dict[int, str] = {}  # hash → string, for the arrays read per doc

    # -- the component ---------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        context = doc._.context
        if not self.patterns.labels or context is None:
            doc._.events = []
            return doc
        set_lemmas(doc, self.lang, self._lemma_hashes)
        # One document's words, entities, cue spans and last source live in this local
        # reading, never on the component: threads sharing one pipeline stay apart.
        reading = EventReading(coder=self)
        matches = self._cues(reading, doc)
        if not matches:
            doc._.events = []
            return doc
        reading.text = doc_text(doc)  # Doc.text joins every token: read it once
        reading.words, reading.lemmas = self._token_strings(reading, doc)
        reading.after_dateline = 0  # the dateline's place is not an actor
        dateline = getattr(doc._, "dateline", None)
        if dateline is not None and dateline.end > dateline.start:
            span = doc.char_span(dateline.start, dateline.end, alignment_mode="expand")
            reading.after_dateline = span.end if span is not None else 0
        quotes = quote_spans(doc, reading.text, self.has_quotes_layer)
        entities = self._actor_entities(reading, doc, quotes)
        reading.entities, reading.last_source = entities, None
        reference = context.reference_date if context is not None else None
        lead_end = lead_end_of(reading, doc)
        found: list[tuple[Event, dict]] = []
        quoted = []  # cues inside credited quotes: coded once the narration's events are known
        for sent, cues in self._by_sentence(doc, matches):
            if not in_body(doc, sent.start_char, sent.end_char) and sent.start_char >= context.body_start:
                continue
            reading.frame_cues += frame_nouns(reading, sent)
            groups, roles = self._groups(reading, doc, sent, entities)
            for label, start, end in cues:
                cue_char = doc[start].idx
                if any(q0 <= cue_char < q1 for q0, q1 in quotes):
                    quote = quote_at(doc, cue_char)  # someone's words: their own acts count, later
                    if quote is not None:
                        quoted.append((sent, label, start, end, quote))
                    continue
                if cue_in_topic(reading, doc, sent, start):
                    continue
                if is_anaphoric(reading, sent, start, end, None):  # "durante la telefonata": dates its sentence
                    reading.frame_cues.append((sent.start_char, cue_char, label.split("@")[0].rstrip("<")))
                for event, info in self._code(reading, doc, sent, groups, label, start, end, entities, reference):
                    info["title"] = sent.end_char <= context.body_start
                    if info["title"]:
                        event.topics = []  # a headline compresses; topics come from the body
                    info["lead"] = info["title"] or sent.start_char < lead_end
                    found.append((event, {**info, "id": len(found)}))
        for event, info in quoted_events(self, reading, doc, quoted, found, entities, reference):
            found.append((event, {**info, "lead": info["sentence"] < lead_end, "id": len(found)}))
        frames = frame_antecedents(found, reading.frame_cues, self.merge_rules)
        dated = dateline if dateline is not None else getattr(doc._, "article_date", None)
        lead_date = dated.date if dated is not None else None
        events = drop_title_echoes(merge_events(found, self.merge_rules, frames, lead_date))
        date_events(events, lead_date, frames)
        doc._.events = [event for event, _ in events]
        return doc

    def _token_strings(self, reading: EventReading, doc: Doc) -> tuple[list[str], list[str]]:
        """Lowercased words (apostrophes unified) and lemmas of every token, read
        from arrays: creating a Token object per word costs more than the rest."""
        strings, cache = doc.vocab.strings, self._strings
        words, lemmas, starts = [], [], []
        for lower, lemma, idx in doc.to_array([LOWER, LEMMA, IDX]).tolist():
            starts.append(idx)
            word = cache.get(lower)
            if word is None:
                word = cache[lower] = strings[lower].replace("’", "'")
            base = cache.get(lemma)
            if base is None:
                base = cache[lemma] = strings[lemma]
            words.append(word)
            lemmas.append(base)
        if len(cache) > 500_000:
            cache.clear()
        reading.starts = starts  # character offset of each token
        return words, lemmas

    # -- cues ------------------------------------------------------------------------------
    def _cues(self, reading: EventReading, doc: Doc) -> list[tuple[str, int, int]]:
        spans = [Span(doc, s, e, label=label) for label, s, e in self.patterns.matches(doc)]
        cues = [s for s in spans if s.label_ not in ("ROLE", "PAIR", "COLLECTIVE") and not s.label_.startswith("AGENT:")]
        spans += collective_pairs(doc, [s for s in spans if s.label_ == "COLLECTIVE"],
                                  self.patterns.words.get("collective_surface", set()))
        agents = nominal_agents(doc, filter_spans([s for s in spans if s.label_.startswith("AGENT:")]), cues)
        reading.role_spans = [(s.start, s.end, s.label_) for s in spans if s.label_ in ("ROLE", "PAIR")] + [
            (s.start, s.end, s.label_) for s in agents]
        if self.patterns.rules:
            lemmas = [t.lemma_ for t in doc]
            cues = apply_cue_rules(cues, self.patterns.rules, lemmas, [s.end for s in doc.sents])
        cues = drop_agent_cues(filter_spans(cues), [(s.start, s.end, s.label_) for s in agents])
        reading.cue_spans = [(s.label_, s.start, s.end) for s in cues]
        return reading.cue_spans

    def _by_sentence(self, doc: Doc, matches):
        sentences = self._sentences(doc)
        starts = [sent.start for sent in sentences]
        by_start: dict[int, tuple[Span, list]] = {}
        for label, start, end in matches:
            sent = sentences[bisect.bisect_right(starts, start) - 1]
            by_start.setdefault(sent.start, (sent, []))[1].append((label, start, end))
        return [by_start[key] for key in sorted(by_start)]

    @staticmethod
    def _sentences(doc: Doc) -> list[Span]:
        """Sentences, with a hard line break inside a sentence ("hanno\ndichiarato")
        mended: a line that does not end a sentence runs on into the next."""
        merged: list[Span] = []
        for sent in doc.sents:
            if merged and _runs_on(merged[-1]) and sent[0].text[:1].islower():
                merged[-1] = doc[merged[-1].start:sent.end]
            else:
                merged.append(sent)
        return merged

    def _actor_entities(self, reading: EventReading, doc: Doc,
                        quotes: list[tuple[int, int]] = ()) -> list[tuple[int, int, Entity]]:
        found = []
        credits = [(c.start, c.end) for c in (doc._.credits or [])]
        mentions, names = published_mentions(doc)
        for mention in mentions:
            entity = entity_of(mention)
            if any(c0 <= entity.start and entity.end <= c1 for c0, c1 in credits) and entity.kind != "person":
                continue  # "riferisce il Cremlino": the source of the information, not an actor
            if any(q0 <= entity.start and entity.end <= q1 for q0, q1 in quotes):
                continue  # a name inside someone's quoted words is not a side of the narrated event
            found.append((mention.start, mention.end, entity))
        agent_words = {i for s, e, label in reading.role_spans if label.startswith("AGENT:") for i in range(s, e)}
        # a capitalised agent word ("Rebel fighters") is no name, whatever the NER says
        found = [(first, last, entity) for first, last, entity in found
                 if entity.actor or not all(i in agent_words for i in range(first, last))]
        taken = {i for first, last, _ in found for i in range(first, last)}
        for span in names:  # names the entities layer left unlinked: actors without a code
            if any(i in taken or i in agent_words for i in range(span.start, span.end)) or any(
                    q0 <= span.start_char < q1 for q0, q1 in quotes) or any(
                    c0 <= span.start_char < c1 for c0, c1 in credits):
                continue
            found.append((span.start, span.end, entity_of(span)))
        return sorted(found, key=lambda item: (item[0], item[2].start))

    def _groups(self, reading: EventReading, doc: Doc, sent: Span, entities) -> tuple[list[Group], list]:
        inside = [(s, e, ent) for s, e, ent in entities if sent.start <= s and e <= sent.end]
        roles = [(s, e, label) for s, e, label in reading.role_spans if sent.start <= s and e <= sent.end]
        role_lemmas = {doc[s].lemma_ for s, e, label in roles if not label.startswith("AGENT:")}
        blocked = {i for _, s, e in reading.cue_spans if sent.start <= s < sent.end for i in range(s, e)}
        groups = build_groups(doc, sent, inside, roles, self.glue, role_lemmas, blocked,
                              title_words=not self.patterns.words.get("capitalised_nouns"))
        mark_groups(groups, sent.start, reading.words, self.markers, self.articles, self.indefinite)
        quantity = self.patterns.words.get("quantity", set())
        quantity_heads(groups, sent.start, reading.words, self.markers, self.articles, quantity)
        demonym_people(doc, groups, self.resolver.demonyms(self.lang), quantity)
        capital_sides(groups, self.resolver)
        agent_countries(doc, sent, groups, entities, reading.text)
        return groups, roles

    # -- coding ----------------------------------------------------------------------------
    def _code(self, reading: EventReading, doc: Doc, sent: Span, groups: list[Group], label: str, start: int, end: int,
              entities, reference: str | None):
        words = self.patterns.words
        passive = any(reading.lemmas[i] in words["passive_lemmas"] or reading.words[i] in words["passive_lemmas"]
                      for i in range(max(sent.start, start - 3), start))
        if passive and reading.words[start].endswith(tuple(words.get("gerund_suffixes", ())) or ("\0",)):
            passive = False  # "is imposing": progressive, not passive
        harm = label.startswith(self.passive_victim)
        strict = passive and (harm or bool(words.get("passive_is_strict")) or any(
            reading.words[i] in self.strict_passive for i in range(max(sent.start, start - 3), start)))
        if not passive and harm and is_bare_participle(reading, start, sent.start):
            passive = strict = True  # "americani uccisi in Iraq", "colpito da un missile"
        rule = self.patterns.rules.get(label)
        label = label.split("@")[0]  # a mapping cue's label: its code and the rule's number
        code, inverted = label.rstrip("<"), label.endswith("<")  # "041<": "received a call from X"
        clause_start = sent.start
        if sent.start < reading.after_dateline <= start:
            clause_start = reading.after_dateline
        for i in range(start - 1, clause_start, -1):
            word = reading.words[i]
            if word in self.clause_marks or (word in _DASHES and doc[i - 1].whitespace_):
                clause_start = i + 1  # "Italia-Usa: Tajani ...", "(Reuters) - Putin ..."
                break
        clause_end = sent.end
        for i in range(end, sent.end - 1):
            word = reading.words[i]
            if word in self.clause_marks or (word == "," and reporting_follows(reading, doc, i + 1, sent.end)):
                clause_end = i
                break
        pairs = assign_sides(doc, groups, (start, end), passive=passive, strict_passive=strict,
                             clause_start=clause_start,
                             clause_end=clause_end,
                             relative_subject=relative_subject(reading, doc, groups, start, clause_start),
                             text=reading.text,
                             object_first=code.startswith(self.object_first),
                             place_target=code.startswith(self.place_target),
                             prefer_foreign=code == "meet" or code.startswith(self.prefer_foreign),
                             agent_counterpart=inverted,
                             reciprocal=code == "meet" or code in self.symmetric or code.startswith(self.reciprocal),
                             conjunctions=self.conjunctions, articles=self.articles,
                             topic_words=self.topic_words)
        unnamed = unnamed_perpetrator(self, doc, groups, start, end, clause_start, clause_end) if harm else None
        pairs = unnamed if unnamed is not None else parse_pairs(self, doc, groups, start, end, rule, code, passive,
                                                                pairs, clause_start, clause_end)
        if not pairs and self.pro_drop and not passive:
            pairs = unstated_subject(self, reading, groups, start, end, clause_start, clause_end)
        parse_negated, parse_hypothetical, intended = parse_modality(
            doc, start, end, self.patterns.modality, self.negation_words, reading.lemmas)
        if inverted:
            pairs = [(target, source) for source, target in pairs if target is not None]
        if code.startswith(self.place_target) and any(t is None for _, t in pairs):
            place = next((g for g in groups if g.marker in ("at", "to") and end <= g.start < clause_end
                          and g.head is not None and g.head.kind == "location" and g.head.country), None)
            pairs = [(s, place if t is None else t) for s, t in pairs]  # "shelled Juba", "arrived in Amman"
        if self.mediation and code.startswith(self.mediation):
            pairs = mediator_pairs(self, reading, doc, groups, start, end, pairs, clause_start, clause_end)
        if code.startswith(self.caller_codes):
            pairs = callers_first(reading, groups, pairs, self.patterns.words.get("initiator", set()))
        if code.startswith(self.audience[1]) or code == "meet":
            pairs = [(s, t) for s, t in pairs if t is None or t.agent not in self.audience[0]]
        for source_group, target_group in pairs:
            first, last = min(start, source_group.start), max(end, source_group.end)
            if target_group is not None:
                first, last = min(first, target_group.start), max(last, target_group.end)
            negated = parse_negated or is_negated(reading, doc, sent, start, source_group)
            hypothetical = parse_hypothetical or is_hypothetical(reading, doc, sent, start, end, source_group)
            date = clause_date(reading, doc, sent, first, last, reference)
            own_date = date is not None
            if not own_date:  # "nel 2014", "l'an dernier": a year or month, else a week, of its own
                own_date, date = clause_period(reading, doc, sent, first, last, reference)
            on = date if date and len(date) == 10 else reference  # the day actors' roles are read on
            sources = self.resolver.resolve(source_group, entities, on)
            targets = self.resolver.resolve(target_group, entities, on) if target_group else [None]
            if source_group.pair and len(sources) == 2:
                sources, targets = sources[:1], sources[1:]  # "the two leaders agreed": each other
            location = event_location(reading, groups, start, last)
            if source_group.head is not None and source_group.head.kind == "person" and source_group.start < start:
                reading.last_source = source_group.head
            final = meet_code(self.conventions["meet"], code, location, sources, targets,
                              lambda: on_sidelines(reading, doc, sent))
            if final is None or final.startswith(self.not_events):
                continue
            if final in self.between_people and is_person(source_group) and target_group is not None \
                    and is_person(target_group):
                final = self.between_people[final]  # "Travaglio ha attaccato Schifani": an attack in words
            if hypothetical and final.startswith(self.hypothetical_consult):
                final, hypothetical = self.conventions["future_consult"], False
            elif intended and not negated:
                final, hypothetical = intent_code(final, self.intent_codes, hypothetical)
            evidence = Evidence(start=doc[first].idx, end=doc[last - 1].idx + len(doc[last - 1].text))
            topics = clause_topics(reading, doc, sent, max(end, target_group.end if target_group else end), code,
                                  {t.lemma_ for t in doc[start:end]})
            for source in sources:
                for target in targets:
                    if target is None and final.startswith(self.government_target):
                        target = government_of(self.resolver, source, location)
                    if target is None and not final.startswith(self.target_optional):
                        continue
                    if target is not None and same_actor(source, target):
                        continue
                    for out_code, src, tgt in self._directions(final, source, target):
                        event = Event(source=src, target=tgt, cameo=out_code, plover=self.ontology.plover_of(out_code),
                                      mode=self.ontology.mode_of(out_code), date=date,
                                      location=location.canonical if location else None, topics=list(topics),
                                      negated=negated, hypothetical=hypothetical, evidence=evidence)
                        yield event, {"cue": (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)),
                                      "anaphoric": is_anaphoric(reading, sent, start, end, target_group),
                                      "background": is_background(reading, doc, sent, start, clause_start),
                                      "own_date": own_date, "sentence": sent.start_char}

    def _directions(self, code: str, source: EventActor, target: EventActor | None):
        yield code, source, target
        reverse = self.conventions.get("reverse", {}).get(code)
        if reverse and target is not None:
            yield reverse, target, source


def _runs_on(sent: Span) -> bool:
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text not in _FINAL and "\n\n" not in sent.text


_DASHES = {"-", "–", "—"}
_FINAL = {".", "!", "?", "…", ":", ";", "»", "”", '"', ")"}


@Language.factory(
    "dispacci_events",
    assigns=["doc._.events", "token.lemma"],
    requires=["doc._.context", "token.is_sent_start", "doc._.parsed", "token.dep", "token.head", "token.pos",
              "token.morph", "doc._.not_body", "doc._.dateline", "doc._.article_date", "doc._.entities", "doc.spans",
              "span._.entity", "doc._.credits", "doc._.quotes"],
    default_config={"resources": [], "actors": []},
)
def make_event_coder(nlp: Language, name: str, resources: list[str], actors: list[str]):
    return EventCoder(nlp, name, tuple(resources), tuple(actors))

