"""The article's date and where it came from.

A report is dated by its opening dateline where it has one. Otherwise by what
dates the page itself: a stamp under the headline or beside the outlet
("12.06.2023, Agenzia Nova", "Updated: 12-06-2023"), a signature or source line
at the end ("Quelle: dpa, am 5. Mai 2023"), a lead sentence that dates the
report ("lo ha comunicato oggi, 9 aprile"), the page's URL (``/2021/05/04/``),
the page's metadata, or the publication date the user gave. The first anchor
in that order wins; a year that no anchor gives is guessed, and the result says
so (``source == "guessed"``), never silently.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ...resources.loader import load_resource
from . import dates as _dates
from .dates import DAY_MONTH, FULL_DATE, FULL_DATE_WITH_TIME, find_full_dates, parse_day_month, weekday_named_near
from ..text import lines

__all__ = ["DateAnchor", "SOURCES", "find_text_anchors", "url_date", "year_for", "guess_year", "date_cues"]

# Where an article date can come from, best first.
SOURCES = ("dateline", "stamp", "footer", "sentence", "url", "metadata", "published", "guessed")

_HEAD_LINES = 6
_FOOT_LINES = 4
_STAMP_MAX_CHARS = 90
_LEAD_CHARS = 600
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})/")


@dataclass
class DateAnchor:
    """A date found for the article: ISO ``date`` when complete, else month/day
    with ``year`` None; ``start``/``end`` index the text where it was written."""

    source: str
    month: int | None
    day: int | None
    year: int | None
    text: str | None = None
    start: int = 0
    end: int = 0

    @property
    def iso(self) -> str | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day).isoformat()
        except ValueError:
            return None


@lru_cache(maxsize=32)
def date_cues(lang: str, resources: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """The stamp, footer and today words of ``lang`` (plus those for any language)."""
    table = load_resource("cues/dates.yaml", resources) or {}
    cues: dict[str, tuple[str, ...]] = {}
    for kind in ("stamp", "footer", "today"):
        words = [*(table.get("any") or {}).get(kind, []), *(table.get(lang) or {}).get(kind, [])]
        cues[kind] = tuple(sorted({str(w) for w in words}, key=len, reverse=True))
    return cues


def _cue_pattern(words: tuple[str, ...]) -> re.Pattern | None:
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)


def _full_anchor(source: str, line: str, offset: int, lang: str) -> DateAnchor | None:
    match = FULL_DATE_WITH_TIME.search(line)
    if match is None:
        return None
    dated = FULL_DATE.match(line, match.start())
    parsed = parse_day_month(dated.group(0), lang) if dated else None
    if not parsed or not parsed[2]:
        return None
    month, day, year = parsed
    return DateAnchor(source, month, day, year, dated.group(0), offset + match.start(), offset + match.end())


def _is_stamp(line: str, cue: re.Pattern | None) -> bool:
    """A line that dates the page rather than telling the news: short, or led by a stamp word."""
    stripped = line.strip()
    if not stripped:
        return False
    if cue is not None and cue.search(stripped[:40]):
        return len(stripped) <= 2 * _STAMP_MAX_CHARS
    if stripped[-1] in ".!?»\"”" and stripped.count(" ") >= 5:
        return False  # a sentence of the article, however short
    return len(stripped) <= _STAMP_MAX_CHARS and stripped.count(" ") <= 10


def find_text_anchors(text: str, body_start: int, lang: str, skip: tuple[int, int] | None = None,
                      resources: tuple[str, ...] = ()) -> list[DateAnchor]:
    """Every stamp, footer and dating sentence of the text, in order of trust."""
    cues = date_cues(lang, resources)
    stamp_cue, footer_cue, today_cue = (_cue_pattern(cues[k]) for k in ("stamp", "footer", "today"))
    anchors: list[DateAnchor] = []
    head_end = _nth_line_end(text, body_start, _HEAD_LINES)
    for offset, line in lines(text, body_start, head_end):
        if skip and skip[0] <= offset < skip[1]:
            continue
        if not line.strip():
            continue
        if not _is_stamp(line, stamp_cue):
            head_end = offset  # the lead has begun: stamps stand above it
            break
        found = _full_anchor("stamp", line, offset, lang)
        if found:
            anchors.append(found)
            head_end = offset + len(line) + 1
            break
    anchors.extend(_footer_anchors(text, max(head_end, body_start), lang, footer_cue))
    if today_cue is not None:
        anchors.extend(_sentence_anchors(text, body_start, lang, today_cue))
    return anchors


def _nth_line_end(text: str, start: int, count: int) -> int:
    end = start
    for _ in range(count):
        found = text.find("\n", end)
        if found < 0:
            return len(text)
        end = found + 1
    return end


def _footer_anchors(text: str, floor: int, lang: str, cue: re.Pattern | None) -> list[DateAnchor]:
    last = [(o, l) for o, l in lines(text, floor, len(text)) if l.strip()][-_FOOT_LINES:]
    for offset, line in reversed(last):
        led = cue is not None and cue.search(line.strip()[:30])
        if led or (len(line.strip()) <= _STAMP_MAX_CHARS and line.strip()[:1] in "(/©–-—"):
            found = _full_anchor("footer", line, offset, lang)
            if found:
                return [found]
    return []


def _sentence_anchors(text: str, body_start: int, lang: str, cue: re.Pattern) -> list[DateAnchor]:
    """``oggi, 9 aprile``, ``today, April 9``, ``сегодня, 9 апреля``: the day of the report."""
    lead = text[body_start:body_start + _LEAD_CHARS]
    for word in cue.finditer(lead):
        after = lead[word.end():word.end() + 40]
        gap = re.match(r"[\s,(]*(?:(?:il|le|el|der|den|am|on|the)\s+)?", after, re.I)
        dated = DAY_MONTH.match(after, gap.end())
        if dated is None:
            continue
        parsed = parse_day_month(dated.group(0), lang)
        if parsed is None:
            continue
        month, day, year = parsed
        start = body_start + word.end() + dated.start()
        return [DateAnchor("sentence", month, day, year, dated.group(0), start, start + len(dated.group(0)))]
    return []


def url_date(url: str | None) -> DateAnchor | None:
    """The date a page's address carries (``/2021/05/04/``, ``-20210504-``, ``/2021/05/``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    match = _URL_DAY.search(path)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return DateAnchor("url", month, day, year)
    match = _URL_MONTH.search(path)
    if match:
        return DateAnchor("url", int(match.group(2)), None, int(match.group(1)))
    match = _URL_YEAR.search(path)
    return DateAnchor("url", None, None, int(match.group(1))) if match else None


