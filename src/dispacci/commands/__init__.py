"""CLI verbs, one module per job; each defines ``register(app)``.

``cli.py`` registers the modules listed in ``COMMAND_MODULES`` that exist, so
an area adds its verbs without editing the CLI core. Shared by all verbs:
``options`` (analysis options, --db), ``output`` (--json/--nl/--csv),
``exits`` (exit codes).
"""
from __future__ import annotations

__all__ = ["COMMAND_MODULES"]

COMMAND_MODULES: tuple[str, ...] = ("analyze", "ingest", "query", "records", "evaluate", "train", "serve", "batch",
                                     "feeds")
