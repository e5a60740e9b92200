"""Russian word analyses from pymorphy3, safe on any letter.

pymorphy3's shape check asks ``unicodedata.name`` whether each letter is Latin;
a letter this Python's Unicode tables give no name (an unassigned code point, a
Tangut or Khitan component) makes it raise ValueError, which sank the whole
article (the events layer lemmatises every Russian word) or a search. Such a
word has no analysis here, and callers fall back to its own form.
"""
from __future__ import annotations

__all__ = ["analyses"]


def analyses(morph, word: str) -> list:
    """``morph.parse(word)``, or no analysis where pymorphy cannot read the word's shape."""
    try:
        return morph.parse(word)
    except ValueError:
        return []
