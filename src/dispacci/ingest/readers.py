"""Readers: files, folders and standard input to ``Article`` objects.

Each reader yields ``Article`` or ``InputError`` items so that a batch reports
a bad item and goes on with the rest.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ConfigError, Errors, InputError
from .article import Article, split_plain_text
from .decode import DEFAULT_MAX_CHARS, check_size, decode_bytes, detect_encoding, normalise_text
from .html import article_from_html, looks_like_html
from .tables import HEAD_BYTES, read_csv_text, read_jsonl_text, stream_table

__all__ = ["FORMATS", "READABLE_SUFFIXES", "ReadItem", "read_paths", "read_path", "read_bytes", "read_text"]

FORMATS = ("auto", "text", "html", "jsonl", "csv")
_SUFFIXES = READABLE_SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
}
ReadItem = Article | InputError


def read_paths(paths: Iterable[str], *, fmt: str = "auto", max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ReadItem]:
    """Read every article under ``paths`` (files, folders, or ``-`` for stdin)."""
    if fmt not in FORMATS:
        raise ConfigError("E011", Errors.E011.format(fmt=fmt, valid=", ".join(FORMATS)))
    for name in paths:
        if name == "-":
            yield from read_bytes(sys.stdin.buffer.read(), source="<stdin>", fmt=fmt, max_chars=max_chars)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                if child.suffix.lower() in _SUFFIXES:
                    yield from read_path(child, fmt=fmt, max_chars=max_chars)
        else:
            yield from read_path(path, fmt=fmt, max_chars=max_chars)


def read_path(path: Path, *, fmt: str = "auto", max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ReadItem]:
    """The articles of one file: JSONL and CSV stream article by article (``max_chars``
    is each article's limit, not the file's); a text or HTML file is one article."""
    source = str(path)
    if not path.exists():
        yield InputError("E009", Errors.E009, source=source)
        return
    if fmt == "auto":
        fmt = _SUFFIXES.get(path.suffix.lower(), "auto")
    if fmt == "auto":
        fmt = _sniff_file(path)
    if fmt in ("jsonl", "csv"):
        yield from stream_table(path, fmt, max_chars=max_chars)
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield InputError("E012", Errors.E012.format(reason=error.strerror or error), source=source)
        return
    yield from read_bytes(data, source=source, fmt=fmt, max_chars=max_chars, path=source)


def _sniff_file(path: Path) -> str:
    """The format of a file without a telling suffix, judged on its first bytes ("auto" when unsure)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
        encoding = detect_encoding(head, source=str(path), whole=len(head) < HEAD_BYTES)
    except (OSError, InputError):
        return "auto"  # reading the whole file reports the problem
    return _sniff(normalise_text(head.decode(encoding, "ignore")))


def read_bytes(data: bytes, *, source: str, fmt: str = "auto", max_chars: int = DEFAULT_MAX_CHARS,
               path: str | None = None) -> Iterator[ReadItem]:
    try:
        text, warning = decode_bytes(data, source=source)
    except InputError as error:
        yield error
        return
    if fmt == "auto":
        fmt = _sniff(normalise_text(text[:HEAD_BYTES]))
    if fmt == "jsonl":  # the limit is each article's (a raw U+2028 inside a JSON string is no line break)
        yield from read_jsonl_text(text, source=source, path=path, max_chars=max_chars)
    elif fmt == "csv":
        yield from read_csv_text(normalise_text(text), source=source, path=path, max_chars=max_chars)
    else:
        try:
            text = normalise_text(text)
            check_size(text, source=source, max_chars=max_chars)
            article = read_text(text, source=source, html=fmt == "html")
        except InputError as error:
            yield error
            return
        article.path = path
        if warning:
            article.warnings.append(warning)
        yield article


def read_text(text: str, *, source: str = "<text>", html: bool | None = None) -> Article:
    """One article from a decoded string: plain-text layout or an HTML page."""
    if html is None:
        html = looks_like_html(text)
    if html:
        return article_from_html(text, source=source)
    text = normalise_text(text)
    if not text.strip():
        raise InputError("E010", Errors.E010, source=source)
    title, text = split_plain_text(text)
    return Article(text=text, title=title)


def _sniff(text: str) -> str:
    first = text.lstrip().split("\n", 1)[0].rstrip()
    if first.startswith("{") and first.endswith("}"):
        return "jsonl"
    head = text.lstrip()[:2000]
    if looks_like_html(head):
        return "html"
    return "text"
