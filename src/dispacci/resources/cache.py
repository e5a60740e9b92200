"""The user's cache folder: derived data kept between runs to make start-up fast.

Everything here can be rebuilt: a missing, stale or corrupt entry is rebuilt, a
read-only folder only makes start-up slower, and writes are atomic so that
parallel processes never read half a file.
"""
from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "read_cached", "write_cached", "cached"]

_MISSING = object()
# What a cache file that is corrupt or was written by another version raises on load.
_UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError)


def cache_dir() -> Path:
    base = os.environ.get("DISPACCI_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "dispacci")
    return Path(base)


def read_cached(path: Path, default: Any = None) -> Any:
    """The pickled value at ``path``, or ``default`` when it cannot be read."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except _UNREADABLE:
        return default


def write_cached(path: Path, value: Any) -> bool:
    """Pickle ``value`` to ``path`` atomically; False where the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
        return True
    except OSError:
        return False


def cached(path: Path, build: Callable[[], Any]) -> Any:
    """The value kept at ``path``, built and kept there on first use."""
    value = read_cached(path, _MISSING)
    if value is _MISSING:
        value = build()
        write_cached(path, value)
    return value
