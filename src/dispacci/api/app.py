"""The JSON API under ``/api``: ``create_api`` builds it over one database.

The explorer is added by ``serving.create_app``; the API knows nothing of it.
"""
from __future__ import annotations

import os
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from .. import __version__
from ..options import AnalysisOptions
from .analysis import router as analysis_router
from .actors import router as actors_router
from .claims import router as claims_router
from .docs import install_docs
from .errors import install_error_handlers
from .middleware import AllowedHosts, BodySizeLimit, SecurityHeaders
from .records import router as records_router
from .state import SharedPipeline, StoreAccess

__all__ = ["create_api", "DEFAULT_MAX_REQUEST_BYTES", "DEFAULT_ANALYSIS_SECONDS"]

DEFAULT_MAX_REQUEST_BYTES = 2_000_000
DEFAULT_ANALYSIS_SECONDS = 30.0  # a 2 MB article analyses in well under this on one core


def create_api(db: str | Path | Any = "dispacci.db", *, token: str | None = None,
               max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES, pipeline_factory=None,
               cache_size: int = 512, options: AnalysisOptions | None = None,
               analysis_seconds: float = DEFAULT_ANALYSIS_SECONDS, allowed_hosts=None) -> FastAPI:
    """Build the API over ``db`` (a path, a ``postgresql://`` URL or an open store).

    Read-only unless ``token`` (default: ``$DISPACCI_TOKEN``) is set, in which
    case ``POST /api/ingest`` accepts writes from clients sending that token.
    ``cache_size`` answers of read queries are kept while an SQLite file is
    unchanged (0: no cache). ``options`` are the analysis options of ``POST /api/analyze``
    and ``/api/ingest`` (the user's resources, actors, forced language); each
    article's analysis gets ``analysis_seconds``, after which the answer is 503 (E410).
    ``allowed_hosts``: the only ``Host`` names answered (E411 otherwise), against DNS
    rebinding; ``dispacci serve`` always sets them, None (in-process use) checks none.
    """
    options = options or AnalysisOptions()
    token = token if token is not None else os.environ.get("DISPACCI_TOKEN") or None
    stores = StoreAccess(db, writable=bool(token), cache_size=cache_size, resources=options.resources)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        stores.close()

    app = FastAPI(title="dispacci", version=__version__, lifespan=lifespan,
                  description="Structured, sourced records of news articles: entities, quotes, credits, events.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.stores = stores
    app.state.token = token
    app.state.analysis_seconds = analysis_seconds
    app.state.pipeline = SharedPipeline(pipeline_factory or options.pipeline)
    install_error_handlers(app)
    app.include_router(records_router)
    app.include_router(actors_router)
    app.include_router(claims_router)
    app.include_router(analysis_router)
    install_docs(app)
    app.add_middleware(BodySizeLimit, max_bytes=max_request_bytes)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts is not None:
        app.add_middleware(AllowedHosts, hosts=allowed_hosts)
    return app
