"""A document's quoted stretches, asked about in logarithmic time.

Rules ask, token by token, whether a word stands inside quotation marks; a list
searched from the start made each question cost the number of quotes, so an
article of thousands of quotes (a storm, a transcript) cost tokens × quotes.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["Stretches"]


class Stretches(list):
    """Sorted, disjoint ``(start, end)`` character ranges (quotes with their marks, which never
    overlap: the mark scanner keeps the outermost), still a list to read; not to be changed."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()):
        super().__init__(sorted(ranges))
        self._starts = [start for start, _ in self]

    def covers(self, position: int) -> bool:
        """Whether ``position`` is inside one of the stretches."""
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and self[index][0] <= position < self[index][1]

    def covered(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` the stretches cover."""
        index = max(bisect.bisect_right(self._starts, start) - 1, 0)
        total = 0
        while index < len(self) and self[index][0] < end:
            a, b = self[index]
            total += max(0, min(b, end) - max(a, start))
            index += 1
        return total
