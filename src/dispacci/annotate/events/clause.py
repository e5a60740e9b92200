"""Reading one clause around an event cue: negation, hypothesis, passives,
dates, topics, place, reporting tails and relative clauses.

Functions of one ``EventReading``, the state of the document ``EventCoder`` is
reading (its word and lemma lists, text and actors), built afresh on each call
so that threads sharing one coder never see each other's document; the
per-language word lists are the coder's own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span

from .actors import Group
from .dates import find_date_mentions, resolve

if TYPE_CHECKING:
    from .component import EventCoder

__all__ = [
    "EventReading", "cue_in_topic", "on_sidelines", "event_location", "is_seat", "is_negated", "is_hypothetical",
    "clause_date", "clause_topics", "topic_marker_at", "is_bare_participle", "reporting_follows",
    "relative_subject",
]


@dataclass
class EventReading:
    """One document as ``EventCoder`` reads it."""

    coder: "EventCoder"  # the language's patterns and word lists
    text: str = ""
    words: list[str] = field(default_factory=list)  # lowercased, apostrophes unified, one per token
    lemmas: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # character offset of each token
    after_dateline: int = 0  # first token after the dateline: the dateline's place is not an actor
    entities: list[tuple[int, int, Any]] = field(default_factory=list)  # (first token, end token, Entity)
    last_source: Any = None  # the person who was the source of the last event
    role_spans: list[tuple[int, int, str]] = field(default_factory=list)
    cue_spans: list[tuple[str, int, int]] = field(default_factory=list)
    frame_cues: list[tuple[int, int, str]] = field(default_factory=list)  # (sentence, offset, code): "during the call"


def cue_in_topic(reading: EventReading, doc: Doc, sent: Span, start: int) -> bool:
    """A cue inside what was discussed ("sui negoziati", "on the talks") is a topic."""
    coder = reading.coder
    i = start
    while i > sent.start and reading.words[i - 1] in coder.articles:
        i -= 1
    for size in (1, 2):
        words = tuple(reading.words[max(sent.start, i - size):i])
        if words in coder.patterns.phrases.get("topic_markers", ()):
            return True
    return False

# -- actors ----------------------------------------------------------------------------

def on_sidelines(reading: EventReading, doc: Doc, sent: Span) -> bool:
    """A meeting on the sidelines of an international gathering is at a third place."""
    phrases = reading.coder.patterns.phrases.get("sidelines", set())
    following = doc[sent.start:min(len(doc), sent.end + 40)]
    text = " " + " ".join(t.lower_ for t in following) + " "
    return any(" " + " ".join(p) + " " in text for p in phrases)


def event_location(reading: EventReading, groups: list[Group], start: int, last: int):
    for group in groups:
        if group.marker in ("at", "to") and group.start >= start and group.head is not None and group.start <= last + 6:
            if group.head.kind in ("location", "country") or is_seat(reading, group.head):
                return group.head
    return None


def is_seat(reading: EventReading, entity) -> bool:
    """A seat of government named as a place ("a Palazzo Chigi", "at the Elysée")."""
    base = reading.coder.resolver.base()
    actor = base.get(entity.actor) if base is not None and entity.actor else None
    return getattr(actor, "type", None) == "seat"


def is_negated(reading: EventReading, doc: Doc, sent: Span, start: int, source: Group) -> bool:
    begin = max(sent.start, start - 3, source.end if source.end <= start else start - 3)
    negations = reading.coder.patterns.phrases.get("negation", set())
    return any((word,) in negations for word in reading.words[begin:start])


def is_hypothetical(reading: EventReading, doc: Doc, sent: Span, start: int, end: int, source: Group) -> bool:
    coder = reading.coder
    words = coder.patterns.words
    begin = max(sent.start, start - 4)
    if source.end <= start:
        begin = max(sent.start, min(begin, source.end))
    hypothetical = words["hypothetical_lemmas"]
    if any(reading.lemmas[i] in hypothetical or reading.words[i] in hypothetical for i in range(begin, end)):
        return True
    suffixes = tuple(words.get("future_suffixes", []))
    if suffixes and any(w.endswith(suffixes) and len(w) > 4 for w in reading.words[start:end]):
        return True
    text = " ".join(reading.words[begin:end])
    return any(" ".join(p) in text for p in coder.patterns.phrases.get("hypothetical", ()))


def clause_date(reading: EventReading, doc: Doc, sent: Span, first: int, last: int,
                reference: str | None) -> str | None:
    coder = reading.coder
    words = coder.patterns.words
    stop = last
    while stop < sent.end and not doc[stop].is_punct and stop - last < 8:
        stop += 1
    begin = doc[first].idx
    end_char = doc[stop - 1].idx + len(doc[stop - 1].text) if stop > first else doc[first].idx
    text = reading.text[begin:end_char]
    relative, past = words.get("relative_days", {}), tuple(words.get("past_words", []))
    days = tuple(words.get("day_words", []))
    for mention in find_date_mentions(text, begin, coder.lang, relative, past, days):
        resolved = resolve(mention, reference)
        if resolved:
            return resolved
    opening = doc[reading.after_dateline if sent.start < reading.after_dateline < first else sent.start].idx
    if opening < begin:  # "Ieri Macron aveva telefonato...": a date opening the clause
        for mention in find_date_mentions(reading.text[opening:begin], opening, coder.lang, relative, past, days):
            resolved = resolve(mention, reference)
            if resolved:
                return resolved
    return None


def clause_topics(reading: EventReading, doc: Doc, sent: Span, after: int, code: str,
                  cue_lemmas: set[str] = frozenset()) -> list[str]:
    """Phrases after the cue saying what was discussed: "sullo stato dei negoziati",
    "on Afghanistan and the G20"; a list goes on after a comma or a conjunction
    only when a topic marker follows."""
    coder = reading.coder
    if not (code.startswith(reading.coder.with_topics) or code == "meet"):
        return []
    phrases = coder.patterns.phrases
    markers = phrases.get("topic_markers", set())
    opening = markers
    if cue_lemmas & coder.discuss_lemmas:
        opening = markers | phrases.get("discuss_topic_markers", set())
    topics, i, limit = [], after, sent.end
    if cue_lemmas & coder.discuss_lemmas and coder.patterns.words.get("discuss_direct_object") \
            and not topic_marker_at(reading, doc, after, limit, opening):
        j = after  # "discussed the grain deal", "обсудили зерновую сделку"
        while j < limit and j - after < 10 and not doc[j].is_punct and reading.words[j] not in coder.conjunctions:
            j += 1
        if j - after >= 2:
            topics.append(doc[after:j].text)
        return topics
    skipped = 0
    while i < limit and len(topics) < 6:
        size = topic_marker_at(reading, doc, i, limit, opening if not topics else opening)
        if not size:
            if topics or skipped >= 3 or doc[i].is_punct:
                break
            skipped += 1  # an adverb or a date between the cue and the topic
            i += 1
            continue
        j = i + size
        while j < limit and j - i < 16:
            token = doc[j]
            if token.is_punct and token.text not in "'’-":
                break
            if token.lower_ in coder.conjunctions and topic_marker_at(reading, doc, j + 1, limit, opening):
                break
            j += 1
        if j - i > size:
            topics.append(doc[i:j].text)
        if j < limit and (doc[j].text == "," or doc[j].lower_ in coder.conjunctions) \
                and topic_marker_at(reading, doc, j + 1, limit, opening):
            i = j + 1
            continue
        break
    return topics


def topic_marker_at(reading: EventReading, doc: Doc, i: int, limit: int, markers: set) -> int:
    for size in (3, 2, 1):
        if i + size <= limit and tuple(reading.words[i:i + size]) in markers:
            return size
    return 0


def is_bare_participle(reading: EventReading, start: int, sent_start: int) -> bool:
    """A past participle with no auxiliary before it is passive in Romance languages."""
    coder = reading.coder
    suffixes = coder.participle_suffixes
    if not suffixes or not reading.words[start].endswith(suffixes):
        return False
    return not any(reading.lemmas[i] in coder.perfect_aux or reading.words[i] in coder.perfect_aux
                   for i in range(max(sent_start, start - 3), start))


def reporting_follows(reading: EventReading, doc: Doc, i: int, limit: int) -> bool:
    """", ha riferito il portavoce", ", the ministry said": a reporting clause follows."""
    return any(lemma in reading.coder.reporting_lemmas for lemma in reading.lemmas[i:min(limit, i + 3)])


def relative_subject(reading: EventReading, doc: Doc, groups: list[Group], start: int,
                     clause_start: int) -> Group | None:
    """"the Commerce Department, which is imposing ...": the antecedent is the subject."""
    for i in range(start - 1, max(clause_start, start - 4) - 1, -1):
        if reading.words[i] in reading.coder.relative_pronouns and i > 0 and reading.words[i - 1] == ",":
            for group in groups:
                if group.end == i - 1 and group.is_actor:
                    return group
    return None