def iso_anchor(source: str, value: str | None) -> DateAnchor | None:
    try:
        day = dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
    return DateAnchor(source, day.month, day.day, day.year) if day else None


def year_for(month: int, day: int, anchor: DateAnchor) -> int | None:
    """The year a day-and-month date has, given an anchor with a year: the anchor's own,
    or the one before for a late-December date anchored in early January."""
    if anchor.year is None:
        return None
    reference_month = anchor.month or month
    reference_day = anchor.day or day
    try:
        candidate = dt.date(anchor.year, month, day)
        reference = dt.date(anchor.year, reference_month, reference_day)
    except ValueError:
        return anchor.year
    if (candidate - reference).days > 2 and anchor.month is not None:
        return anchor.year - 1
    return anchor.year


def guess_year(month: int, day: int, text: str, lang: str, after: int) -> tuple[int, str]:
    """A year for a date written without one, when nothing dates the page: ``(year, how)``."""
    for year, _ in find_full_dates(text, lang):
        return year, "another date in the text"
    now = _dates.today()  # through the module, so that tests can freeze it
    weekday = weekday_named_near(text, after, lang)
    if weekday is not None:
        for year in range(now.year, now.year - 12, -1):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                continue
            if candidate <= now and candidate.weekday() == weekday:
                return year, "the weekday named in the lead"
    year = now.year
    try:
        if dt.date(year, month, day) > now:
            year -= 1
    except ValueError:
        year -= 1
    return year, "the most recent such day"
