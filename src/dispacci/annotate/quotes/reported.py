"""Reported speech: what someone said, in the writer's words.

Two shapes are read on the dependency parse, in every language the syntax layer parses:

- a verb of saying with the clause it introduces ("X ha detto che …", "X said that …",
  "a déclaré que …", "sagte, dass …" / "sagte, er habe …", "dijo que …", "заявил, что …"):
  the clause (``ccomp``, or a German-style ``parataxis`` in the subjunctive) is the quote,
  the verb its cue, the verb's subject its speaker;
- an "according to" phrase ("laut Polizei …", "secondo il ministro …", "selon l'Élysée …",
  "según fuentes …", "по словам Пескова …", "according to officials …"): the clause it hangs
  from, without the phrase, is the quote; the phrase names the speaker.

Each becomes a ``Quote`` with ``direct=False``, its span the clause's (complementiser and
closing punctuation left out). A clause that is mostly a direct quote is that quote, not a
second one. Without a parse there is no reported speech: the surface rules never guess it.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from ...record import Quote
from ..doc import in_body
from ..text import doc_text, token_starts
from ..stretches import Stretches
from .clauses import ClauseShapes
from .syntax import ParseReader, token_at

__all__ = ["ReportedSpeech"]

MIN_WORDS = 3  # a clause shorter than this says too little to be a claim
_EDGE = " \t\n,;:.!?…-–—\"'«»“”„‘’‹›()"


class ReportedSpeech:
    def __init__(self, parse: ParseReader, according: re.Pattern | None, own: re.Pattern | None = None,
                 postposed: re.Pattern | None = None, shapes: ClauseShapes | None = None,
                 source_preps: tuple[str, ...] = (), source_nouns: tuple[str, ...] = ()):
        self.parse = parse
        self.shapes = shapes
        self.source_preps = {w.lower() for w in source_preps}  # "nach" + "Angaben": an according phrase
        self.source_nouns = tuple(w.lower() for w in source_nouns)
        self.postposed = postposed  # "der Polizei zufolge"
        self.according = according
        self.own = own  # "secondo lui", "à son avis": the current subject's view

    def find(self, doc: Doc, resolver, reading, cue_of, direct: list[Quote] = ()) -> list[Quote]:
        """Indirect quotes of ``doc``; ``cue_of(token)`` gives a verb's cue text with its auxiliaries;
        ``direct`` are the direct quotes, whose speakers a subjunctive sentence after them goes on with."""
        if not reading.parsed:
            return []
        found: list[Quote] = []
        for token in doc:
            if reading.quoted.covers(token.idx) or not self.parse.reporting(token):
                continue
            tokens = self._clause_tokens(token)
            if tokens is None:
                continue
            span = self._span(doc, tokens, exclude={token.i})
            if span is None or not in_body(doc, span[0], span[1]) or self._mostly_quoted(span, reading.quoted):
                continue
            speaker = resolver.from_parse(reading, token, span[0])
            found.append(_quote(doc, span, speaker, cue_of(token)))
        found.extend(self._closing(doc, resolver, reading))
        found.extend(self._according(doc, resolver, reading))
        found.extend(self._postposed(doc, resolver, reading))
        found = _disjoint(found)
        return sorted(found + self._continued(doc, reading, found, direct), key=lambda q: q.start)

    def _clause_tokens(self, verb: Token) -> list[Token] | None:
        clause = self.parse.reported(verb) or self.parse.reported_parataxis(verb)
        if clause is not None:
            return list(clause.subtree)
        if self.shapes is None:
            return None
        for shape in (self.shapes.as_clause, self.shapes.after_comma, self.shapes.before_postposed):
            bounds = shape(verb)
            if bounds is not None:
                return list(verb.doc[bounds[0]:bounds[1]])
        return None

    def _closing(self, doc: Doc, resolver, reading) -> list[Quote]:
        """"Die Lage sei unter Kontrolle, so der Sprecher.": the phrase after "so" names the speaker."""
        if self.shapes is None:
            return []
        found = []
        for sent in doc.sents:
            closing = self.shapes.closing_phrase(sent)
            if closing is None or reading.quoted.covers(closing[1].idx):
                continue
            (low, high), word, heads = closing
            span = self._span(doc, list(doc[low:high]), exclude=set())
            if span is None or not in_body(doc, span[0], span[1]) or self._mostly_quoted(span, reading.quoted):
                continue
            found.append(_quote(doc, span, resolver.from_subjects(reading, heads, span[0]), word.text))
        return found

    def _continued(self, doc: Doc, reading, found: list[Quote], direct) -> list[Quote]:
        """Sentences in the subjunctive right after reported speech: "Sie sagte, er habe keine Zeit
        gehabt. Man werde die Frage später klären." — the second goes on with the same speaker."""
        if self.shapes is None:
            return []
        quotes = [*found, *direct]
        sentences = [s for s in doc.sents if s.text.strip()]
        starts = [s.start_char for s in sentences]
        speaking: dict[int, Quote] = {}  # sentence index -> the last quote with a speaker ending in it
        for quote in sorted((q for q in quotes if q.speaker is not None), key=lambda q: q.end):
            speaking[bisect.bisect_right(starts, quote.end - 1) - 1] = quote
        busy = {bisect.bisect_right(starts, q.start) - 1 for q in quotes} | \
            {bisect.bisect_right(starts, q.end - 1) - 1 for q in quotes}
        added: list[Quote] = []
        for index, sent in enumerate(sentences):
            last = speaking.get(index - 1)
            if last is None or index in busy or doc_text(doc).count("\n", last.end, sent.start_char) > 1:
                continue
            if reading.quoted.covers(sent.start_char) or not self.shapes.continuation(sent):
                continue
            span = self._span(doc, list(sent), exclude=set())
            if span is None or not in_body(doc, span[0], span[1]) or self._mostly_quoted(span, reading.quoted):
                continue
            quote = Quote(text=doc_text(doc)[span[0]:span[1]], speaker=last.speaker,
                          speaker_actor=last.speaker_actor, cue=None, direct=False, start=span[0], end=span[1])
            added.append(quote)
            speaking[index] = quote
        return added

    def _postposed(self, doc: Doc, resolver, reading) -> list[Quote]:
        """"Der Polizei zufolge war …", "Berichten zufolge …": the noun before the word names the source."""
        if self.postposed is None:
            return []
        found = []
        for match in self.postposed.finditer(doc_text(doc)):
            word = token_at(doc, match.start())
            if word is None or word.i == 0 or reading.quoted.covers(match.start()) \
                    or not in_body(doc, match.start(), match.end()):
                continue
            if word.dep_ == "case" and word.head.i < word.i:
                phrase = word.head
            elif doc[word.i - 1].pos_ in ("NOUN", "PROPN"):  # "ersten Angaben zufolge" parsed as anything else
                phrase = doc[word.i - 1]
            else:
                continue
            if word.lower_ in self.source_preps and not self._source_noun(phrase):
                continue  # "nach" after a noun is a source only after "Angaben", "Vernehmen", "Meinung" …
            predicate = phrase.head if phrase.head != phrase else None
            if predicate is None or reading.quoted.covers(predicate.idx):
                continue
            named = {t.i for t in phrase.subtree if t.i < word.i} | {word.i}
            tokens, excluded = _sentence_scope(word, named, predicate) or (list(predicate.subtree), named)
            span = self._span(doc, tokens, exclude=excluded)
            if span is None or self._mostly_quoted(span, reading.quoted):
                continue
            speaker = resolver.from_subjects(reading, [phrase], span[0])
            found.append(_quote(doc, span, speaker, " ".join(match.group().split())))
        return found

    # -- "according to X, …" ------------------------------------------------------------------
    def _source_noun(self, noun: Token) -> bool:
        return bool(self.source_nouns) and noun.pos_ in ("NOUN", "PROPN") and \
            (noun.lower_.endswith(self.source_nouns) or noun.lemma_.lower().endswith(self.source_nouns))

    def _source_phrases(self, doc: Doc) -> list["_Phrase"]:
        """"Nach ersten Informationen …", "Nach dem vorläufigen Endergebnis …": a preposition of
        the ``source_prepositions`` list whose noun is a report, a count or a view."""
        if not self.source_preps:
            return []
        return [_Phrase(t.idx, t.idx + len(t), t.text) for t in doc
                if t.lower_ in self.source_preps and t.dep_ == "case" and t.head.i > t.i
                and self._source_noun(t.head)]

    def _according(self, doc: Doc, resolver, reading) -> list[Quote]:
        if self.according is None:
            return []
        found = []
        text = doc_text(doc)
        own = [m.span() for m in self.own.finditer(text)] if self.own is not None else []
        matches = [m for m in self.according.finditer(text) if not any(a <= m.start() < b for a, b in own)]
        if self.own is not None:
            matches += list(self.own.finditer(text))
        taken = [m.span() for m in matches]
        matches += [m for m in self._source_phrases(doc) if not any(a <= m.start() < b for a, b in taken)]
        for match in sorted(matches, key=lambda m: m.start()):
            if reading.quoted.covers(match.start()) or not in_body(doc, match.start(), match.end()):
                continue
            first = token_at(doc, _skip_space(text, match.end()))
            if match.re is self.own:
                first = token_at(doc, match.start())
            if first is None:
                continue
            phrase = first
            while phrase.head != phrase and phrase.head.pos_ not in ("VERB", "AUX", "ADJ") \
                    and match.start() <= phrase.head.idx and not reading.quoted.covers(phrase.head.idx):
                phrase = phrase.head
            predicate = phrase.head if phrase.head != phrase else None
            if predicate is None or reading.quoted.covers(predicate.idx):
                continue
            first_of_match, after_match = _token_range(doc, match.start(), match.end())
            cue = set(range(first_of_match, after_match))
            named = {t.i for t in phrase.subtree} | cue
            named |= set(range(first_of_match, min(max(named), predicate.i - 1) + 1))
            tokens, excluded = _sentence_scope(first, named, predicate) or (list(predicate.subtree), named)
            span = self._span(doc, tokens, exclude=excluded)
            if span is None or self._mostly_quoted(span, reading.quoted):
                continue
            # "nach Angaben der Polizei": the name hangs from the cue's noun; "laut Polizei": it is the phrase
            named_after = [t for t in phrase.subtree if t.idx >= match.end() and (t.head.i in cue or t == phrase)
                           and not (t.is_punct or t.pos_ in ("DET", "ADP"))]
            if any(a <= match.start() < b for a, b in own) or match.re is self.own:
                speaker = resolver._current_subject(reading, span[0])
            else:
                speaker = resolver.from_subjects(reading, named_after or [phrase], span[0])
            found.append(_quote(doc, span, speaker, " ".join(match.group().split())))
        return found

    # -- spans --------------------------------------------------------------------------------
    def _span(self, doc: Doc, tokens: list[Token], exclude: set[int]) -> tuple[int, int] | None:
        """The longest run of adjacent ``tokens`` not in ``exclude``, trimmed of a leading
        complementiser and of punctuation at both ends."""
        kept = {t.i for t in tokens if t.i not in exclude}
        # a run of spaces is no word: wherever the parser hung it, it does not cut the clause in two
        kept |= {i for i in range(min(kept, default=0), max(kept, default=-1)) if doc[i].is_space
                 and i - 1 in kept and i + 1 in kept and i not in exclude}
        keep = sorted(kept)
        runs: list[list[int]] = []
        for i in keep:
            if runs and i == runs[-1][-1] + 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        if not runs:
            return None
        run = max(runs, key=len)
        words = [doc[i] for i in run]
        while words and (words[0].is_punct or words[0].is_space or words[0].lower_ in self.parse.complementizers):
            words = words[1:]
        while words and (words[-1].is_punct or words[-1].is_space):
            words = words[:-1]
        if sum(1 for w in words if not w.is_punct) < MIN_WORDS:
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        text = doc_text(doc)  # Doc.text joins every token anew: read once, not per character
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        return (start, end) if end > start else None

    @staticmethod
    def _mostly_quoted(span: tuple[int, int], quoted: Stretches) -> bool:
        return quoted.covered(*span) * 2 >= span[1] - span[0]


