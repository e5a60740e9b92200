"""Which short quoted stretches are quotes, read on the parse.

A quote of one or two words is a quote when a verb of naming governs it directly: "nannte
den Bericht „fahrlässig“", "sprach von „gezielter Indiskretion“", "ha definito «inaccettabile» la
proposta", "called the plan “reckless”", "a qualifié de « scandaleux »", "calificó de
«inaceptable»", "назвал «провокацией»" — its speaker is that verb's subject. Otherwise it is a scare
quote, a title or a motto.

A quoted stretch without a verb that names a thing — a title after its noun ("der Film „Nackt
unter Wölfen“", "il quotidiano «La Stampa»", "the album “Piper at the Gates of Dawn”") — is a
name, not something said, however many words it has.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .syntax import _tokens

__all__ = ["ShortQuotes"]

_VERBAL = ("VERB", "AUX")
_NAME_LINKS = ("nmod", "appos", "flat", "compound", "nk", "dep")
_UP = ("obj", "xcomp", "ccomp", "parataxis", "obl", "dep", "advcl")  # how the quoted words hang from their verb


class ShortQuotes:
    def __init__(self, parse, cues):
        self.parse = parse
        self.naming = {w.lower() for w in cues("naming_lemmas")}

    def said(self, doc: Doc, start: int, end: int) -> bool:
        """A verb of saying or naming outside ``start:end`` governs the quoted words."""
        inside = _tokens(doc, start, end)
        if not inside:
            return False
        roots = [t for t in inside if t.head == t or not start <= t.head.idx < end]
        for root in roots:  # the verb itself, not a verb further up: "ha detto che … con «toda Europa»" is no quote
            head = root.head
            if head != root and root.dep_.split(":")[0] in _UP and not start <= head.idx < end \
                    and head.pos_ in _VERBAL and self._cue(head):
                return True
            # "called the plan “reckless”": the parser hangs the predicate on the object
            if root.dep_ in ("appos", "amod", "acl") and head.dep_ == "obj" and head.head.pos_ in _VERBAL \
                    and self._cue(head.head) and not start <= head.head.idx < end:
                return True
        return False

    def names_a_thing(self, doc: Doc, start: int, end: int) -> bool:
        """No verb inside, and the stretch hangs from a noun outside it: a title or a name."""
        inside = _tokens(doc, start, end)
        if not inside or any(t.pos_ in _VERBAL for t in inside):
            return False
        roots = [t for t in inside if t.head == t or not start <= t.head.idx < end]
        if not roots or self.said(doc, start, end):
            return False
        root, first = roots[0], inside[0]
        head = root.head
        if head == root or head.pos_ not in ("NOUN", "PROPN") or root.dep_.split(":")[0] not in _NAME_LINKS:
            return False
        if not any(ch.isalnum() for ch in head.text):  # a quotation mark the tagger called a name is no noun
            return False
        # the title follows its noun and opens with a capital: "il quotidiano «La Stampa»"
        before = [t for t in doc[head.i + 1:first.i] if not t.is_punct]
        return not before and head.i < first.i and first.text[:1].isupper()

    def _cue(self, verb: Token) -> bool:
        """A verb of naming ("nennen", "definire", "call"): a verb of saying alone ("Tajani ha chiesto
        una “pace giusta”") does not make two quoted words a quote."""
        return verb.lemma_.lower() in self.naming or verb.lower_ in self.naming
