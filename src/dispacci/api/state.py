"""What one app shares between requests: store connections and one pipeline.

FastAPI runs plain ``def`` endpoints in a thread pool, so each request
borrows a read store from a small pool (opened on demand, each used by one
request at a time, all closed with the app): opening a store costs far more
than a query, and a pool holds only as many connections as requests run at
once. Writes go through one store behind a lock. The pipeline is built on the first analysis, not at start-up, so a
read-only explorer starts in a blink.
"""
from __future__ import annotations

import queue
import threading
from pathlib import Path
from typing import Any

__all__ = ["StoreAccess", "SharedPipeline"]


def _is_store(target: Any) -> bool:
    return hasattr(target, "records") and hasattr(target, "get") and not isinstance(target, (str, Path))


class StoreAccess:
    """A pool of read stores and one locked write store over ``target``.

    ``target`` is a path, a ``postgresql://`` URL, or an already open store
    object (shared as is: tests pass an in-memory store).
    """

    def __init__(self, target: Any, *, writable: bool = False, cache_size: int = 512, resources=()):
        self.target = target
        self.writable = writable
        self.resources = tuple(resources)  # the ontology the stored events' columns are derived with
        self._shared = target if _is_store(target) else None
        self._idle: queue.LifoQueue = queue.LifoQueue()
        self._opened: list = []
        self._lock = threading.Lock()
        self._writer = None
        self.cache = None
        if self._shared is None and "://" not in str(target) and cache_size > 0:
            from .cache import QueryCache

            self.cache = QueryCache(Path(target), maxsize=cache_size)
        if self._shared is None:
            # Open once now so a missing or broken database fails at start-up.
            if writable:
                self._writer = self._open(read_only=False)
            else:
                self._idle.put(self._open(read_only=True))

    def _open(self, *, read_only: bool):
        from ..store import open_store

        store = open_store(self.target, read_only=read_only, resources=self.resources)
        with self._lock:
            self._opened.append(store)
        return store

    def acquire(self):
        """A read store for one request; give it back with ``release``."""
        if self._shared is not None:
            return self._shared
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = self._open(read_only=True)
        if self.cache is not None:
            from .cache import CachingStore

            return CachingStore(store, self.cache)
        return store

    def release(self, store) -> None:
        if store is self._shared:
            return
        from .cache import CachingStore

        self._idle.put(store.store if isinstance(store, CachingStore) else store)

    def add(self, records, failures=()) -> dict:
        """Write records through the one write store."""
        records = list(records)
        with self._lock:
            writer = self._shared
            if writer is None:
                if self._writer is None:
                    self._writer = self._open(read_only=False)
                writer = self._writer
            result = writer.add(records, failures=failures)
            if result.get("stored") and hasattr(writer, "join"):
                # a new record may be a reprint or another language's report of a stored one:
                # it joins its copy group and story without re-clustering the corpus
                writer.join([record.id for record in records])
            return result

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            try:
                store.close()
            except Exception:  # closing at shutdown must not hide the real exit
                pass


class SharedPipeline:
    """One ``Pipeline`` per app, built lazily and shared by the request threads:
    components keep each document's state local to the call, so analyses run
    side by side (the lock guards only the building)."""

    def __init__(self, factory=None):
        self._factory = factory
        self._pipeline = None
        self._lock = threading.Lock()

    def get(self):
        if self._pipeline is None:
            with self._lock:
                if self._pipeline is None:
                    if self._factory is not None:
                        self._pipeline = self._factory()
                    else:
                        from ..pipeline import Pipeline

                        self._pipeline = Pipeline()
        return self._pipeline

    def analyze_article(self, article, **settings):
        return self.get().analyze_article(article, **settings)
