"""Readers: files, folders and standard input to ``Article`` objects.

Each reader yields ``Article`` or ``InputError`` items so that a batch reports
a bad item and goes on with the rest.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ConfigError, Errors, InputError
from .article import Article, split_plain_text
from .decode import DEFAULT_MAX_CHARS, check_no_surrogates, check_size, decode_bytes, normalise_text
from .html import article_from_html, looks_like_html

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
    source = str(path)
    if not path.exists():
        yield InputError("E009", Errors.E009, source=source)
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield InputError("E012", Errors.E012.format(reason=error.strerror or error), source=source)
        return
    if fmt == "auto":
        fmt = _SUFFIXES.get(path.suffix.lower(), "auto")
    yield from read_bytes(data, source=source, fmt=fmt, max_chars=max_chars, path=source)


def read_bytes(data: bytes, *, source: str, fmt: str = "auto", max_chars: int = DEFAULT_MAX_CHARS,
               path: str | None = None) -> Iterator[ReadItem]:
    try:
        text, warning = decode_bytes(data, source=source)
        text = normalise_text(text)
        check_size(text, source=source, max_chars=max_chars)
    except InputError as error:
        yield error
        return
    if fmt == "auto":
        fmt = _sniff(text)
    if fmt == "jsonl":
        yield from _read_jsonl(text, source=source, path=path, max_chars=max_chars)
    elif fmt == "csv":
        yield from _read_csv(text, source=source, path=path, max_chars=max_chars)
    else:
        try:
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
    head = text.lstrip()[:2000]
    if head.startswith("{") and head.split("\n", 1)[0].rstrip().endswith("}"):
        return "jsonl"
    if looks_like_html(head):
        return "html"
    return "text"


def _article_from_row(row: dict, *, source: str, path: str | None, max_chars: int) -> Article:
    for value in row.values():
        if isinstance(value, str):
            check_no_surrogates(value, source=source)
    body = row.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError("E007", Errors.E007.format(line=row.get("_line", "?")), source=source)
    title = row.get("title") if isinstance(row.get("title"), str) else None
    body = normalise_text(body)
    check_size(body, source=source, max_chars=max_chars)
    meta = {key: str(row[key]) for key in ("url", "published", "publisher", "language") if row.get(key)}
    article = Article.from_parts(title.strip() if title and title.strip() else None, body, path=path, **meta)
    return article


def _read_jsonl(text: str, *, source: str, path: str | None, max_chars: int) -> Iterator[ReadItem]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        item_source = f"{source}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError("E006", Errors.E006.format(line=number, reason=error.msg), source=source)
            continue
        if not isinstance(row, dict):
            yield InputError("E006", Errors.E006.format(line=number, reason=type(row).__name__), source=source)
            continue
        row["_line"] = number
        try:
            yield _article_from_row(row, source=item_source, path=item_source if path else None, max_chars=max_chars)
        except InputError as error:
            yield error


def _read_csv(text: str, *, source: str, path: str | None, max_chars: int) -> Iterator[ReadItem]:
    dialect = "excel-tab" if "\t" in text.split("\n", 1)[0] else "excel"
    csv.field_size_limit(max(max_chars, 1_000_000))
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        columns = reader.fieldnames or []
    except csv.Error as error:
        yield InputError("E012", Errors.E012.format(reason=error), source=source)
        return
    if "text" not in columns:
        yield InputError("E008", Errors.E008.format(columns=", ".join(columns) or "none"), source=source)
        return
    try:
        for number, row in enumerate(reader, start=2):
            row["_line"] = number
            item_source = f"{source}:{number}"
            try:
                yield _article_from_row(row, source=item_source, path=item_source if path else None, max_chars=max_chars)
            except InputError as error:
                yield error
    except csv.Error as error:
        yield InputError("E012", Errors.E012.format(reason=error), source=source)
