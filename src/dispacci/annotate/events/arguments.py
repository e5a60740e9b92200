"""Arguments from the parse: who acts and on whom, read off the dependency tree.

Where ``doc._.parsed`` is set, the source of a verbal cue is its subject (the agent
in a passive: ``obl:agent``, an oblique marked by an agent word — "by", "da",
"par", "von", "por" — or a Russian instrumental), the target its object, or the
oblique the pattern names, or a counterpart marked "with/to/against"; a nominal
cue ("la telefonata tra X e Y", "the visit of X to Y") reads its modifiers, and
a nominal cue that is the object of a verb ("X held talks with Y") takes the
verb's subject. Coordinated subjects and objects give one pair per conjunct; a
subject in an xcomp ("X plans to visit Y") or a conjoined verb is the governor's.
Tokens map to the surface groups of ``actors`` (which join roles, demonyms and
names), so an apposition or a role resolves as before. Anything the parse does
not settle returns ``None`` and the surface rules decide.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .actors import Group

__all__ = ["ParseFrame", "cue_head", "parse_sides", "case_words"]

_SUBJECT = ("nsubj", "csubj")
_PASSIVE_SUBJECT = ("nsubj:pass", "nsubjpass", "csubj:pass")
_OBJECT = ("obj", "dobj", "iobj")
_OBLIQUE = ("obl", "nmod", "obl:arg", "obl:agent", "nmod:agent", "obl:tmod")
_MODIFIER = ("amod", "nmod", "compound", "flat", "flat:name", "appos", "nmod:poss", "det:poss", "nummod")
_COUNTERPART = ("with", "to", "against", "between")


@dataclass
class ParseFrame:
    """What the coder tells the parse reader about one cue."""

    markers: dict  # word tuple → marker name (with, between, agent, against, to, at, of …)
    topic_words: frozenset[str]
    target: str = "object"  # object | oblique | none (from a mapping cue)
    cases: frozenset[str] = frozenset()
    object_first: bool = False
    place_target: bool = False
    passive_hint: bool = False  # the surface saw a passive auxiliary
    clause: tuple[int, int] = (0, 1 << 30)  # tokens of the cue's clause: arguments outside are misparses


def cue_head(doc: Doc, start: int, end: int) -> Token:
    """The cue token whose head lies outside the cue (the verb of "signed * agreement")."""
    for token in doc[start:end]:
        if token.head.i == token.i or not start <= token.head.i < end:
            return token
    return doc[start]


def case_words(token: Token) -> tuple[str, ...]:
    """The prepositions ("case"/"mark" children) before a nominal, lowercased, in order."""
    return tuple(c.lower_.replace("’", "'") for c in token.children
                 if c.dep_ in ("case", "mark") or c.dep_.startswith("case:"))


def _marker(token: Token, frame: ParseFrame) -> str | None:
    words = case_words(token)
    for size in (3, 2, 1):
        for i in range(0, max(0, len(words) - size) + 1):
            name = frame.markers.get(words[i:i + size])
            if name:
                return name
    return None


def _is_passive(verb: Token, frame: ParseFrame) -> bool:
    if any(c.dep_ in _PASSIVE_SUBJECT or c.dep_ in ("aux:pass", "auxpass", "expl:pass") for c in verb.children):
        return True
    return "Pass" in verb.morph.get("Voice") and (frame.passive_hint or verb.dep_.startswith("acl"))


def _children(token: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps or c.dep_.split(":")[0] in deps]


def _conjuncts(token: Token) -> list[Token]:
    found, stack = [], [token]
    while stack:
        current = stack.pop(0)
        found.append(current)
        stack.extend(c for c in current.children if c.dep_ == "conj" and c.i not in {t.i for t in found})
    return found


class _Groups:
    def __init__(self, groups: list[Group]):
        self.at: dict[int, Group] = {}
        for group in groups:
            if group.is_actor:
                for i in range(group.start, max(group.end, group.start + 1)):
                    self.at.setdefault(i, group)

    def of(self, token: Token, depth: int = 2) -> Group | None:
        """The group of a nominal: its own, else one among its modifiers and appositions,
        a person's first ("Bundeskanzler Olaf Scholz (SPD)": Scholz)."""
        group = self.at.get(token.i)
        if group is not None or depth == 0:
            return group
        found: list[Group] = []
        frontier = [token]
        for _ in range(depth):
            frontier = [c for t in frontier for c in t.children
                        if c.dep_ in _MODIFIER or c.dep_.split(":")[0] in ("nmod", "flat", "appos")]
            found.extend(g for g in (self.at.get(c.i) for c in frontier) if g is not None and g not in found)
        people = [g for g in found if g.head is not None and g.head.kind == "person"]
        return (people or found or [None])[0]

    def all_of(self, token: Token) -> list[Group]:
        """Groups of a nominal and its conjuncts ("X and Y"), and of coordinated
        modifiers ("Hungarian and Romanian officials")."""
        found: list[Group] = []
        for conjunct in _conjuncts(token):
            group = self.of(conjunct)
            if group is not None and group not in found:
                found.append(group)
            for child in conjunct.children:
                if child.dep_ in ("amod", "compound") and self.at.get(child.i) is not None \
                        and any(c.dep_ == "conj" for c in child.children):
                    for modifier in _conjuncts(child):
                        extra = self.of(modifier, 0)
                        if extra is not None and extra not in found:
                            found.append(extra)
        return found


