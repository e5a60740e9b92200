"""Generic agents and conditional cues, between the pattern matches and the coding.

A generic agent ("rebels", "la polizia", "силовики") is a group with a CAMEO agent
code (``events/agents/<lang>.yaml``); its country is its own demonym or name
("Israeli police", "the army of Mali"), else a country the parse attaches to it
("security forces in Guinea"), else the one country the sentence names ("rebel
fighters attacked an army post in the north of Mali": both Malian). A mapping cue
with ``object`` applies only when one of its objects follows, and then replaces
the plain cue of the same words (``patterns`` module docstring).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .actors import Group

__all__ = ["agent_countries", "apply_cue_rules", "collective_pairs", "demonym_people", "drop_agent_cues",
           "nominal_agents", "quantity_heads", "capital_sides"]

_OBJECT_WINDOW = 6  # tokens after a cue where its conditioning object may stand
_PLACE_KINDS = ("country", "location")
_PEOPLE = "CVL"  # the agent code of a country's people (civilians)


def _country_at(entities, first: int, last: int) -> str | None:
    for start, end, entity in entities:
        if start < last and first < end and entity.kind in _PLACE_KINDS and entity.country:
            return entity.country
    return None


def agent_countries(doc: Doc, sent: Span, groups: list[Group], entities, text: str) -> None:
    """Give each generic-agent group its words and, lacking a country of its own, one from the sentence."""
    inside = [(s, e, ent) for s, e, ent in entities if sent.start <= s and e <= sent.end]
    named = {ent.country for _, _, ent in inside if ent.kind in _PLACE_KINDS + ("person", "organization")
             and ent.country}
    for group in groups:
        if not group.agent:
            continue
        group.text = text[group.char_start:group.char_end] if group.char_start >= 0 else ""
        if group.country:
            continue
        country = None
        if getattr(doc._, "parsed", False):
            for i in range(group.start, group.end):
                for child in doc[i].children:
                    if child.dep_.split(":")[0] in ("nmod", "amod", "obl", "compound", "flat", "appos"):
                        country = country or _country_at(inside, child.left_edge.i, child.right_edge.i + 1)
        if country is None:  # where it happens: "rebels in the north of Mali", "killed 20 people in Juba"
            country = next((g.head.country for g in groups if g.marker == "at" and g.head is not None
                            and g.head.kind in _PLACE_KINDS and g.head.country), None)
        if country is None and len(named) == 1:
            country = next(iter(named))
        group.agent_country = country


def demonym_people(doc: Doc, groups: list[Group], demonyms: dict[str, str], quantity: set[str] = frozenset()) -> None:
    """A plural demonym standing as a noun ("Georgians protested", "migliaia di georgiani",
    "тысячи грузин") names that country's people, not its state: civilians (CVL) of
    the country, so that they can act against their own government. Read from the
    parse: the demonym heads its phrase as a noun and is not singular ("il russo" may be
    one man); an adjective ("Georgian police") or the country's name is left as it is."""
    if not getattr(doc._, "parsed", False):
        return
    for group in groups:
        head = group.head
        if group.agent or group.roles or group.pair or head is None or head.kind != "country" \
                or len(group.entities) != 1:
            continue
        if demonyms.get(head.text.lower().replace("’", "'")) != head.country:
            continue  # the country's name, not its people
        token = doc[group.start:group.end].root
        # a name's number is unreliable, and a quantity's complement is many ("miles de iraníes")
        singular = token.pos_ == "NOUN" and "Sing" in token.morph.get("Number") and token.head.lower_ not in quantity
        previous = doc[token.i - 1] if token.i > 0 else None
        if previous is not None and token.is_lower and previous.is_lower and previous.lower_ not in quantity and (
                previous.pos_ in ("NOUN", "ADJ") or previous.head.i == token.i and previous.dep_ == "amod"):
            continue  # a lowercase demonym after a noun qualifies it ("soldati turchi"), however tagged
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("amod", "compound") and not singular:
            group.agent = _PEOPLE


