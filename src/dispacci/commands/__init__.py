"""CLI verbs beyond `analyze`, one module per area; each defines ``register(app)``.

``cli.py`` registers the modules listed in ``COMMAND_MODULES`` that exist, so
an area adds its verbs without editing the CLI core.
"""
from __future__ import annotations

__all__ = ["COMMAND_MODULES"]

COMMAND_MODULES: tuple[str, ...] = ("store", "evaluate", "serve", "batch", "feeds")
