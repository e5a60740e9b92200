"""Who does what to whom: actor groups in a clause and their roles around a cue.

Blank pipelines have no parser, so argument structure comes from the surface:
entity mentions (and role words such as "il presidente", "der Kanzler") that
stand together form one *group* ("il presidente russo Vladimir Putin"); the
function words just before a group *mark* it (with, between, agent, against,
to, of, at — per language in the pattern files); the source is the first
unmarked group before the cue (or the agent of a passive), the target the
counterpart the markers or the word order name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ...record import Entity
from ..text import doc_text

__all__ = ["Group", "build_groups", "mark_groups", "assign_sides", "coordinated"]

_ACTOR_KINDS = ("person", "organization", "country")
_HEAD_ORDER = {"person": 0, "organization": 1, "country": 2, "location": 3}
_GAP_PUNCT = {",", "(", ")"}
_MAX_GAP = 4
_TARGET_WINDOW = 12  # tokens after the cue where its target may stand
_GAP_WORDS = re.compile(r"[^\W\d_]+'?|[^\w\s]")


@dataclass
class Group:
    """Mentions that name one actor: role words, demonyms, a name."""

    start: int  # token indices into the doc
    end: int
    entities: list[Entity] = field(default_factory=list)
    roles: list[tuple[int, int]] = field(default_factory=list)
    pair: bool = False  # "i due leader", "both sides": the article's two protagonists
    indefinite: bool = False  # "un leader straniero": nobody in particular
    marker: str | None = None
    char_start: int = -1
    char_end: int = -1
    agent: str | None = None  # a generic agent's CAMEO agent code ("police": COP)
    agent_country: str | None = None  # the country a generic agent belongs to, read from the sentence
    text: str = ""  # the words of the group, for an actor without a name of its own

    @property
    def head(self) -> Entity | None:
        ranked = sorted(self.entities, key=lambda e: _HEAD_ORDER.get(e.kind, 9))
        return ranked[0] if ranked else None

    @property
    def country(self) -> str | None:
        head = self.head
        if head is not None and head.country:
            return head.country
        for entity in self.entities:
            if entity.country:
                return entity.country
        return None

    @property
    def is_actor(self) -> bool:
        head = self.head
        if self.agent and (head is None or head.kind == "country"):
            return True  # "some protesters", "a group of rebels": generic, yet actors
        if self.pair or (head is None and self.roles):
            return not self.indefinite
        return head is not None and head.kind in _ACTOR_KINDS

    def has_person(self) -> bool:
        return any(e.kind == "person" for e in self.entities)


def _norm(text: str) -> str:
    return text.lower().replace("’", "'")


def build_groups(doc: Doc, sent: Span, entities: list[tuple[int, int, Entity]],
                 roles: list[tuple[int, int, str]], glue: set[str], lemma_roles: set[str],
                 blocked: set[int] = frozenset(), title_words: bool = True) -> list[Group]:
    """Group the sentence's mentions: ``entities`` and ``roles`` as token spans.
    Tokens in ``blocked`` (event cues) never join two mentions; ``title_words``
    lets capitalised words join them ("segretario di Stato"), which languages
    that capitalise every noun (German) turn off."""
    mentions: list[tuple[int, int, object]] = [(s, e, ent) for s, e, ent in entities]
    taken = [(s, e) for s, e, _ in entities]
    for s, e, label in roles:
        if not any(s < te and ts < e for ts, te in taken):
            mentions.append((s, e, label))
    mentions.sort(key=lambda m: (m[0], -m[1]))
    groups: list[Group] = []
    for start, end, item in mentions:
        current = groups[-1] if groups else None
        if current is not None and _joins(doc, current, start, item, glue, lemma_roles, blocked, title_words):
            current.end = max(current.end, end)
            _add(current, start, end, item, doc)
            continue
        group = Group(start=start, end=end)
        _add(group, start, end, item, doc)
        groups.append(group)
    return groups


def _add(group: Group, start: int, end: int, item, doc: Doc) -> None:
    if isinstance(item, Entity):
        first, last = item.start, item.end
    else:
        first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    group.char_start = first if group.char_start < 0 else min(group.char_start, first)
    group.char_end = max(group.char_end, last)
    if isinstance(item, Entity):
        group.entities.append(item)
    elif item == "PAIR":
        group.pair = True
        group.roles.append((start, end))
    elif isinstance(item, str) and item.startswith("AGENT:"):
        group.agent = group.agent or item[6:]
        group.roles.append((start, end))
    else:
        group.roles.append((start, end))


def _joins(doc: Doc, group: Group, start: int, item, glue: set[str], lemma_roles: set[str],
           blocked: set[int], title_words: bool) -> bool:
    if start < group.end:  # one token holds both ("Meloni-Zelensky"): join unless two names
        return not (isinstance(item, Entity) and item.kind in ("person", "country") and group.entities
                    and any(e.kind == item.kind for e in group.entities))
    gap = doc[group.end:start]
    if len(gap) > _MAX_GAP:
        return False
    if isinstance(item, Entity):
        if item.kind == "person" and group.has_person():
            return False
        if item.kind == "country" and group.entities and all(e.kind == "country" for e in group.entities):
            return False
        if item.kind == "location":
            return False
    elif group.entities and item != "PAIR":
        # a role word after a name starts a new actor ("Putin e il presidente"), except
        # right after a demonym ("dem ukrainischen Präsidenten")
        if gap.text.strip() or not all(e.kind == "country" for e in group.entities):
            return False
    for token in gap:
        if token.i in blocked:
            return False
        text = _norm(token.text)
        if token.is_space or text in glue or token.lemma_ in lemma_roles:
            continue
        if text in _GAP_PUNCT and isinstance(item, Entity) and item.kind == "person":
            continue  # apposition: "il ministro degli Esteri, Antonio Tajani"
        if title_words and token.is_alpha and token.text[:1].isupper() and not token.is_sent_start:
            continue  # title words: "segretario di Stato", "Repubblica del"
        return False
    return True


_MARKER_ORDER = ("between", "with", "agent", "against", "to", "at", "of", "source_of_info")


def marker_table(phrases: dict[str, set[tuple[str, ...]]]) -> dict[tuple[str, ...], str]:
    """Marker phrase → marker name; a phrase in two lists keeps the first in precedence."""
    table: dict[tuple[str, ...], str] = {}
    for name in reversed(_MARKER_ORDER):
        for phrase in phrases.get(name, ()):
            table[phrase] = name
    return table


def mark_groups(groups: list[Group], sent_start: int, words: list[str], markers: dict[tuple[str, ...], str],
                articles: set[str], indefinite: set[str]) -> None:
    """Set each group's marker from the function words just before it; ``words`` are
    the doc's lowercased tokens."""
    for group in groups:
        end = group.start
        if end > sent_start and words[end - 1] in indefinite:
            group.indefinite = True
        while end > sent_start and words[end - 1] in articles and end > group.start - 2:
            end -= 1
        group.marker = None
        for size in (4, 3, 2, 1):
            begin = end - size
            if begin < sent_start:
                continue
            name = markers.get(tuple(words[begin:end]))
            if name:
                group.marker = name
                break


