"""Reading dates, always in an explicit language.

The common wire shapes ("2 aprile 2022", "Aug 17", "20 OTT") are read with
babel's month names (CLDR), which load in milliseconds; anything else goes to
dateparser, which costs a second of regex compilation on first use and about
a millisecond per short string after, so callers hand it candidates found by
cheap patterns, and results are cached.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["parse_day_month", "find_full_dates", "weekday_named_near", "month_names", "weekday_names", "today",
           "FULL_DATE", "FULL_DATE_WITH_TIME", "DAY_MONTH", "DAY_FIRST", "MONTH_FIRST", "ISO_DAY",
           "ORDINAL", "EN_ORDINAL", "MONTH_WORD", "YEAR"]

_SETTINGS = {"REQUIRE_PARTS": ["day", "month"], "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
_YEAR = re.compile(r"(?<!\d)(1[89]\d{2}|20\d{2})(?!\d)")
# The pieces every written-date pattern of the structure layer is made of.
ORDINAL = r"(?:st|nd|rd|th|er|º|°)"  # after a day: 1st, 1er, 1º
EN_ORDINAL = r"(?:st|nd|rd|th)"  # after a day that follows its month: April 9th
MONTH_WORD = r"[^\W\d_]{3,12}"  # a month's name or abbreviation, in any script
YEAR = r"(?:1[89]|20)\d{2}"
_PARTICLE = r"(?:de\s+|del\s+)"  # Spanish and Portuguese "3 de marzo de 2024"
_YEAR_AFTER = rf"(?:\s+{_PARTICLE}?{YEAR})?"

# A date written with its year.
FULL_DATE = re.compile(
    r"(?<![\w.])(?:"
    rf"\d{{1,2}}{ORDINAL}?\.?\s+{MONTH_WORD}\.?,?\s+{_PARTICLE}?{YEAR}"
    rf"|{MONTH_WORD}\.?\s+\d{{1,2}}{EN_ORDINAL}?,\s*{YEAR}"
    rf"|\d{{1,2}}\s+de\s+{MONTH_WORD}\.?\s+{_PARTICLE}?{YEAR}"
    rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]{YEAR}"
    rf"|{YEAR}-\d{{2}}-\d{{2}}"
    r")(?!\d)"
)
# A day and month, the year optional, as a sentence writes it ("oggi, 9 aprile", "today, April 9").
DAY_MONTH = re.compile(
    rf"(?<![\w.])(?:\d{{1,2}}{ORDINAL}?\.?\s+(?:de\s+)?{MONTH_WORD}\.?(?:,?\s+(?:de\s+)?{YEAR})?"
    rf"|{MONTH_WORD}\.?\s+\d{{1,2}}{EN_ORDINAL}?(?:,\s*{YEAR})?)(?![\w])"
)
# A date in running text, the year optional, with no comma needed before it: the
# candidates an event's date is read from ("il 24 febbraio", "3 de marzo de 2024", "April 9th").
DAY_FIRST = re.compile(rf"(?<![\w.])\d{{1,2}}{ORDINAL}?\.?\s+(?:de\s+)?{MONTH_WORD}\.?{_YEAR_AFTER}(?!\d)")
MONTH_FIRST = re.compile(rf"(?<![\w.]){MONTH_WORD}\.?\s+\d{{1,2}}{EN_ORDINAL}?(?:,?\s+{YEAR})?(?!\d)")
# An ISO day, its year, month and day captured ("2024-04-09").
ISO_DAY = re.compile(rf"(?<!\d)({YEAR})-(\d{{2}})-(\d{{2}})(?!\d)")
# A full date with the clock time a page stamp often carries ("20 September 2021, 21:16").
FULL_DATE_WITH_TIME = re.compile(
    rf"(?:{FULL_DATE.pattern})(?:,?\s*(?:-|alle|à|um|a las|в|at)?\s*\d{{1,2}}[:.h]\d{{2}}(?::\d{{2}})?(?:\s*(?:Uhr|h|[AaPp]\.?[Mm]\.?))?)?"
)


def today():
    """The machine's date. Every guess that needs "now" asks here, so tests can freeze it."""
    import datetime as dt

    return dt.date.today()


@lru_cache(maxsize=8)
def _parser(lang: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings=_SETTINGS)


_DAY_MONTH = re.compile(r"^(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)\.?(?:\s+(?P<year>\d{4}))?$")
_MONTH_DAY = re.compile(r"^(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:\s+(?P<year>\d{4}))?$")


