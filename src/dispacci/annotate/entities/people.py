"""People the actor base does not know, and places the gazetteer does.

Functions of one ``EntityReading``, the per-document state of
``resolve.Resolver`` (``occupied`` tokens, ``by_start`` matches, ``text``):
names after a known given name, in bylines and credit lines, later surnames of a name already found, spellings of known people
the aliases miss, and cities named in the text.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ...record import BYLINE, PHOTO, Entity, NotBody
from ...resources.actor_models import Person
from ...resources.actors import ActorBase
from ..doc import in_body
from ..text import doc_text
from .match import Mention
from .names import NAME_WORD, canonical_name, name_run, russian_nominative, transliterate

if TYPE_CHECKING:
    from .resolve import Resolver

__all__ = [
    "EntityReading", "PLACE_TAGS", "byline_people", "fuller_name", "surnames_of_the_unknown", "unknown_person_name", "credit_people", "given_name_people",
    "institution", "known_like", "name_stops", "places_after_prepositions", "role_titles",
    "short_mentions", "unknown_organizations", "is_credit", "cyrillic", "person_country",
    "surname_index",
]

PLACE_TAGS = ("country", "demonym", "location", "capital")



@dataclass
class EntityReading:
    """One document as ``Resolver`` reads it: built afresh on each call, so that
    threads sharing one resolver never see each other's document."""

    resolver: "Resolver"  # the actor base and the language's word lists
    day: str | None  # the article's reference date: who held which office
    text: str
    words: list[str]  # token texts
    sent_starts: list[bool]
    by_start: dict[int, Mention] = field(default_factory=dict)  # kept whole matches by first token
    by_end: dict[int, Mention] = field(default_factory=dict)  # ... and by end token
    occupied: set[int] = field(default_factory=set)  # tokens already inside an entity


def name_stops(reading: EntityReading) -> set[int]:
    """Tokens a name run must stop at: every occupied one except inside a place name."""
    return {i for i in reading.occupied
            if not (reading.by_start.get(i) and reading.by_start[i].chosen
                    and reading.by_start[i].chosen[0] in PLACE_TAGS)}


def role_titles(reading: EntityReading, person: Person) -> list[str]:
    base = reading.resolver.base
    return [base.role_title(role) for role in base.roles_on(person.id, reading.day)]


def institution(reading: EntityReading, span) -> bool:
    """"George Washington University", "Charles de Gaulle Airport": a name of a place or body."""
    resolver = reading.resolver
    return any(token.text in resolver.institution_words for token in span) or (
        span.end < len(span.doc) and span.doc[span.end].text in resolver.institution_words)


def known_like(reading: EntityReading, words: list[str], among: list[Person] | None = None) -> Person | None:
    """A known person written another way: same surname, same first letters of the given name
    ("Dmitri Peskov", "Хаканом Фиданом" → Hakan Fidan); with ``among``, the surname suffices."""
    latin = [_fold(transliterate(" ".join(russian_nominative(words))) if cyrillic(" ".join(words))
                   else " ".join(words)).split()][0]
    if not latin:
        return None
    if among:
        for person in among:
            if _fold(person.name).split()[-1] == latin[-1]:
                return person
        return None
    if len(latin) < 2:
        return None
    for person in reading.resolver._surnames.get(latin[-1], ()):
        given = _fold(person.name).split()[0]
        if given[:2] == latin[0][:2] or _fold(person.name).split()[0][:1] == latin[0][:1] == latin[0]:
            return person
    return None


def fuller_name(resolver: "Resolver", words: list[str], person_id: str) -> bool:
    """"Vladimir Vladimirovich Putin" may be Vladimir Putin; "Алексей Миллер" is not Matthew Miller:
    the first word shares the first two letters of the person's given name."""
    person = resolver.base.get(person_id)
    if not isinstance(person, Person):
        return False
    latin = _fold(transliterate(" ".join(russian_nominative(words))) if cyrillic(" ".join(words))
                  else " ".join(words)).split()
    name = _fold(person.name).split()
    return bool(latin and name) and latin[0][:2] == name[0][:2]


