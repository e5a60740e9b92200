"""One event per real event, and dates the clause did not give.

The same call named in the title, the lead and a later paragraph is one
event: the body's mention wins over the title's (headlines compress), then the
dated one, then the first; topics are pooled. An event noun pointing back ("during
the call", see ``mentions``) is the event it names, whoever stands near it. A
generic consultation between two actors folds into a specific one (call, visit,
meeting) between them. Mentions are one event only on one occasion: a background
event (told in the past perfect) is not the news event, and two dates that cannot
be one day make two events of one code.
Undated events take the date of the event their sentence is framed by ("during
the call"), the dateline's date when they are the article's lead news, or the
date of a dated event between the same two actors (the congratulations made during
the call); background events keep their own date or none.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...record import Event, EventActor

__all__ = ["MergeRules", "merge_events", "date_events", "drop_title_echoes", "actor_key", "absorb_anaphora",
           "compatible_dates", "frame_antecedents"]

_NEWS_DAYS = 7  # an undated lead mention is the same occasion as a mention dated this many days before


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
    return (info.get("title", False), info.get("anaphoric", False), event.negated,
            event.cameo in rules.generic_consult, event.cameo[:2] in rules.violence and event.cameo.endswith("0"),
            not info.get("lead", False), event.evidence.start)


def compatible_dates(first: str | None, second: str | None) -> bool:
    """Two dates may be one occasion: either is unknown, or one contains the other
    ("2025-03" and "2025-03-12")."""
    return not first or not second or first.startswith(second) or second.startswith(first)


def _names(code: str, told: str, rules: MergeRules) -> bool:
    """An event noun coded ``code`` can name an event coded ``told`` ("the talks" a call)."""
    if code[:3] == told[:3]:
        return True
    root = rules.consult_root
    if code == "meet":
        return told.startswith(root)
    return code.startswith(root) and told.startswith(root) and (
        code in rules.generic_consult or told in rules.generic_consult)


def _points_to(mention: Event, told: Event, rules: MergeRules) -> bool:
    return compatible_dates(mention.date, told.date) and _names(mention.cameo, told.cameo, rules)


def frame_antecedents(found: list[tuple[Event, dict]], frame_cues: list[tuple[int, int, str]],
                      rules: MergeRules) -> dict[int, int]:
    """For each sentence framed by an event noun pointing back (``frame_cues``: sentence
    start, cue offset, cue code), the id of the nearest earlier news event it can name."""
    frames: dict[int, int] = {}
    ordered = sorted(found, key=lambda item: item[0].evidence.start)
    for sentence, cue, code in frame_cues:
        told = next((info.get("id") for event, info in reversed(ordered) if event.evidence.start < cue
                     and info.get("sentence") != sentence and not info.get("background")
                     and not info.get("anaphoric") and _names(code, event.cameo, rules)), None)
        if told is not None:
            frames.setdefault(sentence, told)
    return frames


def absorb_anaphora(found: list[tuple[Event, dict]], rules: MergeRules) -> list[tuple[Event, dict]]:
    """"Durante la telefonata, Putin ha condannato...": an event noun pointing back
    is the nearest earlier event it can name, told again — it takes that event's
    sides and code, so that it merges with it; the sentence it frames is recorded
    (``frame``) for the dates of the other events in it."""
    ordered = sorted(range(len(found)), key=lambda i: found[i][0].evidence.start)
    result = list(found)
    for position, index in enumerate(ordered):
        event, info = found[index]
        if not info.get("anaphoric"):
            continue
        told = next((found[j] for j in reversed(ordered[:position])
                     if not found[j][1].get("anaphoric") and not found[j][1].get("background")
                     and _points_to(event, found[j][0], rules)), None)
        if told is None:
            result[index] = (event, {**info, "anaphoric": False})  # nothing to point back to: its own event
            continue
        antecedent, told_info = told
        result[index] = (event.model_copy(update={
            "source": antecedent.source, "target": antecedent.target, "cameo": antecedent.cameo,
            "plover": antecedent.plover, "mode": antecedent.mode, "date": event.date or antecedent.date}),
            {**info, "frame": told_info.get("id")})
    return result


def _occasions(items: list[tuple[Event, dict]], lead_date: str | None,
               framed_date) -> list[list[tuple[Event, dict]]]:
    """Mentions under one key split by occasion: a background event is not the news
    event, and two dates that cannot be one day are two events. An undated mention is
    dated as ``date_events`` will date it: by the event framing its sentence
    (``framed_date``); in the lead it is the news of the days just before the
    article (``lead_date``), not a call of six weeks before."""
    clusters: list[tuple[bool, list]] = []

    def date_of(event: Event, info: dict) -> tuple[str | None, bool]:
        """(the date it stands for, whether that is the lead's "news of the day")."""
        if event.date or info.get("background"):
            return event.date, False
        framed = framed_date(info)
        if framed or event.hypothetical or not info.get("lead"):
            return framed, False
        return lead_date, True

    def fits(first: tuple[str | None, bool], second: tuple[str | None, bool]) -> bool:
        if first[1] and second[1] or not (first[1] or second[1]):
            return compatible_dates(first[0], second[0])
        news, other = (first[0], second[0]) if first[1] else (second[0], first[0])
        return compatible_dates(news, other) or _days_before(other, news) in range(0, _NEWS_DAYS + 1)

    for item in sorted(items, key=lambda i: i[0].evidence.start):
        background = bool(item[1].get("background"))
        for flag, members in clusters:
            if flag == background and all(fits(date_of(*item), date_of(*member)) for member in members):
                members.append(item)
                break
        else:
            clusters.append((background, [item]))
    return [members for _, members in clusters]


def _days_before(day: str | None, news: str | None) -> int:
    """Days from ``day`` to ``news`` (both ISO days), or -1 when either is not a day."""
    try:
        return (dt.date.fromisoformat(news) - dt.date.fromisoformat(day)).days
    except (TypeError, ValueError):
        return -1


def _merge_one(items: list[tuple[Event, dict]], rules: MergeRules) -> tuple[Event, dict]:
    best, info = min(items, key=lambda item: _rank(item, rules))
    topics = list(dict.fromkeys(t for event, _ in sorted(items, key=lambda i: i[0].evidence.start)
                                for t in event.topics))
    dates = sorted((e.date for e, _ in items if e.date), key=len, reverse=True)  # the most precise
    date = best.date if best.date and len(best.date) >= len(dates[0]) else (dates[0] if dates else None)
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
    return event, {**info, "lead": any(i.get("lead") for _, i in items),
                   "own_date": any(i.get("own_date") for _, i in items),
                   "ids": {i.get("id") for _, i in items}}


def merge_events(found: list[tuple[Event, dict]], rules: MergeRules,
                 frames: dict[int, int] | None = None, lead_date: str | None = None) -> list[tuple[Event, dict]]:
    """One event per occasion; ``frames`` (when given) receives, for each sentence framed
    by a mention pointing back, the id of the event it points to."""
    groups: dict[tuple, list[tuple[Event, dict]]] = {}
    frames = {} if frames is None else frames
    by_id = {info.get("id"): event for event, info in found}

    def framed_date(info: dict) -> str | None:
        told = by_id.get(frames.get(info.get("sentence"), info.get("frame")))
        return told.date if told is not None else None

    for item in absorb_anaphora(found, rules):
        groups.setdefault(_key(item[0], rules), []).append(item)
        if item[1].get("frame") is not None:
            frames.setdefault(item[1].get("sentence"), item[1]["frame"])
    merged = [_merge_one(cluster, rules) for items in groups.values() for cluster in _occasions(items, lead_date, framed_date)]
    specific = [(e, i) for e, i in merged if e.cameo in rules.specific_consult]

    def occasion_of(event: Event, info: dict):
        """The specific consultation a generic one between the same pair is part of."""
        return next((s for s in specific if _pair(s[0]) == _pair(event) and bool(s[1].get("background")) ==
                     bool(info.get("background")) and compatible_dates(s[0].date, event.date)), None)

    folded: dict[int, list[str]] = {}
    kept = []
    for event, info in merged:  # "the two leaders discussed X": topics of the call or visit
        host = occasion_of(event, info) if event.cameo in rules.generic_consult else None
        if host is None:
            kept.append((event, info))
        else:
            folded.setdefault(id(host[0]), []).extend(event.topics)
            host[1]["ids"] |= info["ids"]
    merged = [(e if not folded.get(id(e)) else
               e.model_copy(update={"topics": list(dict.fromkeys(e.topics + folded[id(e)]))}), i) for e, i in kept]
    return sorted(merged, key=lambda item: item[0].evidence.start)


def drop_title_echoes(events: list[tuple[Event, dict]]) -> list[tuple[Event, dict]]:
    """A headline event the body tells again between the same countries is the
    same event, named less precisely ("talks with Turkey's foreign minister")."""
    def countries(event: Event) -> tuple:
        return event.cameo[:2], frozenset((event.source.country, event.target.country if event.target else None))

    told = {countries(e) for e, info in events if not info.get("title")}
    return [(e, info) for e, info in events if not (info.get("title") and countries(e) in told)]


def date_events(events: list[tuple[Event, dict]], dateline_date: str | None,
                frames: dict[int, int] | None = None) -> None:
    """Fill undated events in place: an event in a sentence framed by a mention of
    an earlier event ("during the call") takes that event's date; lead news takes the
    dateline date; others take the date of a dated event between the same actors.
    A background event, or one dated by its own words to no day ("last week"),
    keeps what it has; an act in someone's quoted words is not dated by the
    narration's events between the same sides. ``frames`` maps a sentence start to the id of the event its
    frame points to."""
    frames = frames or {}
    by_id = {i: index for index, (_, info) in enumerate(events) for i in info.get("ids", ())}
    for index, (event, info) in enumerate(events):
        if event.date is not None or info.get("background") or info.get("own_date"):
            continue
        framed_index = by_id.get(frames.get(info.get("sentence"), -1))
        framed = events[framed_index][0] if framed_index is not None else None
        if framed is not None and framed.date and framed_index != index:
            events[index] = (event.model_copy(update={"date": framed.date}), info)
        elif info.get("lead") and dateline_date and not event.hypothetical:
            events[index] = (event.model_copy(update={"date": dateline_date}), info)
    dated = {}
    for event, info in events:
        if event.date and not event.negated and not info.get("background"):
            dated.setdefault(_pair(event), event.date)
    for index, (event, info) in enumerate(events):
        if event.date is None and _pair(event) in dated and not any(info.get(k) for k in ("background", "own_date",
                                                                                       "quoted")):
            events[index] = (event.model_copy(update={"date": dated[_pair(event)]}), info)
