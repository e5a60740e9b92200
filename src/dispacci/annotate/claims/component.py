"""The ``dispacci_claims`` component: statements presented as true on someone's authority.

Claims come from four places, in this order, a later one dropped where it overlaps
an earlier one:

1. the quotes layer: a quotation-mark quote is a claim when its cue is a verb of
   asserting ("ha definito il suo obiettivo «…»", "insisted: “…”"), not a mere "said";
2. "according to" phrases: "Secondo il Ministero, le Forze Armate …", "…, selon Moscou",
   "по данным Минобороны, …", "dem Ministerium zufolge …"; the claim is the clause after
   the cue or, when the cue closes the sentence, the words before it;
3. a verb of saying with a complement clause: "X ha detto che …", "X claimed that …",
   "X sagte, dass …", "X заявил, что …";
4. the rest of the quotes layer's reported speech (direct: false), where it names a
   speaker: no authority, no claim.

The cue words are data (``cues/claims.yaml``); the claimant comes from the entities
layer (``claimants``); the clause end and the summary from ``clauses``. A claim keeps a
``stance`` where its sentence marks distance ("sedicente", "so-called", "without
evidence"). Cues inside quotation marks are the quoted speaker's words and are left to
the quotes layer.
"""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from ...record import Claim, Quote
from ..doc import in_body
from ..stretches import Stretches
from ..text import doc_text
from .claimants import Claimant, Claimants
from .clauses import clause_end, summary, trim
from .cues import ClaimCues, load_claim_cues

__all__ = ["ClaimFinder", "MIN_CLAIM_WORDS", "MAX_CLAIMANT_WORDS"]

MIN_CLAIM_WORDS = 3  # fewer words are a label, not a statement
MAX_CLAIMANT_WORDS = 8  # words between an "according to" cue and the comma that ends its claimant
_COMPLEMENT_REACH = 4  # tokens between a verb of saying and its complementizer ("told reporters that")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_FINAL, _CLOSING = ".!?…", "\"»”’)"
_SENTENCE_END = re.compile(f"[{re.escape(_FINAL)}]+[{re.escape(_CLOSING)}]*(?=\\s|$)")


