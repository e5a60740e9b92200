"""Reading actor files: where they are, what kind each entry is, and whether it is valid.

Used by ``actors.compile_actor_base``. Every problem is a ``ResourceError`` that
names the file, the entry, the field and the fix.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Iterable

import yaml
from pydantic import ValidationError

from ..errors import Errors, ResourceError
from .actor_models import KIND_MODELS, Actor
from .loader import merge, resource_dirs
from .cache import cache_dir, cached, write_cached

__all__ = ["actor_files", "validated_actors", "validation_error", "store"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FILE_KINDS = {"countries": "country", "organizations": "organization", "organisations": "organization",
               "places": "location", "regions": "location", "people": "person", "persons": "person"}

def actor_files(extra_files: Iterable[str] = (), extra_dirs: Iterable[str] = ()) -> list[tuple[Path, str | None]]:
    """Every actor file with the kind its name implies, bundled first, user's last."""
    found: list[tuple[Path, str | None]] = []
    for folder in resource_dirs(tuple(extra_dirs)):
        root = folder / "actors"
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix in (".yaml", ".yml", ".json") and path.is_file() and path.stem != "offices":
                hint = _FILE_KINDS.get(path.parent.name if path.parent != root else path.stem)
                found.append((path, hint))
    env = [p for p in os.environ.get("DISPACCI_ACTORS", "").split(os.pathsep) if p]
    for name in (*env, *extra_files):
        path = Path(name)
        if not path.is_file():
            raise ResourceError("E100", Errors.E100, source=str(name))
        found.append((path, _FILE_KINDS.get(path.stem)))
    return found


def _read(path: Path) -> Any:
    """The file's content; a parsed copy is kept in the cache folder, as YAML is slow to parse."""
    try:
        stat = path.stat()
        key = hashlib.sha256(f"{path.resolve()}|{stat.st_mtime_ns}|{stat.st_size}".encode()).hexdigest()[:24]
    except OSError:
        key = None
    if not key:
        return _parse(path)
    return cached(cache_dir() / "parsed" / f"{key}.pickle", lambda: _parse(path))


def _parse(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle) if path.suffix == ".json" else yaml.load(handle, Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, json.JSONDecodeError) as error:
        reason = " ".join(str(error).split())[:300] or type(error).__name__
        raise ResourceError("E101", Errors.E101.format(reason=reason), source=str(path)) from None


def _entries(path: Path, hint: str | None) -> Iterable[tuple[dict, str | None]]:
    content = _read(path)
    if content is None:
        return
    if isinstance(content, dict):
        for key, value in content.items():
            if not isinstance(value, list):
                raise ResourceError("E102", Errors.E102.format(where=f"key {key!r}", found=type(value).__name__,
                                                               expected="a list of actor entries"), source=str(path))
            yield from ((entry, _FILE_KINDS.get(key, hint)) for entry in value)
        return
    if not isinstance(content, list):
        raise ResourceError("E102", Errors.E102.format(where="the file", found=type(content).__name__,
                                                       expected="a list of actor entries"), source=str(path))
    yield from ((entry, hint) for entry in content)


def _kind_of(entry: dict, hint: str | None) -> str | None:
    if "kind" in entry:
        return entry["kind"]
    if hint:
        return hint
    if "iso2" in entry or "demonyms" in entry or "names" in entry:
        return "country"
    if "type" in entry or "stands_for" in entry:
        return "organization"
    return "person"  # what users add most; a misspelt field is then reported against Person


def validation_error(error: ValidationError, path: Path, entry_id: str, model) -> ResourceError:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "(entry)"
    if first["type"] == "extra_forbidden":
        fix = f"valid fields: {', '.join(f for f in model.model_fields if f != 'note')}"
    elif "date" in first["type"]:
        fix = "write dates as YYYY-MM-DD (null for an open end)"
    elif first["type"] == "missing":
        fix = "add the field"
    elif first["type"] == "string_pattern_mismatch":
        fix = "country codes are ISO 3166-1 alpha-3 (RUS, KAZ, USA)"
    elif first["type"] == "literal_error":
        fix = first["msg"].replace("Input should be", "use")
    else:
        fix = "see the format in dispacci/resources/data/actors/README.md"
    return ResourceError("E103", Errors.E103.format(entry=repr(entry_id), field=f", field {field!r}", reason=first["msg"],
                                                    fix=fix), source=str(path))


def _unique(values: list) -> list:
    seen, kept = set(), []
    for value in values:
        key = json.dumps(value, sort_keys=True, default=str) if isinstance(value, dict) else value
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return kept


def _dedupe(entry: dict) -> dict:
    for key, value in entry.items():
        if isinstance(value, list):
            entry[key] = _unique(value)
        elif isinstance(value, dict):
            entry[key] = _dedupe(dict(value))
    return entry


def validated_actors(files: list[tuple[Path, str | None]]) -> dict[str, Actor]:
    """Every entry of ``files``, merged by id (later files extend earlier ones) and validated."""
    raw: dict[str, tuple[dict, str, Path]] = {}
    for path, hint in files:
        for number, entry in enumerate(_entries(path, hint), start=1):
            entry, entry_hint = entry
            if not isinstance(entry, dict):
                raise ResourceError("E102", Errors.E102.format(where=f"entry #{number}", found=type(entry).__name__,
                                                               expected="a mapping with id, name, ..."),
                                    source=str(path))
            entry = dict(entry)
            entry_id = entry.get("id")
            if not entry_id:
                raise ResourceError("E103", Errors.E103.format(
                    entry=f"#{number} ({entry.get('name', 'no name')})", field="", reason="no 'id'",
                    fix="add a unique id (a slug of the name, or the alpha-3 code)"), source=str(path))
            kind = _kind_of(entry, entry_hint)
            entry.pop("kind", None)
            if kind not in KIND_MODELS and not (entry_id in raw and kind is None):
                raise ResourceError("E103", Errors.E103.format(
                    entry=repr(entry_id), field=", field 'kind'", reason=f"unknown kind {kind!r}",
                    fix=f"valid kinds: {', '.join(KIND_MODELS)}"), source=str(path))
            if entry_id in raw:
                old, old_kind, _ = raw[entry_id]
                raw[entry_id] = (merge(old, entry), old_kind, path)
            else:
                raw[entry_id] = (entry, kind, path)
    actors: dict[str, Actor] = {}
    for entry_id, (entry, kind, path) in raw.items():
        model = KIND_MODELS[kind]
        try:
            actors[str(entry_id)] = model.model_validate(_dedupe(entry))
        except ValidationError as error:
            raise validation_error(error, path, entry_id, model) from None
    return actors


_KEEP_COMPILED = 8  # compiled bases kept (one per combination of files), oldest removed


def store(path: Path, value: Any) -> None:
    """Keep a compiled actor base, and only the newest few of them."""
    if not write_cached(path, value):
        return  # a read-only cache folder still works, just slower to start
    try:
        old = sorted(path.parent.glob("actors-*.pickle"), key=lambda p: p.stat().st_mtime)[:-_KEEP_COMPILED]
        for stale in old:
            stale.unlink(missing_ok=True)
    except OSError:
        pass

