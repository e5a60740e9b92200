"""What a batch reads: files and folders of every format dispacci reads, WARC archives
and Parquet files of articles, streamed item by item."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..ingest.decode import DEFAULT_MAX_CHARS
from ..ingest.readers import _SUFFIXES, read_paths
from ..ingest.warc import is_warc, read_warc
from .tables import read_parquet_articles

__all__ = ["iter_inputs"]


def iter_inputs(paths: Iterable[str], *, fmt: str = "auto", max_chars: int = DEFAULT_MAX_CHARS) -> Iterator:
    """``Article`` or ``InputError`` for every article under ``paths``, in a stable order."""
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                if _readable(child):
                    yield from _read_one(child, fmt, max_chars)
        else:
            yield from _read_one(path, fmt, max_chars) if name != "-" else read_paths(["-"], fmt=fmt,
                                                                                          max_chars=max_chars)


def _readable(path: Path) -> bool:
    return is_warc(path) or path.suffix.lower() in (".parquet", *_SUFFIXES)


def _read_one(path: Path, fmt: str, max_chars: int) -> Iterator:
    if is_warc(path):
        yield from read_warc(path, max_chars=max_chars)
    elif path.suffix.lower() == ".parquet":
        yield from read_parquet_articles(path, max_chars=max_chars)
    else:
        yield from read_paths([str(path)], fmt=fmt, max_chars=max_chars)