def unknown_person_name(words: list[str]) -> str:
    """An unknown person's canonical name: as written, Russian ones in the nominative and in Latin."""
    if any(cyrillic(word) for word in words):
        return transliterate(" ".join(russian_nominative(words)))
    return " ".join(words)




_FUNCTION_WORDS = {"DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PART"}


def given_name_people(reading: EntityReading, doc: Doc, kept: list[Mention], people: list,
                      not_people: set[int] = frozenset()) -> None:
    """A capitalised run opening with a known given name is a person ("Simon Lee"), unless the
    backbone's NER reads it as something else where it opens one of its spans (``not_people``) or
    the tagger reads it as a function word ("Des Weiteren")."""
    resolver = reading.resolver
    stops = name_stops(reading)
    i = 0
    words, size = reading.words, len(reading.words)
    title_end = _title_case_headline_end(doc, reading.text)
    while i < size:
        if words[i] in resolver.given and i not in stops and i not in not_people \
                and doc[i].pos_ not in _FUNCTION_WORDS and not _inside_longer_name(reading, doc, i) \
                and in_body(doc, doc[i].idx):
            # In a Title Case Headline Every Word Is Capitalised: take two words, no more.
            limit = 2 if doc[i].idx < title_end else 4
            end = name_run(doc, i, resolver.particles, limit=limit, not_names=resolver.not_names, stop=stops)
            if end - i >= 2 and not institution(reading, doc[i:end]):
                span = doc[i:end]
                people.append((span.start_char, span.end_char, unknown_person_name(span.text.split()), None, [], None))
                reading.occupied.update(range(i, end))
                for m in kept:
                    if m.token_start >= i and m.token_end <= end:
                        m.extra["dropped"] = True
                i = end
                continue
        i += 1


def _inside_longer_name(reading: EntityReading, doc: Doc, i: int) -> bool:
    """"San Diego Zoo", "Piazza Maria Teresa": a given name preceded by another capitalised
    word (not a title, not the sentence start) is inside some other name."""
    resolver = reading.resolver
    if i == 0 or doc[i].is_sent_start or resolver.capitalises_nouns:  # German capitalises every noun
        return False
    before = doc[i - 1]
    if "\n" in before.whitespace_ or not NAME_WORD.match(before.text) or before.text in resolver.honorifics:
        return False
    match = reading.by_end.get(i)
    return not (match is not None and match.chosen and match.chosen[0] in ("office", "counterpart", "country",
                                                                          "demonym", "organization"))


def credit_people(reading: EntityReading, doc: Doc, people: list) -> None:
    resolver = reading.resolver
    for item in doc._.not_body or []:
        if not is_credit(doc, item):
            continue
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        if span is None:
            continue
        i = span.start
        while i < span.end:
            token = doc[i]
            if token.text.lower() in resolver.credit_words or i in reading.occupied or not NAME_WORD.match(token.text):
                i += 1
                continue
            end = min(name_run(doc, i, resolver.particles, not_names=resolver.not_names, limit=3,
                               stop=reading.occupied), span.end)
            if end - i >= 2:
                words = [t.text for t in doc[i:end] if t.text.lower() not in resolver.credit_words]
                run = doc[i:end]
                name = unknown_person_name(canonical_name(words, resolver.given).split())
                people.append((run.start_char, run.end_char, name, None, [], None))
                reading.occupied.update(range(i, end))
            i = max(end, i + 1)