@lru_cache(maxsize=16)
def month_names(lang: str) -> dict[str, int]:
    """Every wide and abbreviated month name of ``lang``, lower case, without a final period: its number."""
    try:
        from babel.dates import get_month_names

        names = {}
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=lang).items():
                    names[name.lower().rstrip(".")] = number
        return names
    except Exception:  # babel has no locale for this code
        return {}


_NUMERIC = re.compile(r"^(?P<a>\d{1,4})[./-](?P<b>\d{1,2})[./-](?P<c>\d{2,4})$")
# Spanish and Portuguese write "3 de marzo de 2024"; the particles carry no date.
_PARTICLES = re.compile(r"(?<=\s)(?:de|del)\s+", re.I)


def _numeric(cleaned: str) -> tuple[int, int, int | None] | None:
    """``12.06.2023``, ``12-06-2023``, ``2023-06-12``: day first, as in every language here
    but US English, whose ``06/12/2023`` is read month first only where day-first is impossible."""
    match = _NUMERIC.match(cleaned)
    if match is None:
        return None
    a, b, c = (int(match.group(k)) for k in "abc")
    if len(match.group("a")) == 4:
        year, month, day = a, b, c
    elif len(match.group("c")) == 4:
        day, month, year = a, b, c
        if month > 12 and day <= 12:
            day, month = month, day
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return month, day, year


def _fast_parse(cleaned: str, lang: str) -> tuple[int, int, int | None] | None:
    numeric = _numeric(cleaned)
    if numeric is not None:
        return numeric
    cleaned = _PARTICLES.sub("", cleaned)
    match = _DAY_MONTH.match(cleaned) or _MONTH_DAY.match(cleaned)
    if match is None:
        return None
    month = month_names(lang).get(match.group("month").lower())
    day = int(match.group("day"))
    if month is None or not 1 <= day <= 31:
        return None
    year = match.group("year")
    return month, day, int(year) if year else None


@lru_cache(maxsize=4096)
def parse_day_month(text: str, lang: str) -> tuple[int, int, int | None] | None:
    """``(month, day, year or None)`` of a written date, or None if it is not one."""
    cleaned = " ".join(text.replace(",", " ").split()).rstrip(".")
    cleaned = re.sub(rf"(?<=\d){ORDINAL}\b", "", cleaned)
    cleaned = re.sub(r"^(\d{1,2})\.\s", r"\1 ", cleaned)
    fast = _fast_parse(cleaned, lang)
    if fast is not None:
        return fast
    try:
        data = _parser(lang).get_date_data(cleaned)
    except Exception:  # dateparser has no language data for some codes
        try:
            data = _parser("en").get_date_data(cleaned)
        except Exception:
            return None
    if data is None or data.date_obj is None or data.period != "day":
        return None
    year = _YEAR.search(cleaned)
    return data.date_obj.month, data.date_obj.day, int(year.group(1)) if year else None


def find_full_dates(text: str, lang: str) -> Iterator[tuple[int, str]]:
    """``(year, ISO date)`` of every date written with its year, in order."""
    for match in FULL_DATE.finditer(text):
        parsed = parse_day_month(match.group(0), lang)
        if parsed and parsed[2]:
            month, day, year = parsed
            try:
                import datetime as dt

                yield year, dt.date(year, month, day).isoformat()
            except ValueError:
                continue


@lru_cache(maxsize=32)
def weekday_names(lang: str) -> dict[str, int]:
    """Every wide weekday name of ``lang``, lower case: its number (0 = Monday); empty without locale data."""
    try:
        from babel.dates import get_day_names

        names = get_day_names("wide", locale=lang)
    except Exception:  # babel has no locale for this code
        return {}
    return {name.lower(): day for day, name in names.items()}


@lru_cache(maxsize=32)
def _weekday_pattern(lang: str):
    days = weekday_names(lang)
    if not days:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(days, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alternatives})(?!\w)"), days


def weekday_named_near(text: str, offset: int, lang: str, window: int = 300) -> int | None:
    """The weekday (0 = Monday) named in the sentence after ``offset``, if one is."""
    compiled = _weekday_pattern(lang)
    if compiled is None:
        return None
    pattern, days = compiled
    lead = text[offset:offset + window].split("\n", 1)[0].lower()
    match = pattern.search(lead)
    return days[match.group(1)] if match else None
