"""The web explorer: server-rendered pages over the store, mounted at ``/``."""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from ..serving.templating import STATIC_DIR

__all__ = ["install_web"]


def install_web(app: FastAPI) -> None:
    from .browse import router as browse_router
    from .pages import render_not_found, router

    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(browse_router)
    app.include_router(router)
    app.state.html_not_found = render_not_found  # unknown pages outside /api answer in HTML