def places_after_prepositions(reading: EntityReading, doc: Doc, misc: set[int] = frozenset()) -> list[Entity]:
    """"a Netanya", "in Dushanbe", "Palermo": a capitalised name the base does not know is a
    place when the gazetteer (geonames cities) knows it; outside "in/a/à/в..." only a name that
    is not a given name, not the sentence start and not the end of a longer name. Never inside
    an NER MISC span ("Tour de France"), nor on words the tagger calls common nouns, verbs or
    adjectives ("Kinder", "Kosten", "Essen" in German) unless listed as safe."""
    resolver = reading.resolver
    from ...resources.places import place_index
    from .ner import common_word

    found, index = [], None
    dateline = doc._.dateline
    words, starts = reading.words, reading.sent_starts
    for i in range(1, len(words)):
        word, before = words[i], words[i - 1]
        if i in reading.occupied or starts[i] or not word[:1].isupper() or not NAME_WORD.match(word) or (
                not starts[i - 1] and NAME_WORD.match(before)):
            continue
        if before.lower() not in resolver.locative and (word in resolver.given or len(word) < 5):
            continue
        end = name_run(doc, i, resolver.particles, not_names=resolver.not_names, limit=3, stop=reading.occupied)
        span = doc[i:end]
        if doc[i].text in resolver.given or not in_body(doc, span.start_char, span.end_char) or (
                dateline is not None and span.start_char < dateline.end and dateline.start < span.end_char):
            continue
        if any(j in misc for j in range(i, end)):
            continue
        index = index or place_index()
        while end > i:
            span = doc[i:end]
            if span.text not in resolver.safe_places and common_word(doc, i, end):
                end -= 1
                continue
            country = index.lookup(span.text)
            if country:
                found.append(Entity(text=span.text, kind="location", canonical=span.text, actor=None,
                                    country=country, start=span.start_char, end=span.end_char))
                reading.occupied.update(range(i, end))
                break
            end -= 1
    return found


def unknown_organizations(reading: EntityReading, doc: Doc, kept: list[Mention],
                          ner_spans: dict[int, tuple[int, int, str]] | None = None) -> list[Entity]:
    """"l'università di Nottingham", "Partito Democratico": an organisation head word and the
    capitalised name after it, where the base knows neither. Where the backbone's NER read the
    words (``ner_spans``: token → the NER span holding it, with its label), its span decides: a
    head inside a longer one ("Real Sociedad de Fútbol", "Rugby League World Cup"), or a lower-case
    head in apposition to a name it reads ("le groupe Dimmu Borgir", "la banda Los Lobos")."""
    resolver = reading.resolver
    found = []
    ner_spans = ner_spans or {}
    words, size = reading.words, len(reading.words)
    for i, word in enumerate(words):
        if i in reading.occupied or word.lower() not in resolver.org_heads or not in_body(doc, doc[i].idx) or (
                word.islower() and word in resolver.place_heads):
            continue
        held, after = ner_spans.get(i), ner_spans.get(i + 1)
        if (held and held[:2] != (i, i + 1)) or (word.islower() and after and after[0] == i + 1
                                                  and after[2] != "MISC"):
            continue
        j, end = i + 1, i + 1
        while j < size:
            if words[j] in resolver.org_connectors and end == j and j + 1 < size:
                j += 1
                continue
            taken = j in reading.occupied and not (reading.by_start.get(j) and reading.by_start[j].chosen
                                                 and reading.by_start[j].chosen[0] in ("capital", "location"))
            if taken or not NAME_WORD.match(words[j]) or words[j].lower() in resolver.org_heads and j > i + 1:
                break
            j = end = j + 1
        if end == i + 1 or (not word[:1].isupper() and end - i < 3 and words[i + 1] not in resolver.org_connectors):
            continue
        span = doc[i:end]
        found.append(Entity(text=span.text, kind="organization", canonical=span.text, actor=None,
                            country=None, start=span.start_char, end=span.end_char))
        reading.occupied.update(range(i, end))
        for m in kept:
            if i <= m.token_start and m.token_end <= end:
                m.extra["dropped"] = True
    return found


def byline_people(reading: EntityReading, doc: Doc, people: list) -> None:
    """Reporters named after a byline cue in a short line or parenthesis, even where the
    not-body layer kept it as body ("Reporting by Parisa Hafezi; Editing by Alex Richardson")."""
    resolver = reading.resolver
    words = reading.words
    for index, word in enumerate(words):
        for cue in resolver.byline_cues.get(word, ()):
            end = index + len(cue)
            if end > len(words) or tuple(words[index:end]) != cue:
                continue
            token = doc[index]
            if len(cue) == 1 and not _short_line(reading.text, token):
                continue  # "di"/"par"/"by" alone only open a byline on a short line
            i = end
            while i < len(doc):
                if i in reading.occupied and reading.by_start.get(i) and reading.by_start[i].chosen and \
                        reading.by_start[i].chosen[0] == "person":
                    i = reading.by_start[i].token_end
                else:
                    run_end = name_run(doc, i, resolver.particles, not_names=resolver.not_names, limit=3,
                                       stop=reading.occupied)
                    if run_end - i < 2:
                        break
                    run = doc[i:run_end]
                    people.append((run.start_char, run.end_char, unknown_person_name(run.text.split()),
                                   None, [], None))
                    reading.occupied.update(range(i, run_end))
                    i = run_end
                if i < len(doc) and doc[i].text in resolver.joiners:
                    i += 1
                    continue
                break
            break


