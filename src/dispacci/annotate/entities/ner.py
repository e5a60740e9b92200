"""The backbone's NER mentions, merged with the actor base's alias matches.

``dispacci_syntax`` leaves PER/LOC/ORG/MISC spans in ``doc.ents`` (and POS tags on the tokens).
Here they meet the alias matches of ``match``:

- *veto*: a one-word gazetteer hit on a place (not a country) tagged as a common word
  (NOUN, VERB, ADJ... not PROPN) that no NER span marks is dropped, unless the entity data lists
  the word as safe ("Kinder", "Kosten", "Essen" in German are nouns before they are towns);
- *merge*: where an NER span and alias matches overlap, the longest, most specific reading wins.
  An alias that covers the span, or crosses its edge, stands (the base links it; NER edges are
  often off by a word). An ORG or PER span that is longer than the places inside it keeps them
  inside ("Università di Bologna", "Bank of England", "Jack London"); a PER span around a known
  person's shorter alias widens that person's mention ("Vladimir Vladimirovich Putin"); a MISC span
  ("Giro d'Italia") swallows the towns and regions inside it, never countries or people;
- what is left over are the mentions the base does not know: ``NerMention`` items the resolver
  turns into entities with ``actor: null`` of the span's kind (MISC is never an entity).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc

from ..doc import in_body
from ..text import doc_text
from .match import Mention
from ..text import doc_text

__all__ = ["NerMention", "ner_mentions", "veto_common_words", "merge_with_aliases", "not_people_starts", "KINDS"]

KINDS = {"PER": "person", "ORG": "organization", "LOC": "location"}
_PLACE_TAGS = {"country", "demonym", "location", "capital"}
_VETOABLE = {"location", "capital"}  # countries' names are proper nouns wherever they are written
_PROPER = {"PROPN"}
_OPENING_BRACKETS = {"(", "[", "{"}
_JOINING = {"ADP", "DET", "CCONJ", "SCONJ"}
_FUNCTION_WORDS = {"DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX"}
_NOT_NAMES = {"NOUN", "VERB", "ADJ", "ADV", "AUX", "ADP", "PRON", "DET", "NUM", "SCONJ", "CCONJ", "INTJ"}


@dataclass
class NerMention:
    """One NER span of the backbone, by tokens and characters."""

    token_start: int
    token_end: int
    start: int
    end: int
    label: str  # PER, LOC, ORG, MISC

    def overlaps(self, m: Mention) -> bool:
        return m.token_start < self.token_end and self.token_start < m.token_end


def ner_mentions(doc: Doc, not_names: set[str] = frozenset(), org_heads: set[str] = frozenset(),
                 institution_words: set[str] = frozenset(), given: set[str] = frozenset(),
                 capitalises_nouns: bool = False, place_heads: set[str] = frozenset(),
                 roles: set[str] = frozenset()) -> list[NerMention]:
    """The backbone's spans in the body text outside the dateline, in text order, trimmed: no
    title, weekday or punctuation at their edges ("Mr", "Tuesday"), no common noun at a person's
    ("Analyst Bonnie Glaser", see ``_trim``); a place or person whose name opens with an
    organisation's head word ("Università di Bologna") is the organisation, unless that head is
    a lower-case word of ``place_heads`` ("la provincia di Brescia" is the place), and so is a
    "person" an institution word follows or holds ("George Washington University")."""
    if not doc.has_annotation("ENT_IOB"):
        return []
    dateline = doc._.dateline
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("PER", "LOC", "ORG", "MISC"):
            continue
        start, end = _trim(doc, ent.start, ent.end, ent.label_, not_names, given, capitalises_nouns, roles)
        if end <= start or not any(ch.isalpha() for t in doc[start:end] for ch in t.text):
            continue
        a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        if (dateline is not None and a < dateline.end and dateline.start < b) or not in_body(doc, a, b):
            continue
        label = ent.label_
        head = doc[start]
        if label in ("LOC", "PER") and end - start > 1 and head.lower_ in org_heads and not (
                head.is_lower and head.lower_ in place_heads):
            label = "ORG"
        if label == "PER" and (any(t.text in institution_words for t in doc[start:end]) or (
                end < len(doc) and doc[end].text in institution_words)):
            while end < len(doc) and doc[end].text in institution_words:
                end += 1
            label, b = "ORG", doc[end - 1].idx + len(doc[end - 1])
        found.append(NerMention(start, end, a, b, label))
    return found


def _trim(doc: Doc, start: int, end: int, label: str, not_names: set[str], given: set[str] = frozenset(),
          capitalises_nouns: bool = False, roles: set[str] = frozenset()) -> tuple[int, int]:
    def loose(token, leading: bool) -> bool:
        if token.is_punct or token.is_space or token.text in not_names or token.text in ("'s", "’s"):
            return True
        if leading and label == "PER" and token.lower_ in roles and token.text not in given:
            return True  # "Regierungssprecherin Maria Beispiel": the model took the title into the name
        if not leading and token.is_lower and token.pos_ in _JOINING:  # "Università di", "Bank of"
            return True
        if label != "PER" or token.pos_ not in _NOT_NAMES:
            return False
        if token.pos_ in _FUNCTION_WORDS and token.text not in given:  # "The", "Il" at an edge
            return True
        # Taggers call many a foreign name a noun ("Phil/NOUN Collins", "Reese Witherspoon/NOUN"),
        # so the tag alone trims only a lower-case word ("le pilote Valentino Rossi"); a capitalised
        # one only where its capital says nothing, opening the span at a sentence's start or in a
        # language that capitalises nouns ("Analyst Bonnie Glaser", "Trainer Klopp"), and never a
        # known given name.
        if not token.text[:1].isupper():
            return True
        return leading and token.text not in given and (capitalises_nouns or token.is_sent_start)

    while start < end and loose(doc[start], True):
        start += 1
    # a bracket inside ends the name: what follows glosses it ("Скотт Хоровитц (Scott Horowitz)",
    # "Front national (FN)")
    end = next((i for i in range(start + 1, end) if doc[i].text in _OPENING_BRACKETS), end)
    while end > start and loose(doc[end - 1], False):
        end -= 1
    if label == "PER" and end - start > 2 and _title_case(
            doc[start].sent if doc.has_annotation("SENT_START") else doc[:]):
        # In a headline set in title case every word is capitalised, so the model runs a name into
        # the verb after it ("Adam Kowalczyk Wins Presidential Vote"): keep the first two words
        # unless the rest are lower-case particles ("Ursula von der Leyen").
        end = start + 2 if all(t.text[:1].isupper() for t in doc[start + 2:end]) else end
    return start, end


def _title_case(sent) -> bool:
    """True for a line of four or more words nearly all capitalised (a title-case headline)."""
    words = [t.text for t in sent if t.is_alpha and len(t.text) > 3]
    return len(words) >= 4 and sum(w[0].isupper() and not w.isupper() for w in words) >= 0.8 * len(words)


def common_word(doc: Doc, start: int, end: int) -> bool:
    """True when the tagger calls every token of [start, end) something other than a proper noun."""
    if not doc.has_annotation("POS"):
        return False
    tags = [doc[i].pos_ for i in range(start, end)]
    return bool(tags) and not any(t in _PROPER for t in tags) and all(t in _NOT_NAMES for t in tags)


def veto_common_words(doc: Doc, mentions: list[Mention], ner: list[NerMention], safe: set[str],
                      all_caps: set[int] = frozenset()) -> list[Mention]:
    """The mentions minus one-word place hits the tagger reads as common words and NER leaves
    unmarked (in all-caps sentences the tagger is blind to case, so nothing is vetoed there)."""
    marked = {i for n in ner for i in range(n.token_start, n.token_end)}
    kept = []
    for m in mentions:
        text = doc_text(doc)[m.start:m.end]
        # a town is vetoable; a world region (no country: "Zentralasien") is not, as taggers
        # trained on little data call such one-word names nouns
        if (m.token_end - m.token_start == 1 and not m.part and m.tags <= _VETOABLE
                and all(c[2] for c in m.candidates)
                and m.token_start not in marked and m.token_start not in all_caps and text not in safe
                and common_word(doc, m.token_start, m.token_end)):
            continue
        kept.append(m)
    return kept


def merge_with_aliases(mentions: list[Mention], ner: list[NerMention], doc: Doc,
                       fits: Callable[[list[str], str], bool], given: set[str] = frozenset(),
                       all_caps: set[int] = frozenset()) -> list[NerMention]:
    """Decide every overlap of an NER span with alias matches (see the module docstring), marking
    alias matches that an NER span absorbs as ``dropped`` (demonyms inside an organisation's name
    as ``nested_country``); returns the NER spans that stand on their own. ``fits(words, person_id)``
    says whether a PER span's words can be a fuller name of a known person ("Vladimir Vladimirovich
    Putin" can, "Alexei Miller" is not Matthew Miller). A PER span keeps the places inside it only
    when it opens with a given name (``given``): "Giovanni Russo" is a person, "Ascoli Piceno" not.
    In all-caps lines (``all_caps`` token indices) models trained on mixed case run names into the
    words beside them ("PUTIN CALLS"), so there the alias matches stand.

    A longer place or organisation span also wins over the one alias inside it: a piece of a
    compound it reads whole ("Haute-Vienne"), a place inside a place ("Nuova Guinea", "New York
    City", "Asia Centrale", a country inside staying a nested country mention), and a lone
    surname of a known person inside a capitalised name ("Bolton Wanderers", "Harris County")."""
    standing = []
    for span in ner:
        inside = [m for m in mentions if span.overlaps(m) and not m.extra.get("dropped")]
        if not inside:
            if span.label != "MISC":
                standing.append(span)
            continue
        if span.token_start not in all_caps and _longer_name_wins(span, inside, doc):
            for m in inside:
                m.extra["dropped"] = True
                if m.candidate("country", "demonym") and not m.part:
                    m.extra["nested_country"] = True  # "Ucraina orientale" still names Ukraine
            standing.append(span)
            continue
        if span.token_start in all_caps or any(
                m.token_start <= span.token_start and span.token_end <= m.token_end for m in inside) or any(
                m.token_start < span.token_start or m.token_end > span.token_end for m in inside):
            continue  # the alias covers the span or crosses its edge: the base's reading stands
        tags = set().union(*(m.tags for m in inside))
        if span.label == "MISC":
            for m in inside:
                if m.tags <= {"location", "capital"}:
                    m.extra["dropped"] = True
        elif span.label == "ORG" and tags <= _PLACE_TAGS:
            for m in inside:  # the place stays inside the organisation
                m.extra["dropped"] = True
                if m.tags == {"demonym"} and not m.part:
                    m.extra["nested_country"] = True  # "the Russian Space Agency" still names Russia
            standing.append(span)
        elif span.label == "PER" and tags <= _PLACE_TAGS and doc[span.token_start].text in given:
            for m in inside:  # "Giovanni Russo", "Jack London": a given name opens it
                m.extra["dropped"] = True
            standing.append(span)
        elif span.label == "PER" and len(inside) == 1 and inside[0].candidate("person"):
            m, words = inside[0], [t.text for t in doc[span.token_start:span.token_end]]
            if fits(words, m.candidate("person")[1]):  # the known person named more fully than the alias
                m.start, m.end, m.token_start, m.token_end = span.start, span.end, span.token_start, span.token_end
            else:  # someone else of the same surname
                m.extra["dropped"] = True
                standing.append(span)
        elif span.label == "LOC" and not tags & _PLACE_TAGS and "organization" not in tags:
            for m in inside:  # "Piazza Garibaldi": a person's name inside a place's
                m.extra["dropped"] = True
            standing.append(span)
    return standing


def _longer_name_wins(span: NerMention, inside: list[Mention], doc: Doc) -> bool:
    """True where one alias match sits inside a longer LOC or ORG span that names something else
    (see ``merge_with_aliases``); two aliases inside may be a list ("Mosca e Kiev"), so they stand."""
    if span.label not in ("LOC", "ORG") or len(inside) != 1:
        return False
    m = inside[0]
    if m.part:  # one piece of a hyphen compound, the span being the whole token
        return m.token_start == span.token_start and m.token_end == span.token_end and m.tags <= _PLACE_TAGS
    if m.token_start < span.token_start or m.token_end > span.token_end:
        return False
    if m.token_end - m.token_start == span.token_end - span.token_start:
        return False  # the same words: the base's reading stands
    # a name, capitalised but for the words that join it ("Golfo de México"); not a phrase the
    # model ran a place into ("nazionale del Paraguay", "Trump administration")
    words = doc[span.token_start:span.token_end]
    if not all(t.text[:1].isupper() or not t.is_alpha or t.pos_ in _FUNCTION_WORDS for t in words):
        return False
    if span.label == "LOC" and m.tags <= _PLACE_TAGS:
        return True
    return m.tags == {"person"} and m.token_end - m.token_start == 1


def not_people_starts(doc: Doc, ner: list[NerMention]) -> set[int]:
    """First tokens of NER spans that read a name opening with a given name as no person: a MISC
    span ("Alan Ford" the comic), a LOC span the gazetteer knows ("Victoria Falls"). ORG and other
    LOC spans do not count: models often call a person with a foreign name one."""
    from ...resources.places import place_index

    found = set()
    for n in ner:
        if n.label == "MISC" or (n.label == "LOC" and n.token_end - n.token_start > 1
                                 and place_index().lookup(doc.text[n.start:n.end])):
            found.add(n.token_start)
    return found


# -- the spans the base does not know, as entities ------------------------------------------------
def ner_people(reading, doc: Doc, spans: list[NerMention], people: list, several_words: bool) -> None:
    """PER spans nothing else explains become people: a known person spelt another way is linked
    ("Dmitri Peskov"), anyone else stays unresolved. Unless it opens with a given name, a span
    that is a town's name or holds an organisation's head word is no person ("Ascoli Piceno"). ``several_words`` picks the full names (taken
    before later surnames are joined to them) or the lone surnames (after)."""
    from ...resources.places import place_index
    from .people import known_like, person_country, role_titles, unknown_person_name

    resolver, places = reading.resolver, place_index()
    for span in spans:
        if span.label != "PER":
            continue
        start, end = span.token_start, span.token_end
        if (end - start > 1) != several_words or any(
                i in reading.occupied for i in range(start, end)):
            continue
        words = [t.text for t in doc[start:end]]
        if words[0] not in resolver.given and (places.lookup(" ".join(words)) or any(
                w.lower() in resolver.org_heads or w in resolver.institution_words for w in words)):
            continue  # "Ascoli Piceno", "Buffalo", "Nordic Council"
        first, last = doc[start], doc[end - 1]
        known = known_like(reading, words) if several_words else None
        if known is not None:
            people.append((first.idx, last.idx + len(last), known.name, known.id, role_titles(reading, known),
                           person_country(known)))
        else:
            people.append((first.idx, last.idx + len(last), unknown_person_name(words), None, [], None))
        reading.occupied.update(range(start, end))


def ner_places_and_organizations(reading, doc: Doc, spans: list[NerMention]):
    """ORG and LOC spans nothing else explains, as entities with no actor; a place the city
    gazetteer knows gets its country. A given name alone is no place ("Vladimir ha detto"). (The
    tagger is no veto here: taggers call many a foreign town NOUN, "Tripolis", "Luçon".)"""
    from ...record import Entity
    from ...resources.places import place_index

    found = []
    for span in spans:
        if span.label not in ("ORG", "LOC"):
            continue
        if any(i in reading.occupied for i in range(span.token_start, span.token_end)):
            continue
        a, b = span.start, span.end
        text = reading.text[a:b]
        kind = KINDS[span.label]
        if kind == "location" and span.token_end - span.token_start == 1 and text in reading.resolver.given:
            continue
        country = place_index().lookup(text) if kind == "location" else None
        found.append(Entity(text=text, kind=kind, canonical=text, actor=None, country=country, start=a, end=b))
        reading.occupied.update(range(span.token_start, span.token_end))
    return found
