"""Choosing the sides of an event: the parse first, the surface where it is silent.

``parse_pairs`` takes the parse's (source, target) pairs (``arguments``) inside the
cue's clause, completes a coordination the parse missed from the surface ("X and
Y"), and fills a target the parse left open from the surface pairs of the same
source; ``unstated_subject`` stands in the subject a pro-drop language leaves out;
``same_actor`` says when two actors are one side (a country and its government),
and one country's actors of different agent types are not.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ...record import Entity, EventActor
from .actors import Group, coordinated
from .arguments import ParseFrame, cue_head, parse_sides
from .clause import EventReading

__all__ = ["parse_pairs", "with_conjuncts", "unstated_subject", "same_actor", "is_person", "callers_first",
           "mediator_pairs", "unnamed_perpetrator"]

_BETWEEN_GAP = 6  # words between a mediation cue and its "between" ("mediated talks between")
_INITIATOR_GAP = 3  # words ("la partie", "der deutschen") between the initiator phrase and the side


def parse_pairs(coder, doc: Doc, groups: list[Group], start: int, end: int, rule, code: str, passive: bool,
                surface, clause_start: int, clause_end: int):
    """The parse's sides where it names a source inside the clause; a target it
    leaves open comes from the surface pairs of the same source."""
    frame = ParseFrame(markers=coder.markers, topic_words=coder.topic_words,
                       target=rule.target if rule else "object", cases=rule.cases if rule else frozenset(),
                       object_first=code.startswith(coder.object_first),
                       place_target=code.startswith(coder.place_target), passive_hint=passive,
                       clause=(clause_start, clause_end))
    inside = [g for g in groups if clause_start <= g.start and g.start < clause_end]
    found = parse_sides(doc, inside, (start, end), frame)
    if not found:
        return surface
    if rule is not None and rule.target == "none":
        return [(source, None) for source, _ in found]
    found = with_conjuncts(coder, doc, inside, found)
    if all(t is None for _, t in found) and len(found) >= 2 and (
            code == "meet" or code in coder.symmetric or code.startswith(coder.reciprocal)):
        return [(found[0][0], s) for s, _ in found[1:]]  # "X and Y discussed": each other
    pairs = []
    for source, target in found:
        others = [t for s, t in surface or [] if s is source and t is not None] if target is None else [target]
        pairs.extend((source, t) for t in others or [None])
    return pairs or surface


def with_conjuncts(coder, doc: Doc, groups: list[Group], found):
    """Pairs for the conjuncts the surface shows ("X and Y", "X, Y e Z") where the
    parse missed the coordination."""
    actors = [g for g in groups if g.is_actor]

    def spread(group):
        if group is None or group not in actors:
            return [group]
        index = actors.index(group)
        for first in range(max(0, index - 4), index + 1):  # the chain may start before the group
            members = coordinated(doc, actors, first, coder.conjunctions, coder.articles)
            if index in members:
                return [actors[i] for i in members]
        return [group]

    pairs = []
    for source, target in found:
        for s in spread(source):
            for t in spread(target):
                if s is not t and (s, t) not in pairs:
                    pairs.append((s, t))
    return pairs


def unstated_subject(coder, reading: EventReading, groups: list[Group], start: int, end: int, clause_start: int,
                     clause_end: int) -> list[tuple[Group, Group]]:
    """Pro-drop languages leave the subject out ("Ha poi telefonato a Macron"):
    it is the last event's source, else the article's first-named person, when
    nobody stands before the cue and a counterpart follows it."""
    if any(g.is_actor and clause_start <= g.start and g.end <= start for g in groups):
        return []
    before = reading.words[start - 1]
    if start > clause_start and (before in coder.articles or before in coder.indefinite
                                 or (reading.words[start - 1],) in coder.markers):
        return []  # "ninguna negociación", "della telefonata": a noun, not a verb missing its subject
    after = [g for g in groups if g.is_actor and end <= g.start < clause_end and g.start - end <= 8
             and g.marker in (None, "with", "to", "against")]
    subject = reading.last_source
    if subject is None:
        people = coder.resolver.protagonists(reading.entities)
        subject = people[0] if people else None
    if not after or subject is None:
        return []
    stand_in = Group(start=start, end=start, entities=[subject], char_start=subject.start, char_end=subject.end)
    if any(e.actor and e.actor == subject.actor for e in after[0].entities):
        return []
    return [(stand_in, after[0])]


def is_person(group: Group) -> bool:
    return group.head is not None and group.head.kind == "person"


def _agent_type(actor: EventActor) -> str:
    """The agent part of a country-based code ("ISRCOP": COP); a state and its
    government are one type."""
    code = actor.code or ""
    suffix = code[3:6] if actor.country and len(code) >= 3 else code[:3]
    return suffix if suffix and suffix != "GOV" else "GOV"


def same_actor(a: EventActor, b: EventActor) -> bool:
    if a.actor and b.actor and a.actor == b.actor:
        return True
    if a.country and a.country == b.country and _agent_type(a) != _agent_type(b):
        return False  # rebels and the army, the police and protesters: one country's actors apart
    if a.country and a.country == b.country and (a.actor == a.country or b.actor == b.country):
        return True  # "Putin -> Russia": a country is not its own counterpart
    if a.actor and b.actor:
        return False
    return (a.name or "") == (b.name or "") and a.country == b.country


def _initiated(reading: EventReading, group: Group | None, phrases: set[tuple[str, ...]]) -> bool:
    if group is None or group.start <= 0:
        return False
    for end in range(group.start, max(0, group.start - _INITIATOR_GAP) - 1, -1):
        for phrase in phrases:
            if end >= len(phrase) and tuple(reading.words[end - len(phrase):end]) == phrase:
                return True
    return False


def callers_first(reading: EventReading, groups: list[Group], pairs, phrases: set[tuple[str, ...]]):
    """The side named as starting a call ("à la demande de la partie allemande", "по просьбе
    немецкой стороны") is its source, wherever the sentence puts it: the named group
    itself or the side of its country."""
    starters = [g for g in groups if _initiated(reading, g, phrases)] if phrases else []
    if not starters:
        return pairs

    def started(group: Group | None) -> bool:
        return group is not None and any(group is g or (g.country and group.country == g.country) for g in starters)

    return [(target, source) if started(target) and not started(source) else (source, target)
            for source, target in pairs]


def mediator_pairs(coder, reading: EventReading, doc: Doc, groups: list[Group], start: int, end: int, pairs, clause_start: int,
                   clause_end: int):
    """A mediator's event is with each of the two sides it stands between ("la Turchia media
    tra Mosca e Kiev", "выступила посредником между Россией и Украиной"): the mediator, a
    source that is not one of the sides (else the actor before the cue, else the "of" of a
    nominal: "the mediation of Egypt between"), against each side. Without a "between",
    the pairs stay."""
    actors = [g for g in groups if g.is_actor and clause_start <= g.start < clause_end]
    between = next((g for g in actors if g.marker == "between" and end <= g.start <= end + _BETWEEN_GAP), None)
    if between is None:
        return pairs
    sides = [actors[i] for i in coordinated(doc, actors, actors.index(between), coder.conjunctions,
                                            coder.articles, reading.text)]
    if len(sides) < 2:
        return pairs
    mediators = [s for s, _ in pairs if s not in sides]
    if not mediators:
        before = [g for g in actors if g.end <= start and g.marker is None]
        owner = [g for g in actors if end <= g.start < between.start and g.marker == "of"]
        mediators = before[-1:] or owner[:1]
    if not mediators:
        return pairs
    return [(mediators[0], side) for side in sides]


_PASSIVE_SUBJECTS = ("nsubj:pass", "nsubjpass")
_PLACE_KINDS = ("location", "country")


def unnamed_perpetrator(coder, doc: Doc, groups: list[Group], start: int, end: int, clause_start: int,
                        clause_end: int):
    """Harm done to someone by no one named ("three soldiers were killed by a roadside bomb
    outside Basra", "civilians were killed in Baghdad"): the victim, the passive subject, is
    the target and the country where it happened the source, as the PLOVER gold standard
    codes an unknown attacker. ``None`` where the parse shows no such passive or names an
    actor as the agent (the usual rules decide then)."""
    if not getattr(doc._, "parsed", False):
        return None
    head = cue_head(doc, start, end)
    # a harm noun as the agent or the means of a passive ("killed by a bomb", "in a bomb attack")
    verb = head.head if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("obl:agent", "nmod:agent", "obl") else head
    victims = [c for c in verb.children if c.dep_ in _PASSIVE_SUBJECTS]
    if verb.pos_ != "VERB" or not victims:
        return None
    inside = [g for g in groups if g.is_actor and clause_start <= g.start < clause_end]
    for child in verb.children:
        if child.dep_ in ("obl:agent", "nmod:agent", "agent") and any(
                g.start <= t.i < max(g.end, g.start + 1) for g in inside for t in child.subtree):
            return None  # an actor is named as the agent
    victim = next((g for g in inside if any(g.start <= t.i < max(g.end, g.start + 1)
                                           for v in victims for t in v.subtree)), None)
    if victim is None:
        return None
    place = next((g for g in groups if clause_start <= g.start < clause_end and g is not victim and g.start > verb.i
                  and g.head is not None and g.head.kind in _PLACE_KINDS and g.head.country), None)
    if place is None or place.head.country == victim.country:
        return None
    country = place.head.country
    stand_in = Entity(text=place.head.text, kind="country", canonical=coder.resolver.country_name(country),
                      actor=country, country=country, start=place.head.start, end=place.head.end)
    source = Group(start=place.start, end=place.end, entities=[stand_in], char_start=place.char_start,
                   char_end=place.char_end)
    return [(source, victim)]
