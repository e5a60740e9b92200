"""A source found in the text, before it becomes a record ``Credit``."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Found"]


@dataclass
class Found:
    name: str
    role: str
    start: int
    end: int
    actor: str | None = None
    photo: bool = False
    # the step before this source in the chain: the spokesperson who spoke for it
    via: str | None = None
