"""Reported speech without a complementiser, read on the parse and the sentence's punctuation.

Four shapes the ``ccomp`` reading of ``reported`` misses, in every language whose cue file
gives the words they need:

- the clause after the verb and a comma ("Sie sagte, er habe keine Zeit gehabt"): reported
  when it is in the subjunctive (``Mood=Sub``, or a form of the ``subjunctive`` list, or a
  verb ending as ``subjunctive_endings`` says): German reports so without "dass";
- the clause before a postposed verb ("Man sei bereit, hieß es.", "Il governo è pronto, ha
  detto il ministro.", "The talks failed, the minister said."): the verb and its subject end
  the sentence after a comma;
- an "as X said" clause ("Wie der Bundeswahlleiter mitteilte, lag …", "Come ha riferito il
  ministro, …", "As the minister said, …"): the rest of the sentence is what was said;
- a sentence in the subjunctive right after reported speech, with no verb of saying of its
  own ("Man werde alles prüfen."): it goes on with the same speaker (German Konjunktiv I).

Each shape gives token ranges; ``ReportedSpeech`` makes the quotes.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["ClauseShapes"]

_VERBAL = ("VERB", "AUX")
_BETWEEN = 5  # tokens between a verb of saying and the comma that opens its clause
_SUBJECT_LINKS = ("nsubj", "nsubj:pass", "expl", "advmod", "obl", "compound:prt", "aux", "obj", "iobj", "nmod",
                  "det", "flat", "appos", "amod", "case", "punct")


class ClauseShapes:
    def __init__(self, parse, cues):
        self.parse = parse
        self.subjunctive = {w.lower() for w in cues("subjunctive")}
        self.after_verb = self.subjunctive | {w.lower() for w in cues("subjunctive_after_verb")}
        self.endings = tuple(w.lower() for w in cues("subjunctive_endings"))
        self.not_endings = tuple(w.lower() for w in cues("indicative_endings"))
        self.as_markers = {w.lower() for w in cues("as_clause")}
        self.closers = {w.lower() for w in cues("after_quote") if " " not in w}

    # -- the subjunctive ----------------------------------------------------------------------
    def subjunctive_verb(self, token: Token, forms: set[str] | None = None) -> bool:
        """A finite verb in the subjunctive: the morphologizer's Mood=Sub, a listed form, or an
        ending the cue file gives where the tagger says no mood (it often tags such forms as adjectives)."""
        if token.pos_ not in (*_VERBAL, "ADJ") or not token.text[:1].islower():
            return False
        if "Sub" in token.morph.get("Mood") or token.lower_ in (self.subjunctive if forms is None else forms):
            return True
        if not self.endings or token.lower_.endswith(self.not_endings) or len(token) < 4 or \
                token.morph.get("Mood") or token.morph.get("VerbForm") not in ([], ["Fin"]):
            return False
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        attributive = following is not None and following.pos_ in ("NOUN", "PROPN", "ADJ")
        return token.lower_.endswith(self.endings) and not attributive and token.dep_ not in ("amod", "advmod")

    def in_subjunctive(self, tokens: list[Token], forms: set[str] | None = None) -> bool:
        """The clause's first verb, before any subordinate clause opens, is in the subjunctive."""
        for token in tokens[:10]:
            if token.dep_ == "mark" or token.pos_ == "SCONJ" or token.text in ",;:":
                return False
            if token.pos_ in _VERBAL or self.subjunctive_verb(token, forms):
                return self.subjunctive_verb(token, forms)
        return False

    # -- the shapes ---------------------------------------------------------------------------
    def after_comma(self, verb: Token) -> tuple[int, int] | None:
        """"sagte, er habe …", "erklärte der Minister, man werde …": the subjunctive clause
        after the verb and a comma, up to the end of the sentence."""
        if not (self.subjunctive or self.endings):
            return None
        sent = verb.sent
        comma = None
        for token in verb.doc[verb.i + 1:min(sent.end, verb.i + 1 + _BETWEEN)]:
            if token.text == ",":
                comma = token
                break
            if token.pos_ in _VERBAL or token.text in ":;«»“”„\"":
                return None
        if comma is None or comma.i + 1 >= sent.end:
            return None
        clause = [t for t in verb.doc[comma.i + 1:sent.end]]
        first = clause[0]
        if first.lower_ in self.parse.complementizers or first.pos_ in ("SCONJ", "CCONJ") or \
                "Rel" in first.morph.get("PronType") or "Int" in first.morph.get("PronType"):
            return None
        if not self.in_subjunctive(clause, self.after_verb):
            return None
        return comma.i + 1, sent.end

    def before_postposed(self, verb: Token) -> tuple[int, int] | None:
        """"Man sei bereit, hieß es.", "…, ha detto il ministro.", "…, the minister said.": the
        verb and its subject close the sentence after a comma; what comes before was said."""
        sent = verb.sent
        comma = None
        for token in reversed(verb.doc[sent.start:verb.i]):
            if token.text == ",":
                comma = token
                break
            if not _under(token, verb) or token.pos_ == "VERB":
                return None  # only the verb's own subject, auxiliaries and adverbs stand between
        if comma is None or comma.i - sent.start < 3:
            return None
        for token in verb.doc[verb.i + 1:sent.end]:
            if token.text == ":":
                return None  # "…, sagte er: „…“": the verb announces what follows
            if token.text in ",;" and token.i < sent.end - 1:
                following = verb.doc[token.i + 1]
                if following.pos_ in _VERBAL or following.dep_ == "mark" or following.lower_ in self.parse.complementizers:
                    return None  # "…, sagte er, dass …": the verb opens a clause of its own
        own = {t.i for c in verb.children if c.i > verb.i and c.dep_ not in ("conj", "ccomp", "parataxis", "advcl")
               for t in c.subtree}
        if any(t.pos_ == "VERB" and t.i not in own for t in verb.doc[verb.i + 1:sent.end]):
            return None
        content = list(verb.doc[sent.start:comma.i])
        if not any(t.pos_ in _VERBAL or self.subjunctive_verb(t) for t in content):
            return None
        return sent.start, comma.i

    def as_clause(self, verb: Token) -> tuple[int, int] | None:
        """"Wie der Bundeswahlleiter mitteilte, lag …" / "…, come ha riferito il ministro.":
        an "as X said" clause; the rest of the sentence is what was said."""
        if not self.as_markers:
            return None
        sent = verb.sent
        marker = None
        for token in reversed(verb.doc[max(sent.start, verb.i - 8):verb.i]):
            if token.text in ",;:":
                break
            if token.lower_ in self.as_markers:
                marker = token
                break
        if marker is None:
            return None
        before = marker.i - 1
        if all(t.is_punct for t in verb.doc[sent.start:marker.i]):  # the clause opens the sentence
            comma = next((t for t in verb.doc[verb.i + 1:min(sent.end, verb.i + 1 + _BETWEEN)] if t.text == ","),
                         None)
            return (comma.i + 1, sent.end) if comma is not None else None
        if verb.doc[before].text != ",":
            return None
        after = [t for t in verb.doc[verb.i + 1:sent.end] if not t.is_punct]
        if any(t.pos_ == "VERB" for t in after):
            return None
        return sent.start, before

    def closing_phrase(self, sent: Span) -> tuple[tuple[int, int], Token, list[Token]] | None:
        """"…, so der Sprecher." / "…, così il ministro.": a word of ``after_quote`` after a comma,
        then only a noun phrase, closes the sentence: (content range, the word, the phrase's heads)."""
        if not self.closers:
            return None
        doc = sent.doc
        for word in sent:
            if word.lower_ not in self.closers or word.i - sent.start < 4 or doc[word.i - 1].text != ",":
                continue
            rest = [t for t in doc[word.i + 1:sent.end] if not t.is_punct]
            if not rest or any(t.pos_ in _VERBAL for t in rest):
                return None
            heads = [t for t in rest if t.pos_ in ("NOUN", "PROPN") and not word.i < t.head.i < sent.end
                     or t.pos_ in ("NOUN", "PROPN") and t.head == word]
            heads = heads or [t for t in rest if t.pos_ in ("NOUN", "PROPN")][:1]
            content = list(doc[sent.start:word.i - 1])
            if heads and any(t.pos_ in _VERBAL or self.subjunctive_verb(t) for t in content):
                return (sent.start, word.i - 1), word, heads
        return None

    def continuation(self, sent: Span) -> bool:
        """A sentence that goes on in the subjunctive without a verb of saying of its own."""
        if not (self.subjunctive or self.endings):
            return False
        tokens = [t for t in sent if not t.is_space]
        if any(self.parse.reporting(t) for t in tokens):
            return False
        return self.in_subjunctive(tokens)


def _under(token: Token, verb: Token) -> bool:
    """``token`` belongs to the verb's own phrase (its subject, auxiliaries, adverbs)."""
    head = token
    for _ in range(4):
        if head.head == verb:
            return head.dep_ in _SUBJECT_LINKS
        if head.head == head:
            return False
        head = head.head
    return False
