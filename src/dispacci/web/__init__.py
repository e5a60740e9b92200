"""The web explorer: server-rendered pages over the store, mounted at ``/``."""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .templating import STATIC_DIR

__all__ = ["install_web"]


def install_web(app: FastAPI) -> None:
    from .pages import router

    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(router)
