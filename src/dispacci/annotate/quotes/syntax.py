"""Attribution read on the dependency parse of the syntax layer.

A quote is governed by a verb of saying: the quote's own root hangs from it (``ccomp``,
``obj``, ``parataxis``) or it hangs from the quote's root (the parser often makes an
inverted "», sagte der Minister" a ``parataxis`` of the quoted clause). The speaker is that
verb's subject (``nsubj``, ``nsubj:pass``, ``obl:agent``), looked for through ``conj``,
``xcomp`` and ``advcl`` when the verb shares the subject of the verb it depends on
("ha incontrato i giornalisti e ha detto"). Inside the subject's phrase, the person is the
name the head noun stands in apposition with ("der EU-Außenbeauftragte Javier Solana",
"Anna Beispiel (SPD)" → the person, not the party), never a name only hanging from it
through a preposition or a genitive ("der Sprecher von Merkel").

Nothing here decides alone: where ``doc._.parsed`` is False, or the parse gives no
reporting verb or no subject, the callers fall back to the surface rules.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token
from ..text import doc_text

__all__ = ["ParseReader", "SUBJECT_DEPS"]

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "obl:agent", "csubj")
_SHARED_SUBJECT = ("conj", "xcomp", "advcl")  # a verb that takes the subject of its head
_QUOTE_LINKS = ("ccomp", "obj", "parataxis", "dep", "conj", "advcl", "xcomp", "appos", "root", "list")
_CLIMB_LINKS = ("ccomp", "xcomp", "parataxis", "dep", "root", "list", "obj", "csubj")  # a verb the quote is said through
_NAME_LINKS = ("flat", "appos", "compound", "amod", "det", "nummod", "fixed")
_VERBAL = ("VERB", "AUX")
_REACH = 10  # tokens between a verb of saying and the complementiser of its clause


class ParseReader:
    """Reporting verbs, their subjects and their clauses, on a parsed Doc."""

    def __init__(self, cues):
        self.verbs = {v.lower() for v in cues("verbs")}
        self.lemmas = {v.lower() for v in cues("lemmas")}
        self.complementizers = {c.lower() for c in cues("complementizers")}
        self.aides = {a.lower() for a in cues("aides")}

    @staticmethod
    def parsed(doc: Doc) -> bool:
        return bool(doc.has_extension("parsed") and doc._.parsed)

    def reporting(self, token: Token) -> bool:
        if token.pos_ not in _VERBAL and token.pos_ != "":
            # the surface lists are verb forms; a noun or adjective of the same spelling is not a cue
            return token.lower_ in self.verbs and token.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "ADP", "PRON")
        if token.lower_ in self.verbs or token.lemma_.lower() in self.lemmas:
            return True
        # a separable verb: "teilte … mit", "gab … bekannt" read as "mitteilen", "bekanntgeben"
        return any(c.dep_ == "compound:prt" and c.lower_ + token.lemma_.lower() in self.lemmas for c in token.children)

    # -- the verb that governs a quote --------------------------------------------------------
    def governor(self, doc: Doc, start: int, end: int, quoted: list[tuple[int, int]]) -> Token | None:
        """The reporting verb outside any quote that the quote ``start:end`` hangs from, or that
        hangs from the quote's root; None when the parse shows none."""
        inside = _tokens(doc, start, end)
        if not inside:
            return None

        def outside(token: Token) -> bool:
            return not _within(token.idx, quoted)

        roots = [t for t in inside if t.head == t or not start <= t.head.idx < end]
        for root in roots:
            head = root
            for _ in range(4):  # up: "Peskov ha detto che «…»", "sagte er: „…“"
                if head.head == head:
                    break
                head = head.head
                if outside(head) and self.reporting(head):
                    return self._nearest(doc, head, start, outside)
                if outside(head) and head.pos_ in _VERBAL and head.dep_.split(":")[0] not in _CLIMB_LINKS:
                    break
        for root in roots:  # down: "«…», ha detto Peskov" parsed as the quote's parataxis
            for child in root.children:
                if outside(child) and child.dep_.split(":")[0] in _QUOTE_LINKS and self.reporting(child):
                    return child
        return self._by_position(doc, start, end, roots, outside)

    def _nearest(self, doc: Doc, verb: Token, start: int, outside) -> Token:
        """A verb of saying nearer the quote, between the governor and it, reports it: "X ha
        detto che il Cremlino ha assicurato … «…»" is the Kremlin's (the parse often attaches
        the quote to the outer verb) — unless an aide relays it ("il portavoce ha riferito che
        Putin ha detto «…»" is the spokesman's: the aide-relay convention)."""
        relay = self._relaying(verb, outside)
        if relay is not None:
            return relay
        if verb.idx >= start:
            return verb
        between = [t for t in doc[verb.i + 1:] if t.idx < start]
        nearer = [t for t in between if outside(t) and self.reporting(t) and t.sent == verb.sent]
        return nearer[-1] if nearer else verb

    def relays(self, verb: Token) -> bool:
        """The verb's subject is an aide ("the spokesman said Putin had told …", "il portavoce ha
        riferito che …"): what the aide relays is the aide's, whoever it names inside."""
        if not self.aides:
            return False
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        return any(t.lower_ in self.aides or t.lemma_.lower() in self.aides for s in subjects for t in s.subtree)

    def _relaying(self, verb: Token, outside) -> Token | None:
        """``verb`` or a verb of saying above it whose subject is an aide."""
        current = verb
        for _ in range(4):
            if outside(current) and self.reporting(current) and self.relays(current):
                return current
            if current.head == current or current.dep_.split(":")[0] not in _CLIMB_LINKS + ("conj", "advcl"):
                return None
            current = current.head
        return None

    def _by_position(self, doc: Doc, start: int, end: int, roots: list[Token], outside) -> Token | None:
        """Where the quote stands says who speaks, whatever the verb: a clause ending in a colon
        before it ("Die Ministerin äußerte sich zuversichtlich: „…“", "Bundesinnenminister
        Schäuble: „…“"), or a verb right after it, inverted ("„…“, zeigte sich der Trainer zufrieden")."""
        text = doc_text(doc)
        before = text[:max(0, start - 1)].rstrip(" \t\"'«»“”„‘’‹›")
        if before.endswith(":"):
            colon = token_at(doc, len(before) - 1)
            if colon is not None and outside(colon.head) and colon.head.idx < start:
                return colon.head  # the colon hangs from the clause it ends
            for root in roots:
                head = root
                for _ in range(4):
                    if head.head == head:
                        break
                    head = head.head
                    if outside(head) and head.pos_ in _VERBAL and head.idx < start:
                        return head
        after = end
        while after < len(text) and (text[after].isspace() or text[after] in "\"'«»“”„‘’‹›,;–—-"):
            after += 1
        follower = token_at(doc, after) if after < len(text) and text[end:after].count(",") == 1 else None
        if follower is not None and follower.pos_ in _VERBAL and outside(follower) and \
                not any(c.dep_ == "mark" for c in follower.children):
            return follower
        return None

    # -- the subject of a verb ----------------------------------------------------------------
    def subjects(self, verb: Token, quoted: list[tuple[int, int]]) -> list[Token]:
        """The subject tokens of ``verb`` outside quotes, through shared-subject links; a noun
        standing for the verb (a "Name: «…»" heading) is its own subject."""
        if verb.pos_ in ("PROPN", "NOUN"):
            return [verb]
        current = verb
        for _ in range(3):
            heads = [current, *(c for c in current.children if c.dep_.startswith("aux"))]  # "X hat … gesagt"
            found = [c for h in heads for c in h.children if c.dep_ in SUBJECT_DEPS and not _within(c.idx, quoted)
                     and _same_clause(verb, c)]
            if found:
                return found
            if current.dep_.split(":")[0] not in _SHARED_SUBJECT or current.head == current:
                break
            current = current.head
        return self._inverted(verb, quoted)

    @staticmethod
    def _inverted(verb: Token, quoted: list[tuple[int, int]]) -> list[Token]:
        """No subject in the parse: an inverted one it took for something else ("ha detto ai
        cronisti il portavoce del governo, Marco Rossi" read as obl and conj): the bare noun
        phrases after the verb, no preposition before them (the quote is what is said, so even an
        "object" there is the speaker)."""
        found = []
        for child in verb.rights:
            if _within(child.idx, quoted) or child.pos_ not in ("NOUN", "PROPN") or not _same_clause(verb, child):
                continue
            if any(c.dep_ in ("case", "mark") for c in child.children):
                continue
            if child.dep_.split(":")[0] in ("obl", "conj", "appos", "nmod", "dep", "flat") or \
                    child.dep_ in ("obj", "iobj"):  # the quote fills the object slot of a verb of saying
                found.append(child)
        return found

    def phrase(self, subjects: list[Token], quoted: list[tuple[int, int]]) -> tuple[int, int]:
        """Character span of the subject phrase (quotes and clauses inside it left out)."""
        tokens = [t for s in subjects for t in _name_part(s) if not _within(t.idx, quoted)]
        if not tokens:
            tokens = subjects
        return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)

    def subtree(self, subjects: list[Token], quoted: list[tuple[int, int]]) -> tuple[int, int]:
        """Character span of the subjects' whole phrases, up to the first quote inside them."""
        tokens = [t for s in subjects for t in s.subtree if not _within(t.idx, quoted)]
        head = min(s.idx for s in subjects)
        tokens = [t for t in tokens if not any(head <= a <= t.idx for a, _ in quoted)] or subjects
        return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)

    def names_of(self, subjects: list[Token], quoted: list[tuple[int, int]]) -> list[Token]:
        """The tokens standing for the subject: its head and what is in apposition with it."""
        return [t for s in subjects for t in _name_part(s) if not _within(t.idx, quoted)]

    def document_speaks(self, doc: Doc, start: int, end: int, quoted: list[tuple[int, int]], nouns) -> bool:
        """A verb of saying in ``start:end`` whose subject is a document ("spiega ancora la nota")."""
        for token in _tokens(doc, start, end):
            if self.reporting(token) and any(t.lower_ in nouns for s in self.subjects(token, quoted)
                                             for t in s.subtree):
                return True
        return False

    # -- reported clauses ----------------------------------------------------------------------
    def reported(self, verb: Token) -> Token | None:
        """The clause a reporting verb introduces: "ha detto che …", "sagte, dass …", "said the …"."""
        for child in verb.children:
            if child.dep_.split(":")[0] != "ccomp" or child.i < verb.i and not self._marked(child):
                continue
            if child.pos_ in _VERBAL or any(c.dep_.startswith("nsubj") or c.dep_ == "cop" for c in child.children):
                if self._marked(child) or _finite(child):
                    return child
        return None

    def reported_parataxis(self, verb: Token) -> Token | None:
        """"sagte, er habe …": a clause in the subjunctive after the verb, set off by a comma;
        or, where the parse attached it elsewhere, the clause a complementiser opens just after
        the verb ("sagte der Sprecher am Montag, dass …")."""
        for child in verb.children:
            if child.dep_ == "parataxis" and child.i > verb.i and _subjunctive(child):
                return child
        sentence_end = verb.sent.end
        for token in verb.doc[verb.i + 1:min(sentence_end, verb.i + 1 + _REACH)]:
            if token.pos_ in _VERBAL and self.reporting(token):
                return None  # another verb of saying: its own clause
            if token.dep_ == "mark" and token.lower_ in self.complementizers and token.head.i > token.i \
                    and verb.doc[token.i - 1].is_punct:
                return token.head
        return None

    def _marked(self, clause: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ in self.complementizers for c in clause.children)


