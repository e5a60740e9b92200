"""The event ontology, one for every part: CAMEO (names, Goldstein weights, quad
classes), PLOVER (categories, modes) and the coding conventions.

The events layer codes with it, the store derives its Goldstein and quad-class
columns from it and the evaluation reads PLOVER's legacy categories from it, all
from ``events/cameo.yaml``, ``events/plover.yaml`` and ``events/conventions.yaml``
merged with the user's files of the same names (``--resources``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .loader import load_resource

__all__ = ["Ontology", "load_ontology"]


@dataclass
class Ontology:
    """CAMEO names, Goldstein weights and quad classes, the CAMEO → PLOVER map, and the coding conventions."""

    cameo: dict
    plover: dict
    conventions: dict

    def plover_of(self, code: str) -> str | None:
        if code[:2] in self.plover.get("dropped_roots", []):
            return None
        for key in (code, code[:3]):
            if key in self.plover["codes"]:
                return self.plover["codes"][key]["category"]
        return self.plover["roots"].get(code[:2])

    def mode_of(self, code: str) -> str | None:
        modes = self.conventions.get("modes", {})
        if code in modes:
            return modes[code]
        entry = self.plover["codes"].get(code) or self.plover["codes"].get(code[:3])
        return None if entry is None else entry.get("mode")

    def name_of(self, code: str) -> str | None:
        entry = self.cameo["codes"].get(code) or self.cameo["roots"].get(code)
        return entry["name"] if entry else None

    def goldstein(self, code: str | None) -> float | None:
        """The code's Goldstein weight, else its nearest parent's."""
        codes, roots = self.cameo.get("codes") or {}, self.cameo.get("roots") or {}
        code = code or ""
        while code:
            entry = codes.get(code) or (roots.get(code) if len(code) == 2 else None)
            if entry and entry.get("goldstein") is not None:
                return float(entry["goldstein"])
            code = code[:-1]
        return None

    def quad_class(self, code: str | None) -> int | None:
        """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
        root = (self.cameo.get("roots") or {}).get((code or "")[:2])
        return root.get("quad") if root else None

    def is_code(self, code: str) -> bool:
        return code in self.cameo["codes"] or code in self.cameo["roots"]


@lru_cache(maxsize=16)
def load_ontology(resources: tuple[str, ...] = ()) -> Ontology:
    """The ontology from the bundled files merged with those in ``resources``."""
    return Ontology(
        cameo=load_resource("events/cameo.yaml", tuple(resources)) or {},
        plover=load_resource("events/plover.yaml", tuple(resources)) or {},
        conventions=load_resource("events/conventions.yaml", tuple(resources)) or {},
    )
