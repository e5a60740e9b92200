"""When an event happened: dates written near its cue, resolved to ISO days.

Explicit dates ("2 aprile 2022") stand alone; a day and month without a year
("il 24 febbraio"), a weekday ("giovedì", "on Tuesday", "lunedì scorso") or a
relative word ("ieri", "this morning") is resolved against the article's
reference date (dateline, else publication date) as the most recent such day
not after it. Without a reference date those give no date: never today's.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..structure.dates import DAY_FIRST, ISO_DAY, MONTH_FIRST, month_names, parse_day_month, weekday_names

__all__ = ["DateMention", "find_date_mentions", "resolve"]


@dataclass
class DateMention:
    start: int  # character offsets
    end: int
    kind: str  # "full", "day_month", "weekday", "relative", "day"
    value: tuple  # (y, m, d) | (m, d) | (weekday, weeks_back) | (days,) | (day of month,)


@lru_cache(maxsize=32)
def _weekday_table(lang: str):
    """The weekday names of ``lang`` as a pattern that also takes an inflected ending ("montags")."""
    table = weekday_names(lang)
    if not table:
        return None, {}
    # a name declined at its end ("в среду", "в пятницу"): its stem, then any ending
    table = {**table, **{name[:-1]: day for name, day in table.items() if name[-1:] in "аяь"}}
    pattern = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({pattern})\w*(?!\w)", re.IGNORECASE), table


@lru_cache(maxsize=32)
def _relative_pattern(words: tuple[str, ...]):
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=32)
def _day_pattern(day_words: tuple[str, ...], past_words: tuple[str, ...]):
    """"el pasado día 15", "il giorno 15": a day of the month named without its month."""
    if not day_words:
        return None
    words = "|".join(re.escape(w) for w in sorted(day_words, key=len, reverse=True))
    past = "|".join(re.escape(w) for w in sorted(past_words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:(?:{past})\s+)?(?:{words})\s+(\d{{1,2}})(?![\d.:])", re.IGNORECASE)


def _preceded_by(text: str, start: int, words: tuple[str, ...]) -> bool:
    before = text[max(0, start - 14):start].lower().split()
    return bool(before) and before[-1] in words


def find_date_mentions(text: str, offset: int, lang: str, relative_days: dict[str, int],
                       past_words: tuple[str, ...] = (), day_words: tuple[str, ...] = ()) -> list[DateMention]:
    """Every date-like expression in ``text`` (which starts at ``offset`` in the doc)."""
    found: list[DateMention] = []
    days = _day_pattern(tuple(day_words), tuple(past_words))
    if days is not None:
        months = month_names(lang)
        for match in days.finditer(text):
            following = re.match(r"\s+(?:de\s+|del\s+)?([^\W\d_]+)", text[match.end():])
            if following and following.group(1).lower().rstrip(".") in months:
                continue  # "el día 5 de marzo" is a day and month, read below
            if 1 <= int(match.group(1)) <= 31:
                found.append(DateMention(offset + match.start(), offset + match.end(), "day", (int(match.group(1)),)))
    for match in ISO_DAY.finditer(text):
        y, m, d = map(int, match.groups())
        found.append(DateMention(offset + match.start(), offset + match.end(), "full", (y, m, d)))
    for match in [*DAY_FIRST.finditer(text), *MONTH_FIRST.finditer(text)]:
        if any(f.start < offset + match.end() and offset + match.start() < f.end for f in found):
            continue
        parsed = parse_day_month(match.group(0), lang)
        if parsed is None:
            continue
        month, day, year = parsed
        kind, value = ("full", (year, month, day)) if year else ("day_month", (month, day))
        found.append(DateMention(offset + match.start(), offset + match.end(), kind, value))
    pattern, table = _weekday_table(lang)
    if pattern is not None:
        for match in pattern.finditer(text):
            word = match.group(1).lower()
            if any(f.start <= offset + match.start() < f.end for f in found):
                continue
            follow = text[match.end():match.end() + 12].lower()
            back = 1 if any(follow.lstrip().startswith(p) for p in past_words) \
                or _preceded_by(text, match.start(), past_words) else 0  # "lunedì scorso", "el pasado lunes"
            found.append(DateMention(offset + match.start(), offset + match.end(), "weekday", (table[word], back)))
    relative = _relative_pattern(tuple(relative_days))
    if relative is not None:
        for match in relative.finditer(text):
            if any(f.start <= offset + match.start() < f.end for f in found):
                continue
            found.append(DateMention(offset + match.start(), offset + match.end(), "relative",
                                     (relative_days[match.group(1).lower()],)))
    return sorted(found, key=lambda f: f.start)


def resolve(mention: DateMention, reference: str | None) -> str | None:
    """The ISO day a mention stands for, or None when it cannot be known."""
    try:
        if mention.kind == "full":
            return dt.date(*mention.value).isoformat()
        if reference is None:
            return None
        ref = dt.date.fromisoformat(reference[:10])
        if mention.kind == "relative":
            return (ref + dt.timedelta(days=mention.value[0])).isoformat()
        if mention.kind == "weekday":
            weekday, back = mention.value
            delta = (ref.weekday() - weekday) % 7
            if back and delta == 0:
                delta = 7
            return (ref - dt.timedelta(days=delta)).isoformat()
        if mention.kind == "day":
            year, month = ref.year, ref.month
            for _ in range(3):  # this month, else the last one(s) that have such a day
                try:
                    candidate = dt.date(year, month, mention.value[0])
                    if candidate <= ref:
                        return candidate.isoformat()
                except ValueError:
                    pass
                year, month = (year, month - 1) if month > 1 else (year - 1, 12)
            return None
        if mention.kind == "day_month":
            month, day = mention.value
            for year in (ref.year, ref.year - 1):
                try:
                    candidate = dt.date(year, month, day)
                except ValueError:
                    continue
                if candidate <= ref:
                    return candidate.isoformat()
    except ValueError:
        return None
    return None
