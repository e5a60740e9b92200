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
        unresolved = None if entity.actor else "unresolved: no actor in the actor base stands for this name"
        marks.append(Mark(f"e{n}", "entity", f"ent ent-{entity.kind}" + ("" if entity.actor else " unresolved"),
                          entity.start, entity.end,
                          {"layer": f"entity ({entity.kind})", "label": name,
                           "details": [x for x in (entity.country, ", ".join(entity.roles), unresolved) if x],
                           "href": actor_link(entity.actor)}))
    colours = speaker_colours(record)
    for n, quote in enumerate(record.quotes):
        who = quote.speaker_actor or quote.speaker or "?"
        reported = "" if quote.direct else " qt-reported"
        marks.append(Mark(f"q{n}", "quote", f"qt q-s{colours[who]}{reported}", quote.start, quote.end,
                          {"layer": "quote" if quote.direct else "reported speech",
                           "label": f"said by {quote.speaker or 'unknown speaker'}",
                           "details": [f"cue: {quote.cue}"] if quote.cue else [],
                           "href": actor_link(quote.speaker_actor)}))
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
                           "href": actor_link(event.source.actor)}))
    for n, event in enumerate(record.events):
        marks += event_parts(record, n, event)
    from .techniques import claim_technique_marks

    marks.extend(claim_technique_marks(record, Mark))
    size = len(record.text)
    return [m for m in marks if 0 <= m.start < m.end <= size]


def _actor_span(record: Record, who, evidence, *, after_first: bool = False, near: int = 160):
    """The entity naming ``who`` inside the evidence, else the nearest one within ``near``
    characters before it (after it first for a target: "met X", "ha incontrato X")."""
    if who is None or not (who.actor or who.name):
        return None

    def names(entity) -> bool:
        return bool((who.actor and entity.actor == who.actor) or (not who.actor and entity.text == who.name))

    candidates = [e for e in record.entities if names(e)]
    inside = [e for e in candidates if evidence.start <= e.start and e.end <= evidence.end]
    before = [e for e in candidates if evidence.start - near <= e.start and e.end <= evidence.start]
    after = [e for e in candidates if evidence.end <= e.start <= evidence.end + near]
    ordered = [inside[:1], after[:1], before[-1:]] if after_first else [inside[:1], before[-1:], after[:1]]
    return next((found[0] for found in ordered if found), None)


def event_parts(record: Record, n: int, event) -> list[Mark]:
    """Who did it, to whom, and the words in between that say what was done: the event's
    source, target and trigger, each its own mark inside (or just before) the evidence."""
    evidence, text = event.evidence, record.text
    source = _actor_span(record, event.source, evidence)
    target = _actor_span(record, event.target, evidence, after_first=True)
    left = source.end if source and source.end > evidence.start else evidence.start
    right = target.start if target and left < target.start <= evidence.end else evidence.end
    while left < right and not text[left].isalnum():
        left += 1
    while right > left and not text[right - 1].isalnum():
        right -= 1
    what = event.plover or event.cameo
    parts = []
    if source:
        parts.append(Mark(f"v{n}s", "event", "evt-src", source.start, source.end,
                          {"layer": "event source", "label": f"source of {what}: {event.source.name or source.text}",
                           "details": [], "href": actor_link_of(event.source.actor)}))
    if right > left:
        parts.append(Mark(f"v{n}t", "event", "evt-trigger", left, right,
                          {"layer": "event trigger", "label": f"{what} (CAMEO {event.cameo})", "details": []}))
    if target:
        parts.append(Mark(f"v{n}o", "event", "evt-tgt", target.start, target.end,
                          {"layer": "event target", "label": f"target of {what}: {event.target.name or target.text}",
                           "details": [], "href": actor_link_of(event.target.actor)}))
    return parts


def actor_link_of(actor_id):
    from .links import actor_link

    return actor_link(actor_id)


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
        if len({c for c in classes.split() if c.startswith("ent-")}) > 1:
            classes += " ent-two"  # an entity of two kinds: both are drawn
        keys = " ".join(m.key for m in covering)
        label = "; ".join(f"{m.info.get('layer') or m.layer}: {m.info.get('label') or ''}" for m in covering)
        pieces.append(f'<span class="{escape(classes)}" data-marks="{escape(keys)}" tabindex="0" role="button" '
                      f'aria-label="{escape(text[left:right])} — {escape(label)}">{chunk}</span>')
    return Markup("".join(pieces))
