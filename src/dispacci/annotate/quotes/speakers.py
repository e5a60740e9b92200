"""Who a quote's cue points to, read from the entities and credits layers.

A cue names its speaker in one of a few ways: by name after or before the verb
("ha detto Peskov", "Peskov ha detto"), by role ("il capo della diplomazia
italiana", "der Kanzler": the most recent person mentioned who holds that
office, or is of that country), as an unnamed member of an institution ("un
portavoce militare": the institution credited as origin), through a document
("si legge nel messaggio": the body that issued it) or not at all ("ha
aggiunto", "secondo lui": the current subject — the speaker of the quote
before in the paragraph, else the person who opened the latest sentence).
Nothing is recognised here: names come from the entities layer's mentions in
``doc.spans``, institutions from ``doc._.credits``. When none fits, the speaker is None.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ...record import Credit, Entity
from ..text import phrase_pattern
from ..doc import in_body
from ..entities.mentions import entity_of, published_mentions
from .roles import RoleReader
from .subjects import subject_speaker
from .syntax import ParseReader, token_at

__all__ = ["SpeakerResolver", "SpeakerReading"]

_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
_CLAUSE = re.compile(r"[,;:()\[\]–—]|\s-\s")
_AFTER_TOKENS = 6  # how far after a verb an inverted subject may start ("ha riferito poi Palazzo Chigi")
_SPEAKING_KINDS = ("person", "organization")

Speaker = tuple[str, str | None]


@dataclass
class SpeakerReading:
    """One document as the speaker resolver reads it."""

    doc: Doc
    text: str
    date: str | None
    entities: list[Entity]  # outside quotes, in the body, wires left out; by start
    entity_starts: list[int]
    origins: list[Credit]  # origin credits, by start
    history: list[tuple[int, Speaker]] = field(default_factory=list)  # (quote position, speaker) resolved so far
    subjects: list[tuple[int, Entity]] = field(default_factory=list)  # first person of each sentence
    quoted: list[tuple[int, int]] = field(default_factory=list)  # quotes, marks included
    parsed: bool = False  # the syntax layer's parse is there


class SpeakerResolver(RoleReader):
    def __init__(self, lang: str, cues, resources: tuple[str, ...] = (), actors: tuple[str, ...] = ()):
        self.lang = lang
        self.actors = tuple(actors)
        self.pronouns = {p.lower() for p in cues("pronouns")}
        self.prepositions = {p.lower().rstrip("'’") for p in cues("prepositions")}
        self.aux = {a.lower() for a in cues("aux")}
        self.articles = {a.lower().rstrip("'’") for a in cues("articles")}
        self.document_nouns = {d.lower() for d in cues("document_nouns")}
        self.parse = ParseReader(cues)

        def start_pattern(words):
            words = sorted(set(words), key=len, reverse=True)
            if not words:
                return None
            return re.compile(r"^\W*(?:" + "|".join(phrase_pattern(w) for w in words) + r")(?!\w)", re.IGNORECASE)

        self.unnamed_re = start_pattern(cues("unnamed"))
        roles = sorted(set(cues("roles")), key=len, reverse=True)
        self.roles_re = re.compile(r"(?<!\w)(?:" + "|".join(phrase_pattern(r) for r in roles) + r")(?!\w)",
                                   re.IGNORECASE) if roles else None
        self.resources = resources
        self._base = None
        self._base_tried = False

    @property
    def base(self):
        """The actor base, for offices and roles; None where it is not available."""
        if not self._base_tried:
            self._base_tried = True
            try:
                from ...resources.actors import load_actor_base

                self._base = load_actor_base(self.actors, self.resources)
            except Exception:  # noqa: BLE001 - roles then resolve by country and recency alone
                self._base = None
        return self._base

    # -- per document ---------------------------------------------------------------------
    def start(self, doc: Doc, text: str, quoted: list[tuple[int, int]], sentence_starts: list[int]) -> SpeakerReading:
        """The state of one document's reading, passed to ``resolve``: kept off ``self`` so
        that threads sharing this resolver never see each other's document."""
        quoted = sorted(quoted)
        starts = [a for a, _ in quoted]

        def inside_quote(entity: Entity) -> bool:
            index = bisect.bisect_right(starts, entity.start) - 1
            return index >= 0 and quoted[index][0] <= entity.start < quoted[index][1]

        wires = {c.name for c in doc._.credits or [] if c.role != "origin"}  # agencies relay, they do not speak
        # the entities layer's mentions, and the persons the backbone named that it left unlinked:
        # a named speaker nobody knows is still that person
        mentions, names = published_mentions(doc)
        named = [*map(entity_of, mentions), *(entity_of(n) for n in names if n.label_ == "person")]
        entities = sorted(
            (e for e in named if not inside_quote(e) and e.canonical not in wires and in_body(doc, e.start, e.end)),
            key=lambda e: e.start)
        s = SpeakerReading(
            doc=doc, text=text, date=doc._.context.reference_date if doc._.context else None,
            entities=entities, entity_starts=[e.start for e in entities],
            origins=sorted((c for c in doc._.credits or [] if c.role == "origin"), key=lambda c: c.start))
        s.subjects = self._sentence_subjects(s, sentence_starts)
        s.quoted = quoted
        s.parsed = self.parse.parsed(doc)
        return s

    def _sentence_subjects(self, s: SpeakerReading, starts: list[int]) -> list[tuple[int, Entity]]:
        """The first person named in each sentence, outside quotes: the likely subject."""
        sentences = list(zip(starts, [*starts[1:], len(s.text)])) or [(0, len(s.text))]
        subjects = []
        for start, end in sentences:
            for entity in self._between(s, start, end):
                if entity.kind == "person":
                    subjects.append((entity.start, entity))
                    break
        return subjects

    def _between(self, s: SpeakerReading, start: int, end: int) -> list[Entity]:
        low = bisect.bisect_left(s.entity_starts, start)
        high = bisect.bisect_left(s.entity_starts, end)
        return [e for e in s.entities[low:high] if e.end <= end]

    # -- resolution -----------------------------------------------------------------------
    def resolve(self, s: SpeakerReading, kind: str, cue_start: int, cue_end: int, start: int, end: int, position: int,
                before: tuple[int, int] | None) -> Speaker | None:
        """The speaker a cue of ``kind`` at ``cue_start:cue_end`` points to; the cue lies in the
        window ``start:end``; ``position`` is the quote; ``before`` the sentence before it."""
        if kind == "document":
            found = self._document(s, cue_end, end, position)
        elif kind == "self":
            found = self._current_subject(s, position)
        elif kind == "relative":
            found = self._relative(s, cue_start)
        elif kind == "according":
            found = self._named_after(s, cue_end, end, position, limit=3) or self._pronoun_after(s, cue_end, end,
                                                                                                 position)
        else:
            found = self._verb(s, cue_start, cue_end, start, end, position, before)
        if found is not None:
            s.history.append((position, found))
        return found

    def from_parse(self, s: SpeakerReading, verb, position: int) -> Speaker | None:
        """The speaker the parse gives for reporting verb ``verb``; None when it says nothing."""
        subjects = self.parse.subjects(verb, s.quoted)
        return subject_speaker(self, s, subjects, position) if subjects else None

    def from_subjects(self, s: SpeakerReading, subjects, position: int) -> Speaker | None:
        return subject_speaker(self, s, subjects, position)

    def _verb(self, s: SpeakerReading, cue_start, cue_end, start, end, position, before) -> Speaker | None:
        if s.parsed:
            verb = token_at(s.doc, cue_end - 1)
            if verb is not None:
                found = self.from_parse(s, verb, position)
                if found is not None:
                    s.history.pop()  # resolve() records it
                    return found
        chunks = _chunks_before(s.text, start, cue_start)
        if chunks and chunks[0][1] == cue_start:
            # a subject right before the verb wins over a name after it ("Smith told Reuters")
            found = self._in_chunk(s, chunks[0][0], chunks[0][1], position, countries=True)
            if found is not None:
                return found
            if self._has_pronoun(s, chunks[0][0], chunks[0][1]):
                return self._current_subject(s, position)
        found = self._named_after(s, cue_end, end, position, limit=_AFTER_TOKENS)
        if found is not None:
            return found
        if before is not None and self._unnamed_subject_after(s, cue_end, end):
            return None  # "», scrivono i giornali": the text names no one we know
        if before is not None and not s.text[start:cue_start].strip(" \t,.;:-–—»”\"’"):
            chunks += _chunks_before(s.text, before[0], before[1])
        for chunk_start, chunk_end in chunks[:3]:
            found = self._in_chunk(s, chunk_start, chunk_end, position)
            if found is not None:
                return found
            if self._has_pronoun(s, chunk_start, chunk_end):
                return self._current_subject(s, position)
            words = _TOKEN.findall(s.text, chunk_start, chunk_end)
            if len(words) >= 2 and re.split(r"['’]", words[0])[0].lower() in self.articles:
                return None  # "A senior administration official, …, said": someone the text does not name
        return self._current_subject(s, position)

    def _named_after(self, s: SpeakerReading, cue_end: int, end: int, position: int, limit: int) -> Speaker | None:
        """A subject right after the verb: "ha detto Peskov", "a fait savoir l'Elysée",
        "teilte Regierungssprecher Steffen Hebestreit mit", "ha dichiarato un portavoce"."""
        clause = _CLAUSE.search(s.text, cue_end, end)
        stop = clause.start() if clause else end
        tokens = list(_TOKEN.finditer(s.text, cue_end, stop))[:limit]
        if not tokens:
            return None
        reach = tokens[-1].end()
        for token in tokens:  # only articles, adverbs, titles and names stand between verb and subject
            word = token.group()
            if not (word[0].isupper() or word.lower() in self.aux or len(word) <= 3
                    or (self.roles_re and self.roles_re.fullmatch(word))):
                reach = token.start()
                break
        entities = [e for e in self._between(s, cue_end, stop) if e.kind in _SPEAKING_KINDS and e.start < reach]
        person = next((e for e in entities if e.kind == "person"), None)
        if person is not None:
            return _of_entity(person)
        head = s.text[cue_end:stop]
        if any(t.group().lower() in self.document_nouns for t in tokens[:3]):
            return self._document(s, cue_end, end, position)  # "spiega ancora la nota"
        role = self.roles_re.search(head) if self.roles_re else None
        if role and not _TOKEN.findall(head[:role.start()])[2:] and s.text[stop:stop + 1] == ",":
            # the role, then the name in apposition: "ha detto il portavoce del Cremlino, Dmitri Peskov"
            for entity in self._between(s, stop + 1, min(len(s.text), stop + 4 + 60)):
                if entity.kind == "person" and not s.text[stop + 1:entity.start].strip():
                    return _of_entity(entity)
        if role and not _TOKEN.findall(head[:role.start()])[2:]:
            # the title, then the name: "ha dichiarato il presidente del Consiglio europeo Charles Michel"
            titled = next((e for e in self._between(s, role.end() + cue_end, stop) if e.kind == "person"), None)
            if titled is not None:
                return _of_entity(titled)
        if entities:
            return _of_entity(entities[0])
        if self.unnamed_re and self.unnamed_re.match(head):
            return self._unnamed(s, cue_end, stop, position)
        if role and not _TOKEN.findall(head[:role.start()])[2:]:
            return self._role(s, cue_end, stop, position)
        return None

    def _unnamed_subject_after(self, s: SpeakerReading, cue_end: int, end: int) -> bool:
        clause = _CLAUSE.search(s.text, cue_end, end)
        words = _TOKEN.findall(s.text, cue_end, clause.start() if clause else end)
        words = [w for w in words if w.lower() not in self.aux][:2]
        if len(words) < 2 and not (words and re.split(r"['’]", words[0])[0].lower() in self.articles):
            return False
        head = re.split(r"['’]", words[0])[0].lower()
        return head in self.articles and (len(words) < 2 or words[1][0].islower() or "'" in words[0] or "’" in words[0])

    def _pronoun_after(self, s: SpeakerReading, cue_end: int, end: int, position: int) -> Speaker | None:
        token = _TOKEN.search(s.text, cue_end, end)
        if token and token.group().lower() in self.pronouns and not s.text[cue_end:token.start()].strip():
            return self._current_subject(s, position)
        return None

    def _in_chunk(self, s: SpeakerReading, start: int, end: int, position: int,
                  countries: bool = False) -> Speaker | None:
        entities = [e for e in self._between(s, start, end) if e.kind in _SPEAKING_KINDS and self._free(s, e)]
        persons = [e for e in entities if e.kind == "person"]
        if persons:
            return _of_entity(persons[-1])
        chunk = s.text[start:end]
        if self.unnamed_re and self.unnamed_re.match(chunk):
            return self._unnamed(s, start, end, position)
        if self.roles_re and self.roles_re.search(chunk):
            role = self._role(s, start, end, position)
            if role is not None:
                return role
        if entities:
            return _of_entity(entities[-1])
        if countries:  # "Mosca ha fatto sapere che «…»": the state speaks, not the last person named
            nations = [e for e in self._between(s, start, end) if e.kind == "country" and self._free(s, e)]
            if len(nations) == 1 and len(_TOKEN.findall(chunk)) <= 3:
                return _of_entity(nations[0])
        return None

    def _free(self, s: SpeakerReading, entity: Entity) -> bool:
        """False for a name governed by a preposition ("con Sánchez", "del Consiglio"): not a subject."""
        words = _TOKEN.findall(s.text, max(0, entity.start - 40), entity.start)
        between = s.text[max(0, entity.start - 40):entity.start]
        if _CLAUSE.search(between[-12:] if len(between) > 12 else between):
            words = _TOKEN.findall(between.split(",")[-1])
        for word in reversed(words[-3:]):
            lowered = word.lower()
            base = re.split(r"['’]", lowered)[0] if "'" in lowered or "’" in lowered else lowered
            if lowered in self.prepositions or base in self.prepositions:
                return False
            if word[0].isupper():
                break
        return True

    def _has_pronoun(self, s: SpeakerReading, start: int, end: int) -> bool:
        return any(t.group().lower() in self.pronouns for t in _TOKEN.finditer(s.text, start, end))

    def _document(self, s: SpeakerReading, cue_end: int, end: int, position: int) -> Speaker | None:
        """The body that issued the text: named with it ("una nota di Palazzo Chigi"), else the origin credit."""
        clause = _CLAUSE.search(s.text, cue_end, max(end, cue_end + 60))
        stop = clause.start() if clause else min(len(s.text), cue_end + 60)
        for entity in self._between(s, cue_end, stop):
            if entity.kind == "organization" and entity.start - cue_end <= 30:
                return _of_entity(entity)
        return self._origin_before(s, position)

    def _origin_before(self, s: SpeakerReading, position: int) -> Speaker | None:
        found = None
        for credit in s.origins:
            if credit.start >= position:
                break
            found = credit
        return _of_credit(found) if found else None

    def _relative(self, s: SpeakerReading, cue_start: int) -> Speaker | None:
        """"una nota di Palazzo Chigi, secondo cui": the body or person just named."""
        sentence = max(s.text.rfind(". ", 0, cue_start), s.text.rfind("\n", 0, cue_start), cue_start - 80)
        for entity in reversed(self._between(s, max(0, sentence), cue_start)):
            if entity.kind in _SPEAKING_KINDS:
                return _of_entity(entity)
        for credit in reversed(s.origins):
            if sentence <= credit.start < cue_start:
                return _of_credit(credit)
        if self.roles_re and self.roles_re.search(s.text, max(0, sentence), cue_start):
            return self._role(s, max(0, sentence), cue_start, cue_start)  # "a ajouté le haut représentant, selon qui"
        return None

    def _unnamed(self, s: SpeakerReading, start: int, end: int, position: int) -> Speaker | None:
        """"un portavoce militare", "a spokesman for the ministry": the institution they speak for."""
        for entity in self._between(s, start, end):
            if entity.kind == "organization":
                return _of_entity(entity)
        return self._origin_before(s, position)

    def _current_subject(self, s: SpeakerReading, position: int) -> Speaker | None:
        """Who "ha aggiunto" or "secondo lui" refers to: the speaker of the quote before in
        the paragraph, else the person who opened the latest sentence before the quote."""
        paragraph_start = s.text.rfind("\n", 0, position) + 1
        if s.history and s.history[-1][0] >= paragraph_start:
            return s.history[-1][1]
        index = bisect.bisect_left([p for p, _ in s.subjects], position) - 1
        if index >= 0:
            return _of_entity(s.subjects[index][1])
        if s.history:
            return s.history[-1][1]
        return None


def _chunks_before(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]`` from the last backwards, empty ones skipped."""
    cuts = [m for m in _CLAUSE.finditer(text, start, end)]
    bounds = [start, *[m.end() for m in cuts]]
    ends = [m.start() for m in cuts] + [end]
    chunks = [(a, b) for a, b in zip(bounds, ends) if text[a:b].strip()]
    return list(reversed(chunks))


def _of_entity(entity: Entity) -> Speaker:
    return (entity.canonical or entity.text), entity.actor


def _of_credit(credit: Credit) -> Speaker:
    return credit.name, credit.actor
