"""Text helpers every layer shares: the doc's text read once, its lines with their
offsets (wire copy has one paragraph per line), cue lists from data files checked
per language, and cue phrases as regular expressions."""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from ..errors import Errors, ResourceError

__all__ = ["doc_text", "token_starts", "lines", "paragraphs", "cue_lists", "phrase_pattern"]


def doc_text(doc: Doc) -> str:
    """The doc's text without rebuilding it: ``Doc.text`` joins every token anew on each
    call, while the article the doc was made from holds the same string; a doc made
    otherwise has its text joined once and kept in ``user_data``."""
    context = doc._.context
    text = getattr(getattr(context, "article", None), "text", None)
    if text is not None and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        return text
    text = doc.user_data.get("dispacci_text")
    if text is None:
        text = doc.user_data["dispacci_text"] = doc.text
    return text


def token_starts(doc: Doc) -> list[int]:
    """Every token's character offset, in order, listed once per doc: rules that find the token
    at a position bisect it, where listing it per lookup made them cost tokens × lookups."""
    starts = doc.user_data.get("dispacci_token_starts")
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data["dispacci_token_starts"] = [t.idx for t in doc]
    return starts


def lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` of every line of ``text[start:end]``, empty ones included."""
    offset = start
    for line in text[start:end].split("\n"):
        yield offset, line
        offset += len(line) + 1


def paragraphs(text: str, start: int = 0) -> Iterator[tuple[int, int, str]]:
    """``(start, end, line)`` of every line from ``start`` that holds more than spaces."""
    for offset, line in lines(text, start):
        if line.strip():
            yield offset, offset + len(line), line


def cue_lists(name: str, table, lang: str, code: str):
    """``cues(key)``: the words of ``key`` for ``lang`` plus ``any`` from a cue file, checked
    (each language a mapping of lists of strings) so that a bad user file says what is wrong.
    ``code`` is the catalogue's code of that file (E150 the quote cues, E151 the credit cues)."""
    template = getattr(Errors, code)

    def bad(where: str, expected: str, found) -> ResourceError:
        found = found if isinstance(found, str) else f"a {type(found).__name__}"
        return ResourceError(code, template.format(name=name, where=where, expected=expected, found=found))

    table = table or {}
    if not isinstance(table, dict):
        raise bad("", "map language codes (it, en, fr, de, es, ru, any) to cue lists", table)
    for block in ("any", lang):
        entry = table.get(block) or {}
        if not isinstance(entry, dict):
            raise bad(f": '{block}'", "map cue kinds to lists of words", entry)
        for key, words in entry.items():
            if not isinstance(words, list):
                raise bad(f": '{block}.{key}'", "be a list of words", words)
            for word in words:
                if not isinstance(word, str):
                    raise bad(f": '{block}.{key}'", "be a list of words", f"a list holding {word!r:.40}")

    def cues(key: str) -> list[str]:
        return [*(table.get("any") or {}).get(key, []), *(table.get(lang) or {}).get(key, [])]

    return cues


def phrase_pattern(phrase: str) -> str:
    """A cue phrase as a regex: apostrophes of either kind, any run of spaces."""
    escaped = re.escape(phrase.strip())
    escaped = re.sub("['’]", "['’]", escaped)
    return re.sub(r"(\\ )+", r"\\s+", escaped)
