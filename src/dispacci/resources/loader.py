"""Knowledge as data: find, read and merge the bundled and the user's files.

A resource is named by a relative path such as ``cues/not_body.yaml``. The
bundled file lives in ``dispacci/resources/data/``; a user extends it with a
file of the same relative path in any folder listed in the
``DISPACCI_RESOURCES`` environment variable (``os.pathsep``-separated) or
passed to ``Pipeline(resources=...)``/``--resources``. Mappings are merged key
by key, lists are concatenated, so a user file only holds what it adds.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import Errors, ResourceError

__all__ = ["DATA_DIR", "resource_dirs", "load_resource", "merge", "resource_files"]

DATA_DIR = Path(__file__).parent / "data"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def resource_dirs(extra: tuple[str, ...] = ()) -> tuple[Path, ...]:
    """The folders searched for resource files, bundled first."""
    env = tuple(p for p in os.environ.get("DISPACCI_RESOURCES", "").split(os.pathsep) if p)
    return (DATA_DIR, *(Path(p) for p in (*env, *extra)))


def resource_files(name: str, extra: tuple[str, ...] = ()) -> list[Path]:
    files = []
    for folder in resource_dirs(extra):
        candidate = folder / name
        if candidate.is_file():
            files.append(candidate)
        elif candidate.is_dir():
            files.extend(sorted(candidate.glob("*.yaml")) + sorted(candidate.glob("*.yml")))
    return files


def merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


_MISSING = object()


@lru_cache(maxsize=64)
def _read(path: Path, mtime: float) -> Any:
    """One data file, parsed; the parse is kept in the user's cache under the file's path, size and
    time (YAML parsing was a quarter of a cold start), so an edited file is read afresh."""
    from .cache import cache_dir, read_cached, write_cached

    try:
        stat = path.stat()
        digest = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:24]
        kept = cache_dir() / "yaml" / f"{digest}-{stat.st_size}-{stat.st_mtime_ns}.pickle"
        content = read_cached(kept, _MISSING)
        if content is not _MISSING:
            return content
        with path.open(encoding="utf-8") as handle:
            content = yaml.load(handle, Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ResourceError("E040", Errors.E040.format(reason=reason), source=str(path)) from None
    write_cached(kept, content)
    return content


def load_resource(name: str, extra: tuple[str, ...] = ()) -> Any:
    """Load and merge every file for resource ``name`` (bundled, then user's)."""
    files = resource_files(name, extra)
    if not files:
        raise ResourceError("E041", Errors.E041.format(name=name, folders=", ".join(map(str, resource_dirs(extra)))))
    data: Any = None
    for path in files:
        content = _read(path, path.stat().st_mtime)
        if content is None:
            continue
        if data is not None and type(content) is not type(data):
            raise ResourceError(
                "E042", Errors.E042.format(found=type(content).__name__, name=name, expected=type(data).__name__),
                source=str(path))
        data = content if data is None else merge(data, content)
    return data
