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
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from ...errors import Errors
from ...record import Dateline
from ...resources.places import place_index
from ...resources.wires import load_wires
from .article_date import DateAnchor, find_text_anchors, guess_year, iso_anchor, url_date, year_for
from .dates import EN_ORDINAL, FULL_DATE, MONTH_WORD, ORDINAL, parse_day_month
from ..text import lines, doc_text

__all__ = ["DatelineFinder", "find_dateline"]

_SEARCH_LINES = 8
_SEARCH_CHARS = 900
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ"
_WORD = rf"[{_UPPER}][\w'’]*(?:-[\w'’]+)*"
_CONNECTOR = r"(?:de|del|della|di|da|do|du|des|la|le|el|am|an|im|upon|on|sur|sul|sull'|dos|das)"
_PLACE = rf"(?P<place>{_WORD}(?:\s+(?:{_CONNECTOR}\s+)?{_WORD}){{0,3}})"
_DASH = r"[-–—]{1,2}"
# Any four digits are a year here: the date is bounded by the dateline around it.
_DATE = (
    r"(?P<date>"
    rf"\d{{1,2}}\s+de\s+{MONTH_WORD}(?:\s+de\s+\d{{4}})?"
    rf"|\d{{1,2}}{ORDINAL}?\.?\s+{MONTH_WORD}\.?(?:\s+\d{{4}})?"
    rf"|{MONTH_WORD}\.?\s+\d{{1,2}}{EN_ORDINAL}?(?:,?\s+\d{{4}})?"
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
        self.resources = tuple(resources)
        self.wire_names = {str(alias): wire["name"] for wire in load_wires(self.resources)
                           for alias in wire.get("aliases", [])}

    def __call__(self, doc: Doc) -> Doc:
        context = doc._.context
        found = find_dateline(doc_text(doc), context.body_start, self.lang, self.wire_names)
        dateline, date_text = found if found is not None else (None, None)
        skip = (dateline.start - 1, dateline.end) if dateline is not None else None
        anchors = find_text_anchors(doc_text(doc), context.body_start, self.lang, skip, self.resources)
        article = context.article
        outside = [a for a in (url_date(article.url), iso_anchor("metadata", getattr(article, "metadata_date", None)),
                               iso_anchor("published", context.published)) if a is not None]
        written = _dateline_anchor(dateline, date_text, self.lang)
        dated = self._date(doc, written, anchors, outside)
        if dateline is not None:
            dateline.date_text = written.text if written is not None else None
            if dated is not None:
                dateline.date, dateline.date_source, dateline.year_guessed = dated
            doc._.dateline = dateline
        elif dated is not None:
            doc._.article_date = _placeless(dated, [a for a in anchors if a.source == dated[1]])
        day = doc._.dateline.date if doc._.dateline is not None else None
        day = day or (doc._.article_date.date if doc._.article_date is not None else None)
        context.reference_date = day or (context.published[:10] if context.published else None)
        return doc

    def _date(self, doc: Doc, written: DateAnchor | None, anchors: list[DateAnchor],
              outside: list[DateAnchor]) -> tuple[str, str, bool] | None:
        """``(ISO date, source, year guessed)`` of the best anchor, or None."""
        context = doc._.context
        candidates = ([written] if written is not None else []) + anchors + outside
        for anchor in candidates:
            if anchor.month is None or anchor.day is None:
                continue
            if anchor.iso:
                return anchor.iso, anchor.source, False
            for other in anchors + outside:
                year = year_for(anchor.month, anchor.day, other) if other.iso or other.source == "url" else None
                if year is not None:
                    return _iso(year, anchor), anchor.source, False
            year, how = guess_year(anchor.month, anchor.day, doc_text(doc), self.lang, anchor.end)
            context.warnings.append(Errors.W003.format(year=year, how=how))
            return _iso(year, anchor), "guessed", True
        return None


def _iso(year: int, anchor: DateAnchor) -> str | None:
    try:
        return dt.date(year, anchor.month, anchor.day).isoformat()
    except ValueError:
        return None


def _dateline_anchor(dateline: Dateline | None, date_text: str | None, lang: str) -> DateAnchor | None:
    if dateline is None or not date_text:
        return None
    parsed = parse_day_month(date_text, lang)
    if parsed is None:
        return None
    month, day, year = parsed
    return DateAnchor("dateline", month, day, year, date_text, dateline.start, dateline.end)


def _placeless(dated: tuple[str, str, bool], written: list[DateAnchor]) -> Dateline:
    """The article's date where no dateline opens the text: its span is the words that
    gave it, or empty at 0 where it came from outside the text (URL, metadata, user)."""
    date, source, guessed = dated
    where = written[0] if written else None
    return Dateline(place=None, date=date, date_source=source, year_guessed=guessed,
                    date_text=where.text if where else None,
                    start=where.start if where else 0, end=where.end if where else 0)


def find_dateline(text: str, body_start: int, lang: str, wire_names: dict[str, str]) -> tuple[Dateline, str | None] | None:
    """The first dateline in the opening lines of the body, with its date as written."""
    for offset, line in islice(lines(text, body_start, body_start + _SEARCH_CHARS), _SEARCH_LINES):
        found = _match_line(line, lang, wire_names) or match_pipe_line(line, lang, wire_names)
        if found is not None:
            start, end, place, date_text = found
            return Dateline(place=place, country=_country(place), start=offset + start, end=offset + end), date_text
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
    if end is None and not _ends_without_dash(line, cursor, date_text):
        return None
    if end is not None and end.end() >= len(line.rstrip()) and not (date_text and cursor >= len(line.rstrip()) - 1):
        return None
    if not (date_text or agency or _country(place) or (place.isupper() and len(place) >= 3)):
        return None
    return place_start, cursor, place, date_text


_NEXT_SENTENCE = re.compile(rf"\s+[{_UPPER}«\"“„(]")


def _ends_without_dash(line: str, cursor: int, date_text: str | None) -> bool:
    """``Vilnius, 4 giu. Il presidente…``: a date ending in an abbreviation's dot, then the
    lead sentence, or ``Roma, 4 giugno 2024`` alone on its line."""
    if not date_text:
        return False
    rest = line[cursor:]
    if not rest.strip():
        return True
    return line[cursor - 1] == "." and _NEXT_SENTENCE.match(rest) is not None


def match_pipe_line(line: str, lang: str, wire_names: dict[str, str]):
    """``Agency | New Delhi | Updated: 12-06-2023``: a dateline set as cells of one line.
    Returns ``(place start, end, place, date text)`` or None."""
    if line.count("|") < 1 or len(line) > 160:
        return None
    place = date_text = None
    cursor = 0
    for cell in line.split("|"):
        start = cursor + len(cell) - len(cell.lstrip())
        cursor += len(cell) + 1
        value = cell.strip()
        if place is None and _country(value) and value not in wire_names:
            place = (start, value)
            continue
        dated = FULL_DATE.search(value)
        if date_text is None and dated and parse_day_month(dated.group(0), lang):
            date_text = dated.group(0)
    if place is None:
        return None
    return place[0], len(line.rstrip()), place[1], date_text


@lru_cache(maxsize=4096)
def _country(place: str) -> str | None:
    return place_index().lookup(place)


@Language.factory(
    "dispacci_dateline",
    assigns=["doc._.dateline", "doc._.article_date"],
    requires=["doc._.context"],
    default_config={"resources": []},
)
def make_dateline_finder(nlp: Language, name: str, resources: list[str]):
    return DatelineFinder(nlp, name, tuple(resources))
