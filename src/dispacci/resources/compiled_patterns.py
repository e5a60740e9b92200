"""Very large regular expressions compiled once per machine, not once per process.

Importing spaCy's French language data compiles one alternation of some 700 word patterns over
Unicode letter classes (its tokenizer's ``token_match``): 2 s of CPU on every start, most of a
cold one-article run. Python's compiler output for a pattern is a list of integers; it is kept in
the user's cache (``resources.cache``) under a key made of the pattern, its flags, the Python
version and the regex engine's magic number, and handed straight back to the engine next time,
which checks the code as it loads it. Only patterns of ``LARGE`` characters or more compiled
inside ``compiled_once()`` go through the cache; any failure falls back to compiling as usual,
and the object made is the same one ``re.compile`` makes (equal pattern, flags and code).
"""
from __future__ import annotations

import contextlib
import hashlib
import re
import sys
import threading
from collections.abc import Iterator

__all__ = ["LARGE", "compiled_once", "language_class"]

LARGE = 20_000  # characters: spaCy's ordinary patterns compile in microseconds and stay out
_LOCK = threading.RLock()

try:  # the engine's own pieces; where they differ (another Python) nothing is cached
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - every CPython since 3.11 has them
    _sre = _compiler = _parser = None


def _entry_path(pattern: str, flags: int):
    from .cache import cache_dir

    digest = hashlib.sha256(f"{sys.version}\0{_sre.MAGIC}\0{flags}\0{pattern}".encode("utf-8", "surrogatepass"))
    return cache_dir() / "regex" / f"{digest.hexdigest()[:32]}.pickle"


def _build(pattern: str, flags: int, entry: dict):
    return _sre.compile(pattern, entry["flags"], entry["code"], entry["groups"], entry["groupindex"],
                        tuple(entry["indexgroup"]))


def _compile_and_keep(pattern: str, flags: int):
    """What ``re._compiler.compile`` does, with the engine code read from or written to the cache."""
    from .cache import read_cached, write_cached

    path = _entry_path(pattern, flags)
    entry = read_cached(path)
    if isinstance(entry, dict) and entry.get("pattern") == pattern:
        try:
            return _build(pattern, flags, entry)
        except (TypeError, ValueError, RuntimeError, KeyError):
            pass  # a stale or damaged entry: compiled afresh and written again below
    parsed = _parser.parse(pattern, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = {"pattern": pattern, "flags": flags | parsed.state.flags, "code": [int(op) for op in _compiler._code(parsed, flags)],
             "groups": parsed.state.groups - 1, "groupindex": groupindex, "indexgroup": indexgroup}
    compiled = _build(pattern, flags, entry)
    write_cached(path, entry)
    return compiled


@contextlib.contextmanager
def compiled_once() -> Iterator[None]:
    """Inside the block, ``re.compile`` of a pattern of ``LARGE`` characters or more goes through the cache."""
    if _sre is None or not hasattr(_compiler, "_code") or not hasattr(_parser, "parse"):
        yield
        return
    with _LOCK:
        original = _compiler.compile

        def compile(p, flags=0):
            if isinstance(p, str) and len(p) >= LARGE and not flags & re.DEBUG:
                try:
                    return _compile_and_keep(p, flags)
                except Exception:  # noqa: BLE001 - the cache is an optimisation: never a new failure
                    pass
            return original(p, flags)

        _compiler.compile = compile
        try:
            yield
        finally:
            _compiler.compile = original


def language_class(lang: str):
    """``spacy.util.get_lang_class(lang)``, its module's large patterns compiled through the cache."""
    from spacy.util import get_lang_class

    with compiled_once():
        return get_lang_class(lang)
