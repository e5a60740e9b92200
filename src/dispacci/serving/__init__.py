"""Serving: the pieces the JSON API (``api/``) and the explorer (``web/``) share,
and the app that puts them together. The API never imports the explorer; this
package is the only place that knows both.
"""
from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":  # lazy: importing the templating helpers must not build FastAPI apps
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
