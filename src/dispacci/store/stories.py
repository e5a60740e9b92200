"""Stories: reports of the same real event across languages and outlets.

Records are linked by what their analyses share, never by translating text:

- an **event key** — the two actors (actor ids, else countries), the CAMEO
  root, and dates no more than ``window`` days apart (a phone call reported
  in Rome, Moscow and Madrid gives the same key in every language);
- a **shared quote** — the same words after normalisation (wire copy quoted
  verbatim by several outlets);
- **a shared cast** — the people and organisations both records name, each
  weighted by its rarity in the corpus (a leader named in every second record
  weighs little, a foreign minister met once weighs much), with the countries
  both name as lighter evidence: two records within the window are linked when
  the cast they share holds at least two named actors, or one and two countries,
  and carries at least ``CAST_SHARE`` of the lighter record's weight. Reports of
  one phone call in five languages share its two leaders and their countries
  even where their event coding differs; two calls a month apart do not meet in
  the window, and a leader's call and the same leader's speech that day share
  one name only.

Linked records form connected components; a component is a story when it
holds at least two records that are not copies of each other (copies are
the duplicates' business).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["StoryItem", "Story", "find_stories", "links_of", "idf", "cast_of", "day_ordinal", "event_key", "normalise_quote",
           "WINDOW_DAYS"]

WINDOW_DAYS = 2
MIN_QUOTE_WORDS = 6
MIN_SHARED_ACTORS = 2
CAST_SHARE = 0.5
COUNTRY_WEIGHT = 0.5       # a country named by both is evidence, weaker than a shared person
MAX_ACTOR_POSTINGS = 200   # an actor in more records than this links nothing by itself
_WORD = re.compile(r"\w+")


@dataclass
class StoryItem:
    id: str
    date: str | None = None
    group: str | None = None                  # near-duplicate group, if any
    events: list[tuple] = field(default_factory=list)  # (source_actor, source_country, target_actor, target_country, root, date)
    quotes: list[str] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)       # people and organisations (actor ids)
    countries: set[str] = field(default_factory=set)    # ISO codes of the countries it names


@dataclass
class Story:
    id: str
    key: str
    first_seen: str | None
    members: list[str]


def event_key(source_actor, source_country, target_actor, target_country, root) -> tuple | None:
    """(side, side, root) with sides in sorted order, or None for a one-sided event."""
    first, second = source_actor or source_country, target_actor or target_country
    if not first or not second or first == second or not root:
        return None
    return (*sorted((first, second)), root)


def normalise_quote(text: str) -> str | None:
    words = _WORD.findall(text.casefold())
    return " ".join(words) if len(words) >= MIN_QUOTE_WORDS else None


def day_ordinal(value: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(value[:10]).toordinal() if value else None
    except ValueError:
        return None


def find_stories(items: Sequence[StoryItem], *, window: int = WINDOW_DAYS) -> list[Story]:
    """Stories among ``items`` given in chronological order (earliest first)."""
    parent = list(range(len(items)))
    reasons: dict[int, Counter] = defaultdict(Counter)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int, why: str) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
        reasons[min(i, j)][why] += 1

    days = [day_ordinal(item.date) for item in items]
    # event keys: same two sides and root, dates within the window
    by_key: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for index, item in enumerate(items):
        for *sides, root, date in item.events:
            key = event_key(*sides, root)
            day = day_ordinal(date) or days[index]
            if key and day is not None:
                by_key[key].append((day, index))
    for key, hits in by_key.items():
        hits.sort()
        for (day_a, a), (day_b, b) in zip(hits, hits[1:]):
            if a != b and day_b - day_a <= window:
                union(a, b, f"{key[0]}–{key[1]} {key[2]} {dt.date.fromordinal(day_a).isoformat()}")
    # verbatim quotes
    by_quote: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for quote in {q for q in map(normalise_quote, item.quotes) if q}:
            by_quote[quote].append(index)
    for quote, hits in by_quote.items():
        if 2 <= len(hits) <= MAX_ACTOR_POSTINGS:
            for other in hits[1:]:
                union(hits[0], other, f"quote «{' '.join(quote.split()[:8])}…»")
    # a shared cast of actors, weighted by rarity
    for a, b, why in _cast_links(items, days, window):
        union(a, b, why)

    components: dict[int, list[int]] = defaultdict(list)
    for index in range(len(items)):
        components[find(index)].append(index)
    stories = []
    for root, members in components.items():
        units = {items[m].group or items[m].id for m in members}
        if len(members) < 2 or len(units) < 2:
            continue
        why: Counter = Counter()
        for member in members:
            why.update(reasons.get(member, {}))
        dates = sorted(d for d in (items[m].date for m in members) if d)
        # named by the whole id of its earliest member (items come in chronological order):
        # a record is in one story only, so no two stories share it, and re-clustering
        # the same records gives the same name whichever member union-find made the root
        stories.append(Story(id=f"s{items[min(members)].id}", key=why.most_common(1)[0][0] if why else "",
                             first_seen=dates[0] if dates else None, members=[items[m].id for m in members]))
    return stories


def idf(count: int, total: int, kind: str) -> float:
    """The weight of an actor ("a") or country ("c") named by ``count`` of ``total`` records."""
    return math.log((total + 1) / (count + 0.5)) * (COUNTRY_WEIGHT if kind == "c" else 1.0)


def _weights(items: Sequence[StoryItem]) -> dict[tuple[str, str], float]:
    """Inverse document frequency of each actor and country over the items."""
    counts: Counter = Counter()
    for item in items:
        counts.update(cast_of(item))
    return {key: idf(count, len(items), key[0]) for key, count in counts.items()}


def cast_of(item: StoryItem) -> set[tuple[str, str]]:
    return {("a", x) for x in item.actors} | {("c", x) for x in item.countries}


def cast_reason(shared: set, weights: dict, total_a: float, total_b: float) -> str | None:
    """Why two records within the window are one story by the cast they share, or None."""
    people = sum(1 for kind, _ in shared if kind == "a")
    countries = len(shared) - people
    if people < MIN_SHARED_ACTORS and not (people >= 1 and countries >= 2):
        return None
    weight = sum(weights.get(k, 0.0) for k in shared)
    lighter = min(total_a, total_b)
    if lighter > 0 and weight / lighter >= CAST_SHARE:
        return "actors " + ", ".join(sorted(x for kind, x in shared if kind == "a")[:4])
    return None


def _cast_links(items: Sequence[StoryItem], days: list[int | None], window: int):
    """``(a, b, why)`` for every pair of dated items within the window whose shared cast is enough."""
    weights = _weights(items)
    casts = [cast_of(item) for item in items]
    totals = [sum(weights[k] for k in cast) for cast in casts]
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, cast in enumerate(casts):
        if days[index] is None:
            continue  # an undated record joins a story only by an event key or a quote
        for key in cast:
            if key[0] == "a":
                postings[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for hits in postings.values():
        if 2 <= len(hits) <= MAX_ACTOR_POSTINGS:
            pairs.update(_within_window(hits, days, window))
    for a, b in sorted(pairs):
        why = cast_reason(casts[a] & casts[b], weights, totals[a], totals[b])
        if why:
            yield a, b, why


def _within_window(hits: list[int], days: list[int | None], window: int):
    """Pairs (a, b), a < b, of the items in ``hits`` dated no more than ``window`` days apart: a
    sliding window over their days, so an actor named all year pairs only its reports of a week."""
    ordered = sorted(hits, key=lambda i: days[i])
    for position, first in enumerate(ordered):
        for second in ordered[position + 1:]:
            if days[second] - days[first] > window:
                break
            yield (first, second) if first < second else (second, first)


def links_of(item: StoryItem, others: Sequence[StoryItem], weights: dict, *,
             window: int = WINDOW_DAYS) -> list[tuple[str, str]]:
    """``(other id, why)`` for each of ``others`` that ``item`` is one story with, by the same
    evidence as ``find_stories`` (event key, verbatim quote, shared cast) under corpus ``weights``:
    how a new record joins its story without re-clustering the corpus."""
    day = day_ordinal(item.date)
    keys = {(key, day_ordinal(date) or day) for *sides, root, date in item.events
            if (key := event_key(*sides, root))}
    quotes = {q for q in map(normalise_quote, item.quotes) if q}
    cast = cast_of(item)
    total = sum(weights.get(k, 0.0) for k in cast)
    links = []
    for other in others:
        if other.id == item.id:
            continue
        other_day = day_ordinal(other.date)
        why = None
        for *sides, root, date in other.events:
            key, at = event_key(*sides, root), day_ordinal(date) or other_day
            near = [d for k, d in keys if k == key and d is not None and at is not None and abs(d - at) <= window]
            if key and near:
                why = f"{key[0]}–{key[1]} {key[2]} {dt.date.fromordinal(min(at, *near)).isoformat()}"
                break
        if why is None and quotes:
            shared_quote = quotes & {q for q in map(normalise_quote, other.quotes) if q}
            if shared_quote:
                why = f"quote «{' '.join(min(shared_quote).split()[:8])}…»"
        if why is None and day is not None and other_day is not None and abs(day - other_day) <= window:
            other_cast = cast_of(other)
            why = cast_reason(cast & other_cast, weights, total, sum(weights.get(k, 0.0) for k in other_cast))
        if why:
            links.append((other.id, why))
    return links
