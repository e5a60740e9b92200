"""From a group of mentions to event actors with CAMEO actor codes.

Codes come from the actor base (``RUSGOV`` for Putin in 2022, the organisation's
own code, the country's code for a country); without one, from the country.
"""
from __future__ import annotations

from ...record import Entity, EventActor
from .actors import Group

__all__ = ["ActorResolver"]


class ActorResolver:
    def __init__(self, resources: tuple[str, ...] = (), actors: tuple[str, ...] = ()):
        self._actors = None
        self._demonyms: dict[str, dict[str, str]] = {}
        self._files, self._dirs = tuple(actors), tuple(resources)

    def resolve(self, group: Group, entities, date: str | None) -> list[EventActor]:
        """The actors a group names: a person, organisation or country; a role with a
        demonym is the last-named person of that country, else its government; a bare
        role ("der Kanzler") the article's protagonist; a pair ("i due leader") its two."""
        head = group.head
        if group.pair:
            people = self.protagonists(entities)
            return [self.actor_of(p, date) for p in people[:2]]
        if head is not None and head.kind == "person":
            return [self.actor_of(head, date)]
        if group.agent and (head is None or head.kind == "country"):
            return [self.agent_of(group)]
        if head is None or (head.kind == "country" and group.roles):
            country = group.country
            if country:
                person = self.person_of(entities, country, group.start)
                if person is not None:
                    return [self.actor_of(person, date)]
                return [EventActor(name=self.country_name(country), actor=country, country=country,
                                   code=self.country_code(country) + "GOV")]
            people = self.protagonists(entities)
            return [self.actor_of(people[0], date)] if people else []
        return [self.actor_of(head, date)]

    def agent_of(self, group: Group) -> EventActor:
        """A generic agent: its country's code and its agent code ("Israeli police": ISRCOP);
        a country's government is the country itself, as a role with a demonym is."""
        country = group.country or group.agent_country
        prefix = self.country_code(country) if country else ""
        if group.agent == "GOV" and country:
            return EventActor(name=self.country_name(country), actor=country, country=country, code=prefix + "GOV")
        return EventActor(name=group.text or None, actor=None, country=country, code=prefix + group.agent)

    def protagonists(self, entities) -> list[Entity]:
        seen, people = set(), []
        for _, _, entity in entities:
            key = entity.actor or entity.canonical or entity.text
            if entity.kind == "person" and key not in seen:
                seen.add(key)
                people.append(entity)
        return people

    def person_of(self, entities, country: str, before: int) -> Entity | None:
        match = None
        for start, _, entity in entities:
            if start >= before:
                break
            if entity.kind == "person" and entity.country == country:
                match = entity
        return match

    def actor_of(self, entity: Entity, date: str | None) -> EventActor:
        code = None
        base = self.base()
        if base is not None and entity.actor:
            try:
                code = base.cameo_code(entity.actor, date)
            except Exception:  # an actor id the base does not know
                code = None
        if code is None and entity.country:
            code = self.country_code(entity.country) + ("GOV" if entity.roles else "")
        return EventActor(name=entity.canonical or entity.text, actor=entity.actor, country=entity.country, code=code)

    def capital_of(self, entity: Entity) -> str | None:
        """The country whose capital the place ``entity`` is ("Mosca": RUS), else ``None``."""
        base = self.base()
        if entity.kind != "location" or entity.actor or not entity.country or base is None:
            return None
        country = base.country(entity.country)
        capital = country.capital if country is not None else None
        if capital is None:
            return None
        names = {capital.name, *(form for forms in capital.aliases.values() for form in forms)}
        return country.id if entity.canonical in names or entity.text in names else None

    def demonyms(self, lang: str) -> dict[str, str]:
        """Lowercased demonym forms of ``lang`` (and of any language) → the country's code."""
        table = self._demonyms.get(lang)
        if table is None:
            base, table = self.base(), {}
            countries = base.countries() if base is not None else []
            names = {form.lower() for country in countries for key in (lang, "any")
                     for form in country.names.get(key, [])}  # "Ucraina" is a name, "ucraina" an adjective too
            for country in countries:
                for key in (lang, "any"):
                    for form in country.demonyms.get(key, []):
                        if form.lower() not in names:
                            table.setdefault(form.lower(), country.id)
            self._demonyms[lang] = table
        return table

    def base(self):
        if self._actors is None:
            try:
                from ...resources.actors import load_actor_base

                self._actors = load_actor_base(self._files, self._dirs)
            except Exception:  # no actor base installed: codes from countries alone
                self._actors = False
        return self._actors or None

    def country_code(self, iso3: str) -> str:
        base = self.base()
        country = base.country(iso3) if base is not None else None
        return (country.cameo or country.id) if country is not None else iso3

    def country_name(self, iso3: str) -> str:
        base = self.base()
        country = base.country(iso3) if base is not None else None
        return country.name if country is not None else iso3
