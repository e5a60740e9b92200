"""The corpus store: analysed records kept for search, queries and exports.

``open_store("corpus.db")`` opens (or creates) an embedded SQLite file;
``open_store("postgresql://…")`` a PostgreSQL database for teams. Both
implement ``Store``; every query returns plain JSON-serialisable data.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..record import Record

__all__ = ["open_store", "Store", "DEFAULT_DB"]

DEFAULT_DB = "dispacci.db"


@runtime_checkable
class Store(Protocol):
    target: str

    def add(self, records: Iterable[Record], *, failures: Iterable[tuple[str, str]] = ()) -> dict: ...
    def count(self) -> int: ...
    def get(self, record_id: str) -> Record | None: ...
    def records(self, *, lang=None, since=None, until=None, outlet=None, limit=50, offset=0) -> list[dict]: ...
    def search(self, query: str, *, lang=None, since=None, until=None, outlet=None, limit=50,
               offset=0) -> list[dict]: ...
    def events(self, *, actor=None, country=None, code=None, plover=None, since=None, until=None, limit=100,
               offset=0) -> list[dict]: ...
    def quotes(self, *, speaker=None, record_id=None, limit=100, offset=0) -> list[dict]: ...
    def actors(self, *, top=50, kind=None) -> list[dict]: ...
    def actor(self, actor_id_or_name: str) -> dict | None: ...
    def duplicates(self, *, limit=100) -> list[dict]: ...
    def stories(self, *, limit=100) -> list[dict]: ...
    def links(self, record_id: str) -> dict: ...
    def cluster(self, *, duplicates: bool = True, stories: bool = True) -> dict: ...
    def join(self, record_ids: Sequence[str]) -> dict: ...
    def close(self) -> None: ...


def open_store(target: str | Path = DEFAULT_DB, *, read_only: bool = False, resources: Iterable[str] = ()) -> Store:
    """Open the store at ``target``: a file path (SQLite) or a ``postgresql://`` URL.
    ``resources`` are the folders of the user's data files (``--resources``)."""
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        store = PostgresStore(text, read_only=read_only)
    else:
        from .sqlite import SQLiteStore

        store = SQLiteStore(Path(text).expanduser(), read_only=read_only)
    store.resources = tuple(str(r) for r in resources)
    return store
