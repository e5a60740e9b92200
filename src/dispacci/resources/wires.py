"""The wire agencies and outlets table (``cues/wires.yaml``), read and checked once
for every annotator that needs it (datelines, credits)."""
from __future__ import annotations

from ..errors import ResourceError
from .loader import load_resource

__all__ = ["load_wires"]


def load_wires(resources: tuple[str, ...] = ()) -> list[dict]:
    """The merged list of ``{name, aliases, ...}`` entries; a malformed one is an E152."""
    table = load_resource("cues/wires.yaml", tuple(resources)) or {}
    wires = table.get("wires") if isinstance(table, dict) else None
    if not isinstance(wires, list):
        raise ResourceError("E152", "cues/wires.yaml: 'wires' must be a list of {name, aliases} entries")
    for number, wire in enumerate(wires, start=1):
        if not isinstance(wire, dict) or not isinstance(wire.get("name"), str) \
                or not isinstance(wire.get("aliases", []), list):
            raise ResourceError(
                "E152", f"cues/wires.yaml: entry {number} must be a mapping with 'name' and an 'aliases' list, "
                        f"got {wire!r:.80}")
    return wires
