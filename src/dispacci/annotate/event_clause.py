"""Reading one clause around an event cue: negation, hypothesis, passives,
dates, topics, place, reporting tails and relative clauses.

A mixin of ``EventCoder``: it reads the coder's per-document word and lemma
lists (``_words``, ``_lemmas``, ``_text``) and its per-language word lists.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .event_actors import Group
from .event_dates import find_date_mentions, resolve

__all__ = ["ClauseReader"]


class ClauseReader:
    def _in_topic(self, doc: Doc, sent: Span, start: int) -> bool:
        """A cue inside what was discussed ("sui negoziati", "on the talks") is a topic."""
        i = start
        while i > sent.start and self._words[i - 1] in self.articles:
            i -= 1
        for size in (1, 2):
            words = tuple(self._words[max(sent.start, i - size):i])
            if words in self.patterns.phrases.get("topic_markers", ()):
                return True
        return False

    # -- actors ----------------------------------------------------------------------------
    def _sidelines(self, doc: Doc, sent: Span) -> bool:
        """A meeting on the sidelines of an international gathering is at a third place."""
        phrases = self.patterns.phrases.get("sidelines", set())
        following = doc[sent.start:min(len(doc), sent.end + 40)]
        text = " " + " ".join(t.lower_ for t in following) + " "
        return any(" " + " ".join(p) + " " in text for p in phrases)

    def _location(self, groups: list[Group], start: int, last: int):
        for group in groups:
            if group.marker in ("at", "to") and group.start >= start and group.head is not None and group.start <= last + 6:
                if group.head.kind in ("location", "country") or self._is_seat(group.head):
                    return group.head
        return None

    def _is_seat(self, entity) -> bool:
        """A seat of government named as a place ("a Palazzo Chigi", "at the Elysée")."""
        base = self.resolver.base()
        actor = base.get(entity.actor) if base is not None and entity.actor else None
        return getattr(actor, "type", None) == "seat"

    def _negated(self, doc: Doc, sent: Span, start: int, source: Group) -> bool:
        begin = max(sent.start, start - 3, source.end if source.end <= start else start - 3)
        negations = self.patterns.phrases.get("negation", set())
        return any((word,) in negations for word in self._words[begin:start])

    def _hypothetical(self, doc: Doc, sent: Span, start: int, end: int, source: Group) -> bool:
        words = self.patterns.words
        begin = max(sent.start, start - 4)
        if source.end <= start:
            begin = max(sent.start, min(begin, source.end))
        hypothetical = words["hypothetical_lemmas"]
        if any(self._lemmas[i] in hypothetical or self._words[i] in hypothetical for i in range(begin, end)):
            return True
        suffixes = tuple(words.get("future_suffixes", []))
        if suffixes and any(w.endswith(suffixes) and len(w) > 4 for w in self._words[start:end]):
            return True
        text = " ".join(self._words[begin:end])
        return any(" ".join(p) in text for p in self.patterns.phrases.get("hypothetical", ()))

    def _date(self, doc: Doc, sent: Span, first: int, last: int, reference: str | None) -> str | None:
        words = self.patterns.words
        stop = last
        while stop < sent.end and not doc[stop].is_punct and stop - last < 8:
            stop += 1
        begin = doc[first].idx
        end_char = doc[stop - 1].idx + len(doc[stop - 1].text) if stop > first else doc[first].idx
        text = self._text[begin:end_char]
        relative, past = words.get("relative_days", {}), tuple(words.get("past_words", []))
        days = tuple(words.get("day_words", []))
        for mention in find_date_mentions(text, begin, self.lang, relative, past, days):
            resolved = resolve(mention, reference)
            if resolved:
                return resolved
        opening = doc[self._after_dateline if sent.start < self._after_dateline < first else sent.start].idx
        if opening < begin:  # "Ieri Macron aveva telefonato...": a date opening the clause
            for mention in find_date_mentions(self._text[opening:begin], opening, self.lang, relative, past, days):
                resolved = resolve(mention, reference)
                if resolved:
                    return resolved
        return None

    def _topics(self, doc: Doc, sent: Span, after: int, code: str, cue_lemmas: set[str] = frozenset()) -> list[str]:
        """Phrases after the cue saying what was discussed: "sullo stato dei negoziati",
        "on Afghanistan and the G20"; a list goes on after a comma or a conjunction
        only when a topic marker follows."""
        if not (code.startswith(("04", "03")) or code == "meet"):
            return []
        phrases = self.patterns.phrases
        markers = phrases.get("topic_markers", set())
        opening = markers
        if cue_lemmas & self.discuss_lemmas:
            opening = markers | phrases.get("discuss_topic_markers", set())
        topics, i, limit = [], after, sent.end
        if cue_lemmas & self.discuss_lemmas and self.patterns.words.get("discuss_direct_object") \
                and not self._marker_at(doc, after, limit, opening):
            j = after  # "discussed the grain deal", "обсудили зерновую сделку"
            while j < limit and j - after < 10 and not doc[j].is_punct and self._words[j] not in self.conjunctions:
                j += 1
            if j - after >= 2:
                topics.append(doc[after:j].text)
            return topics
        skipped = 0
        while i < limit and len(topics) < 6:
            size = self._marker_at(doc, i, limit, opening if not topics else opening)
            if not size:
                if topics or skipped >= 3 or doc[i].is_punct:
                    break
                skipped += 1  # an adverb or a date between the cue and the topic
                i += 1
                continue
            j = i + size
            while j < limit and j - i < 16:
                token = doc[j]
                if token.is_punct and token.text not in "'’-":
                    break
                if token.lower_ in self.conjunctions and self._marker_at(doc, j + 1, limit, opening):
                    break
                j += 1
            if j - i > size:
                topics.append(doc[i:j].text)
            if j < limit and (doc[j].text == "," or doc[j].lower_ in self.conjunctions) and self._marker_at(doc, j + 1, limit, opening):
                i = j + 1
                continue
            break
        return topics

    def _marker_at(self, doc: Doc, i: int, limit: int, markers: set) -> int:
        for size in (3, 2, 1):
            if i + size <= limit and tuple(self._words[i:i + size]) in markers:
                return size
        return 0

    def _bare_participle(self, start: int, sent_start: int) -> bool:
        """A past participle with no auxiliary before it is passive in Romance languages."""
        suffixes = self.participle_suffixes
        if not suffixes or not self._words[start].endswith(suffixes):
            return False
        return not any(self._lemmas[i] in self.perfect_aux or self._words[i] in self.perfect_aux
                       for i in range(max(sent_start, start - 3), start))

    def _reporting(self, doc: Doc, i: int, limit: int) -> bool:
        """", ha riferito il portavoce", ", the ministry said": a reporting clause follows."""
        return any(lemma in self.reporting_lemmas for lemma in self._lemmas[i:min(limit, i + 3)])

    def _relative_subject(self, doc: Doc, groups: list[Group], start: int, clause_start: int) -> Group | None:
        """"the Commerce Department, which is imposing ...": the antecedent is the subject."""
        for i in range(start - 1, max(clause_start, start - 4) - 1, -1):
            if self._words[i] in self.relative_pronouns and i > 0 and self._words[i - 1] == ",":
                for group in groups:
                    if group.end == i - 1 and group.is_actor:
                        return group
        return None
