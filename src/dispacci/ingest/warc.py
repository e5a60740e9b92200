"""WARC and WARC.gz archives (ISO 28500): every HTML response is an article.

A crawl such as CC-NEWS stores each fetched page as a ``response`` record with
its URL (``WARC-Target-URI``) and fetch time (``WARC-Date``); the page's own
date, where it has one, still comes from its metadata.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import Errors, InputError
from .decode import DEFAULT_MAX_CHARS, decode_bytes
from .html import article_from_html

__all__ = ["is_warc", "read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz"))


def read_warc(path: Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator:
    """``Article`` for each HTML response of the archive, ``InputError`` for a bad one."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError("E500", Errors.E500.format(reason=error.strerror or error), source=str(path))
        return
    with handle:
        try:
            for record in ArchiveIterator(handle):
                item = _article(record, path, max_chars)
                if item is not None:
                    yield item
        except (ArchiveLoadFailed, ValueError, EOFError, OSError) as error:
            yield InputError("E500", Errors.E500.format(reason=str(error)[:120] or type(error).__name__),
                             source=str(path))


def _article(record, path: Path, max_chars: int):
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if kind not in _HTML_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    fetched = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    source = f"{path}#{url}"
    try:
        payload = record.content_stream().read(max_chars * 4 + 1)
        html, warning = decode_bytes(payload, source=source)
        article = article_from_html(html, source=source, url=url)
    except InputError as error:
        return error
    article.path = source
    article.fetched = fetched  # when the crawler saw the page: not its publication date
    if warning:
        article.warnings.append(warning)
    return article
