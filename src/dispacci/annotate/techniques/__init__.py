"""Techniques: persuasion techniques in the SemEval-2023 Task 3 taxonomy, as spans."""
from __future__ import annotations

__all__: list[str] = []
