"""The final CAMEO code of an event and a target the conventions supply.

A meeting's code depends on where it happens (``meet``); an act the actor states as
its own intent is coded as that intent (``intent_codes``); a protest with no named
target addresses a government (``government_target``). All three read
``events/conventions.yaml``.
"""
from __future__ import annotations

from typing import Callable

from ...record import EventActor
from .sides import same_actor

__all__ = ["government_of", "intent_code", "meet_code"]


def meet_code(rule: dict, code: str, location, sources, targets, sidelines: Callable[[], bool]) -> str:
    """A "meet" cue by place: on the sidelines of a gathering or in neither side's country
    a third place (044), in the target's country a visit (042), in the source's a host
    (043), with no place known a plain meeting (040)."""
    if code != "meet":
        return code
    if sidelines():
        return rule["third_place"]
    if location is None or not location.country:
        return rule["unknown_place"]
    source_countries = {s.country for s in sources}
    target_countries = {t.country for t in targets if t is not None}
    if location.country in target_countries and location.country not in source_countries:
        return rule["at_target"]
    if location.country in source_countries and location.country not in target_countries:
        return rule["at_source"]
    return rule["third_place"]


def intent_code(code: str, table: dict[str, str], hypothetical: bool) -> tuple[str, bool]:
    """The intent an intended act states (``intent_codes``, longest prefix first): the intent
    itself is what happened, so it is no longer hypothetical."""
    for size in range(len(code), 1, -1):
        intent = table.get(code[:size])
        if intent:
            return intent, False
    return code, hypothetical


def government_of(resolver, source: EventActor, location) -> EventActor | None:
    """The government a protest with no named target addresses: of the country where it
    happens, else of the protesters' own; none where that is the source itself."""
    country = (location.country if location is not None else None) or source.country
    if not country:
        return None
    government = EventActor(name=resolver.country_name(country), actor=country, country=country,
                            code=resolver.country_code(country) + "GOV")
    return None if same_actor(source, government) else government
