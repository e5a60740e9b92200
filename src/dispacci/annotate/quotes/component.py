"""Quotes: words in quotation marks and who said them.

``marks`` finds the quoted stretches; this component drops scare quotes (one or
two words no verb of naming governs, ``short``) and titles after their noun,
splits a quote interrupted by its attribution ("… - ha scritto Zelensky su
Telegram -. …") and attributes each quote from the cues of ``cues/quotes.yaml``:
a verb of saying after the quote ("», ha detto Peskov") or before it ("Peskov ha
detto che “…”"), an "according to" phrase, a pronoun ("secondo lui"), a role
("il portavoce", "der Kanzler"), a document ("si legge nel messaggio") or the
next sentence taking it back ("Lo rende noto la Farnesina", ``following``).
Speakers are never recognised here: they are the persons and organisations of
the entities layer, and a document's voice is the origin credit of the credits
layer. A quote without a cue of its own continues the attribution of the quote
before it in the same paragraph; where the text does not say who speaks,
``speaker`` stays null.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ...record import Quote
from ...resources import load_resource
from ..text import cue_lists, doc_text, phrase_pattern
from ..doc import body_paragraphs, in_body
from .marks import QuoteSpan, clean_span, find_quote_spans
from .clauses import ClauseShapes
from .reported import ReportedSpeech
from .short import ShortQuotes
from .speakers import SpeakerReading, SpeakerResolver
from .following import taken_back

__all__ = ["QuoteFinder", "MIN_QUOTE_WORDS", "MAX_UNCUED_NAME_WORDS"]

MIN_QUOTE_WORDS = 3  # one- or two-word quotes are scare quotes or titles, unless a verb of naming governs them
MAX_UNCUED_NAME_WORDS = 5  # a short quoted phrase nobody is said to have said is a name or a label
_AFTER_REACH = 7  # tokens between a quote and a verb of saying that follows it
_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"»”’)]*(?=\s|$)")
_MARK_CHARS = re.compile(r"[«»“”„\"‹›]")
_INTERRUPTION = re.compile(r",?\s[-–—]\s+(?P<inner>[^-–—\n]{2,120}?)\s*[-–—](?=[\s.,;:!?]|$)[.,;:]?")


@dataclass
class _Cue:
    kind: str  # verb | according | self | relative | document
    start: int
    end: int
    text: str


@dataclass
class _Attribution:
    cue: str | None
    speaker: str | None
    actor: str | None


class QuoteFinder:
    def __init__(self, nlp: Language, name: str, resources: tuple[str, ...] = (), actors: tuple[str, ...] = ()):
        self.lang = lang = nlp.lang
        cues = cue_lists("cues/quotes.yaml", load_resource("cues/quotes.yaml", tuple(resources)), lang, "E150")

        self.verbs = {v.lower() for v in cues("verbs")}
        self.aux = {a.lower() for a in cues("aux")}
        self.phrases: list[tuple[str, re.Pattern]] = []
        for kind in ("document", "self", "relative", "according"):
            words = sorted(set(cues(kind)), key=len, reverse=True)
            if words:
                pattern = r"(?<!\w)(?:" + "|".join(phrase_pattern(w) for w in words) + r")(?!\w)"
                self.phrases.append((kind, re.compile(pattern, re.IGNORECASE)))
        leading = sorted(set(cues("according_opening")), key=len, reverse=True)
        self.opening_re = re.compile(r"\s*(?:" + "|".join(phrase_pattern(w) for w in leading) + r")(?!\w)") \
            if leading else None
        after_quote = sorted(set(cues("after_quote")), key=len, reverse=True)
        self.after_quote_re = re.compile(r"[\s,:;–—-]*(?P<cue>" + "|".join(phrase_pattern(w) for w in after_quote)
                                         + r")(?!\w)", re.IGNORECASE) if after_quote else None
        openings = sorted(set(cues("next_sentence")), key=len, reverse=True)
        self.next_re = re.compile(r"(?:" + "|".join(phrase_pattern(o) for o in openings) + r")(?!\w)",
                                  re.IGNORECASE) if openings else None
        self.speakers = SpeakerResolver(lang, cues, tuple(resources), tuple(actors))
        self.short = ShortQuotes(self.speakers.parse, cues)
        self.anaphors = {w.lower() for w in cues("anaphors")}
        kinds = dict(self.phrases)
        postposed = sorted(set(cues("postposed")), key=len, reverse=True)
        postposed_re = re.compile(r"(?<!\w)(?:" + "|".join(phrase_pattern(w) for w in postposed) + r")(?!\w)",
                                  re.IGNORECASE) if postposed else None
        self.reported = ReportedSpeech(self.speakers.parse, kinds.get("according"), kinds.get("self"), postposed_re,
                                       ClauseShapes(self.speakers.parse, cues), tuple(cues("source_prepositions")),
                                       tuple(cues("source_nouns")))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        context = doc._.context
        body_start = context.body_start if context else 0
        found = find_quote_spans(text, body_start, body_paragraphs(doc))
        spans = [s for s in found if in_body(doc, s.start, s.end)]
        parts = self._parts(text, spans)
        parsed = self.speakers.parse.parsed(doc)
        real = [p for p in parts if p.words >= MIN_QUOTE_WORDS or parsed and self.short.said(doc, p.start, p.end)]
        if parsed:  # «La Stampa», „Nackt unter Wölfen“: a title after its noun names a thing
            real = [p for p in real if p.dash or not self.short.names_a_thing(doc, p.start, p.end)]
        starts = _sentence_starts(doc, text)
        reading = self.speakers.start(doc, text, [(p.raw_start - 1, p.raw_end + 1) for p in real], starts)
        quotes: list[Quote] = []
        kept: list[_Part] = []
        previous: tuple[_Part, _Attribution] | None = None
        for index, part in enumerate(real):
            before_limit = real[index - 1].raw_end + 1 if index and real[index - 1].paragraph == part.paragraph else None
            after_limit = real[index + 1].raw_start - 1 if index + 1 < len(real) \
                and real[index + 1].paragraph == part.paragraph else None
            if part.given is not None:
                cue, inner_start, inner_end = part.given
                attribution = self._resolve(reading, text, cue, inner_start, inner_end, part.start, before=None)
            else:
                attribution = self._attribute(reading, text, part, starts, before_limit, after_limit)
            if attribution is None and part.dash:
                continue  # a dash opens many things; only a cue makes it a quote
            if attribution is None and previous is not None and _continues(previous[0], part):
                attribution = previous[1]
            if (attribution is None or attribution.speaker is None) and part.words <= MAX_UNCUED_NAME_WORDS:
                continue  # «Piano Mattei per l'Africa», "so-called special operation": a name, not a quote
            attribution = attribution or _Attribution(None, None, None)
            if attribution.speaker is not None or previous is None or previous[0].paragraph != part.paragraph:
                previous = (part, attribution)
            kept.append(part)
            quotes.append(Quote(text=part.text, speaker=attribution.speaker, speaker_actor=attribution.actor,
                                cue=attribution.cue, direct=True, start=part.start, end=part.end))
        direct = _unique(_share_within_groups(quotes, [p.group for p in kept]))
        indirect = self.reported.find(doc, self.speakers, reading, lambda t: self._cue_text(text, t), direct)
        doc._.quotes = sorted(direct + indirect, key=lambda q: q.start)
        return doc

    def _cue_text(self, text: str, verb) -> str:
        match = _TOKEN.match(text, verb.idx)
        return self._verb_cue(text, match, verb.sent.start_char).text if match else verb.text

    # -- quoted parts ---------------------------------------------------------------------
    def _parts(self, text: str, spans: list[QuoteSpan]) -> list["_Part"]:
        parts: list[_Part] = []
        for span in spans:
            pieces = [(span.start, span.end, None)]
            inner = self._interruption(text, span)
            if inner is not None:
                match, attribution = inner
                pieces = [(span.start, match.start(), attribution), (match.end(), span.end, attribution)]
            for raw_start, raw_end, given in pieces:
                start, end, cleaned = clean_span(text, raw_start, raw_end)
                start, end, cleaned = _strip_leading(text, start, end, cleaned)
                if end <= start:
                    continue
                parts.append(_Part(raw_start=span.start if raw_start == span.start else raw_start,
                                   raw_end=raw_end, start=start, end=end, text=cleaned,
                                   paragraph=span.paragraph, group=span.group, dash=span.dash,
                                   words=len(cleaned.split()), given=given))
        return parts

    def _interruption(self, text: str, span: QuoteSpan):
        """A quote cut in two by its attribution: "… - ha scritto Zelensky su Telegram -. …"."""
        if span.dash:
            return None
        for match in _INTERRUPTION.finditer(text, span.start, span.end):
            inner_start, inner_end = match.span("inner")
            cue = self._first_cue(text, inner_start, inner_end)
            if cue is None or match.start() - span.start < 3 or span.end - match.end() < 3:
                continue
            return match, (cue, inner_start, inner_end)
        return None

    # -- attribution ----------------------------------------------------------------------
    def _attribute(self, reading: SpeakerReading, text: str, part: "_Part", starts: list[int], before_limit,
                   after_limit) -> _Attribution | None:
        close = part.raw_end  # the closing mark
        para_start = text.rfind("\n", 0, part.raw_start) + 1
        para_end = text.find("\n", close)
        para_end = len(text) if para_end < 0 else para_end
        # after: from the closing mark to the end of its sentence or the next quote
        after_start = close + 1 if not part.dash else part.raw_end
        after_end = min(x for x in (para_end, after_limit) if x is not None)
        if not part.dash:
            ended = _SENTENCE_END.search(text, after_start, after_end)
            if ended:
                after_end = ended.start()
            if text[close - 1:close] in ".!?…" and _starts_new_sentence(text, after_start, after_end):
                after_end = after_start
        # before: from the start of the sentence (or the previous quote) to the opening mark
        opening = part.raw_start - 1
        sentence_start = starts[bisect.bisect_right(starts, opening) - 1] if starts else para_start
        before_start = max(x for x in (para_start, sentence_start, before_limit) if x is not None)
        if not text[before_start:opening].strip() and para_start >= 2 and text[:para_start].rstrip().endswith(":"):
            # "Peskov ha detto ai giornalisti:" then the quote as a paragraph of its own
            colon = len(text[:para_start].rstrip()) - 1
            previous_start = starts[bisect.bisect_right(starts, colon) - 1] if starts else 0
            before_start, opening = max(previous_start, text.rfind("\n", 0, colon) + 1), colon
        governed = self._governed(reading, text, part, sentence_start)
        if governed is not None:
            return governed
        cue = self._first_cue(text, after_start, after_end, reach=_AFTER_REACH)
        leading = self.after_quote_re.match(text, after_start, after_end) if self.after_quote_re else None
        if leading is not None and (cue is None or cue.start >= leading.end()):
            cue = _Cue("verb", leading.start("cue"), leading.end("cue"), leading.group("cue"))
        found = None
        if cue is not None:
            found = self._resolve(reading, text, cue, after_start, after_end, part.start, before=(before_start,
                                                                                                  opening))
            if found.speaker is not None or part.dash:
                return found
        if part.dash:
            return None
        cue = self._last_cue(text, before_start, opening)
        if cue is not None:  # "Peskov ha detto che «…», secondo i media": the verb before names him
            earlier = self._resolve(reading, text, cue, before_start, opening, part.start, before=None)
            return earlier if earlier.speaker is not None or found is None else found
        if found is not None:
            return found
        return self._next_sentence(reading, text, part, after_end, para_end) or \
            self._previous_paragraph(reading, text, part, starts, para_start, para_end)

    def _governed(self, reading: SpeakerReading, text: str, part: "_Part", floor: int) -> _Attribution | None:
        """The parse's reading: the reporting verb the quote hangs from, and its subject."""
        if not reading.parsed or part.dash:
            return None
        if any(c.kind == "document" for c in self._cues(text, floor, part.raw_start)) or \
                self.speakers.parse.document_speaks(reading.doc, floor, part.raw_start, reading.quoted,
                                                    self.speakers.document_nouns):
            return None  # "spiega ancora la nota, Meloni ha discusso «…»": the communiqué's words, read by the cue rules
        verb = self.speakers.parse.governor(reading.doc, part.start, part.end, reading.quoted)
        if verb is None:
            return None
        speaker = self.speakers.from_parse(reading, verb, part.start)
        if speaker is None:
            return None
        return _Attribution(self._cue_text(text, verb), speaker[0], speaker[1])

    def _previous_paragraph(self, reading: SpeakerReading, text: str, part: "_Part", starts: list[int], para_start: int,
                            para_end: int) -> _Attribution | None:
        """A quote that is a paragraph of its own, after a paragraph ending with a verb of saying:
        "Peskov ha poi aggiunto che la situazione resta complessa.\n«Non escludiamo nulla…»"."""
        if text[para_start:part.raw_start - 1].strip() or text[part.raw_end + 1:para_end].strip(" \t.,;!?…»”\"'’"):
            return None
        previous_end = len(text[:para_start].rstrip())
        if previous_end <= 0 or text[previous_end - 1] not in ".!?…":
            return None
        previous_start = text.rfind("\n", 0, previous_end) + 1
        sentence = starts[bisect.bisect_right(starts, previous_end - 1) - 1] if starts else previous_start
        sentence = max(sentence, previous_start)
        if _MARK_CHARS.search(text, sentence, previous_end):
            return None  # a quote there has its own attribution; the carry-over rule covers it
        cue = self._last_cue(text, sentence, previous_end)
        if cue is None or cue.kind != "verb":
            return None
        return self._resolve(reading, text, cue, sentence, previous_end, part.start, before=None)

    def _next_sentence(self, reading: SpeakerReading, text: str, part: "_Part", after_end: int,
                       para_end: int) -> _Attribution | None:
        """«…». Lo ha detto Peskov ai giornalisti. — the sentence after the quote attributes it."""
        if self.next_re is None or text[part.raw_end + 1:after_end].strip(" \t,;:-–—"):
            return None
        begin = part.raw_end + 1
        while begin < para_end and (text[begin].isspace() or text[begin] in ".!?…"):
            begin += 1
        opening = self.next_re.match(text, begin, para_end)
        if opening is None:
            found = taken_back(self.speakers, self.anaphors, self.verbs, reading, begin, para_end, part.start)
            return _Attribution(self._cue_text(text, found[0]), *found[1]) if found else None
        ended = _SENTENCE_END.search(text, opening.end(), para_end)
        stop = ended.start() if ended else para_end
        cue = self._first_cue(text, begin, stop) or _Cue("verb", opening.start(), opening.end(), opening.group())
        return self._resolve(reading, text, cue, begin, stop, part.start, before=None)

    def _cues(self, text: str, start: int, end: int) -> list[_Cue]:
        found: list[_Cue] = []
        taken: list[tuple[int, int]] = []
        for kind, pattern in self.phrases:
            for match in pattern.finditer(text, start, end):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                taken.append(match.span())
                found.append(_Cue(kind, match.start(), match.end(), match.group()))
        for match in _TOKEN.finditer(text, start, end):
            if match.group().lower() in self.verbs and not any(a <= match.start() < b for a, b in taken):
                found.append(self._verb_cue(text, match, start))
        if self.opening_re is not None and not found:
            leading = self.opening_re.match(text, start, end)
            if leading and (start == 0 or text[start - 1] in "\n" or text[max(0, start - 2):start].strip() in ".!?…"):
                found.append(_Cue("according", leading.end() - len(leading.group().strip()), leading.end(),
                                  leading.group().strip()))
        found.sort(key=lambda c: c.start)
        return found

    def _verb_cue(self, text: str, match: re.Match, floor: int) -> _Cue:
        """The verb with the auxiliaries and adverbs just before it: "ha poi detto"."""
        begin = match.start()
        while True:
            previous = list(_TOKEN.finditer(text, max(floor, begin - 20), begin))
            if not previous:
                break
            last = previous[-1]
            if last.group().lower() not in self.aux or text[last.end():begin].strip():
                break
            begin = last.start()
        return _Cue("verb", begin, match.end(), " ".join(text[begin:match.end()].split()))

    def _first_cue(self, text: str, start: int, end: int, reach: int | None = None) -> _Cue | None:
        cues = self._cues(text, start, end)
        if not cues:
            return None
        cue = cues[0]
        if reach is not None and len(_TOKEN.findall(text, start, cue.start)) > reach:
            return None
        return cue

    def _last_cue(self, text: str, start: int, end: int) -> _Cue | None:
        """The cue nearest before a quote, unless the sentence quotes a document ("Secondo il
        comunicato, … hanno ribadito che «…»"): fragments of a communiqué are the issuer's."""
        cues = self._cues(text, start, end)
        documents = [c for c in cues if c.kind == "document"]
        return documents[0] if documents else (cues[-1] if cues else None)

    def _resolve(self, reading: SpeakerReading, text: str, cue: _Cue, start: int, end: int, position: int,
                 before) -> _Attribution:
        speaker = self.speakers.resolve(reading, cue.kind, cue.start, cue.end, start, end, position, before)
        if speaker is None:
            return _Attribution(cue.text, None, None)
        return _Attribution(cue.text, speaker[0], speaker[1])