def coordinated(doc: Doc, groups: list[Group], index: int, conjunctions: set[str], articles: set[str],
                text: str | None = None) -> list[int]:
    """Indices of the groups joined to ``groups[index]`` by conjunctions ("X e Y", "X, Y and Z")."""
    found = [index]
    i = index
    while i + 1 < len(groups):
        gap_text = (text if text is not None else doc_text(doc))[groups[i].char_end:groups[i + 1].char_start]
        words = [w for w in _GAP_WORDS.findall(_norm(gap_text)) if w not in articles]
        if not words or not all(w in conjunctions or w == "," for w in words) or words[-1] == ",":
            break
        if not groups[i + 1].is_actor:
            break
        found.append(i + 1)
        i += 1
    return found


def assign_sides(doc: Doc, groups: list[Group], cue: tuple[int, int], *, passive: bool, strict_passive: bool = False,
                 object_first: bool, place_target: bool, conjunctions: set[str],
                 articles: set[str], clause_start: int = 0, clause_end: int | None = None,
                 relative_subject: Group | None = None, text: str | None = None,
                 prefer_foreign: bool = False, agent_counterpart: bool = False,
                 reciprocal: bool = True, topic_words: frozenset[str] = frozenset()) -> list[tuple[Group, Group | None]]:
    """(source, target) pairs for a cue at token span ``cue`` among the clause's groups.
    With ``place_target`` (attacks, visits) a country named as the place ("in Ucraina")
    can be the target."""
    actors = [g for g in groups if g.is_actor and g.start >= clause_start
              and (clause_end is None or g.start < clause_end)]
    if not actors:
        return []
    cue_start, cue_end = cue
    before = [g for g in actors if g.end <= cue_start]
    after = [g for g in actors if g.end > cue_start]  # inside or across a cue too: "expelled two Russian diplomats"
    counterpart = ("with", "against", "to", "agent") if agent_counterpart else ("with", "against", "to")

    between = [g for g in actors if g.marker == "between" and cue_end <= g.start <= cue_end + 4]
    if between:
        first = actors.index(between[0])
        members = coordinated(doc, actors, first, conjunctions, articles, text)
        if len(members) >= 2:
            return [(actors[members[0]], actors[m]) for m in members[1:]]

    if passive:  # "X è stato invitato da Y": the agent acts
        agents = [g for g in after if g.marker == "agent"]
        subjects = [g for g in before if g.marker is None]
        if not agents:
            if not subjects or strict_passive:
                return []  # "sanctions were imposed", "è stato ucciso": nobody named as acting
            passive = False  # "sont convenus", "è arrivato": a compound tense, not a passive
        else:
            return [(agents[0], subjects[0] if subjects else _first_unmarked(after[after.index(agents[0]) + 1:]))]

    subjects = [g for g in before if g.marker is None]
    if relative_subject is not None and relative_subject in actors:
        subjects = [relative_subject]
    if subjects:
        source = subjects[0]
        sources = [actors[i] for i in coordinated(doc, actors, actors.index(source), conjunctions, articles, text)]
        rest = [g for g in actors if g not in sources
                and g.marker not in (("source_of_info", "at") if agent_counterpart else ("source_of_info", "at", "agent"))]
        rest_after = [g for g in rest if g.end > cue_start and g.start - cue_end <= _TARGET_WINDOW]
        rest_before = [g for g in rest if g.end <= cue_start]
        direct = [g for g in rest_after if g.marker is None and _adjacent(doc, cue_end, g, articles)]
        if direct:
            ranked = direct
        elif object_first:
            ranked = ([g for g in rest_after if g.marker is None] + [g for g in rest_after if g.marker == "of"]
                      + [g for g in rest_after if g.marker in counterpart]
                      + [g for g in rest_before if g.marker in (None, "of")]
                      + [g for g in rest_before if g.marker in counterpart])
        else:  # the nearest counterpart or object after the cue ("ha ricevuto mercoledì X a Y")
            ranked = ([g for g in rest_after if g.marker in counterpart or g.marker is None]
                      + [g for g in rest_before if g.marker in counterpart]
                      + [g for g in rest_after if g.marker == "of"]
                      + [g for g in rest_before if g.marker is None])
        if place_target:
            ranked += [g for g in actors if g.marker in ("at", "to") and g not in sources and g.start >= cue_end]
        if prefer_foreign and source.country:  # "ha incontrato a Palazzo Chigi il cancelliere": a guest
            ranked.sort(key=lambda g: g.country == source.country)
        if len(sources) >= 2 and reciprocal and not any(
                g.marker in counterpart and not _inside_topic(doc, cue_end, g, topic_words) for g in ranked):
            # "X and Y discussed Ukraine", "X e Y hanno discusso degli aiuti all'Ucraina": with a
            # coordinated subject a reciprocal verb pairs the subjects; what follows is the topic,
            # unless it is a counterpart of the verb itself ("met with Z").
            return [(sources[0], t) for t in sources[1:]]
        if ranked:
            target = ranked[0]
            targets = [actors[i] for i in coordinated(doc, actors, actors.index(target), conjunctions, articles, text)]
            targets = [t for t in targets if t not in sources]
            return [(s, t) for s in sources for t in targets]
        if len(sources) >= 2 and reciprocal:  # "X e Y hanno discusso": a reciprocal pair
            return [(sources[0], t) for t in sources[1:]]
        return [(s, None) for s in sources]

    # nominal cue at the head of a clause: "Telefonata Meloni-Zelensky", "call with X"
    unmarked = [g for g in after if g.marker in (None, "between")]
    if unmarked:
        first = actors.index(unmarked[0])
        members = coordinated(doc, actors, first, conjunctions, articles, text)
        if len(members) >= 2:
            return [(actors[members[0]], actors[m]) for m in members[1:]]
        others = [g for g in after if g is not unmarked[0] and g.marker in counterpart]
        return [(unmarked[0], others[0] if others else None)]
    return []


def _adjacent(doc: Doc, cue_end: int, group: Group, articles: set[str]) -> bool:
    """The group follows the cue as its direct object ("ha informato il presidente")."""
    gap = [t for t in doc[cue_end:group.start] if not t.is_space]
    return len(gap) <= 3 and all(_norm(t.text) in articles or (t.is_alpha and t.lower_.endswith("mente"))
                                 or t.lower_ in ("telephonically", "by", "phone") for t in gap) and len(gap) <= 2


def _inside_topic(doc: Doc, cue_end: int, group: Group, topic_words: frozenset[str]) -> bool:
    """A topic marker stands between the cue and the group ("discussed aid to Ukraine")."""
    return any(_norm(t.text) in topic_words for t in doc[cue_end:group.start])


def _first_unmarked(groups: list[Group]) -> Group | None:
    for group in groups:
        if group.marker is None:
            return group
    return None
