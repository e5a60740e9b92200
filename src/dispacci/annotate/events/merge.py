"""One event per real event, and dates the clause did not give.

The same call named in the title, the lead and a later paragraph is one
event: the body's mention wins over the title's (headlines compress), then the
dated one, then the first; topics are pooled. A generic consultation between
two actors folds into a specific one (call, visit, meeting) between them.
Undated events take the dateline's date when they are the article's lead news,
or the date of a dated event between the same two actors (the congratulations
made during the call).
"""
from __future__ import annotations

from dataclasses import dataclass

from ...record import Event, EventActor

__all__ = ["MergeRules", "merge_events", "date_events", "drop_title_echoes", "actor_key"]


@dataclass(frozen=True)
class MergeRules:
    """Which codes are one encounter, from ``merge`` and ``symmetric`` in ``events/conventions.yaml``."""

    symmetric: frozenset[str]
    consult_root: str
    generic_consult: tuple[str, ...]
    specific_consult: tuple[str, ...]
    directed: tuple[str, ...]
    violence: tuple[str, ...]

    @classmethod
    def from_conventions(cls, conventions: dict) -> "MergeRules":
        merge = conventions["merge"]
        return cls(symmetric=frozenset(conventions.get("symmetric", [])), consult_root=str(merge["consult_root"]),
                   generic_consult=tuple(merge["generic_consult"]), specific_consult=tuple(merge["specific_consult"]),
                   directed=tuple(merge["directed"]), violence=tuple(merge["violence"]))


def actor_key(actor: EventActor | None) -> str:
    if actor is None:
        return ""
    return actor.actor or actor.name or actor.country or ""


def _pair(event: Event) -> frozenset:
    return frozenset((actor_key(event.source), actor_key(event.target)))


def _key(event: Event, rules: MergeRules) -> tuple:
    code = event.cameo
    if code in rules.directed:
        return code, actor_key(event.source), actor_key(event.target)
    if code.startswith(rules.consult_root) and code in rules.symmetric:
        return rules.consult_root, _pair(event)
    if code in rules.symmetric:
        return code, _pair(event)
    if code[:2] in rules.violence:
        # "launched drone strikes", "Russia ... Russian forces struck Ukraine": in one article,
        # violence between the same two countries is one event, coded most precisely
        source, target = event.source.country, event.target.country if event.target else None
        if source and target:
            return code[:2], source, target
        return code[:2], actor_key(event.source), actor_key(event.target)
    return code[:3], actor_key(event.source), actor_key(event.target)


def _rank(item: tuple[Event, dict], rules: MergeRules) -> tuple:
    event, info = item
    return (info.get("title", False), event.negated, event.cameo in rules.generic_consult,
            event.cameo[:2] in rules.violence and event.cameo.endswith("0"),
            not info.get("lead", False), event.evidence.start)


def merge_events(found: list[tuple[Event, dict]], rules: MergeRules) -> list[tuple[Event, dict]]:
    groups: dict[tuple, list[tuple[Event, dict]]] = {}
    for item in found:
        groups.setdefault(_key(item[0], rules), []).append(item)
    merged = []
    for items in groups.values():
        best, info = min(items, key=lambda item: _rank(item, rules))
        topics = list(dict.fromkeys(t for event, _ in sorted(items, key=lambda i: i[0].evidence.start)
                                    for t in event.topics))
        date = best.date or next((e.date for e, _ in items if e.date), None)
        specific = [e.cameo for e, _ in items if e.cameo in rules.specific_consult]
        cameo = best.cameo if best.cameo not in rules.generic_consult or not specific else specific[0]
        event = best.model_copy(update={
            "topics": topics, "date": date, "cameo": cameo,
            "negated": all(e.negated for e, _ in items),
            "hypothetical": all(e.hypothetical for e, _ in items),
        })
        if cameo != best.cameo:
            specific_event = next(e for e, _ in items if e.cameo == cameo)
            event = event.model_copy(update={"plover": specific_event.plover, "mode": specific_event.mode})
        merged.append((event, {**info, "lead": any(i.get("lead") for _, i in items)}))
    specific_pairs = {_pair(e) for e, _ in merged if e.cameo in rules.specific_consult}
    folded: dict[frozenset, list[str]] = {}
    for event, _ in merged:  # "the two leaders discussed X": topics of the call or visit
        if event.cameo in rules.generic_consult and _pair(event) in specific_pairs:
            folded.setdefault(_pair(event), []).extend(event.topics)
    merged = [(e if e.cameo not in rules.specific_consult or not folded.get(_pair(e)) else
               e.model_copy(update={"topics": list(dict.fromkeys(e.topics + folded[_pair(e)]))}), i)
              for e, i in merged if not (e.cameo in rules.generic_consult and _pair(e) in specific_pairs)]
    return sorted(merged, key=lambda item: item[0].evidence.start)


def drop_title_echoes(events: list[tuple[Event, dict]]) -> list[tuple[Event, dict]]:
    """A headline event the body tells again between the same countries is the
    same event, named less precisely ("talks with Turkey's foreign minister")."""
    def countries(event: Event) -> tuple:
        return event.cameo[:2], frozenset((event.source.country, event.target.country if event.target else None))

    told = {countries(e) for e, info in events if not info.get("title")}
    return [(e, info) for e, info in events if not (info.get("title") and countries(e) in told)]


def date_events(events: list[tuple[Event, dict]], dateline_date: str | None) -> None:
    """Fill undated events in place: lead news takes the dateline date; others
    take the date of a dated event between the same actors."""
    for index, (event, info) in enumerate(events):
        if event.date is None and info.get("lead") and dateline_date and not event.hypothetical:
            events[index] = (event.model_copy(update={"date": dateline_date}), info)
    dated = {}
    for event, _ in events:
        if event.date and not event.negated:
            dated.setdefault(_pair(event), event.date)
    for index, (event, info) in enumerate(events):
        if event.date is None and _pair(event) in dated:
            events[index] = (event.model_copy(update={"date": dated[_pair(event)]}), info)
