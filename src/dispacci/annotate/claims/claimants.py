"""Who makes a claim, read from the entities layer (and from the parse where there is one).

Nothing is recognised here: a claimant is a person, organisation or country of
``doc._.entities``. After "according to" it is the mention in the words that follow
the cue, a person before an organisation before a country ("secondo il Ministero della
Difesa russo" is the ministry, not Russia). Before a verb of saying it is the verb's
subject in the parse, else the mention nearest before the verb in its sentence. A
pronoun ("secondo lui", "he said that") is the current subject: the claimant of the
claim before in the paragraph, else the speaker of the latest quote, else the latest
person named.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...record import Entity, Quote
from ..text import doc_text

__all__ = ["Claimants", "Claimant"]

_PRIORITY = {"person": 0, "organization": 1, "country": 2}
_SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass", "sb")

Claimant = tuple[str, str | None]  # canonical name, actor id


@dataclass
class Claimants:
    """The claimants one document offers; built once per document."""

    doc: Doc
    entities: list[Entity]  # persons, organisations, countries, by start
    quotes: list[Quote]  # by start

    @classmethod
    def of(cls, doc: Doc) -> "Claimants":
        entities = sorted((e for e in (doc._.entities or []) if e.kind in _PRIORITY), key=lambda e: (e.start, -e.end))
        return cls(doc, entities, sorted(doc._.quotes or [], key=lambda q: q.start))

    def __post_init__(self) -> None:
        self._starts = [e.start for e in self.entities]  # listed once: per lookup it cost entities × lookups

    def _within(self, start: int, end: int) -> list[Entity]:
        index = bisect.bisect_left(self._starts, start)
        found = []
        while index < len(self.entities) and self.entities[index].start < end:
            if self.entities[index].end <= end:
                found.append(self.entities[index])
            index += 1
        return found

    def named_in(self, start: int, end: int) -> tuple[Claimant, int] | None:
        """The claimant named in ``[start, end)`` ("il Ministero della Difesa russo") and where its mention ends."""
        found = self._within(start, end)
        if not found:
            return None
        best = min(found, key=lambda e: (_PRIORITY[e.kind], e.start, -e.end))
        return _name(best), max(e.end for e in found)

    def nearest_before(self, start: int, end: int) -> Claimant | None:
        """The mention nearest before ``end`` in ``[start, end)``: who a relative cue refers to."""
        found = self._within(start, end)
        if not found:
            return None
        last = max(e.end for e in found)
        return _name(min((e for e in found if e.end == last), key=lambda e: _PRIORITY[e.kind]))

    def subject_of(self, verb: Token, sentence_start: int) -> Claimant | None:
        """The subject of a verb of saying: the parse's, else the nearest mention before the verb."""
        doc = self.doc
        if doc._.parsed:
            heads = [verb, verb.head] if verb.dep_ in ("aux", "cop", "xcomp") else [verb]
            for head in heads:
                for child in head.children:
                    if child.dep_ in _SUBJECTS and child.i < verb.i + 3:
                        tokens = list(child.subtree)
                        named = self.named_in(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
                        if named is not None:
                            return named[0]
                        return None  # a subject the entities layer does not name ("il portavoce")
        before = self._within(sentence_start, verb.idx)
        if not before:
            return None
        best = min(before, key=lambda e: (_PRIORITY[e.kind], -e.end))
        return _name(best)

    def current(self, position: int, previous: list[tuple[int, Claimant | None]]) -> Claimant | None:
        """The current subject at ``position``: the last claimant, quote speaker or person before it."""
        paragraph = doc_text(self.doc).rfind("\n", 0, position) + 1
        for start, claimant in reversed(previous):
            if start < position and start >= paragraph and claimant is not None:
                return claimant
        for quote in reversed(self.quotes):
            if quote.start < position and quote.speaker:
                return quote.speaker, quote.speaker_actor
        people = [e for e in self.entities if e.kind == "person" and e.end <= position]
        return _name(people[-1]) if people else None


def _name(entity: Entity) -> Claimant:
    return entity.canonical or entity.text, entity.actor