def surnames_of_the_unknown(reading: EntityReading, kept: list[Mention], people: list,
                            full_names: set[str]) -> None:
    """"Alexei Miller … Miller said": a lone surname the base gives a known person (Matthew Miller)
    is the person of that surname the article names in full, when it never names the known one."""
    forms: set[str] = set()
    for person in people:
        words = reading.text[person[0]:person[1]].split()
        if person[3] is None and len(words) >= 2:
            forms.update(_surname_forms(words[-1]))
    if not forms:
        return
    for m in kept:
        if m.chosen and m.chosen[0] == "person" and not m.part and m.token_end - m.token_start == 1 \
                and m.chosen[1] not in full_names and reading.text[m.start:m.end] in forms:
            m.extra["dropped"] = True
            reading.occupied.discard(m.token_start)


def _surname_forms(word: str) -> list[str]:
    if not cyrillic(word):
        return [word]
    from ...resources.actor_forms import russian_forms

    return list(russian_forms(russian_nominative([word])[0]))


def short_mentions(reading: EntityReading, doc: Doc, people: list, known: dict[str, str] | None = None) -> None:
    """A later lone surname ("Hebestreit") is the person named in full before; ``known``
    maps surnames of known people named in full to their ids."""
    surnames: dict[str, tuple] = {}
    for surname, actor_id in (known or {}).items():
        person = reading.resolver.base.get(actor_id)
        if isinstance(person, Person):
            surnames[surname] = (0, 0, person.name, person.id, role_titles(reading, person), person_country(person))
    for person in people:
        words = reading.text[person[0]:person[1]].split()
        if len(words) >= 2:
            for form in _surname_forms(words[-1]):
                surnames.setdefault(form, person)
    if not surnames:
        return
    for index, word in enumerate(reading.words):
        if word not in surnames or index in reading.occupied:
            continue
        token = doc[index]
        if not in_body(doc, token.idx):
            continue
        person = surnames[token.text]
        people.append((token.idx, token.idx + len(token), person[2], person[3], person[4], person[5]))
        reading.occupied.add(token.i)


def _title_case_headline_end(doc: Doc, text: str) -> int:
    """End offset of the headline when it is written in Title Case, else 0."""
    context = doc._.context
    start = getattr(context, "body_start", 0) if context is not None else 0
    words = [w for w in text[:start].split() if w[:1].isalpha()]
    if len(words) < 4 or sum(w[:1].isupper() for w in words) < 0.8 * len(words):
        return 0
    return start


def _fold(text: str) -> str:
    """Lowercase without accents or hyphens, for comparing spellings of a name."""
    text = unicodedata.normalize("NFKD", text.lower().replace("-", " "))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("kh", "h")


def surname_index(base: ActorBase) -> dict[str, list[Person]]:
    index: dict[str, list[Person]] = {}
    for person in base.people():
        words = _fold(person.name).split()
        if len(words) >= 2:
            index.setdefault(words[-1], []).append(person)
    return index


def _short_line(text: str, token) -> bool:
    """True when ``token`` opens a short line or a parenthesis (where a byline sits)."""
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    end = len(text) if end < 0 else end
    opening = text[start:token.idx].strip()
    return (not opening or opening.endswith("(")) and len(text[start:end].split()) <= 12


def cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def is_credit(doc: Doc, item: NotBody) -> bool:
    """A byline, or a short photo credit line: where reporters and photographers are named."""
    return item.why == BYLINE or (item.why == PHOTO and item.end - item.start < 80
                                  and len(doc_text(doc)[item.start:item.end].split()) <= 8)


def person_country(person: Person) -> str | None:
    return person.country or next((r.country for r in person.roles if r.country), None)