@dataclass
class _Part:
    raw_start: int
    raw_end: int
    start: int
    end: int
    text: str
    paragraph: int
    group: int
    dash: bool
    words: int
    given: tuple[_Cue, int, int] | None = None  # the cue of an interrupting clause and its span


def _continues(previous: _Part, part: _Part) -> bool:
    """A quote without a cue goes on with the quote before it in the same paragraph,
    or after it when it fills its own paragraph."""
    return previous.group == part.group or previous.paragraph == part.paragraph or (
        previous.paragraph == part.paragraph - 1 and part.dash is False and part.words >= 8)


def _share_within_groups(quotes: list[Quote], groups: list[int]) -> list[Quote]:
    """The parts of a quote running over paragraphs share the attribution its last part carries."""
    by_group: dict[int, Quote] = {}
    for quote, group in zip(quotes, groups):
        if quote.speaker is not None or quote.cue is not None:
            by_group[group] = quote
    for quote, group in zip(quotes, groups):
        source = by_group.get(group)
        if source is not None and quote.speaker is None and quote.cue is None:
            quote.speaker, quote.speaker_actor, quote.cue = source.speaker, source.speaker_actor, source.cue
    return quotes


def _strip_leading(text: str, start: int, end: int, cleaned: str) -> tuple[int, int, str]:
    while start < end and (text[start] in ".,;:–—-" or text[start].isspace()):
        start += 1
    if start >= end:
        return start, end, ""
    return clean_span(text, start, end)


