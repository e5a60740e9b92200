"""Annotators: spaCy components that each add one layer to the document.

One sub-package per layer, each declaring its component with
``@Language.factory`` (name, what it requires and assigns):

- ``structure/``: sentences, non-body text, the dateline and the article's date (with ``dates``,
  the one date reader), the backbone's syntax and NER;
- ``entities/``: actors named in the text, matched and resolved;
- ``credits/``: who the information comes from;
- ``quotes/``: quoted words and their speakers;
- ``events/``: who did what to whom, CAMEO coded;
- ``claims/``: statements presented as true on someone's authority;
- ``techniques/``: persuasion techniques (SemEval-2023 Task 3 labels).

Shared pieces sit beside them: ``doc`` (the Doc as carrier of the layers),
``text`` (text helpers), ``dates``, ``language``, ``record``.
``PIPELINE_ORDER`` is the order the components run in; a module that is not
installed is skipped.
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
    ("dispacci_sentences", "structure.sentences"),
    ("dispacci_not_body", "structure.not_body"),
    ("dispacci_dateline", "structure.dateline"),
    ("dispacci_syntax", "structure.syntax"),
    ("dispacci_entities", "entities.component"),
    ("dispacci_credits", "credits.component"),
    ("dispacci_quotes", "quotes.component"),
    ("dispacci_events", "events.component"),
    ("dispacci_claims", "claims.component"),
    ("dispacci_techniques", "techniques.component"),
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
