"""Article-level event words, and the periods a clause may date an event by.

A background event is often dated by less than a day: "in 2014", "lo scorso
marzo", "il y a deux ans", "в прошлом году". Such a period gives the event a
date of its own at the precision written — an ISO 8601 year (``2014``) or month
(``2025-03``) — resolved against the article's reference date; a week ("letzte
Woche") has no ISO form here, so it marks the event as dated by its own words
without giving a date. Days are read by ``dates`` (the one day reader, built on
``structure.dates``); this module is asked only when no day was found.

The words (``events/article/<lang>.yaml``) also say which words point an event
noun back to an event already told and which put a clause before the news;
``mentions`` reads those.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ...errors import ResourceError
from ...resources import load_resource
from ..structure.dates import _month_names

__all__ = ["ArticleWords", "Period", "find_periods", "resolve_period"]


def _phrases(values) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(str(v).lower().replace("’", "'").split()) for v in values or [] if str(v).strip())


def _alternatives(values) -> str:
    words = sorted({re.escape(str(v).lower().replace("’", "'")) for v in values or []}, key=len, reverse=True)
    return "|".join(w.replace(r"\ ", r"\s+") for w in words) or "(?!)"


@dataclass(frozen=True)
class ArticleWords:
    """One language's ``events/article`` words, with the period patterns compiled."""

    anaphora: frozenset[tuple[str, ...]] = frozenset()
    background_aux: frozenset[str] = frozenset()
    background_conjunctions: frozenset[tuple[str, ...]] = frozenset()
    first_person: frozenset[str] = frozenset()
    second_person: frozenset[str] = frozenset()
    last_words: frozenset[str] = frozenset()
    months: dict[str, int] = field(default_factory=dict)
    patterns: dict[str, re.Pattern] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    last_periods: dict[str, tuple[str, int]] = field(default_factory=dict)
    event_nouns: dict[tuple[str, ...], str] = field(default_factory=dict)  # lemmas → code they can name

    @classmethod
    def load(cls, lang: str, resources: tuple[str, ...] = (), lemma=None) -> "ArticleWords":
        try:
            data = load_resource(f"events/article/{lang}.yaml", resources) or {}
        except ResourceError as error:
            if error.code != "E041":
                raise  # a user's file that cannot be read is named, not skipped
            data = {}  # no article words for this language: nothing article-level is read
        numbers = {str(k).lower(): int(v) for k, v in (data.get("numbers") or {}).items()}
        units = {str(k).lower(): str(v) for k, v in (data.get("units") or {}).items()}
        last_periods = {" ".join(str(k).lower().replace("’", "'").split()): (str(v[0]), int(v[1]))
                        for k, v in (data.get("last_periods") or {}).items()}
        months = _month_names(lang)
        lemma = lemma or str.lower
        event_nouns = {tuple(lemma(w) for w in str(k).split()): str(v)
                       for k, v in (data.get("event_nouns") or {}).items()}
        month = _alternatives(months) if months else "(?!)"
        number = rf"(?:\d{{1,2}}|{_alternatives(numbers)})"
        unit = _alternatives(units)
        patterns = {
            "year": re.compile(rf"(?<!\w)(?:{_alternatives(data.get('year_markers'))})\s+((?:1[89]|20)\d{{2}})"
                               rf"(?:\s+(?:{_alternatives(data.get('year_after'))}))?(?![\w-])", re.I),
            "year_after": re.compile(rf"(?<![\w-])((?:1[89]|20)\d{{2}})\s+(?:{_alternatives(data.get('year_after'))})"
                                     rf"(?!\w)", re.I),
            "month": re.compile(rf"(?<!\w)(?:{_alternatives(data.get('month_markers'))})\s+(?:(?:{_alternatives(data.get('last_words'))})\s+)?"
                                rf"(\w+)(?:\s+(?:{_alternatives(data.get('last_words'))}))?(?:\s+(?:de\s+|del\s+)?((?:1[89]|20)\d{{2}}))?(?!\w)", re.I),
            "ago": re.compile(rf"(?<!\w)(?:(?:{_alternatives(data.get('ago_before'))})\s+({number})\s+({unit})"
                              rf"|({number})\s+({unit})\s+(?:{_alternatives(data.get('ago_after'))}))(?!\w)", re.I),
            "last": re.compile(rf"(?<!\w)({_alternatives(last_periods)})(?!\w)", re.I),
        }
        return cls(anaphora=_phrases(data.get("anaphora")),
                   background_aux=frozenset(str(w).lower() for w in data.get("background_aux") or []),
                   background_conjunctions=_phrases(data.get("background_conjunctions")),
                   first_person=frozenset(str(w).lower().replace("’", "'") for w in data.get("first_person") or []),
                   second_person=frozenset(str(w).lower() for w in data.get("second_person") or []),
                   last_words=frozenset(str(w).lower() for w in data.get("last_words") or []),
                   months=months, patterns=patterns, numbers=numbers, units=units, last_periods=last_periods,
                   event_nouns=event_nouns)


@dataclass(frozen=True)
class Period:
    start: int  # character offsets in the doc
    end: int
    unit: str  # "year", "month", "week", "day"
    value: tuple  # ("abs", year[, month]) | ("back", steps) | ("month", month, year or None, last)


def find_periods(text: str, offset: int, words: ArticleWords, lemma=None) -> list[Period]:
    """Periods named in ``text`` (which starts at ``offset`` in the doc), first first."""
    found: list[Period] = []

    def add(match, unit: str, value: tuple) -> None:
        start, end = offset + match.start(), offset + match.end()
        if not any(p.start < end and start < p.end for p in found):
            found.append(Period(start, end, unit, value))

    patterns = words.patterns
    if not patterns:
        return []
    for match in patterns["last"].finditer(text):
        unit, steps = words.last_periods[" ".join(match.group(1).lower().replace("’", "'").split())]
        add(match, unit, ("back", steps))
    for match in patterns["ago"].finditer(text):
        count, unit = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        count = int(count) if count.isdigit() else words.numbers.get(count.lower(), 0)
        add(match, words.units.get(unit.lower(), ""), ("back", -count))
    for match in patterns["month"].finditer(text):
        name = match.group(1).lower()
        month = words.months.get(name) or (words.months.get(lemma(name)) if lemma else None)
        if month:
            last = any(w in words.last_words for w in match.group(0).lower().split())
            add(match, "month", ("month", month, int(match.group(2)) if match.group(2) else None, last))
    for key in ("year", "year_after"):
        for match in patterns[key].finditer(text):
            add(match, "year", ("abs", int(match.group(1))))
    return sorted((p for p in found if p.unit), key=lambda p: p.start)


def resolve_period(period: Period, reference: str | None) -> str | None:
    """The ISO year or month a period stands for; None for a week, or when the
    period is relative and there is no reference date."""
    kind = period.value[0]
    if kind == "abs":
        return f"{period.value[1]:04d}"
    if kind == "month" and period.value[2]:
        return f"{period.value[2]:04d}-{period.value[1]:02d}"
    if reference is None:
        return None
    try:
        ref = dt.date.fromisoformat(reference[:10])
    except ValueError:
        return None
    if kind == "month":
        _, month, _, last = period.value
        year = ref.year if month < ref.month or (month == ref.month and not last) else ref.year - 1
        return f"{year:04d}-{month:02d}"
    steps = period.value[1]
    if period.unit == "year":
        return f"{ref.year + steps:04d}"
    if period.unit == "month":
        index = ref.year * 12 + ref.month - 1 + steps
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if period.unit == "day":
        return (ref + dt.timedelta(days=steps)).isoformat()
    return None  # a week: dated by the text, not to a day
