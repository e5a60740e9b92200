"""Stretches of a document (its quotes, its mentions), asked about in logarithmic time.

Rules ask, token by token, whether a word stands inside quotation marks or a
mention; a list searched from the start made each question cost the number of
stretches, so an article of thousands of quotes or names cost tokens × stretches.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["Stretches"]


class Stretches(list):
    """``(start, end)`` character ranges, sorted, overlapping ones merged (quotes never overlap:
    the mark scanner keeps the outermost), still a list to read; not to be changed."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()):
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        super().__init__(merged)
        self._starts = [start for start, _ in self]

    def covers(self, position: int) -> bool:
        """Whether ``position`` is inside one of the stretches."""
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and self[index][0] <= position < self[index][1]

    def contains(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside one stretch."""
        index = bisect.bisect_right(self._starts, start) - 1
        return index >= 0 and self[index][0] <= start and end <= self[index][1]

    def covered(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` the stretches cover."""
        index = max(bisect.bisect_right(self._starts, start) - 1, 0)
        total = 0
        while index < len(self) and self[index][0] < end:
            a, b = self[index]
            total += max(0, min(b, end) - max(a, start))
            index += 1
        return total
