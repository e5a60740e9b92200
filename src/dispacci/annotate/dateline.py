"""Dateline: the place and date that open a dispatch.

Recognises the shapes wire copy uses: ``Mosca, 2 aprile 2022 –``,
``(ANSA) - ROMA, 16 NOV -``, ``WASHINGTON (Reuters) -``,
``NUR-SULTAN. September 20. KAZINFORM -``, ``МОСКВА, 2 апреля. /ТАСС/.``,
``Europa Press/Madrid -``. The date is read by dateparser in the article's
language; a missing year comes from the publication date, another full date
in the text, or the most recent such day, and a warning says so.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..record import Dateline
from ..resources.places import place_index
from ..resources.wires import load_wires
from .dates import find_full_dates, parse_day_month, weekday_named_near

__all__ = ["DatelineFinder", "find_dateline"]

_SEARCH_LINES = 8
_SEARCH_CHARS = 900
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ"
_WORD = rf"[{_UPPER}][\w'’]*(?:-[\w'’]+)*"
_CONNECTOR = r"(?:de|del|della|di|da|do|du|des|la|le|el|am|an|im|upon|on|sur|sul|sull'|dos|das)"
_PLACE = rf"(?P<place>{_WORD}(?:\s+(?:{_CONNECTOR}\s+)?{_WORD}){{0,3}})"
_DASH = r"[-–—]{1,2}"
_DATE = (
    r"(?P<date>"
    r"\d{1,2}(?:st|nd|rd|th|er|º|°)?\.?\s+[^\W\d_]{3,12}\.?(?:\s+\d{4})?"
    r"|[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r")"
)
_AGENCY_TAG = r"(?:\((?P<agency_paren>[^()\n]{2,40})\)|/(?P<agency_slash>[^/\n]{2,30})/)"
_HEAD = re.compile(
    rf"^[ \t]*(?:\((?P<agency_before>[^()\n]{{2,40}})\)\s*{_DASH}\s*|(?P<agency_prefix>[^\W\d_][\w .]{{1,30}}?)\s*/\s*)?"
    rf"{_PLACE}"
)
_HEAD_PLAIN = re.compile(rf"^[ \t]*{_PLACE}")
_PART = re.compile(rf"\s*[,.]?\s*(?:{_AGENCY_TAG}|{_DATE}|(?P<agency_caps>[{_UPPER}][{_UPPER}\-]{{2,}}(?:\s+[{_UPPER}]{{2,}})?)(?=\s*{_DASH}))")
_END = re.compile(rf"\s*(?:\.?\s*{_DASH}|\.(?=\s))\s*")
_YEAR = re.compile(r"\b(1[89]|20)\d{2}\b")


class DatelineFinder:
    def __init__(self, nlp: Language, name: str, resources: tuple[str, ...] = ()):
        self.lang = nlp.lang
        self.wire_names = {str(alias): wire["name"] for wire in load_wires(tuple(resources))
                           for alias in wire.get("aliases", [])}

    def __call__(self, doc: Doc) -> Doc:
        context = doc._.context
        found = find_dateline(doc.text, context.body_start, self.lang, self.wire_names)
        if found is None:
            if context.published:
                context.reference_date = context.published[:10]
            return doc
        dateline, date_text = found
        if date_text:
            self._date(doc, dateline, date_text)
        elif context.published:
            dateline.date = context.published[:10]
        else:
            stamp = _timestamp_before(doc.text, context.body_start, dateline.start, self.lang)
            if stamp:
                dateline.date = stamp
        doc._.dateline = dateline
        context.reference_date = dateline.date or (context.published[:10] if context.published else None)
        return doc

    def _date(self, doc: Doc, dateline: Dateline, date_text: str) -> None:
        context = doc._.context
        parsed = parse_day_month(date_text, self.lang)
        if parsed is None:
            return
        month, day, year = parsed
        dateline.date_text = date_text
        if year is None and context.published:
            year = _year_from_published(month, day, context.published)
        if year is None:
            year, how = _guess_year(month, day, doc.text, self.lang, dateline.end)
            dateline.year_guessed = True
            context.warnings.append(f"dateline year not written; {year} taken from {how}")
        try:
            dateline.date = dt.date(year, month, day).isoformat()
        except ValueError:
            context.warnings.append(f"dateline date {date_text!r} is not a real date")


def find_dateline(text: str, body_start: int, lang: str, wire_names: dict[str, str]) -> tuple[Dateline, str | None] | None:
    """The first dateline in the opening lines of the body, with its date as written."""
    offset = body_start
    for line in text[body_start:body_start + _SEARCH_CHARS].split("\n")[:_SEARCH_LINES]:
        found = _match_line(line, lang, wire_names)
        if found is not None:
            start, end, place, date_text = found
            return Dateline(place=place, country=_country(place), start=offset + start, end=offset + end), date_text
        offset += len(line) + 1
    return None


def _match_line(line: str, lang: str, wire_names: dict[str, str]):
    head = _HEAD.match(line)
    if head is None:
        return None
    if head.group("agency_prefix") and head.group("agency_prefix").strip() not in wire_names:
        head = _HEAD_PLAIN.match(line)
        if head is None:
            return None
    place = head.group("place")
    place_start = head.start("place")
    cursor = head.end("place")
    date_text = None
    groups = head.groupdict()
    agency = groups.get("agency_before") or groups.get("agency_prefix")
    while True:
        part = _PART.match(line, cursor)
        if part is None:
            break
        if part.group("date"):
            if date_text or parse_day_month(part.group("date"), lang) is None:
                break
            date_text = part.group("date")
        else:
            tag = part.group("agency_paren") or part.group("agency_slash") or part.group("agency_caps")
            if part.group("agency_caps") and tag not in wire_names and not tag.isupper():
                break
            agency = tag
        cursor = part.end()
    end = _END.match(line, cursor)
    if end is None or end.end() >= len(line.rstrip()):
        return None
    if not (date_text or agency or _country(place) or (place.isupper() and len(place) >= 3)):
        return None
    return place_start, cursor, place, date_text


@lru_cache(maxsize=4096)
def _country(place: str) -> str | None:
    return place_index().lookup(place)


def _year_from_published(month: int, day: int, published: str) -> int | None:
    """The year of the publication date, or the one before for a late-December
    dateline published in early January."""
    try:
        stamp = dt.date.fromisoformat(published[:10])
        candidate = dt.date(stamp.year, month, day)
    except ValueError:
        return None
    return stamp.year - 1 if (candidate - stamp).days > 2 else stamp.year


def _guess_year(month: int, day: int, text: str, lang: str, after: int):
    for year, _ in find_full_dates(text, lang):
        return year, "another date in the text"
    today = dt.date.today()
    weekday = weekday_named_near(text, after, lang)
    if weekday is not None:
        for year in range(today.year, today.year - 12, -1):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                continue
            if candidate <= today and candidate.weekday() == weekday:
                return year, "the weekday named in the lead"
    year = today.year
    try:
        if dt.date(year, month, day) > today:
            year -= 1
    except ValueError:
        year -= 1
    return year, "the most recent such day"


def _timestamp_before(text: str, body_start: int, limit: int, lang: str) -> str | None:
    """A date line set above the dateline by the web page ("20 September 2021, 21:16")."""
    for year, iso in find_full_dates(text[body_start:limit], lang):
        return iso
    return None


@Language.factory(
    "dispacci_dateline",
    assigns=["doc._.dateline"],
    default_config={"resources": []},
)
def make_dateline_finder(nlp: Language, name: str, resources: list[str]):
    return DatelineFinder(nlp, name, tuple(resources))
