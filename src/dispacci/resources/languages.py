"""Per-language knowledge: ``languages/<lang>.yaml``, one file per language.

Each file holds the words and writing conventions of one language that the
annotators read: articles, subordinators, conjunctions, titles before names,
whether every noun is capitalised. A user extends a language with a file of the
same name in a ``--resources`` folder, or adds a language with a new file.
"""
from __future__ import annotations

from functools import lru_cache

from .loader import load_resource, resource_files

__all__ = ["language_data", "languages", "words_of_every_language"]


@lru_cache(maxsize=64)
def language_data(lang: str, resources: tuple[str, ...] = ()) -> dict:
    """The merged ``languages/<lang>.yaml``; empty for a language without a file."""
    if not resource_files(f"languages/{lang}.yaml", tuple(resources)):
        return {}
    return load_resource(f"languages/{lang}.yaml", tuple(resources)) or {}


def languages(resources: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The languages that have a file, bundled or the user's."""
    return tuple(sorted({path.stem for path in resource_files("languages", tuple(resources))}))


@lru_cache(maxsize=64)
def words_of_every_language(key: str, resources: tuple[str, ...] = ()) -> frozenset[str]:
    """The words listed under ``key`` in any language's file: for cues read whatever the
    article's language, since articles quote names and sources in their own tongue."""
    return frozenset(str(word) for lang in languages(resources)
                     for word in language_data(lang, tuple(resources)).get(key) or [])
