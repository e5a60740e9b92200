"""How an article tells one event again, and tells events that came before it.

- An event noun after a definite or framing word ("durante la telefonata", "the
  call", "lors de l'entretien", "во время разговора") points back to an event
  already told: it is that event again, not a new one between whoever stands
  nearby — unless its own counterpart follows it ("la telefonata con X").
- A clause in the past perfect ("aveva accusato", "had visited", "s'étaient
  entretenus") or opened by "since", "dopo che", "nachdem" tells a background
  event: it keeps the date written in it or none, never the article's date.
- The date of a clause, when no day is written: a year or month (``periods``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .periods import find_periods, resolve_period

if TYPE_CHECKING:
    from .actors import Group
    from .clause import EventReading

__all__ = ["is_anaphoric", "is_background", "clause_period", "frame_nouns", "lead_end_of"]

_WINDOW = 8  # tokens before a cue where a background word may stand
_ADJACENT = 3  # tokens after a cue where its own counterpart stands
_OPENINGS = {".", "!", "?", ";", "«", "»", "“", "”", '"'}
_OWN_COUNTERPART = ("with", "between")  # "il colloquio di oggi non sarà con Trump": a call of its own


def _ends_at(reading: "EventReading", phrases, end: int, floor: int) -> bool:
    for phrase in phrases:
        size = len(phrase)
        if end - size >= floor and tuple(reading.words[end - size:end]) == phrase:
            return True
    return False


def is_anaphoric(reading: "EventReading", sent: Span, start: int, end: int, target: "Group | None") -> bool:
    """The cue is an event noun pointing back: a definite or framing word stands
    just before it (one adjective may sit between) and no counterpart of its own
    follows it, next to it or marked as its own ("with", "between")."""
    words = reading.coder.article_words
    if not words.anaphora:
        return False
    if not any(_ends_at(reading, words.anaphora, i, sent.start) for i in (start, start - 1) if i > sent.start):
        return False
    if target is None or target.start < end:
        return True
    between = reading.words[end:target.start]
    if any(w in _OPENINGS or w == "," for w in between):
        return True  # "After the talks, Zelensky thanked Turkey": the counterpart of another clause
    return not (target.start <= end + _ADJACENT or target.marker in _OWN_COUNTERPART)


def frame_nouns(reading: "EventReading", sent: Span) -> list[tuple[int, int, str]]:
    """Event nouns pointing back that frame a sentence ("During the call, X thanked Y"),
    cue or not: (sentence start, offset, the code they can name)."""
    words = reading.coder.article_words
    found = []
    for i in range(sent.start + 1, sent.end):
        for size in (2, 1):
            code = words.event_nouns.get(tuple(reading.lemmas[i:i + size]))
            if code is not None and _ends_at(reading, words.anaphora, i, sent.start):
                found.append((reading.starts[sent.start], reading.starts[i], code))
                break
    return found


def is_background(reading: "EventReading", doc: Doc, sent: Span, start: int, clause_start: int) -> bool:
    """The cue's clause is in the past perfect or opened by a background conjunction."""
    words = reading.coder.article_words
    floor = max(sent.start, clause_start, start - _WINDOW)
    parsed = any(t.dep_ for t in doc[floor:start + 1])
    for i in range(start - 1, floor - 1, -1):
        word = reading.words[i]
        if doc[i].is_punct and word not in ("'",):
            floor = i + 1
            break
        if word in words.background_aux:
            following = reading.words[i + 1] if i + 1 < len(reading.words) else ""
            if parsed and doc[i].dep_ and not doc[i].dep_.startswith("aux") and doc[i].pos_ not in ("ADV",):
                continue  # "had a call": a main verb, not an auxiliary
            if not parsed and following in reading.coder.articles:
                continue
            return True
    return any(_ends_at(reading, words.background_conjunctions, i, floor) for i in range(floor + 1, start + 1))


def clause_period(reading: "EventReading", doc: Doc, sent: Span, first: int, last: int,
                  reference: str | None) -> tuple[bool, str | None]:
    """(whether the event's clause names a period, the ISO year or month it stands for),
    read where ``clause_date`` reads days: from the clause's opening to a few words
    after the event."""
    stop = last
    while stop < sent.end and not doc[stop].is_punct and stop - last < _WINDOW:
        stop += 1
    opening = reading.after_dateline if sent.start < reading.after_dateline < first else sent.start
    words = reading.coder.article_words
    for i in range(first - 1, opening, -1):
        if reading.words[i] in _OPENINGS:  # a quotation mark or a sentence end the segmenter ran on past
            opening = i + 1
            break
        if reading.words[i] == "," and any(_ends_at(reading, words.background_conjunctions, j, opening)
                                           for j in range(opening + 1, i + 1)):
            opening = i + 1  # "Da quando X aveva invaso Y nel 2022, ...": that date is the subordinate's
            break
    begin = doc[opening].idx
    end_char = doc[stop - 1].idx + len(doc[stop - 1].text) if stop > opening else begin
    for period in find_periods(reading.text[begin:end_char], begin, words, reading.coder._lemma):
        return True, resolve_period(period, reference)
    return False, None


def lead_end_of(reading: "EventReading", doc: Doc) -> int:
    """End of the lead: the first body paragraph after the dateline. Its undated
    events are the news of the day."""
    context = doc._.context
    start = context.body_start
    dateline = getattr(doc._, "dateline", None)
    if dateline is not None:
        start = max(start, dateline.end)
    text = reading.text
    while start < len(text) and text[start] in "\n ":
        start += 1
    end = text.find("\n", start)
    return len(text) if end < 0 else end