def _quote(doc: Doc, span: tuple[int, int], speaker, cue: str | None) -> Quote:
    start, end = span
    name, actor = speaker if speaker is not None else (None, None)
    return Quote(text=doc_text(doc)[start:end], speaker=name, speaker_actor=actor, cue=cue,
                 direct=False, start=start, end=end)


def _sentence_scope(anchor: Token, named: set[int], predicate: Token) -> tuple[list[Token], set[int]] | None:
    """What an "according to" phrase qualifies, read on the sentence rather than on a parse that
    often attaches it wrongly: all the rest when it opens or closes the sentence ("Nach Angaben der
    Polizei habe der Mann …", "…, so der Sprecher."), the whole sentence when it qualifies its main
    verb from the middle ("Die Feuerwehr hat nach eigenen Angaben … abgesucht")."""
    doc, sent = anchor.doc, anchor.sent
    low, high = min(named), max(named)
    if all(t.is_punct for t in doc[sent.start:low]):
        return list(doc[high + 1:sent.end]), named
    if all(t.is_punct for t in doc[high + 1:sent.end]) and doc[low - 1].text == ",":
        return list(doc[sent.start:low - 1]), named
    if predicate == sent.root or predicate.head == predicate:
        return list(sent), set()
    return None


class _Phrase:
    """A cue found on the parse, read like a regular-expression match."""

    re = None

    def __init__(self, start: int, end: int, text: str):
        self._span = (start, end)
        self._text = text

    def start(self) -> int:
        return self._span[0]

    def end(self) -> int:
        return self._span[1]

    def span(self) -> tuple[int, int]:
        return self._span

    def group(self) -> str:
        return self._text


def _disjoint(quotes: list[Quote]) -> list[Quote]:
    """Overlapping reported clauses (a clause reported inside another): the outer one stays."""
    kept: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: (q.start, -q.end)):
        if kept and quote.start < kept[-1].end:
            continue
        kept.append(quote)
    return kept


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The indices ``[first, after)`` of the tokens that start in ``[start, end)``."""
    starts = token_starts(doc)
    return bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
