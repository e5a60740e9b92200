"""Annotators: spaCy components that each add one layer to the document.

Every annotator module declares its component with ``@Language.factory``
(name, what it requires and assigns). ``PIPELINE_ORDER`` is the order they
run in; a module that is not installed is skipped.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

_FROM_DOC = ("LAYERS", "DocContext", "body_spans", "in_body", "register_extensions", "start_doc")


def __getattr__(name: str):
    # Lazy, so that importing the language identifier does not import spaCy:
    # its model loads in a thread while spaCy is being imported.
    if name in _FROM_DOC:
        from . import doc

        return getattr(doc, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "PIPELINE_ORDER",
    "available_annotators",
    "default_annotators",
    "register_extensions",
    "start_doc",
    "in_body",
    "body_spans",
    "DocContext",
    "LAYERS",
]

# (component name, module) in the order they run: later ones read earlier layers.
PIPELINE_ORDER: tuple[tuple[str, str], ...] = (
    ("dispacci_sentences", "sentences"),
    ("dispacci_not_body", "not_body"),
    ("dispacci_dateline", "dateline"),
    ("dispacci_entities", "entities"),
    ("dispacci_credits", "credits"),
    ("dispacci_quotes", "quotes"),
    ("dispacci_events", "events"),
)


@lru_cache(maxsize=1)
def available_annotators() -> tuple[str, ...]:
    """Names of the annotators whose modules are present, in pipeline order."""
    names = []
    for name, module in PIPELINE_ORDER:
        try:
            importlib.import_module(f"{__name__}.{module}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{module}":
                raise
            continue
        names.append(name)
    return tuple(names)


def default_annotators() -> tuple[str, ...]:
    return available_annotators()