def _subject(verb: Token, frame: ParseFrame, depth: int = 0) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT or (c.dep_.startswith("nsubj") and c.dep_ not in
                                                                    _PASSIVE_SUBJECT)]
    if subjects:
        subject = subjects[0]
        if "Rel" in subject.morph.get("PronType") and verb.dep_.startswith("acl"):
            return verb.head  # "the rebels who attacked": the antecedent
        return subject
    if depth > 2 or verb.head.i == verb.i:
        return None
    if verb.dep_ == "xcomp":  # "X plans to visit": the governor's subject (its object when it has one: "urged X to")
        objects = _children(verb.head, _OBJECT)
        return objects[0] if objects else _subject(verb.head, frame, depth + 1)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head, frame, depth + 1)
    if verb.dep_.startswith("acl") and verb.head.pos_ in ("NOUN", "PROPN") and "Pass" not in verb.morph.get("Voice"):
        return verb.head  # "rebels attacking the town"
    return None


def _agent(verb: Token, frame: ParseFrame, lang: str) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("obl:agent", "nmod:agent", "agent"):
            return child
        if child.dep_.split(":")[0] in ("obl", "nmod") and _marker(child, frame) == "agent":
            return child
        if lang == "ru" and child.dep_.startswith("obl") and "Ins" in child.morph.get("Case") and not case_words(child):
            return child
    return _agent_misattached(verb, frame)


def _agent_misattached(verb: Token, frame: ParseFrame) -> Token | None:
    """An agent phrase the parser hung on an oblique of the verb ("wurde am Dienstag von Russland
    angegriffen", "was attacked on Monday by rebels") or on a named subject ("wurde die Ukraine von
    Russland angegriffen": a name takes no "von" modifier of its own): still the passive's agent."""
    for child in verb.children:
        named_subject = child.dep_ == "nsubj:pass" and child.pos_ == "PROPN"
        if child.dep_.split(":")[0] != "obl" and not named_subject:
            continue
        for grandchild in child.children:
            if grandchild.dep_.split(":")[0] == "nmod" and _marker(grandchild, frame) == "agent":
                return grandchild
    return None


def _oblique_target(token: Token, frame: ParseFrame, groups: _Groups, exclude: list[Group],
                    owner: bool = False, places: bool = True) -> list[Group]:
    """The oblique or nominal modifier of ``token`` that names a counterpart: a bare
    nominal first (an object the parser took for an oblique, a Russian dative), then a
    counterpart marker ("with", "against"), then, for place-target codes and with
    ``places``, the place ("in X"); with ``owner`` (the modifiers of an object) also
    whose it is ("rejected an offer from X")."""
    ranked: list[tuple[int, Token]] = []
    for child in sorted(token.children, key=lambda c: c.i):
        if child.dep_.split(":")[0] not in ("obl", "nmod") or child.dep_.endswith(("agent", "tmod")):
            continue
        words = case_words(child)
        if frame.target == "oblique" and frame.cases:
            rank = 0 if set(words) & frame.cases else None
        else:
            name = _marker(child, frame)
            if any(w in frame.topic_words for w in words) and name not in _COUNTERPART:
                continue
            rank = (1 if not words and not owner and token.pos_ in ("VERB", "AUX") else
                    2 if name in _COUNTERPART else
                    3 if owner and name not in ("at", "agent", "source_of_info") else
                    4 if places and frame.place_target and name in ("at", "to") else None)
        if rank is not None:
            ranked.append((rank, child))
    for _, child in sorted(ranked, key=lambda item: item[0]):
        found = [g for g in groups.all_of(child) if g not in exclude]
        if found:
            return found
    return []


