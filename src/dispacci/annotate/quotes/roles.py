"""Roles that stand for a person named elsewhere: "il capo della diplomazia italiana", "der Kanzler".

The person is the most recent one mentioned who holds that office (from the actor base, on the
article's date) or is of the country the role names; a mixin of ``SpeakerResolver``.
"""
from __future__ import annotations

import bisect
import re

__all__ = ["RoleReader"]

_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")


class RoleReader:
    def _role(self, s, start: int, end: int, position: int) -> tuple[str, str | None] | None:
        """"il capo della diplomazia italiana", "der Kanzler": the person named before who fits."""
        countries = self._role_countries(s, start, end)
        offices = self._offices(s, start, end)
        for country in (c for _, c in offices if c):
            countries.add(country)
        candidates = [e for e in reversed(s.entities[:bisect.bisect_left(s.entity_starts, position)])
                      if e.kind == "person" and e.end <= position]
        if offices and self.base is not None:
            for entity in candidates:
                if entity.actor and self._holds(s, entity.actor, offices, countries):
                    return (entity.canonical or entity.text, entity.actor)
            holders = {p.id: p for office, country in offices if (country or countries) and s.date
                       for p in self.base.holders(office, country or next(iter(countries)), on=s.date)}
            if len(holders) == 1:
                person = next(iter(holders.values()))
                return person.name, person.id
        if countries:
            for entity in candidates:
                if entity.country in countries:
                    return (entity.canonical or entity.text, entity.actor)
            return None
        return self._current_subject(s, position)

    def _role_countries(self, s, start: int, end: int) -> set[str]:
        """Countries qualifying a role noun: "presidente russo", "presidente del Kazakistan",
        "der russische Präsident" — not any country the clause mentions."""
        countries: set[str] = set()
        if self.roles_re is None:
            return countries
        nations = [e for e in self._between(s, start, end) if e.kind == "country" and e.country]
        for role in self.roles_re.finditer(s.text, start, end):
            for nation in nations:
                if nation.start >= role.end():
                    gap = _TOKEN.findall(s.text, role.end(), nation.start)
                    if len(gap) <= 2 and all(len(w) <= 5 and w.islower() for w in gap):
                        countries.add(nation.country)
                elif nation.end <= role.start() and not s.text[nation.end:role.start()].strip():
                    countries.add(nation.country)
        return countries

    def _offices(self, s, start: int, end: int) -> list[tuple[str, str | None]]:
        base = self.base
        if base is None:
            return []
        try:
            table = base.surfaces(self.lang)
        except Exception:  # noqa: BLE001 - an incomplete actor base: no office cues
            return []
        tokens = [m.group() for m in _TOKEN.finditer(s.text, start, end)]
        found = []
        for size in (4, 3, 2, 1):
            for i in range(len(tokens) - size + 1):
                for tag, ident, extra in table.get(" ".join(tokens[i:i + size]), ()):
                    if tag == "office" and (ident, extra) not in found:
                        found.append((ident, extra))
        return found

    def _holds(self, s, actor: str, offices, countries: set[str]) -> bool:
        try:
            if s.date:
                roles = self.base.roles_on(actor, s.date)
            else:  # undated article: any role the person has held
                person = self.base.get(actor)
                roles = getattr(person, "roles", [])
        except Exception:  # noqa: BLE001
            return False
        wanted = {office for office, _ in offices}
        return any(r.office in wanted and (not countries or r.country in countries or r.country is None)
                   for r in roles)
