"""Events in the participants' own quoted words.

«Abbiamo condannato l'attacco», ha detto il ministro: the narration did not code
it, the speaker did — an act the speaker tells of their own side ("we", a verb in
the first person) is an event whose source is the speaker the quotes layer
credited; "you" is the one the speaker addresses, where the article says who:
the other side of a consultation the speaker took part in. Quoted words about
third parties stay statements, not events: the speaker is not their source.

The quotes layer runs first (``requires`` of the events component names
``doc._.quotes``); without it, quotation marks are found here and nothing
inside them is coded, since nobody is credited with the words.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ...record import Entity, Quote

if TYPE_CHECKING:
    from .clause import EventReading

__all__ = ["quote_spans", "quote_at", "first_person_at", "speaker_entity", "quoted_entities", "addressee_of"]

_CLAUSE_MARKS = {".", ";", ":", "!", "?", "«", "»", "“", "”", '"'}


def quote_spans(doc: Doc, text: str, has_quotes_layer: bool) -> list[tuple[int, int]]:
    # Words in quotation marks, and what the writer gives only on someone's word ("nach eigenen
    # Angaben …", "according to X, …"), are statements, not narration; a clause a verb of saying
    # reports ("…, the Treasury said") is the writer's own account and keeps its events.
    quotes = [(q.start, q.end) for q in (doc._.quotes or []) if q.direct or not _verb_cued(doc, q)]
    if quotes or has_quotes_layer:
        return quotes
    try:
        from ..quotes.marks import find_quote_spans

        return [(q.start, q.end) for q in find_quote_spans(text)]
    except Exception:  # the quote scanner is optional here
        return []


def quote_at(doc: Doc, char: int) -> Quote | None:
    """The credited quote (with a speaker) that holds character ``char``."""
    return next((q for q in (doc._.quotes or []) if q.start <= char < q.end and q.speaker), None)


def first_person_at(reading: "EventReading", doc: Doc, quote: Quote, start: int) -> tuple[bool, int | None]:
    """(the cue's clause speaks in the first person, the token of the word that
    says so, when it is a word of its own before the cue)."""
    words = reading.coder.article_words.first_person
    first = bisect.bisect_left(reading.starts, quote.start)
    for i in range(start - 1, first - 1, -1):
        if reading.words[i] in _CLAUSE_MARKS:
            break
        if reading.words[i] in words or "1" in doc[i].morph.get("Person"):
            return True, i
    return "1" in doc[start].morph.get("Person"), None


def speaker_entity(doc: Doc, quote: Quote) -> Entity | None:
    """The speaker's mention nearest the quote, as the entities layer read it."""
    mentions = [e for e in (doc._.entities or []) if (quote.speaker_actor and e.actor == quote.speaker_actor)
                or e.canonical == quote.speaker]
    if not mentions:
        return None
    return min(mentions, key=lambda e: min(abs(e.start - quote.end), abs(e.end - quote.start)))


def quoted_entities(reading: "EventReading", doc: Doc, quote: Quote, sent: Span) -> list[tuple[int, int, Entity]]:
    """The named actors inside the quote, by token range, within one sentence."""
    found = []
    for entity in doc._.entities or []:
        if quote.start <= entity.start and entity.end <= quote.end:
            first = bisect.bisect_right(reading.starts, entity.start) - 1
            last = bisect.bisect_left(reading.starts, entity.end)
            if sent.start <= first < last <= sent.end:
                found.append((first, last, entity))
    return found


def stand_in(entity: Entity, doc: Doc, token: int) -> tuple[int, int, Entity]:
    """The speaker (or addressee) standing where the pronoun is."""
    word = doc[token]
    return token, token + 1, entity.model_copy(update={"text": word.text, "start": word.idx,
                                                       "end": word.idx + len(word.text)})


def second_person_token(reading: "EventReading", quote: Quote, sent: Span) -> int | None:
    words = reading.coder.article_words.second_person
    first = max(sent.start, bisect.bisect_left(reading.starts, quote.start))
    last = min(sent.end, bisect.bisect_left(reading.starts, quote.end))
    return next((i for i in range(first, last) if reading.words[i] in words), None)


def addressee_of(speaker: Entity, events, entities: list[tuple[int, int, Entity]], consult_root: str) -> Entity | None:
    """The other side of the first consultation the speaker took part in."""
    key = speaker.actor or speaker.canonical
    for event, info in sorted(events, key=lambda item: bool(item[1].get("title"))):  # the body names sides best
        if not event.cameo.startswith(consult_root) or event.target is None:
            continue
        sides = [event.source, event.target]
        names = [s.actor or s.name for s in sides]
        if key in names:
            other = sides[1 - names.index(key)]
            return next((e for _, _, e in entities if (other.actor and e.actor == other.actor)
                         or e.canonical == other.name), None)
    return None


def quoted_events(coder, reading: "EventReading", doc: Doc, quoted, found, entities, reference: str | None):
    """Code the cues inside credited quotes (``quoted``: sentence, label, cue start and end,
    quote) with the speaker standing for "we" and the addressee for "you"; yield only the
    events whose source is the speaker. ``found`` are the narration's events so far."""
    for sent, label, start, end, quote in quoted:
        if doc[start].pos_ in ("NOUN", "PROPN") or (start > 0 and reading.words[start - 1] in coder.articles):
            continue  # "l'attacco della Russia": an event noun has actors of its own, not the speaker
        person, token = first_person_at(reading, doc, quote, start)
        speaker = speaker_entity(doc, quote) if person else None
        if speaker is None:
            continue
        inner = [item for item in quoted_entities(reading, doc, quote, sent) if item[0] != token]
        if token is not None:
            inner.append(stand_in(speaker, doc, token))
        you = second_person_token(reading, quote, sent)
        addressee = addressee_of(speaker, found, entities, coder.merge_rules.consult_root) if you is not None else None
        if addressee is not None and you != token:
            inner = [item for item in inner if item[0] != you] + [stand_in(addressee, doc, you)]
        inner.sort(key=lambda item: (item[0], item[2].start))
        groups, _ = coder._groups(reading, doc, sent, inner)
        saved, reading.last_source = reading.last_source, speaker  # a verb in the first person: the speaker
        name = speaker.canonical or speaker.text
        try:
            for event, info in coder._code(reading, doc, sent, groups, label, start, end, inner, reference):
                if event.source.name == name:
                    yield event, {**info, "quoted": True, "title": False}
        finally:
            reading.last_source = saved


def _verb_cued(doc: Doc, quote) -> bool:
    """The reported quote's cue is a verb of saying in its sentence, not an "according to" phrase."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand") if quote.cue else None
    if span is None or not len(span):
        return False
    last = quote.cue.split()[-1]
    return any(t.text == last and t.pos_ in ("VERB", "AUX") for t in span.sent)
