"""Dictionary matching of actor aliases and office cues over a spaCy doc.

One ``AliasMatcher`` per language, built once in the entities factory:
aliases written with capitals are matched as written (token ORTH), all-lower
ones (demonyms, cue words) on the lower-cased token, so "Russo" at the start of
a sentence is still the demonym while "Putin" never matches "putin". Names of
places also match in capitals ("NUR-SULTAN"), and in a sentence written all in
capitals (a headline, a dateline) every alias matches whatever its case
("PUTIN MEETS TOKAYEV IN MOSCOW"). The longest match wins;
parts of hyphen or slash compounds that spaCy keeps as one token ("Ue-Usa",
"Russia/Kazakistan") are looked up one by one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ...resources.actors import ActorBase, Candidate

__all__ = ["Mention", "AliasMatcher", "all_caps_tokens"]

_COMPOUND_SPLIT = re.compile(r"[-/–]")
_UPPER_VARIANT_TAGS = {"country", "capital", "location"}
_MIN_FOLDED = 3  # "LI", "XI", "IN": too short to match regardless of case


@dataclass
class Mention:
    """A matched stretch of text and what it may refer to."""

    start: int  # character offsets into doc.text
    end: int
    token_start: int  # token span; a compound part has the whole token's span
    token_end: int
    candidates: tuple[Candidate, ...]
    part: bool = False  # a piece of a hyphen/slash compound token
    chosen: Candidate | None = None
    extra: dict = field(default_factory=dict)

    @property
    def tags(self) -> set[str]:
        return {c[0] for c in self.candidates}

    def candidate(self, *tags: str) -> Candidate | None:
        return next((c for c in self.candidates if c[0] in tags), None)


class AliasMatcher:
    """Finds every alias of ``lang`` (and ``any``) of the actor base in a doc."""

    def __init__(self, nlp: Language, base: ActorBase, lang: str):
        self.surfaces = base.surfaces(lang)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[int, tuple[Candidate, ...]] = {}
        self.single_exact: dict[str, tuple[Candidate, ...]] = {}
        self.single_lower: dict[str, tuple[Candidate, ...]] = {}
        # phrases of plain words: first word → (following words, candidates)
        self.multi_exact: dict[str, list[tuple[tuple[str, ...], tuple[Candidate, ...]]]] = {}
        self.multi_lower: dict[str, list[tuple[tuple[str, ...], tuple[Candidate, ...]]]] = {}
        by_label: dict[tuple[Candidate, ...], tuple[list[str], list[str]]] = {}
        for form, candidates in self.surfaces.items():
            lowercase = form.islower() or not any(ch.isalpha() for ch in form)
            variants = [form]
            if not lowercase and form.upper() != form and any(c[0] in _UPPER_VARIANT_TAGS for c in candidates):
                variants.append(form.upper())
            for variant in variants:
                # One-word aliases (most of them, and nearly all Russian case forms) are
                # dictionary look-ups per token; only phrases go to the PhraseMatcher,
                # which keeps building the matcher fast.
                words = variant.split(" ")
                if variant.isalpha():
                    (self.single_lower if lowercase else self.single_exact).setdefault(variant, candidates)
                elif all(word.isalpha() for word in words):
                    table = self.multi_lower if lowercase else self.multi_exact
                    table.setdefault(words[0], []).append((tuple(words[1:]), candidates))
                else:
                    exact, lower = by_label.setdefault(candidates, ([], []))
                    (lower if lowercase else exact).append(variant)
        # casefolded forms of the aliases written with capitals, for sentences in all capitals
        self.single_fold: dict[str, tuple[Candidate, ...]] = {}
        self.multi_fold: dict[str, list[tuple[tuple[str, ...], tuple[Candidate, ...]]]] = {}
        for form, candidates in self.single_exact.items():
            if len(form) >= _MIN_FOLDED and not form.isupper():
                self.single_fold.setdefault(form.casefold(), candidates)
        for first, entries in self.multi_exact.items():
            for rest, candidates in entries:
                self.multi_fold.setdefault(first.casefold(), []).append(
                    (tuple(w.casefold() for w in rest), candidates))
        strings = nlp.vocab.strings
        self._single_exact_h = {strings.add(form): c for form, c in self.single_exact.items()}
        self._single_lower_h = {strings.add(form): c for form, c in self.single_lower.items()}
        self._multi_exact_h = {strings.add(first): [(tuple(strings.add(w) for w in rest), c) for rest, c in entries]
                               for first, entries in self.multi_exact.items()}
        self._multi_lower_h = {strings.add(first): [(tuple(strings.add(w) for w in rest), c) for rest, c in entries]
                               for first, entries in self.multi_lower.items()}
        make = nlp.tokenizer.pipe
        for number, (candidates, (exact, lower)) in enumerate(by_label.items()):
            label = f"dispacci_alias_{number}"
            key = nlp.vocab.strings.add(label)
            self._labels[key] = candidates
            if exact:
                self.exact.add(label, list(make(exact)))
            if lower:
                self.lower.add(label, list(make(lower)))

    def __call__(self, doc: Doc) -> tuple[list[Mention], list[str], list[bool], set[int]]:
        """The longest matches, with the doc's token texts, sentence starts and the tokens of
        all-capitals sentences read on the way."""
        found = []
        for matcher in (self.exact, self.lower):
            for key, start, end in matcher(doc):
                span = doc[start:end]
                found.append(Mention(span.start_char, span.end_char, start, end, self._labels[key]))
        # Look-ups on the token hashes spaCy already holds: no Token objects for the many
        # tokens that match nothing.
        array = doc.to_array([ORTH, LOWER, SENT_START])
        orths, lowers, starts = array[:, 0].tolist(), array[:, 1].tolist(), array[:, 2].tolist()
        strings = doc.vocab.strings
        words = [strings[h] for h in orths]
        sent_starts = [s == 1 for s in starts]
        exact, lower = self._single_exact_h, self._single_lower_h
        multi_exact, multi_lower = self._multi_exact_h, self._multi_lower_h
        size = len(orths)
        caps = all_caps_tokens(doc, words, sent_starts)
        for i in range(size):
            orth, low = orths[i], lowers[i]
            candidates = exact.get(orth)
            if candidates is None:
                candidates = lower.get(low)
                if candidates is not None and orth != low and not sent_starts[i] and i not in caps \
                        and all(c[0] == "demonym" for c in candidates) and _capitalised_mid_sentence(doc, doc[i]):
                    candidates = None  # "Giovanni Russo", "la Pravda Russa": a name, not the adjective
            if candidates is not None:
                token = doc[i]
                found.append(Mention(token.idx, token.idx + len(token.text), i, i + 1, candidates))
            for table, key, column in ((multi_exact, orth, orths), (multi_lower, low, lowers)):
                for rest, candidates in table.get(key, ()):
                    end = i + 1 + len(rest)
                    if end <= size and tuple(column[i + 1:end]) == rest:
                        last = doc[end - 1]
                        found.append(Mention(doc[i].idx, last.idx + len(last.text), i, end, candidates))
        found.extend(self._compound_parts(doc, words))
        if caps:
            found.extend(self._folded(doc, words, caps))
        return _longest(found), words, sent_starts, caps

    def _folded(self, doc: Doc, words: list[str], caps: set[int]) -> list[Mention]:
        """Aliases matched regardless of case on the tokens of all-capitals sentences."""
        found = []
        folded = [w.casefold() for w in words]
        for i in sorted(caps):
            candidates = self.single_fold.get(folded[i]) if words[i].isupper() else None
            if candidates is not None:
                found.append(Mention(doc[i].idx, doc[i].idx + len(words[i]), i, i + 1, candidates))
            for rest, candidates in self.multi_fold.get(folded[i], ()):
                end = i + 1 + len(rest)
                if all(j in caps for j in range(i, end)) and tuple(folded[i + 1:end]) == rest:
                    last = doc[end - 1]
                    found.append(Mention(doc[i].idx, last.idx + len(last.text), i, end, candidates))
        return found

    def _compound_parts(self, doc: Doc, words: list[str]) -> list[Mention]:
        parts = []
        for index, text in enumerate(words):
            if len(text) < 4 or not ("-" in text or "/" in text or "–" in text):
                continue
            token = doc[index]
            if len(text) < 4 or not _COMPOUND_SPLIT.search(text) or not token.is_alpha and not any(
                    ch.isalpha() for ch in text):
                continue
            if text in self.single_exact:  # "Kassym-Jomart", "Nur-Sultan": a whole alias
                continue
            offset = 0
            for piece in _COMPOUND_SPLIT.split(text):
                where = text.index(piece, offset) if piece else offset
                offset = where + len(piece)
                candidates = self.single_exact.get(piece) or self.single_lower.get(piece.lower())
                if candidates is None and piece.isalpha() and piece[:1].isupper():
                    candidates = self.single_lower.get(piece.lower())
                if len(piece) >= 2 and candidates:
                    start = token.idx + where
                    parts.append(Mention(start, start + len(piece), token.i, token.i + 1, candidates, part=True))
        return parts


def all_caps_tokens(doc: Doc, words: list[str], sent_starts: list[bool]) -> set[int]:
    """Tokens of the sentences (or lines) written in capitals: at least two words of two or more
    letters, every one of them upper-case ("PUTIN MEETS TOKAYEV", "MOSCA, 3 DIC -")."""
    found: set[int] = set()
    start = 0
    for i in range(1, len(words) + 1):
        if i == len(words) or sent_starts[i] or "\n" in words[i]:
            letters = [w for w in words[start:i] if sum(ch.isalpha() for ch in w) >= 2]
            if len(letters) >= 2 and all(w.isupper() for w in letters):
                found.update(range(start, i))
            start = i
    return found


def _capitalised_mid_sentence(doc: Doc, token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return False
    before = doc[token.i - 1]
    return before.is_alpha or before.text in (",", ";")


def _longest(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions, longer ones first, then in text order."""
    chosen: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        outer = next((m for m in chosen if mention.start < m.end and m.start < mention.end), None)
        if outer is not None:
            if outer.start <= mention.start and mention.end <= outer.end:  # "servizio stampa del [Cremlino]"
                outer.extra.setdefault("nested", []).append(mention)
            continue
        chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)
