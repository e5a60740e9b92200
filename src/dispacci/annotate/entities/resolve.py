"""Reading matched aliases in context: which actor, which kind, which role.

See ``component`` for the whole picture. ``Resolver`` works on one doc: it drops
matches in the dateline and in non-body text (bylines and credit lines keep
their people), picks one candidate per match, links role phrases to the people
they name or to the office holder on the article's date, adds people the base
does not know, joins short mentions to full names, and returns the record's
``Entity`` items in text order.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ...record import Entity
from ...resources.actor_models import Country, Organization, Person, Place, Role
from ...resources.actors import ActorBase
from ..doc import in_body
from .match import Mention
from .names import NAME_WORD, name_run
from ..text import doc_text
from .ner import (merge_with_aliases, ner_mentions, ner_people, ner_places_and_organizations, not_people_starts,
                  veto_common_words)
from .people import (PLACE_TAGS, EntityReading, byline_people, credit_people, given_name_people, institution,
                     fuller_name, is_credit, known_like, name_stops, person_country, places_after_prepositions, role_titles,
                     short_mentions, surname_index, surnames_of_the_unknown, unknown_organizations, unknown_person_name)

__all__ = ["Resolver"]

_PREFERENCE = ("person", "organization", "country", "demonym", "location", "capital", "generic", "office",
               "counterpart")
_CLAUSE_OPENERS = {",", ";", ":", "(", "«", "“", '"', "„", "–", "—", "-", "‘"}
_STATE_BODIES = {"seat", "ministry", "agency", "military", "court"}
_POSSESSIVE = {"'s", "’s", "'", "’"}


class Resolver:
    def __init__(self, base: ActorBase, lang: str, *, given: set[str], credit_words: set[str],
                 honorifics: set[str], particles: set[str], byline_cues: set[str] = frozenset(),
                 joiners: set[str] = frozenset(), institution_words: set[str] = frozenset(),
                 org_heads: set[str] = frozenset(), org_connectors: set[str] = frozenset(),
                 not_names: set[str] = frozenset(), subordinators: set[str] = frozenset(),
                 conjunctions: set[str] = frozenset(), name_titles: set[str] = frozenset(),
                 capitalises_nouns: bool = False, safe_places: set[str] = frozenset(),
                 place_heads: set[str] = frozenset(), roles: set[str] = frozenset()):
        self.base = base
        self.roles = frozenset(roles)  # lower-case one-word role nouns, trimmed off a person's name
        self.lang = lang
        # "ha detto che Mosca è pronta", "заявил, что Москва готова": the capital opens a clause
        self.subordinators = frozenset(subordinators)
        self.conjunctions = frozenset(conjunctions)  # "Berlin et Rome ont félicité"
        self.name_titles = frozenset(name_titles)  # "Mr", skipped before a name
        self.capitalises_nouns = capitalises_nouns  # German: one capitalised word is no name
        self.given = given
        self.credit_words = {w.lower() for w in credit_words}
        self.honorifics = honorifics
        self.particles = particles
        # cue phrase → its words, longest first, e.g. ("Reporting", "by")
        self.byline_cues: dict[str, list[tuple[str, ...]]] = {}
        for cue in sorted((tuple(c.split()) for c in byline_cues), key=len, reverse=True):
            self.byline_cues.setdefault(cue[0], []).append(cue)
        self.joiners = joiners
        self.institution_words = institution_words
        self.org_heads = {w.lower() for w in org_heads}
        # head words that, written in lower case, name a place, not its administration:
        # "la provincia di Brescia" is the place, "la Provincia di Brescia" the body
        self.place_heads = {w.lower() for w in place_heads}
        self.org_connectors = org_connectors
        self.not_names = frozenset(not_names)
        self.connectors = {w for w in base.word_list("connectors", lang)}
        self.locative = {w.lower() for w in base.word_list("locative", lang)}
        self.safe_places = frozenset(safe_places)  # place names that stand even as common words
        self._surnames = surname_index(base)

    # -- the pass over one doc ------------------------------------------------------------
    def __call__(self, doc: Doc, mentions: list[Mention], words: list[str] | None = None,
                 sent_starts: list[bool] | None = None, all_caps: set[int] = frozenset()) -> list[Entity]:
        context = doc._.context
        kept = [m for m in mentions if self._zone(doc, m) != "skip"]
        # The backbone's NER: evidence against gazetteer hits on common words, longer spans
        # around aliases, and the mentions the base does not know.
        ner = ner_mentions(doc, self.not_names | self.name_titles | self.honorifics, self.org_heads,
                           self.institution_words, self.given, self.capitalises_nouns, self.place_heads,
                           self.roles)
        kept = veto_common_words(doc, kept, ner, self.safe_places, all_caps)
        unknown = merge_with_aliases(kept, ner, doc, lambda words, person: fuller_name(self, words, person), self.given,
                                      all_caps)
        inside_orgs = [m for m in kept if m.extra.get("nested_country")]
        kept = [m for m in kept if not m.extra.get("dropped")]
        # One document's state lives in this local reading, never on the resolver.
        reading = EntityReading(
            resolver=self, day=context.reference_date if context is not None else None, text=doc_text(doc),
            # token texts and sentence starts, read once (Token objects are costly to create)
            words=words if words is not None else [t.text for t in doc],
            sent_starts=sent_starts if sent_starts is not None else [bool(t.is_sent_start) for t in doc],
            by_start={m.token_start: m for m in kept if not m.part},
            by_end={m.token_end: m for m in kept if not m.part},
            occupied={i for m in kept if not m.part for i in range(m.token_start, m.token_end)})
        full_names = {c[1] for m in kept for c in m.candidates
                      if c[0] == "person" and len(doc[m.token_start:m.token_end]) > 1}
        for m in kept:
            m.chosen = self._choose(reading, doc, m, full_names)
        named_in_full = self._surnames_named_in_full(reading, doc, kept)
        for m in kept:  # "Joseph Muscat … Muscat said": the surname, not the capital of Oman
            if m.chosen and m.chosen[0] in PLACE_TAGS and not m.part and reading.text[m.start:m.end] in named_in_full:
                m.chosen = ("person", named_in_full[reading.text[m.start:m.end]], None)
        people: list[tuple[int, int, str, str | None, list[str]]] = []  # start, end, canonical, actor, roles
        extra = self._link_roles(reading, doc, kept, people)
        kept = [m for m in kept if not m.extra.get("dropped")]
        ner_people(reading, doc, unknown, people, several_words=True)
        surnames_of_the_unknown(reading, kept, people, full_names)
        ner_spans = {i: (n.token_start, n.token_end, n.label) for n in ner if n.token_start not in all_caps
                     for i in range(n.token_start, n.token_end)}
        places = unknown_organizations(reading, doc, kept, ner_spans)  # "università di Nottingham"
        not_people = not_people_starts(doc, ner) - all_caps
        given_name_people(reading, doc, kept, people, not_people)
        credit_people(reading, doc, people)
        byline_people(reading, doc, people)
        short_mentions(reading, doc, people, named_in_full)  # before NER's guesses at lone words ("Rossi")
        ner_people(reading, doc, unknown, people, several_words=False)  # a lone surname no full name explains
        places += ner_places_and_organizations(reading, doc, unknown)
        misc = {i for n in ner if n.label == "MISC" for i in range(n.token_start, n.token_end)}
        places += places_after_prepositions(reading, doc, misc)
        places += self._countries_inside(reading, inside_orgs)
        return sorted(self._entities(reading, doc, kept, people, extra) + places,
                      key=lambda e: (e.start, _kind_rank(e.kind)))

    def _countries_inside(self, reading: EntityReading, mentions: list[Mention]) -> list[Entity]:
        """"the Russian Space Agency", "Ucraina orientale": a demonym or a country inside a longer
        name names its country."""
        found = []
        for m in mentions:
            country = self.base.country(next(c[1] for c in m.candidates if c[0] in ("demonym", "country")))
            if country is not None and m.extra.get("zone") == "body":
                found.append(Entity(text=reading.text[m.start:m.end], kind="country", canonical=country.name,
                                    actor=country.id, country=country.id, start=m.start, end=m.end))
        return found

    def _surnames_named_in_full(self, reading: EntityReading, doc: Doc, kept: list[Mention]) -> dict[str, str]:
        """Last word → actor id of the known people this article names with two or more words."""
        found = {}
        for m in kept:
            if m.chosen and m.chosen[0] == "person" and not m.part and m.token_end - m.token_start > 1:
                last = reading.words[m.token_end - 1]
                if last[:1].isupper() and len(last) > 2:
                    found.setdefault(last, m.chosen[1])
        return found

    def _zone(self, doc: Doc, m: Mention) -> str:
        dateline = doc._.dateline
        if dateline is not None and m.start < dateline.end and dateline.start < m.end:
            return "skip"
        if in_body(doc, m.start, m.end):
            m.extra["zone"] = "body"
            return "body"
        if self._credit_zone(doc, m.start) is not None:
            m.extra["zone"] = "credit"
            return "credit"
        return "skip"

    def _credit_zone(self, doc: Doc, offset: int):
        for item in doc._.not_body or []:
            if item.start <= offset < item.end and is_credit(doc, item):
                return item
        return None

    # -- choosing among candidates --------------------------------------------------------
    def _choose(self, reading: EntityReading, doc: Doc, m: Mention, full_names: set[str]):
        candidates = sorted(m.candidates, key=lambda c: _PREFERENCE.index(c[0]))
        persons = [c for c in candidates if c[0] == "person"]
        if len(persons) > 1:
            named = [c for c in persons if c[1] in full_names]
            in_office = [c for c in persons if self.base.roles_on(c[1], reading.day)]
            persons = named or in_office or persons
        places = [c for c in candidates if c[0] in PLACE_TAGS]
        if persons and places and persons[0][1] not in full_names:
            return self._place(doc, m, places)
        if persons:
            return persons[0]
        if places and not any(c[0] == "organization" for c in candidates):
            return self._place(doc, m, places)
        return candidates[0]

    def _place(self, doc: Doc, m: Mention, places):
        if len(places) > 1:
            sentence = {t.text for t in doc[m.token_start].sent} if doc.has_annotation("SENT_START") else set()
            for candidate in places:
                place = self.base.get(candidate[1])
                if isinstance(place, Place) and sentence & set(self.base_words(place)):
                    return candidate
            countries = [c for c in places if c[0] in ("country", "demonym")]
            return (countries or places)[0]
        return places[0]

    def base_words(self, place: Place) -> list[str]:
        return [*place.context.get("any", []), *place.context.get(self.lang, [])]

    # -- role phrases ---------------------------------------------------------------------
    def _link_roles(self, reading: EntityReading, doc: Doc, kept: list[Mention], people: list) -> list[tuple]:
        """Attach role phrases to the people they name; unnamed ones to the office holder."""
        unnamed = []
        last_office: str | None = None
        for m in kept:
            tag = m.chosen[0] if m.chosen else None
            if tag == "person":
                roles = self.base.roles_on(m.chosen[1], reading.day)
                last_office = roles[0].office if roles else last_office
            if tag not in ("office", "counterpart") or m.part or m.extra.get("zone") != "body":
                continue
            office = m.chosen[1] if tag == "office" else last_office
            country, org, end = m.chosen[2], None, m.token_end
            before = reading.by_end.get(m.token_start)
            for qualifier in ([before] if before else []) + self._qualifiers_after(reading, doc, m):
                q_country, q_org = self._owner(qualifier)
                country, org = country or q_country, org or q_org
                end = max(end, qualifier.token_end)
            name_at = self._skip_to_name(doc, end)
            named = reading.by_start.get(name_at)
            if named is not None and named.chosen and named.chosen[0] == "person":
                continue  # the base's roles of the person named say it all
            run_end = self._unknown_name_end(reading, doc, name_at)
            if run_end > name_at:
                words = [t.text for t in doc[name_at:run_end]]
                title = self._title(office, country, org)
                holders = self.base.holders(office, country=country, org=org, on=reading.day) if office else []
                known = known_like(reading, words, holders) or known_like(reading, words)
                start, stop = doc[name_at].idx, doc[run_end - 1].idx + len(doc[run_end - 1])
                if known is not None:
                    people.append((start, stop, known.name, known.id, role_titles(reading, known),
                                   person_country(known)))
                else:
                    people.append((start, stop, unknown_person_name(words), None, [title] if title else [], country))
                reading.occupied.update(range(name_at, run_end))
                for i in range(name_at, run_end):  # a place inside the name is part of it
                    if i in reading.by_start and reading.by_start[i].chosen[0] in PLACE_TAGS:
                        reading.by_start[i].extra["dropped"] = True
                continue
            if office and (country or org):
                holders = self.base.holders(office, country=country, org=org, on=reading.day)
                if holders:
                    start_token = before.token_start if before else m.token_start
                    span = doc[start_token:end]
                    unnamed.append((span.start_char, span.end_char, holders[0]))
        return unnamed

    def _qualifiers_after(self, reading: EntityReading, doc: Doc, m: Mention) -> list[Mention]:
        found, j = [], m.token_end
        while len(found) < 2 and j < len(doc):
            k = j
            while k < len(doc) and k - j < 2 and doc[k].text in self.connectors:
                k += 1
            nxt = reading.by_start.get(k)
            if nxt is None or not nxt.chosen or nxt.chosen[0] not in ("country", "demonym", "capital", "organization"):
                break
            found.append(nxt)
            j = nxt.token_end
        return found

    def _owner(self, m: Mention) -> tuple[str | None, str | None]:
        tag, actor_id, _ = m.chosen
        if tag in ("country", "demonym", "capital"):
            return actor_id, None
        actor = self.base.get(actor_id)
        if isinstance(actor, Organization):
            return actor.country, (None if actor.type in ("seat", "ministry") else actor.id)
        return None, None

    def _skip_to_name(self, doc: Doc, i: int) -> int:
        while i < len(doc) and (doc[i].text == "," or doc[i].text in self.name_titles or doc[i].text in self.honorifics):
            i += 1
        return i

    def _unknown_name_end(self, reading: EntityReading, doc: Doc, i: int) -> int:
        if i >= len(doc) or i in reading.occupied or not NAME_WORD.match(doc[i].text):
            return i
        end = name_run(doc, i, self.particles, not_names=self.not_names, stop=name_stops(reading))
        if institution(reading, doc[i:end]):
            return i
        if end - i == 1 and (self.capitalises_nouns or doc[i].text.endswith(".")) and doc[i].text not in self.given:
            return i  # German capitalises every noun: one word after a cue is not enough
        return end

    def _title(self, office: str | None, country: str | None, org: str | None) -> str | None:
        if not office:
            return None
        return self.base.role_title(Role(office=office, country=country, org=org))

    # -- output ---------------------------------------------------------------------------
    def _entities(self, reading: EntityReading, doc: Doc, kept: list[Mention], people: list,
                  unnamed: list) -> list[Entity]:
        text = reading.text
        out: list[tuple[int, int, Entity]] = []

        def emit(start, end, kind, canonical, actor, country, roles=()):
            out.append((start, _kind_rank(kind), Entity(text=text[start:end], kind=kind, canonical=canonical,
                                                        actor=actor, country=country, roles=list(roles),
                                                        start=start, end=end)))

        def emit_org(start, end, org: Organization):
            emit(start, end, "organization", org.name, org.id, org.country)
            country = self.base.country(org.country) if org.stands_for == "government" else None
            if country is not None:  # a seat standing for its government is a country-as-actor mention
                emit(start, end, "country", country.name, country.id, country.id)

        named_people = set()
        for m in kept:
            if not m.chosen or m.extra.get("dropped"):
                continue
            tag, actor_id, _ = m.chosen
            actor = self.base.get(actor_id) if actor_id and tag != "generic" else None
            if m.extra.get("zone") == "credit" and tag != "person":
                continue
            if tag == "person" and isinstance(actor, Person):
                named_people.add(actor.id)
                emit(m.start, m.end, "person", actor.name, actor.id, person_country(actor), role_titles(reading, actor))
            elif tag == "organization" and isinstance(actor, Organization):
                emit_org(m.start, m.end, actor)
                for inner in m.extra.get("nested", ()):  # "servizio stampa del [Cremlino]"
                    seat = next((self.base.get(c[1]) for c in inner.candidates if c[0] == "organization"), None)
                    if isinstance(seat, Organization) and seat.stands_for == "government" and seat.id != actor.id:
                        emit_org(inner.start, inner.end, seat)
                    named = next((c[1] for c in inner.candidates if c[0] in ("country", "demonym")), None)
                    # a state body's name names its state; a party's or company's ("Forza Italia") does not
                    country = self.base.country(named) if actor.type in _STATE_BODIES else None
                    if country is not None and not inner.part:  # "Ministero della Difesa [russo]" names Russia
                        emit(inner.start, inner.end, "country", country.name, country.id, country.id)
            elif tag == "generic":
                org = self.base.generic_org(actor_id, self._context_country(reading, doc, kept, m))
                if org is not None:
                    emit_org(m.start, m.end, org)
            elif tag in ("country", "demonym") and isinstance(actor, Country):
                emit(m.start, m.end, "country", actor.name, actor.id, actor.id)
            elif tag == "capital" and isinstance(actor, Country):
                if self._acts(reading, doc, m):
                    emit(m.start, m.end, "country", actor.name, actor.id, actor.id)
                elif not (text[m.start:m.end] in self.given and not m.part):
                    capital = actor.capital.name if actor.capital else text[m.start:m.end]
                    emit(m.start, m.end, "location", capital, None, actor.id)
            elif tag == "location" and isinstance(actor, Place):
                emit(m.start, m.end, "location", actor.name, actor.id, actor.country)
        for start, end, canonical, actor_id, roles, country in people:
            emit(start, end, "person", canonical, actor_id, country, roles)
        for start, end, person in unnamed:
            if person.id in named_people:
                emit(start, end, "person", person.name, person.id, person_country(person), role_titles(reading, person))
        out.sort(key=lambda item: (item[0], item[1]))
        return [entity for _, _, entity in out]

    def _context_country(self, reading: EntityReading, doc: Doc, kept: list[Mention], m: Mention) -> str | None:
        """The country a generic name belongs to: named next to it, else the nearest one before
        it in the same or the previous sentence."""
        after = self._qualifiers_after(reading, doc, m)
        before = reading.by_end.get(m.token_start)
        for qualifier in [*after[:1], *([before] if before else [])]:
            country, _ = self._owner(qualifier)
            if country:
                return country
        sentence = doc[m.token_start].sent if doc.has_annotation("SENT_START") else doc[:]
        limit = max(0, sentence.start_char - 400)
        for other in reversed([k for k in kept if k.end <= m.start and k.start >= limit and k.chosen]):
            country = self._mention_country(other)
            if country:
                return country
        return None

    def _mention_country(self, m: Mention) -> str | None:
        tag, actor_id, _ = m.chosen
        if tag in ("country", "demonym", "capital"):
            return actor_id
        actor = self.base.get(actor_id) if tag in ("organization", "person") else None
        if isinstance(actor, Person):
            return person_country(actor)
        return getattr(actor, "country", None)

    def _acting_place_ends_at(self, reading: EntityReading, i: int) -> bool:
        """"Berlin et Rome ont félicité": a capital coordinated with a country or capital opening
        the clause acts with it."""
        other = reading.by_end.get(i)
        if other is None or not other.chosen or other.chosen[0] not in ("capital", "country"):
            return False
        before = other.token_start - 1
        return before < 0 or reading.sent_starts[other.token_start] or reading.words[before] in _CLAUSE_OPENERS

    def _acts(self, reading: EntityReading, doc: Doc, m: Mention) -> bool:
        """A capital stands for its government where it acts: "Mosca ha risposto", "Moscow's aims"."""
        if m.part:
            return False
        before = doc[m.token_start - 1] if m.token_start > 0 else None
        after = doc[m.token_end] if m.token_end < len(doc) else None
        if before is not None and before.lower_ in self.locative:
            return False
        if after is not None and after.text in _POSSESSIVE:
            return True
        opens = before is None or doc[m.token_start].is_sent_start or before.text in _CLAUSE_OPENERS or (
            before.lower_ in self.conjunctions and self._acting_place_ends_at(reading,
                                                                          before.i)) or before.lower_ in self.subordinators
        return bool(opens and after is not None and after.is_alpha and after.is_lower
                    and after.text not in self.connectors)


def _kind_rank(kind: str) -> int:
    return ("person", "organization", "country", "location").index(kind)