def capital_sides(groups: list[Group], resolver) -> None:
    """A capital named as a side, not as a place ("tra Mosca e Kiev", "threatened Seoul",
    "против Киева"), stands for its state: its group takes the country, so it is an actor.
    A capital marked as where or whither ("in Moscow", "a Kiev") stays a place."""
    for group in groups:
        head = group.head
        if head is None or head.kind != "location" or group.marker in ("at", "to") or group.agent:
            continue
        country = resolver.capital_of(head)
        if country is None:
            continue
        index = group.entities.index(head)
        group.entities[index] = head.model_copy(update={"kind": "country", "actor": country,
                                                        "canonical": resolver.country_name(country)})


def quantity_heads(groups: list[Group], sent_start: int, words: list[str], markers: dict, articles: set[str],
                   quantity: set[str]) -> None:
    """A group after a quantity and "of" ("migliaia di georgiani", "des milliers de Géorgiens")
    stands where the quantity stands: its "of" marker goes, so it can be the subject."""
    if not quantity:
        return
    for group in groups:
        if group.marker != "of":
            continue
        i = group.start
        while i > sent_start and words[i - 1] in articles:
            i -= 1
        if i - 2 >= sent_start and markers.get((words[i - 1],)) == "of" and words[i - 2] in quantity:
            group.marker = None


def apply_cue_rules(spans: list[Span], rules: dict, lemmas: list[str], sent_ends: list[int]) -> list[Span]:
    """Drop mapping cues whose object is not there; one that holds replaces the plain
    cues on the same words and takes its code (the rule stays on ``rule_of``)."""
    held: list[Span] = []
    plain: list[Span] = []
    for span in spans:
        rule = rules.get(span.label_)
        if rule is None:
            plain.append(span)
            continue
        if rule.objects:
            limit = min(len(lemmas), span.end + _OBJECT_WINDOW, _sentence_end(span.start, sent_ends))
            if not any(lemmas[i] in rule.objects for i in range(span.end, limit)):
                continue
        held.append(span)
    plain = [s for s in plain if not any(s.start < h.end and h.start < s.end for h in held)]
    return plain + held


def _sentence_end(start: int, sent_ends: list[int]) -> int:
    for end in sent_ends:
        if end > start:
            return end
    return start + _OBJECT_WINDOW


def drop_agent_cues(cues: list[Span], agents: list[tuple[int, int, str]]) -> list[Span]:
    """A cue word that names a generic agent ("demonstrators", "militants") is an actor,
    not an act, where another cue stands in its sentence."""
    covered = [any(a0 <= c.start and c.end <= a1 for a0, a1, _ in agents) for c in cues]
    acts = {c.sent.start for c, agent in zip(cues, covered) if not agent}
    return [c for c, agent in zip(cues, covered) if not agent or c.sent.start not in acts]


def nominal_agents(doc: Doc, agents: list[Span], cues: list[Span]) -> list[Span]:
    """Agent words used as nouns: with a parse, the span's head is not an adjective
    ("military" in "a military operation"); without one, an agent word inside a cue or
    right after one modifies the cue's noun ("un'operazione militare")."""
    if getattr(doc._, "parsed", False):
        return [a for a in agents if a.root.pos_ in ("NOUN", "PROPN", "PRON", "X") and a.root.dep_ != "amod"]
    return [a for a in agents if not any(c.start <= a.start <= c.end and a.start >= c.start + 1 for c in cues)]


def collective_pairs(doc: Doc, spans: list[Span], surface: set[str]) -> list[Span]:
    """Collective subjects ("les dirigeants", "лидеры") as the two protagonists: with a
    parse, when their head is not singular ("le dirigeant" is one person); without one,
    only as written in the list."""
    found = []
    for span in spans:
        if getattr(doc._, "parsed", False):
            keep = "Sing" not in span.root.morph.get("Number")
        else:
            keep = " ".join(span.text.lower().replace("’", "'").split()) in surface
        if keep:
            found.append(Span(doc, span.start, span.end, label="PAIR"))
    return found