def _name_part(head: Token) -> list[Token]:
    """``head`` and the tokens linked to it by name, apposition and modifier links, not
    through prepositions, genitives or clauses."""
    found, stack = [], [head]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.dep_.split(":")[0] in _NAME_LINKS)
    return sorted(found, key=lambda t: t.i)


def _same_clause(verb: Token, subject: Token) -> bool:
    """False for a subject after the verb beyond a comma: "…, ha riferito Palazzo Chigi, Meloni e
    Zelensky «…»" — the interrupting clause ends at the comma, and what follows is not its subject."""
    if subject.i < verb.i:
        return True
    first = min(t.i for t in subject.subtree if not t.is_punct)
    return not any(t.text in ",;:" for t in verb.doc[verb.i + 1:max(first, verb.i + 1)])


def _subjunctive(token: Token) -> bool:
    return any("Sub" in t.morph.get("Mood") for t in (token, *token.children) if t.pos_ in _VERBAL)


def _finite(token: Token) -> bool:
    form = token.morph.get("VerbForm")
    if form and form[0] != "Fin":
        return any(c.dep_.startswith("aux") for c in token.children)
    return True


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    starts = [t.idx for t in doc]
    low = bisect.bisect_left(starts, start)
    high = bisect.bisect_left(starts, end)
    return [t for t in doc[low:high] if not t.is_space and not t.is_punct]


def _within(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in ranges)


def token_at(doc: Doc, position: int) -> Token | None:
    """The token covering character ``position``."""
    starts = [t.idx for t in doc]
    index = bisect.bisect_right(starts, position) - 1
    if index < 0:
        return None
    token = doc[index]
    return token if token.idx <= position < token.idx + len(token) else None
