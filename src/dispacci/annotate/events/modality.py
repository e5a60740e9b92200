"""Modality from the parse: is the act negated, or only planned, offered, conditional?

Read around the cue's head (``arguments.cue_head``) and the verb a nominal cue is
the object of ("offered talks"): a negation child (``neg``, ``advmod:neg``, a
word with ``Polarity=Neg`` or in the language's negation list) negates; a verb the
cue depends on that says it did not happen (``failure_verbs``: "failed to
reach") negates; a modal auxiliary (``modal_verbs``), a future auxiliary, the
conditional or future mood, a governing intent verb (``intent_verbs``: "plans
to visit", "minaccia di attaccare") or a condition mark (``condition_marks``:
"if", "se", "если") makes it hypothetical. The word lists are data
(``events/modality/<lang>.yaml``); without a parse the surface rules of
``clause`` stand alone.

An act only planned can still be an event of its own: the actor's stated intent. It is
*intended* when the future says it ("will withdraw": a future auxiliary, ``future_verbs``,
or the future or conditional mood) or a verb of the actor's own commitment governs it
(``commitment_verbs``: "promised to release", "is ready to send", "threatened to
attack"); asking someone else ("urged Iran to release") is no intent of the doer.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .arguments import cue_head

__all__ = ["parse_modality"]

_GOVERNED = ("xcomp", "ccomp", "csubj", "acl", "advcl", "obj", "nmod", "obl", "nsubj")


def _lemma(token: Token, lemmas: list[str]) -> str:
    return lemmas[token.i] if token.i < len(lemmas) else token.lemma_.lower()


def _negated_here(token: Token, negations: set, lemmas: list[str]) -> bool:
    for child in token.children:
        dep = child.dep_
        if dep in ("neg", "advmod:neg") or (dep in ("advmod", "det", "part", "aux", "cc:preconj")
                                             and ("Neg" in child.morph.get("Polarity") or child.lower_ in negations)):
            return True
    return False


def _hypothetical_here(token: Token, modal: frozenset, marks: frozenset, lemmas: list[str]) -> bool:
    if "Cnd" in token.morph.get("Mood") or "Fut" in token.morph.get("Tense"):
        return True
    for child in token.children:
        if child.dep_ in ("aux", "aux:tense") or (child.dep_.startswith("aux") and child.dep_ != "aux:pass"):
            if _lemma(child, lemmas) in modal or child.lower_ in modal or "Fut" in child.morph.get("Tense") \
                    or "Cnd" in child.morph.get("Mood"):
                return True
        if child.dep_ == "mark" and (_lemma(child, lemmas) in marks or child.lower_ in marks):
            return True
    return False


def _future_here(token: Token, future: frozenset, modal: frozenset, lemmas: list[str]) -> bool:
    """The future or conditional of the act itself ("attaccherà", "would blockade"); a modal
    in the conditional ("potrebbe attaccare": could) says only that it may happen."""
    if "Fut" in token.morph.get("Tense") or "Cnd" in token.morph.get("Mood"):
        return True
    for child in token.children:
        if not child.dep_.startswith("aux") or child.dep_ == "aux:pass":
            continue
        lemma = _lemma(child, lemmas)
        if lemma in future or child.lower_ in future or "Fut" in child.morph.get("Tense") or (
                "Cnd" in child.morph.get("Mood") and lemma not in modal and child.lower_ not in modal):
            return True
    return False


def _predicate(noun: Token, limit: int = 3) -> Token:
    """The verb a nominal cue is an argument of, through nominal heads ("will provide tons of
    food aid": provide); the noun itself where no verb governs it."""
    token = noun
    for _ in range(limit):
        if token.head.i == token.i or token.dep_.split(":")[0] not in ("obj", "nmod", "obl", "nsubj"):
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return noun


def _governors(head: Token, limit: int = 2) -> list[Token]:
    """The verbs (or nouns: "the plan to visit") the cue depends on, nearest first."""
    found, token = [], head
    while len(found) < limit and token.head.i != token.i and token.dep_.split(":")[0] in _GOVERNED:
        token = token.head
        found.append(token)
    return found


def parse_modality(doc: Doc, start: int, end: int, modality: dict, negations: set,
                   lemmas: list[str]) -> tuple[bool, bool, bool]:
    """(negated, hypothetical, intended) the parse shows for the cue at tokens ``start:end``."""
    if not getattr(doc._, "parsed", False) or not modality and not negations:
        return False, False, False
    head = cue_head(doc, start, end)
    modal = modality.get("modal_verbs", frozenset())
    intent = modality.get("intent_verbs", frozenset())
    failure = modality.get("failure_verbs", frozenset())
    marks = modality.get("condition_marks", frozenset())
    own = [head]
    if head.pos_ in ("NOUN", "PROPN") and head.dep_.split(":")[0] in ("obj", "nsubj") and head.head.i != head.i:
        own.append(head.head)  # "no agreement was reached", "offered talks"
    negated = any(_negated_here(t, negations, lemmas) for t in own)
    hypothetical = any(_hypothetical_here(t, modal, marks, lemmas) for t in own)
    governors = _governors(head)
    if head.pos_ in ("NOUN", "PROPN") and len(own) > 1:
        governors = [own[1], *governors[1:]]
    for governor in governors:
        lemma = _lemma(governor, lemmas)
        if governor.pos_ in ("NOUN", "PROPN") and _negated_here(governor, negations, lemmas):
            negated = negated or lemma not in intent  # "no agreement on a truce"; "no request for a call": unsure
        if governor.pos_ in ("VERB", "AUX") and governor is not head.head and _negated_here(governor, negations, lemmas):
            hypothetical = True
        if lemma in failure:
            negated = True
        elif lemma in intent:
            hypothetical = True
        if governor.dep_ == "advcl" or head.dep_ == "advcl":
            hypothetical = hypothetical or _hypothetical_here(head, frozenset(), marks, lemmas)
    if head.dep_ in ("xcomp", "ccomp") and governors and _negated_here(governors[0], negations, lemmas):
        hypothetical = True  # "did not plan to attack": neither done nor denied
    future = modality.get("future_verbs", frozenset())
    commitment = modality.get("commitment_verbs", frozenset())
    intended = not negated and (
        any(_future_here(t, future, modal - future, lemmas) for t in own)
        or any(_lemma(g, lemmas) in commitment | future or g.lower_ in commitment for g in governors[:1])
        or (head.dep_ == "xcomp" and bool(governors) and _future_here(governors[0], future, modal - future, lemmas))
        or (head.pos_ in ("NOUN", "PROPN") and _future_here(_predicate(head), future, modal - future, lemmas)))
    return negated, hypothetical or intended, intended
