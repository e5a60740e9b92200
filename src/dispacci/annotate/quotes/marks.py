"""Find quoted stretches by their quotation marks, in linear time.

Every style the six languages use is read: « », “ ”, " ", „ “, „ ”, ‘ ’, ‹ ›,
» « (German), nested quotes, quotes running over several paragraphs (the
opening mark repeated at each paragraph start, the closing mark only at the
end) and dash-introduced quotes ("— Мы готовы, — заявил он."). The search
never crosses a paragraph unless that convention says so, so a stray mark
cannot swallow the rest of an article. Marks are visited once each, with a
stack; an unclosed mark is dropped and the quotes found inside it survive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import paragraphs

__all__ = ["QuoteSpan", "find_quote_spans", "clean_span"]

_MARKS = re.compile(r"[«»“”„‘’‹›\"']")
_CLOSERS = {"«": "»", "“": "”“", "„": "“”", "‘": "’", "‹": "›", '"': '"', "»": "«", "”": "”", "'": "'"}
_DASH_QUOTE = re.compile(r"^[ \t]*[–—][ \t]*(?P<text>\S[^\n]*?)[ \t]*[,.!?…]?[ \t]+[–—][ \t]*(?P<rest>\S[^\n]*)$", re.MULTILINE)
_TRAILING = ",.;:"
_PARAGRAPH_END = ".!?:;…»”\"“’'"
_MAX_NESTING = 6  # deeper nesting is not written; the bound keeps the scan linear
_SPACE = re.compile(r"\s+")


@dataclass
class QuoteSpan:
    """A quoted stretch: ``start``/``end`` of its text (marks excluded) in the document."""

    start: int
    end: int
    paragraph: int
    group: int  # parts of one quote running over paragraphs share a group
    dash: bool = False  # introduced by a dash rather than enclosed in marks


def _letter(ch: str) -> bool:
    return ch.isalnum()


def _can_open(text: str, i: int, start: int, end: int) -> bool:
    after = text[i + 1] if i + 1 < end else " "
    mark = text[i]
    if after.isspace() and not (mark in "«‹" and i + 2 < end and not text[i + 2].isspace()):
        return False  # French typography spaces its guillemets: « Nous …
    if mark in "‘’'":
        before = text[i - 1] if i > start else " "
        # the straight apostrophe opens a quote only before a word and after a space: 'We will…
        return not _letter(before) and (mark != "'" or after.isalpha())
    return True


def _can_close(text: str, i: int, start: int, end: int, opener: str) -> bool:
    mark = text[i]
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if mark in "’'":  # also the apostrophe: a closer is not followed by a letter
        return not _letter(after) and not (mark == "'" and before.isspace())
    if mark == '"' or (mark == "“" and opener == "“") or (mark == "”" and opener == "”"):
        return not before.isspace() or not _letter(after)
    return True


def _scan_paragraph(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], tuple[str, int] | None]:
    """Outermost quotes closed inside ``text[start:end]`` and the outermost mark left open, if any."""
    stack: list[tuple[str, int]] = []  # (opening mark, position)
    closed: list[tuple[int, int]] = []
    for match in _MARKS.finditer(text, start, end):
        i, mark = match.start(), match.group()
        depth = None
        for d in range(len(stack) - 1, max(len(stack) - 1 - _MAX_NESTING, -1), -1):
            if mark in _CLOSERS.get(stack[d][0], ""):  # a mark that opens but names no closer (›) closes nothing
                depth = d
                break
        if depth is not None and _can_close(text, i, start, end, stack[depth][0]):
            del stack[depth + 1:]  # unclosed marks inside the quote were strays
            closed.append((stack.pop()[1] + 1, i))
        elif mark != "’" and _can_open(text, i, start, end):
            stack.append((mark, i))
    left_open = stack[0] if stack else None
    # closed quotes nest or are disjoint: keep the outermost ones
    closed.sort()
    outer: list[tuple[int, int]] = []
    for span in closed:
        if outer and span[1] <= outer[-1][1]:
            continue
        outer.append(span)
    return outer, left_open


def find_quote_spans(text: str, begin: int = 0, paras: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Every quoted stretch in ``text`` from ``begin``, in order, paragraph by paragraph:
    ``paras`` are the structure layer's, else the lines from ``begin`` that hold more than spaces."""
    if paras is None:
        paras = [(start, end) for start, end, _ in paragraphs(text, begin)]
    spans: list[QuoteSpan] = []
    group = 0
    pending: list[QuoteSpan] = []  # parts of a quote running over paragraphs, not yet closed
    resume_at = 0  # where scanning resumes after a quote that a line break cut in two
    for index, (start, end) in enumerate(paras):
        lead = start + len(text[start:end]) - len(text[start:end].lstrip())
        continuing = bool(pending) and text[lead] == text[pending[0].start - 1]
        if pending and not continuing:
            pending = []  # the quote never closed: its opening mark was a stray
        scan_from = max(start, resume_at)
        if continuing:
            close = _close_of_continued(text, lead, end, text[lead])
            if close is None:
                pending.append(QuoteSpan(lead + 1, end, index, pending[0].group))
                continue
            pending.append(QuoteSpan(lead + 1, close, index, pending[0].group))
            spans.extend(pending)
            pending = []
            scan_from = close + 1
        closed, left_open = _scan_paragraph(text, scan_from, end)
        for a, b in closed:
            group += 1
            spans.append(QuoteSpan(a, b, index, group))
        if left_open is not None:
            mark, position = left_open
            nxt = paras[index + 1][0] if index + 1 < len(paras) else None
            if nxt is not None and text[nxt:paras[index + 1][1]].lstrip()[:1] == mark:
                group += 1
                pending = [QuoteSpan(position + 1, end, index, group)]
                spans[:] = [s for s in spans if not (s.paragraph == index and s.start > position)]
            elif nxt is not None and text[start:end].rstrip()[-1:] not in _PARAGRAPH_END:
                # a line break inside a sentence ("del gruppo\nterroristico"): the quote closes on the next line
                close = _first_mark_closes(text, nxt, paras[index + 1][1], mark)
                if close is not None:
                    group += 1
                    spans[:] = [s for s in spans if not (s.paragraph == index and s.start > position)]
                    spans.append(QuoteSpan(position + 1, close, index, group))
                    resume_at = close + 1
        dashed = _DASH_QUOTE.match(text, start, end)
        if dashed and not closed and left_open is None:
            group += 1
            spans.append(QuoteSpan(dashed.start("text"), dashed.end("text"), index, group, dash=True))
    spans.sort(key=lambda s: s.start)
    return spans


def _first_mark_closes(text: str, start: int, end: int, opener: str) -> int | None:
    """The position of the next line's first mark when it closes ``opener`` after a word."""
    match = _MARKS.search(text, start, end)
    if match is None or match.group() not in _CLOSERS[opener]:
        return None
    i = match.start()
    if i == start or text[i - 1].isspace() or not _can_close(text, i, start, end, opener):
        return None
    return i


def _close_of_continued(text: str, lead: int, end: int, mark: str) -> int | None:
    """Where a quote continued from the previous paragraph closes in this one, if it does."""
    closed, left_open = _scan_paragraph(text, lead, end)
    for a, b in closed:
        if a == lead + 1:
            return b
    return None


def clean_span(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Trim spaces and a trailing comma/period inside the marks; collapse whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
        end -= 1
    return start, end, _SPACE.sub(" ", text[start:end])
