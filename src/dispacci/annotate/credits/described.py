"""Institutions named only by a description, and the spokespeople who speak for one.

"les services du Premier ministre", "l'ufficio del premier greco", "the Greek prime
minister's office", "пресс-служба президента": an officeholder's office, read with the
office words of the actor base (``offices.yaml``) and the staff nouns of
``cues/credits.yaml``. "il portavoce del governo", "der Regierungssprecher",
"пресс-секретарь президента России", "la portavoce di Palazzo Chigi", "a Kremlin
spokesman": a spokesperson, whose institution is credited with the spokesperson as the
step before it in the chain. The office is resolved to the institution the actor base
says speaks for it in that country (``seat_of``: Palazzo Chigi for the Italian premier),
else named "Office of the Prime Minister of Greece" and linked to whoever held the office
on the article's date, else left without an actor. A spokesperson the article names, or
who stands in apposition to a name, is a person, and people are not credits.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc

from ...record import Entity
from ..text import phrase_pattern
from .found import Found

__all__ = ["DescribedSources"]

_GOVERNMENT = "government"
_NEAR = 40  # characters looked at around an institution's name for a spokesperson word
_POSSESSIVE = 3  # index of the "the prime minister's office" pattern


def _alternation(phrases) -> str:
    """Longest first; a lowercase phrase also matches capitalised ("Il Presidente")."""
    parts = []
    for phrase in sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True):
        pattern = phrase_pattern(phrase)
        parts.append(f"(?i:{pattern})" if phrase == phrase.lower() else pattern)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


class DescribedSources:
    """Finds described institutions and spokespeople; ``credited(doc, text, start, end)``
    says whether a span is named as the source of the information."""

    def __init__(self, lang: str, cues, press_prefixes: list[str]):
        self.lang = lang
        self.cues = cues
        self.press_prefixes = press_prefixes
        self.base = None
        self.patterns: list[re.Pattern] = []

    # -- patterns, built once from the actor base's office words -----------------------------
    def _compile(self, base) -> None:
        self.base = base
        wanted = set(self.cues("described_offices"))
        self.office_of: dict[str, str] = {}
        for key, office in base.offices.items():
            if key not in wanted:
                continue
            for cue in [*office.cues.get("any", []), *office.cues.get(self.lang, [])]:
                self.office_of.setdefault(cue.casefold(), key)
        spokes = base.offices.get("spokesperson")
        spokes_cues = [*spokes.cues.get("any", []), *spokes.cues.get(self.lang, [])] if spokes else []
        connectors = base.word_list("connectors", self.lang)
        conn = r"(?:" + _alternation(connectors) + r"(?:\s+|(?<=['’])))*" if connectors else ""
        office = _alternation(self.office_of)
        government = _alternation(self.cues("government"))
        # one word may stand before the office: the country's adjective ("the Greek prime minister")
        target = rf"(?:(?P<pre>[^\W\d_][\w-]*)\s+)?(?P<target>{office}|(?P<gov>{government}))(?!\w)"
        self.spokes = _alternation(spokes_cues)
        staff, press = _alternation(self.cues("office_staff")), _alternation(self.press_prefixes)
        self.patterns = [
            re.compile(rf"(?<!\w)(?P<press>{press})\s*{conn}{target}"),
            re.compile(rf"(?<!\w)(?P<staff>{staff})\s+{conn}{target}"),
            re.compile(rf"(?<!\w)(?P<spokes>{self.spokes})\s+{conn}{target}"),
            # "the Greek prime minister's office", "the government's spokesman", "a government spokesman"
            re.compile(rf"(?<!\w){target}['’]s\s+(?:(?P<staff>{staff})|(?P<spokes>{self.spokes}))(?!\w)"),
            re.compile(rf"(?<!\w)(?P<target>(?P<gov>{government}))\s+(?P<spokes>{self.spokes})(?!\w)"),
            re.compile(rf"(?<!\w)(?P<spokes>(?P<target>(?P<gov>{_alternation(self.cues('government_spokesperson'))})))(?!\w)"),
        ]
        self.connectors = {c.casefold().rstrip("'’") for c in connectors}
        # what follows an office word: "del club", "of the region" make it another body's office
        self.owner_after = re.compile(rf"\s+(?:{_alternation(connectors)}(?:\s+|(?<=['’])))+(?P<owner>[^\W\d_])") \
            if connectors else None
        self.spokes_before = re.compile(rf"(?<!\w)(?P<spokes>{self.spokes})\s+{conn}$")
        self.spokes_after = re.compile(rf"\s+(?P<spokes>{self.spokes})(?!\w)")  # used with .match

    # -- finding ---------------------------------------------------------------------------------
    def find(self, doc: Doc, text: str, base, credited: Callable[[Doc, str, int, int], bool],
             in_body: Callable[[int, int], bool]) -> list[Found]:
        if base is None:
            return []
        if self.base is not base:
            self._compile(base)
        entities = doc._.entities or []
        day = _article_day(doc)
        found: list[Found] = []
        taken: list[tuple[int, int]] = []
        possessive = "'s " in text or "’s " in text
        for number, pattern in enumerate(self.patterns):
            if number == _POSSESSIVE and not possessive:
                continue  # the costliest pattern, for a shape only English writes
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(a < end and start < b for a, b in taken) or not in_body(start, end):
                    continue
                if any(e.kind == "organization" and e.start < end and start < e.end for e in entities):
                    continue  # an institution the entities layer named: credited as such

                item = self._described(doc, text, match, entities, day)
                if item is None or not credited(doc, text, start, end):
                    continue
                taken.append((start, end))
                found.append(item)
        return found

    def spokesperson_of(self, doc: Doc, text: str, entity: Entity, base) -> tuple[int, int, bool] | None:
        """The span "portavoce di Palazzo Chigi" / "Kremlin spokesman" around an institution's
        name, and whether the spokesperson is a person the article names."""
        if base is None:
            return None
        if self.base is not base:
            self._compile(base)
        before = self.spokes_before.search(text, max(0, entity.start - _NEAR), entity.start)
        after = self.spokes_after.match(text, entity.end, min(len(text), entity.end + _NEAR))
        if before is None and after is None:
            return None
        start = before.start() if before else entity.start
        end = after.end() if after else entity.end
        return start, end, self._names_the_spokesperson(doc, text, start, end, entity.actor, entity.country, _article_day(doc))

    # -- resolving ---------------------------------------------------------------------------------
    def _described(self, doc: Doc, text: str, match: re.Match, entities, day) -> Found | None:
        start, end = match.span()
        target_start, target_end = match.span("target")
        office = _GOVERNMENT if match.group("gov") else self.office_of.get(_squeeze(match.group("target")).casefold())
        if office is None:
            return None
        groups = match.groupdict()
        if groups.get("pre"):
            # the word before the office must be its country ("the Greek prime minister"), not "the former"
            pre_start = match.start("pre")
            named = next((e for e in entities if e.kind == "country" and e.start <= pre_start < e.end), None)
            if named is None:
                return None
            country, person, last = named.country, False, end
        else:
            country, person, last = self._country(doc, text, entities, target_start, target_end, office)
        if person:
            return None  # "l'ufficio del premier Mitsotakis", "…del presidente della Regione": not a described source
        end = max(end, last)
        name, actor = self._institution(office, country, day)
        if groups.get("spokes"):
            if self._names_the_spokesperson(doc, text, start, end, actor, country, day):
                return None
            return Found(name, "origin", start, end, actor, via=f"{name} spokesperson")
        if groups.get("press"):
            return Found(f"{name} press service", "origin", start, end, actor)
        return Found(name, "origin", start, end, actor)

    def _country(self, doc, text, entities, start, end, office) -> tuple[str | None, bool, int]:
        """The country the office belongs to: a demonym or name after it ("premier greco",
        "президента России", "of Greece"), a cue that names it ("Bundeskanzler"), else the
        dateline's; whether the office is someone else's (a person's name or another body
        follows it); where the words naming the office end."""
        for entity in entities:
            if not 0 <= entity.start - end <= 25:
                continue
            between = text[end:entity.start]
            if between.strip(" \t,") and not self._only_connectors(between):
                continue
            if entity.kind == "person":
                return entity.country, True, entity.end
            if entity.kind == "country":
                return entity.country, False, entity.end
        owner = self.owner_after.match(text, end) if self.owner_after else None
        if owner is not None and not any(e.kind == "country" and e.start == owner.start("owner") for e in entities):
            return None, True, end  # "l'ufficio del presidente della Regione": another body's office
        national = self.base.offices[office].national_cues if office in self.base.offices else {}
        cue = _squeeze(text[start:end])
        if cue in national:
            return national[cue], False, end
        dateline = doc._.dateline
        return (dateline.country if dateline is not None and dateline.place else None), False, end

    def _only_connectors(self, between: str) -> bool:
        words = re.split(r"[\s'’]+", between.strip().casefold())
        return all(w in self.connectors for w in words if w)

    def _institution(self, office: str, country: str | None, day) -> tuple[str, str | None]:
        base = self.base
        seat = base.seat(office, country)
        if seat is not None:
            return seat.name, seat.id
        owner = base.country(country)
        if office == _GOVERNMENT:
            return (f"Government of {owner.name}" if owner else "Government"), None
        label = base.offices[office].label
        if owner is None:
            return f"Office of the {label}", None
        holders = base.holders(office, country, on=day)
        return f"Office of the {label} of {owner.name}", holders[0].id if len(holders) == 1 else None

    def _names_the_spokesperson(self, doc, text, start, end, institution, country, day) -> bool:
        """A name in apposition ("Regierungssprecher Steffen Hebestreit", "Peskov, the Kremlin
        spokesman"), or anyone in the article who held that spokesperson's post on the day."""
        for entity in doc._.entities or []:
            if entity.kind != "person":
                continue
            if 0 <= entity.start - end <= 3 and not text[end:entity.start].strip(" ,"):
                return True
            if 0 <= start - entity.end <= 3 and not text[entity.end:start].strip(" ,"):
                return True
            for role in self.base.roles_on(entity.actor, day) if entity.actor else ():
                if role.office == "spokesperson" and (
                        (institution and role.org == institution) or (not role.org and country and role.country == country)):
                    return True
        return False


def _squeeze(words: str) -> str:
    return re.sub(r"\s+", " ", words.strip())


def _article_day(doc: Doc) -> str | None:
    dateline = doc._.dateline
    if dateline is not None and dateline.date:
        return dateline.date
    dated = getattr(doc._, "article_date", None)
    return getattr(dated, "date", None)
