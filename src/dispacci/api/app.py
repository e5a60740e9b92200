"""The dispacci web application: the JSON API under ``/api`` and the explorer at ``/``.

``create_app`` is a factory so tests, ``dispacci serve`` and benchmarks each
build their own app over their own database.
"""
from __future__ import annotations

import os
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from .. import __version__
from .analysis import router as analysis_router
from .actors import router as actors_router
from .docs import install_docs
from .errors import install_error_handlers
from .middleware import BodySizeLimit, SecurityHeaders
from .records import router as records_router
from .state import SharedPipeline, StoreAccess

__all__ = ["create_app", "app_from_environment", "DEFAULT_MAX_REQUEST_BYTES"]

DEFAULT_MAX_REQUEST_BYTES = 2_000_000


def create_app(db: str | Path | Any = "dispacci.db", *, token: str | None = None,
               max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES, pipeline_factory=None,
               web: bool = True, cache_size: int = 512) -> FastAPI:
    """Build the app over ``db`` (a path, a ``postgresql://`` URL or an open store).

    Read-only unless ``token`` (default: ``$DISPACCI_TOKEN``) is set, in which
    case ``POST /api/ingest`` accepts writes from clients sending that token.
    ``cache_size`` answers of read queries are kept while an SQLite file is
    unchanged (0: no cache).
    """
    token = token if token is not None else os.environ.get("DISPACCI_TOKEN") or None
    stores = StoreAccess(db, writable=bool(token), cache_size=cache_size)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        stores.close()

    app = FastAPI(title="dispacci", version=__version__, lifespan=lifespan,
                  description="Structured, sourced records of news articles: entities, quotes, credits, events.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.stores = stores
    app.state.token = token
    app.state.pipeline = SharedPipeline(pipeline_factory)
    install_error_handlers(app)
    app.include_router(records_router)
    app.include_router(actors_router)
    app.include_router(analysis_router)
    install_docs(app)
    if web:
        from ..web import install_web

        install_web(app)
    app.add_middleware(BodySizeLimit, max_bytes=max_request_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_environment() -> FastAPI:
    """The app for each worker process of ``dispacci serve --workers N`` (uvicorn
    imports it by name, so the options travel as environment variables)."""
    return create_app(os.environ.get("DISPACCI_DB", "dispacci.db"), token=os.environ.get("DISPACCI_TOKEN") or None,
                      max_request_bytes=int(os.environ.get("DISPACCI_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES)),
                      cache_size=int(os.environ.get("DISPACCI_CACHE_SIZE", 512)))
