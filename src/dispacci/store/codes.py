"""Quad class and Goldstein score of a CAMEO code, from the bundled CAMEO table
(``resources/data/events/cameo.yaml``): the code's own weight, else its parent's."""
from __future__ import annotations

from functools import lru_cache

from ..resources.loader import load_resource

__all__ = ["quad_class", "goldstein"]


@lru_cache(maxsize=1)
def _cameo() -> tuple[dict, dict]:
    table = load_resource("events/cameo.yaml") or {}
    return table.get("roots") or {}, table.get("codes") or {}


def quad_class(cameo: str | None) -> int | None:
    roots, _ = _cameo()
    root = roots.get((cameo or "")[:2])
    return root.get("quad") if root else None


def goldstein(cameo: str | None) -> float | None:
    roots, codes = _cameo()
    code = cameo or ""
    while code:
        entry = codes.get(code) or (roots.get(code) if len(code) == 2 else None)
        if entry and entry.get("goldstein") is not None:
            return float(entry["goldstein"])
        code = code[:-1]
    return None
