"""Live sources: RSS/Atom feeds and article pages fetched into articles.

A URL is read as a feed when it parses as one (feedparser), otherwise as an article
page. Each feed entry's page is fetched once: entries are de-duplicated by URL, and
pages by content, across the rounds of a ``watch``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import InputError
from ..ingest.decode import decode_bytes
from ..ingest.html import article_from_html
from .fetch import Fetcher

__all__ = ["Sources", "is_url"]


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


@dataclass
class Sources:
    """Reads feeds and pages; remembers what it has seen, so a second round fetches only
    new entries (and, thanks to conditional GET, an unchanged feed costs a 304)."""

    fetcher: Fetcher = field(default_factory=Fetcher)
    seen_urls: set[str] = field(default_factory=set)
    seen_content: set[str] = field(default_factory=set)

    def read(self, urls: Iterable[str]) -> Iterator:
        """``Article`` for every new page behind ``urls``, ``InputError`` for each one that failed."""
        for url in urls:
            try:
                response = self.fetcher.get(url)
            except InputError as error:
                yield error
                continue
            if response.not_modified:
                continue
            entries = _feed_entries(response.body, response.content_type)
            if entries is None:
                item = self._page(url, response)
                if item is not None:
                    yield item
                continue
            for link, published in entries:
                if link in self.seen_urls:
                    continue
                self.seen_urls.add(link)
                try:
                    page = self.fetcher.get(link, conditional=False)
                except InputError as error:
                    yield error
                    continue
                item = self._page(link, page, published)
                if item is not None:
                    yield item

    def _page(self, url: str, response, published: str | None = None):
        self.seen_urls.add(url)
        digest = hashlib.sha256(response.body).hexdigest()
        if digest in self.seen_content:
            return None  # the same page under another address
        self.seen_content.add(digest)
        try:
            html, warning = decode_bytes(response.body, source=url)
            article = article_from_html(html, source=url, url=response.url)
        except InputError as error:
            return error
        article.url = article.url or response.url
        article.published = published or article.published  # the feed says when it published the entry
        article.fetched = dt.date.today().isoformat()
        if warning:
            article.warnings.append(warning)
        return article


def _feed_entries(body: bytes, content_type: str) -> list[tuple[str, str | None]] | None:
    """``(link, published ISO date)`` of a feed's entries, or None when the body is no feed."""
    if content_type in ("text/html", "application/xhtml+xml"):
        return None
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.get("version") or not parsed.entries:
        if content_type.endswith(("rss+xml", "atom+xml")) or parsed.get("version"):
            return []
        return None
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        entries.append((link, dt.date(*stamp[:3]).isoformat() if stamp else None))
    return entries

