"""Answers of read queries kept while the database file is unchanged.

The explorer reads far more than it writes and many pages ask the same
questions (the first page of records, the top actors, a popular actor). For an
SQLite database the cache key includes the size and modification time of the
file and its write-ahead log, so any write — by this server's ingest or by a
``dispacci ingest`` running beside it — makes older answers unreachable.
Other back-ends are not cached. Cached results are shared: callers must not
mutate them (the web pages copy rows before adding links).
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

__all__ = ["QueryCache", "CachingStore", "CACHED_QUERIES"]

CACHED_QUERIES = frozenset({"count", "records", "search", "events", "quotes", "actors", "actor", "stories",
                            "duplicates", "claims", "techniques", "technique_counts"})
_MISSING = object()


class QueryCache:
    """A bounded LRU of query answers, keyed by the database file's state."""

    def __init__(self, db: Path, *, maxsize: int = 512):
        self.files = (str(db), f"{db}-wal")
        self.maxsize = maxsize
        self._answers: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def version(self) -> tuple:
        state = []
        for name in self.files:
            try:
                info = os.stat(name)
                state.append((info.st_size, info.st_mtime_ns))
            except OSError:
                state.append(None)
        return tuple(state)

    def answer(self, key: tuple, compute) -> Any:
        key = (self.version(), *key)
        with self._lock:
            found = self._answers.get(key, _MISSING)
            if found is not _MISSING:
                self._answers.move_to_end(key)
                self.hits += 1
                return found
        value = compute()
        with self._lock:
            self.misses += 1
            self._answers[key] = value
            while len(self._answers) > self.maxsize:
                self._answers.popitem(last=False)
        return value


class CachingStore:
    """A store whose read queries go through a ``QueryCache``."""

    def __init__(self, store, cache: QueryCache):
        self.store = store
        self.cache = cache

    def __getattr__(self, name: str):
        attribute = getattr(self.store, name)
        if name not in CACHED_QUERIES:
            return attribute

        def cached(*args, **kwargs):
            key = (name, args, tuple(sorted(kwargs.items())))
            return self.cache.answer(key, lambda: attribute(*args, **kwargs))

        return cached