def _starts_new_sentence(text: str, start: int, end: int) -> bool:
    rest = text[start:end].lstrip()
    return not rest or rest[0].isupper() or rest[0] in "«“„\"‘"


def _sentence_starts(doc: Doc, text: str) -> list[int]:
    try:
        return [sentence.start_char for sentence in doc.sents]
    except ValueError:  # no sentence annotator in this pipeline
        starts = [0]
        starts.extend(m.end() for m in _SENTENCE_END.finditer(text))
        return sorted(set(starts))


def _unique(quotes: list[Quote]) -> list[Quote]:
    """A quote repeated (a summary bullet, then the body) is listed once: the last
    occurrence with a speaker, since summaries come before the body."""
    kept: dict[str, Quote] = {}
    for quote in quotes:
        key = quote.text.casefold()
        if key not in kept or quote.speaker is not None or kept[key].speaker is None:
            kept[key] = quote
    return sorted(kept.values(), key=lambda q: q.start)


@Language.factory(
    "dispacci_quotes",
    assigns=["doc._.quotes"],
    requires=["doc._.context", "token.is_sent_start", "doc._.paragraphs", "doc._.not_body", "doc._.entities",
              "doc.spans", "span._.entity", "doc._.credits", "doc._.parsed", "token.dep", "token.head", "token.lemma"],
    default_config={"resources": [], "actors": []},
)
def make_quote_finder(nlp: Language, name: str, resources: list[str], actors: list[str]):
    return QuoteFinder(nlp, name, tuple(resources), tuple(actors))
