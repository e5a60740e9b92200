"""The article as read, before analysis: the input of the pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Article", "TITLE_SEPARATOR", "split_plain_text"]

TITLE_SEPARATOR = "\n\n"
_MAX_TITLE_CHARS = 300


@dataclass
class Article:
    """An article ready to analyse. ``text`` is title, blank line, body."""

    text: str
    title: str | None = None
    path: str | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    fetched: str | None = None  # ISO date a crawler fetched the page (WARC-Date, HTTP fetch)
    metadata_date: str | None = None  # the date an HTML page's own metadata gives
    language: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def body_start(self) -> int:
        return len(self.title) + len(TITLE_SEPARATOR) if self.title else 0

    @property
    def name(self) -> str:
        """How errors and summaries refer to this article."""
        return self.path or self.url or (self.title or self.text[:40]).strip()

    @classmethod
    def from_parts(cls, title: str | None, body: str, **meta) -> "Article":
        title = " ".join(title.split()) if title else None
        body = body.strip("\n")
        text = f"{title}{TITLE_SEPARATOR}{body}" if title else body
        return cls(text=text, title=title, **meta)


def split_plain_text(text: str) -> tuple[str | None, str]:
    """Find the headline of the plain layout: line 1, an empty line 2, then the body.

    Returns ``(title, text)``; ``text`` is the input unless the headline had
    stray spaces around it, so offsets in a clean file are offsets in the record.
    """
    first, sep, rest = text.partition("\n")
    if not sep or not rest.startswith("\n") or not rest.strip():
        return None, text
    headline = first.strip()
    if not headline or len(headline) > _MAX_TITLE_CHARS:
        return None, text
    if headline != first:
        text = headline + "\n" + rest
    return headline, text
