"""Non-body text: captions, bylines, copyright lines, prompts, repeated headlines.

Such text stays in ``text`` (offsets never shift) and is listed in
``not_body`` so that later annotators skip it. Decisions are made line by
line from cue words kept as data (``cues/not_body.yaml``) and from the shape
of the line: length, final punctuation, position in the article.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ...record import NotBody
from ...resources import load_resource
from .dates import FULL_DATE
from ..doc import body_paragraphs
from ..text import doc_text

__all__ = ["NotBodyFinder"]

_TIME = re.compile(r"^\s*(?:[^\W\d_]{3,12},?\s+)?[\d\s./:,\-–hH]*(?:[^\W\d_]{3,12}\.?)?[\d\s./:,\-–hH]*$")
_AGENCY_AT_END = re.compile(r"\((?:[A-Z][\w.\- ]{1,25})\)\s*$")
_PHOTO_CREDIT = re.compile(r"^[\w .'’\-]{2,40}\s/\s[\w .'’\-]{2,40}$")
_TRAILING_BYLINE = re.compile(
    r"\((?:Reportage|Reporting|Reported|Writing|Editing|Rédigé|Redazione|Bericht|Mit Material|Información)\b[^()\n]{3,200}\)\s*$", re.I)
_NAME_LINE = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]+\s){1,3}[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]+$")
_SENTENCE_END = (".", "!", "?", "»", "”", '"', ":", ";", "…")


class NotBodyFinder:
    def __init__(self, nlp: Language, name: str, resources: tuple[str, ...] = ()):
        table = load_resource("cues/not_body.yaml", tuple(resources))
        lang = nlp.lang

        def cues(key: str) -> tuple[str, ...]:
            entry = table.get(key, {})
            words = entry.get("any", []) + entry.get(lang, [])
            return tuple(sorted({w.lower() for w in words}, key=len, reverse=True))

        self.copyright = cues("copyright")
        self.read_more = cues("read_more")
        self.share = cues("share")
        self.byline = cues("byline")
        self.photo = cues("photo")
        self.source = cues("source")

    def __call__(self, doc: Doc) -> Doc:
        context = doc._.context
        text = doc_text(doc)
        lines = [(start, end, text[start:end]) for start, end in body_paragraphs(doc)]
        found: list[NotBody] = []
        title = (context.article.title or "").strip().casefold()
        after_source = False
        for index, (start, end, line) in enumerate(lines):
            stripped = line.strip()
            lead = start + len(line) - len(line.lstrip())
            why = self._why(stripped, index, lines, title, after_source)
            if why:
                found.append(NotBody(why=why, start=lead, end=lead + len(stripped)))
            elif (trailing := _TRAILING_BYLINE.search(line)) is not None:
                found.append(NotBody(why="byline", start=start + trailing.start(), end=start + len(line.rstrip())))
            if stripped.lower().startswith(self.source):
                after_source = True
        doc._.not_body = found
        return doc

    def _why(self, line: str, index: int, lines, title: str, after_source: bool) -> str | None:
        lower = line.lower()
        words = line.split()
        if index == 0 and title and lower.casefold() == title:
            return "headline repeated at the start of the body"
        if any(cue in lower for cue in self.copyright) and len(words) <= 25:
            return "copyright line"
        if lower.startswith(self.read_more) and len(words) <= 30:
            return "read-more prompt"
        if len(words) <= 6 and lower.startswith(self.share) and not line.endswith(_SENTENCE_END):
            return "share prompt"
        if len(words) <= 8 and lower.startswith(self.byline) and _NAME_LINE.match(line.split(" ", 1)[-1].strip()):
            return "byline"
        if _is_timestamp(line):
            return "page timestamp"
        if self._is_caption(line, words, lower):
            return "photo caption or credit"
        if after_source and len(words) <= 30:
            return "image caption left over from the web page"
        if len(words) >= 2 and words[0].lower() == words[1].lower() and words[0][:1].isupper() and len(words) <= 30:
            return "caption debris (repeated word)"
        if index == len(lines) - 1 and index > 2 and _NAME_LINE.match(line) and len(words) <= 4:
            return "byline"
        return None

    def _is_caption(self, line: str, words: list[str], lower: str) -> bool:
        if len(words) > 40:
            return False
        if _PHOTO_CREDIT.match(line) and not line.endswith(_SENTENCE_END):
            return True
        if not any(cue in lower for cue in self.photo):
            return False
        return bool(_AGENCY_AT_END.search(line)) or not line.endswith(_SENTENCE_END) or len(words) <= 12


def _is_timestamp(line: str) -> bool:
    if len(line) > 40 or not any(ch.isdigit() for ch in line):
        return False
    return bool(FULL_DATE.search(line)) and bool(_TIME.match(line))


@Language.factory(
    "dispacci_not_body",
    assigns=["doc._.not_body"],
    requires=["doc._.context", "doc._.paragraphs"],
    default_config={"resources": []},
)
def make_not_body_finder(nlp: Language, name: str, resources: list[str]):
    return NotBodyFinder(nlp, name, tuple(resources))
