"""Files of many articles: JSON Lines and CSV, one article per line or row.

The per-article limit (``max_chars``) applies to each article, never to the
file: a file on disk is streamed line by line, so a corpus of any size is read
in bounded memory per article. A bad line or row is that item's error; the
rest of the file is read.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Errors, InputError
from .article import Article
from .decode import check_no_surrogates, check_size, detect_encoding, normalise_text

__all__ = ["HEAD_BYTES", "read_jsonl_text", "read_csv_text", "stream_table"]

HEAD_BYTES = 1 << 16  # what the encoding and the CSV dialect are judged on


def read_jsonl_text(text: str, *, source: str, path: str | None, max_chars: int) -> Iterator:
    """The articles of JSON Lines already in memory (standard input, a request)."""
    lines = (line.rstrip("\r") for line in text.split("\n"))
    yield from _jsonl_items(enumerate(lines, start=1), source=source, path=path, max_chars=max_chars)


def read_csv_text(text: str, *, source: str, path: str | None, max_chars: int) -> Iterator:
    yield from _csv_items(io.StringIO(text, newline=None), text.split("\n", 1)[0], source=source, path=path,
                          max_chars=max_chars)


def stream_table(path: Path, fmt: str, *, max_chars: int) -> Iterator:
    """Stream a JSONL (``fmt`` "jsonl") or CSV file from disk, article by article."""
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError("E012", Errors.E012.format(reason=error.strerror or error), source=source)
        return
    with handle:
        head = handle.read(HEAD_BYTES)
        try:
            encoding = detect_encoding(head, source=source, whole=len(head) < HEAD_BYTES)
        except InputError as error:
            yield error
            return
        handle.seek(0)
        if fmt == "jsonl":
            lines = _lines(handle, encoding, source=source)
            yield from _jsonl_items(lines, source=source, path=source, max_chars=max_chars)
            return
        stream = io.TextIOWrapper(handle, encoding=encoding, newline="")
        first = head.decode(encoding, "replace").split("\n", 1)[0]
        try:
            yield from _csv_items(stream, first, source=source, path=source, max_chars=max_chars)
        except UnicodeDecodeError:
            yield InputError("E004", Errors.E004, source=source)


def _lines(handle, encoding: str, *, source: str) -> Iterator[tuple[int, str | InputError]]:
    """Numbered lines of a binary file; a line that does not decode is that line's error."""
    if encoding.startswith(("utf-16", "utf-32")):  # "\n" is not one byte: let the codec find the lines
        text, number = io.TextIOWrapper(handle, encoding=encoding, newline=""), 0
        try:
            for line in text:
                number += 1
                yield number, line.rstrip("\r\n")
        except UnicodeDecodeError:  # the codec lost its way: nothing after this point is text
            yield number + 1, InputError("E004", Errors.E004, source=f"{source}:{number + 1}")
        return
    for number, raw in enumerate(handle, start=1):
        try:
            yield number, raw.decode(encoding).rstrip("\r\n")
        except UnicodeDecodeError:
            yield number, InputError("E004", Errors.E004, source=f"{source}:{number}")


def _jsonl_items(lines: Iterable[tuple[int, str | InputError]], *, source: str, path: str | None,
                 max_chars: int) -> Iterator:
    for number, line in lines:
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        item_source = f"{source}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError("E006", Errors.E006.format(line=number, reason=error.msg), source=source)
            continue
        except (ValueError, RecursionError) as error:  # an integer of thousands of digits; nesting past the stack
            reason = "nested too deep" if isinstance(error, RecursionError) else "a number too long to read"
            yield InputError("E006", Errors.E006.format(line=number, reason=reason), source=source)
            continue
        if not isinstance(row, dict):
            yield InputError("E006", Errors.E006.format(line=number, reason=type(row).__name__), source=source)
            continue
        row["_line"] = number
        try:
            yield article_from_row(row, source=item_source, path=item_source if path else None, max_chars=max_chars)
        except InputError as error:
            yield error


def _csv_items(stream, first_line: str, *, source: str, path: str | None, max_chars: int) -> Iterator:
    dialect = "excel-tab" if "\t" in first_line else "excel"
    # A field may be as long as an article; bounded, so an unclosed quote cannot swallow a huge file.
    csv.field_size_limit(max(4 * max_chars, 1_000_000))
    reader = csv.DictReader(stream, dialect=dialect)
    try:
        columns = reader.fieldnames or []
    except csv.Error as error:
        yield InputError("E012", Errors.E012.format(reason=error), source=source)
        return
    if "text" not in columns:
        yield InputError("E008", Errors.E008.format(columns=", ".join(columns) or "none"), source=source)
        return
    try:
        for row in reader:
            number = reader.line_num
            row["_line"] = number
            item_source = f"{source}:{number}"
            try:
                yield article_from_row(row, source=item_source, path=item_source if path else None,
                                       max_chars=max_chars)
            except InputError as error:
                yield error
    except csv.Error as error:
        yield InputError("E012", Errors.E012.format(reason=error), source=source)


def article_from_row(row: dict, *, source: str, path: str | None, max_chars: int) -> Article:
    """One article from a JSON object or a CSV row (keys title, text, url, published, publisher, language)."""
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
    return Article.from_parts(title.strip() if title and title.strip() else None, body, path=path, **meta)
