"""Claims: statements the text presents as true on someone's authority."""
from __future__ import annotations

__all__: list[str] = []
