"""The wire agencies and outlets table (``cues/wires.yaml``), read and checked once
for every annotator that needs it (datelines, credits)."""
from __future__ import annotations

from ..errors import Errors, ResourceError
from .loader import load_resource

__all__ = ["load_wires"]


def load_wires(resources: tuple[str, ...] = ()) -> list[dict]:
    """The merged list of ``{name, aliases, ...}`` entries; a malformed one is an E152."""
    table = load_resource("cues/wires.yaml", tuple(resources)) or {}
    wires = table.get("wires") if isinstance(table, dict) else None
    if not isinstance(wires, list):
        raise ResourceError("E152", Errors.E152.format(where="'wires'", expected="a list of {name, aliases} entries",
                                                       found=type(wires).__name__))
    for number, wire in enumerate(wires, start=1):
        if not isinstance(wire, dict) or not isinstance(wire.get("name"), str) \
                or not isinstance(wire.get("aliases", []), list):
            raise ResourceError("E152", Errors.E152.format(
                where=f"entry {number}", expected="a mapping with 'name' and an 'aliases' list", found=f"{wire!r:.80}"))
    return wires