def parse_sides(doc: Doc, groups: list[Group], cue: tuple[int, int], frame: ParseFrame
                ) -> list[tuple[Group, Group | None]] | None:
    """(source, target) pairs the parse gives for the cue, or ``None`` where it gives no source."""
    if not getattr(doc._, "parsed", False):
        return None
    table = _Groups(groups)
    if not table.at:
        return None
    head = cue_head(doc, *cue)
    lang = doc.lang_
    if head.pos_ in ("NOUN", "PROPN"):
        return _nominal(head, frame, table, lang)
    return _verbal(head, frame, table, lang)


def _inside(token: Token | None, frame: ParseFrame) -> Token | None:
    return token if token is not None and frame.clause[0] <= token.i < frame.clause[1] else None


def _verbal(verb: Token, frame: ParseFrame, table: _Groups, lang: str) -> list | None:
    if _is_passive(verb, frame):
        agent = _inside(_agent(verb, frame, lang), frame)
        if agent is None:
            return None
        sources = table.all_of(agent)
        patients = [c for c in verb.children if c.dep_ in _PASSIVE_SUBJECT] or [
            c for c in verb.children if c.dep_ == "nsubj"]  # a passive subject labelled as active
        if not patients and verb.dep_.startswith("acl"):
            patients = [verb.head]  # "soldiers killed by rebels"
        targets = [g for p in patients for g in table.all_of(p) if g not in sources]
        return _pairs(sources, targets or _oblique_target(verb, frame, table, sources)) if sources else None
    subject = _inside(_subject(verb, frame), frame)
    if subject is None:
        return None
    sources = table.all_of(subject)
    if not sources:
        return None
    return _pairs(sources, _targets(verb, frame, table, sources))


def _targets(verb: Token, frame: ParseFrame, table: _Groups, sources: list[Group]) -> list[Group]:
    if frame.target == "none":
        return []
    objects = _children(verb, _OBJECT)
    if frame.target != "oblique":
        for obj in objects:
            found = [g for g in table.all_of(obj) if g not in sources]
            if found:
                return found
    found = _oblique_target(verb, frame, table, sources, places=False)
    if found:
        return found
    for obj in objects:  # "signed an agreement with Jordan", "rejected an offer from X"
        found = _oblique_target(obj, frame, table, sources, owner=True)
        if found:
            return found
    return _oblique_target(verb, frame, table, sources)  # "attacked ... in Ukraine"


def _nominal(noun: Token, frame: ParseFrame, table: _Groups, lang: str) -> list | None:
    between = [c for c in noun.children if c.dep_.split(":")[0] in ("nmod", "obl") and _marker(c, frame) == "between"]
    if between:
        members = table.all_of(between[0])
        if len(members) >= 2:
            return [(members[0], m) for m in members[1:]]
    owners = [c for c in noun.children if c.dep_ in ("nmod:poss", "det:poss")
              or (c.dep_ == "nmod" and _marker(c, frame) == "of")]
    sources = [g for o in owners for g in table.all_of(o)]
    if not sources and noun.dep_ in _OBJECT + ("obl",) and noun.head.pos_ in ("VERB", "AUX"):
        subject = _inside(_subject(noun.head, frame), frame)  # "X held talks with Y", "X staged a strike"
        sources = table.all_of(subject) if subject is not None else []
        if sources:
            found = _oblique_target(noun, frame, table, sources) or _oblique_target(noun.head, frame, table, sources)
            return _pairs(sources, found)
    if not sources:
        return None
    return _pairs(sources, _oblique_target(noun, frame, table, sources))


def _pairs(sources: list[Group], targets: list[Group]) -> list[tuple[Group, Group | None]]:
    targets = [t for t in targets if t not in sources]
    if targets:
        return [(s, t) for s in sources for t in targets]
    return [(s, None) for s in sources]
