"""The article text with its layers as markup, built from offsets on the server.

The text is cut at every span boundary of every layer; each piece becomes one
``<span>`` carrying the classes of all layers that cover it (so overlapping
and nested spans never produce broken markup) and the keys of those spans,
which the page's script looks up in the span table to explain them. Every
piece of text is escaped.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..record import Record

__all__ = ["Mark", "marks_of", "highlighted_html", "speaker_colours", "QUAD_NAMES", "SPEAKER_COLOURS"]

SPEAKER_COLOURS = 8
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass
class Mark:
    key: str
    layer: str
    css: str
    start: int
    end: int
    info: dict = field(default_factory=dict)


def speaker_colours(record: Record) -> dict[str, int]:
    """Speaker → colour number, in order of first quote."""
    colours: dict[str, int] = {}
    for quote in record.quotes:
        who = quote.speaker_actor or quote.speaker or "?"
        colours.setdefault(who, len(colours) % SPEAKER_COLOURS)
    return colours


def marks_of(record: Record) -> list[Mark]:
    """Every span of the record as a mark with what the page shows about it."""
    from .links import actor_link

    marks: list[Mark] = []
    if record.dateline and record.dateline.end > record.dateline.start:
        d = record.dateline
        label = f"dateline: {d.place}" if d.place else f"article date ({d.date_source})"
        guessed = "year guessed" if d.year_guessed else None
        marks.append(Mark("d0", "dateline", "dl", d.start, d.end,
                          {"layer": "dateline", "label": label,
                           "details": [x for x in (d.country, d.date, guessed) if x]}))
    for n, item in enumerate(record.not_body):
        marks.append(Mark(f"n{n}", "not_body", "nb", item.start, item.end,
                          {"layer": "not body", "label": f"not body text: {item.why}", "details": []}))
    for n, entity in enumerate(record.entities):
        name = entity.canonical or entity.text
        marks.append(Mark(f"e{n}", "entity", f"ent ent-{entity.kind}", entity.start, entity.end,
                          {"layer": f"entity ({entity.kind})", "label": name,
                           "details": [x for x in (entity.country, ", ".join(entity.roles)) if x],
                           "href": actor_link(entity.actor or entity.canonical)}))
    colours = speaker_colours(record)
    for n, quote in enumerate(record.quotes):
        who = quote.speaker_actor or quote.speaker or "?"
        reported = "" if quote.direct else " qt-reported"
        marks.append(Mark(f"q{n}", "quote", f"qt q-s{colours[who]}{reported}", quote.start, quote.end,
                          {"layer": "quote" if quote.direct else "reported speech",
                           "label": f"said by {quote.speaker or 'unknown speaker'}",
                           "details": [f"cue: {quote.cue}"] if quote.cue else [],
                           "href": actor_link(quote.speaker_actor or quote.speaker)}))
    for n, credit in enumerate(record.credits):
        marks.append(Mark(f"c{n}", "credit", "cred", credit.start, credit.end,
                          {"layer": f"credit ({credit.role})", "label": credit.name,
                           "details": [" → ".join(credit.chain)] if credit.chain else [],
                           "href": actor_link(credit.actor)}))
    for n, event in enumerate(record.events):
        source = event.source.name or event.source.actor or "?"
        target = (event.target.name or event.target.actor) if event.target else None
        label = f"{source} —{event.plover or event.cameo}→ {target}" if target else f"{source} —{event.plover or event.cameo}"
        flags = [flag for flag, on in (("negated", event.negated), ("hypothetical", event.hypothetical)) if on]
        marks.append(Mark(f"v{n}", "event", "evd", event.evidence.start, event.evidence.end,
                          {"layer": "event evidence", "label": label,
                           "details": [f"CAMEO {event.cameo}", *(x for x in (event.date, event.location) if x), *flags],
                           "href": actor_link(event.source.actor or event.source.name)}))
    size = len(record.text)
    return [m for m in marks if 0 <= m.start < m.end <= size]


def highlighted_html(text: str, marks: list[Mark]) -> Markup:
    """``text`` as escaped HTML with one span per stretch covered by the same marks."""
    cuts = {0, len(text)}
    opening: dict[int, list[int]] = {}
    for index, mark in enumerate(marks):
        cuts.update((mark.start, mark.end))
        opening.setdefault(mark.start, []).append(index)
    bounds = sorted(cuts)
    active: list[int] = []
    pieces: list[str] = []
    for left, right in zip(bounds, bounds[1:]):
        active = [i for i in active if marks[i].end > left] + opening.get(left, [])
        chunk = escape(text[left:right])
        if not active:
            pieces.append(str(chunk))
            continue
        covering = [marks[i] for i in active]
        classes = " ".join(dict.fromkeys(c for m in covering for c in m.css.split()))
        keys = " ".join(m.key for m in covering)
        pieces.append(f'<span class="{escape(classes)}" data-marks="{escape(keys)}">{chunk}</span>')
    return Markup("".join(pieces))