class _Reading:
    """One document as the claim finder reads it."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.claimants = Claimants.of(doc)
        self.quoted = Stretches((q.start, q.end) for q in (doc._.quotes or []) if q.direct)
        ends = list(_SENTENCE_END.finditer(self.text))  # found once, to bisect: rescanned per claim they cost
        self.sentence_marks = [m.start() for m in ends]  # claims × text length
        self.sentence_ends = [m.end() for m in ends]
        self.claims: list[Claim] = []
        self.cues: dict[int, tuple[int, int]] = {}  # id of a claim → its cue's span, where inside the claim
        self.history: list[tuple[int, Claimant | None]] = []

    def inside_quote(self, start: int, end: int) -> bool:
        return self.quoted.contains(start, end)

    def sentence_start(self, position: int) -> int:
        """Where the sentence holding ``position`` starts: after the last sentence end before it,
        as a scan of ``text[:position]`` finds it (final marks right before ``position`` end one)."""
        index = bisect.bisect_left(self.sentence_ends, position) - 1
        floor = self.sentence_ends[index] if index >= 0 else 0
        closed = position
        while closed > floor and self.text[closed - 1] in _CLOSING:
            closed -= 1
        return position if closed > floor and self.text[closed - 1] in _FINAL else floor

    def stance_end(self, end: int) -> int:
        """Where the first sentence end from ``end`` on ends (the text's end if none), as a
        search from ``end`` finds it: the next one, or the rest of one ``end`` falls inside."""
        index = bisect.bisect_right(self.sentence_ends, end)
        if index == len(self.sentence_ends):
            return len(self.text)
        if self.sentence_marks[index] >= end:
            return self.sentence_ends[index]
        inside = _SENTENCE_END.search(self.text, end, self.sentence_ends[index])
        if inside is not None:
            return inside.end()
        return self.sentence_ends[index + 1] if index + 1 < len(self.sentence_ends) else len(self.text)

    def taken(self, start: int, end: int) -> bool:
        for claim in self.claims:
            overlap = min(end, claim.end) - max(start, claim.start)
            if overlap > 0 and overlap >= 0.5 * min(end - start, claim.end - claim.start):
                return True
        return False


class ClaimFinder:
    def __init__(self, nlp: Language, name: str, resources: tuple[str, ...] = ()):
        self.lang = nlp.lang
        self.cues: ClaimCues = load_claim_cues(nlp.lang, tuple(resources))

    def __call__(self, doc: Doc) -> Doc:
        reading = _Reading(doc)
        quotes = sorted(doc._.quotes or [], key=lambda q: q.start)
        for quote in quotes:
            if quote.direct:
                self._from_quote(reading, quote)
        for start, end in _sentences(doc, reading.text):
            if in_body(doc, start, end):
                self._according(reading, start, end)
                self._verbs(reading, start, end)
        for quote in quotes:  # reported speech the rules above did not read, where it names who said it
            if not quote.direct and quote.speaker:
                self._from_quote(reading, quote)
        for claim in reading.claims:
            self._finish(reading, claim)
        doc._.claims = sorted(reading.claims, key=lambda c: (c.start, c.end))
        return doc

    # -- sources of claims ------------------------------------------------------------------
    def _from_quote(self, reading: _Reading, quote: Quote) -> None:
        cue_words = {w.lower() for w in _WORD.findall(quote.cue or "")}
        if quote.direct and not cue_words & self.cues.quote_verbs:
            return
        if len(_WORD.findall(quote.text)) < MIN_CLAIM_WORDS:
            return
        self._add(reading, quote.start, quote.end, (quote.speaker, quote.speaker_actor) if quote.speaker else None,
                  quote.cue, direct=quote.direct)

    def _according(self, reading: _Reading, start: int, end: int) -> None:
        text, taken = reading.text, []
        for pattern, pronoun in ((self.cues.according_relative, "relative"), (self.cues.according_self, "self"),
                                 (self.cues.according, None)):
            if pattern is None:
                continue
            for match in pattern.finditer(text, start, end):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                taken.append(match.span())
                if reading.inside_quote(match.start(), match.end()) or (
                        pronoun != "relative" and not _opens_phrase(text, match.start(), start)):
                    continue
                self._according_claim(reading, match, start, end, pronoun)
        if self.cues.postposed is not None:
            for match in self.cues.postposed.finditer(text, start, end):
                if not reading.inside_quote(match.start(), match.end()):
                    self._postposed_claim(reading, match, start, end)

    def _according_claim(self, reading: _Reading, match: re.Match, start: int, end: int, pronoun: str | None) -> None:
        text = reading.text
        comma = text.find(",", match.end(), end)
        phrase_end = comma if comma >= 0 else end
        if pronoun == "relative":  # "una nota di Palazzo Chigi, secondo cui il colloquio …"
            claimant = reading.claimants.nearest_before(start, match.start())
            self._add(reading, match.end(), clause_end(text, match.end(), end, self.cues.conjunctions), claimant,
                      " ".join(match.group().split()), direct=False)
            return
        if pronoun == "self":
            claimant = reading.claimants.current(match.start(), reading.history)
            named_end = match.end()
        else:
            if comma < 0:
                phrase_end = _first_verb(reading.doc, match.end(), end) or end  # "Laut X haben die Truppen …"
            named = reading.claimants.named_in(match.end(), phrase_end)
            if named is None and len(_WORD.findall(text, match.end(), phrase_end)) > MAX_CLAIMANT_WORDS // 2:
                return  # "una nota secondo cui le forze …": no claimant phrase to read
            claimant, named_end = named if named is not None else (None, phrase_end)
            if comma < 0 or len(_WORD.findall(text, match.end(), comma)) > MAX_CLAIMANT_WORDS:
                phrase_end = named_end  # "Secondo Mosca le truppe …": the claim follows the name
        before = len(_WORD.findall(text, start, match.start()))
        after_start = phrase_end + 1 if phrase_end < end and text[phrase_end] == "," else phrase_end
        after_words = len(_WORD.findall(text, after_start, end))
        if after_words < MIN_CLAIM_WORDS and before >= MIN_CLAIM_WORDS:  # "…, according to the ministry."
            claim_start, claim_end = start, match.start()
        elif after_words >= MIN_CLAIM_WORDS:
            claim_start = start if self._subject_before(reading, start, match.start(), after_start, end) \
                else after_start
            claim_end = clause_end(text, after_start, end, self.cues.conjunctions)
        else:
            return
        self._add(reading, claim_start, claim_end, claimant, " ".join(match.group().split()), direct=False,
                  cue_span=(match.start(), phrase_end))

    def _postposed_claim(self, reading: _Reading, match: re.Match, start: int, end: int) -> None:
        """"Dem Ministerium zufolge greifen die Truppen …" / "…, dem Ministerium zufolge."."""
        text = reading.text
        comma = text.rfind(",", start, match.start())
        phrase_start = comma + 1 if comma >= 0 else start
        named = reading.claimants.named_in(phrase_start, match.start())
        claimant = named[0] if named else None
        if len(_WORD.findall(text, match.end(), end)) >= MIN_CLAIM_WORDS:
            claim_start, claim_end = match.end(), clause_end(text, match.end(), end, self.cues.conjunctions)
        elif comma >= 0 and len(_WORD.findall(text, start, comma)) >= MIN_CLAIM_WORDS:
            claim_start, claim_end = start, comma
        else:
            return
        self._add(reading, claim_start, claim_end, claimant, match.group(), direct=False)

    def _subject_before(self, reading: _Reading, start: int, cue: int, after: int, end: int) -> bool:
        """"Le truppe, secondo il ministero, avanzano": the subject stands before the cue."""
        doc = reading.doc
        if not doc._.parsed or len(_WORD.findall(reading.text, start, cue)) == 0:
            return False
        following = doc.char_span(after, end, alignment_mode="contract")
        words = [t for t in following or [] if not t.is_punct]
        if words and words[0].pos_ in ("VERB", "AUX"):
            return True  # "The results, according to the minister, are …": the clause goes on from before
        for token in doc.char_span(start, cue, alignment_mode="contract") or []:
            if token.dep_ in ("nsubj", "nsubj:pass", "sb") and after <= token.head.idx < end:
                return True
        return False

    def _verbs(self, reading: _Reading, start: int, end: int) -> None:
        doc, text = reading.doc, reading.text
        span = doc.char_span(start, end, alignment_mode="expand")
        tokens = list(span) if span is not None else []
        for index, token in enumerate(tokens):
            if not self._is_verb(token):
                continue
            complement = self._complementizer(tokens, index)
            if complement is None or reading.inside_quote(token.idx, token.idx + len(token.text)):
                continue
            opener = tokens[complement]
            claim_start = opener.idx + len(opener.text)
            claim_end = clause_end(text, claim_start, end, self.cues.conjunctions)
            claimant = self._subject(reading, tokens, index, start)
            if claimant is None and not self._has_subject(tokens, index):
                continue  # "si dice che …", "it is said that …": no one's authority
            cue_start = _verb_group_start(tokens, index)
            self._add(reading, claim_start, claim_end, claimant,
                      " ".join(text[cue_start:opener.idx + len(opener.text)].split()), direct=False)

    def _is_verb(self, token) -> bool:
        if token.lower_ not in self.cues.verbs and token.lemma_.lower() not in self.cues.verbs:
            return False
        return not token.doc._.parsed or token.pos_ in ("VERB", "AUX", "ADJ", "NOUN") or not token.pos_

    def _complementizer(self, tokens, index: int) -> int | None:
        for offset in range(index + 1, min(len(tokens), index + 2 + _COMPLEMENT_REACH)):
            word = tokens[offset].lower_
            if word in self.cues.complementizers:
                return offset
            if word in ".;:!?«»“”\"":
                return None
        return None

    def _subject(self, reading: _Reading, tokens, index: int, sentence_start: int) -> Claimant | None:
        verb = tokens[index]
        named = reading.claimants.subject_of(verb, sentence_start)
        if named is not None:
            return named
        before = [t.lower_ for t in tokens[max(0, index - 3):index]]
        if any(word in self.cues.pronouns for word in before) or (reading.doc._.parsed and not self._has_subject(
                tokens, index)):
            return reading.claimants.current(verb.idx, reading.history)
        return None

    def _has_subject(self, tokens, index: int) -> bool:
        before = tokens[:index]
        if tokens and tokens[0].doc._.parsed:
            return any(t.pos_ in ("NOUN", "PROPN") or t.lower_ in self.cues.pronouns for t in before)
        return any(t.text[:1].isupper() and t.i != before[0].i for t in before) if before else False

    # -- building ---------------------------------------------------------------------------
    def _add(self, reading: _Reading, start: int, end: int, claimant: Claimant | None, cue: str | None,
             *, direct: bool, cue_span: tuple[int, int] | None = None) -> None:
        start, end = trim(reading.text, start, end, self.cues.conjunctions)
        if len(_WORD.findall(reading.text, start, end)) < MIN_CLAIM_WORDS or reading.taken(start, end):
            return
        name, actor = claimant if claimant is not None else (None, None)
        claim = Claim(text=reading.text[start:end], claimant=name, claimant_actor=actor, cue=cue, direct=direct,
                      start=start, end=end)
        reading.claims.append(claim)
        if cue_span is not None:
            reading.cues[id(claim)] = cue_span
        reading.history.append((start, claimant))

    def _finish(self, reading: _Reading, claim: Claim) -> None:
        claim.summary = summary(reading.doc, claim.start, claim.end, self.cues.negations, reading.cues.get(id(claim)))
        text = reading.text
        sentence = max(text.rfind("\n", 0, claim.start) + 1, reading.sentence_start(claim.start))
        stance_end = reading.stance_end(claim.end)
        markers = [(found.start(), kind, found.group()) for kind, pattern in self.cues.stance
                   for found in [pattern.search(text, sentence, stance_end)] if found]
        if markers:  # the first marker in the sentence: "claimed without evidence that the so-called …"
            _, kind, words = min(markers)
            claim.stance, claim.stance_cue = kind, " ".join(words.split())


def _first_verb(doc: Doc, start: int, end: int) -> int | None:
    """Where the first verb after ``start`` begins, in a parsed doc."""
    if not doc._.parsed:
        return None
    for token in doc.char_span(start, end, alignment_mode="contract") or []:
        if token.pos_ in ("VERB", "AUX"):
            return token.idx
    return None


def _opens_phrase(text: str, at: int, sentence_start: int) -> bool:
    """An "according to" cue opens its phrase: at the sentence start or after a comma or a dash."""
    before = text[sentence_start:at].rstrip()
    return not before or before[-1] in ",;:(–—-"


def _verb_group_start(tokens, index: int) -> int:
    begin = index
    while begin > 0 and tokens[begin - 1].pos_ == "AUX":
        begin -= 1
    return tokens[begin].idx


def _sentences(doc: Doc, text: str) -> list[tuple[int, int]]:
    try:
        return [(s.start_char, s.end_char) for s in doc.sents]
    except ValueError:  # no sentence annotator in this pipeline
        starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
        return [(a, b) for a, b in zip(starts, [*starts[1:], len(text)]) if b > a]


@Language.factory(
    "dispacci_claims",
    assigns=["doc._.claims"],
    requires=["doc._.context", "token.is_sent_start", "doc._.not_body", "doc._.entities", "doc._.quotes",
              "doc._.parsed", "token.pos", "token.dep", "token.lemma"],
    default_config={"resources": []},
)
def make_claim_finder(nlp: Language, name: str, resources: list[str]):
    return ClaimFinder(nlp, name, tuple(resources))
