"""The dispacci web application: the JSON API under ``/api`` and the explorer at ``/``.

``create_app`` is a factory so tests, ``dispacci serve`` and benchmarks each
build their own app over their own database.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from ..api.app import DEFAULT_ANALYSIS_SECONDS, DEFAULT_MAX_REQUEST_BYTES, create_api
from ..options import AnalysisOptions

__all__ = ["create_app", "app_from_environment"]


def create_app(db: str | Path | Any = "dispacci.db", *, token: str | None = None,
               max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES, pipeline_factory=None,
               web: bool = True, cache_size: int = 512, options: AnalysisOptions | None = None,
               analysis_seconds: float = DEFAULT_ANALYSIS_SECONDS, allowed_hosts=None) -> FastAPI:
    """The API over ``db`` (see ``api.create_api``), with the explorer unless ``web`` is False."""
    app = create_api(db, token=token, max_request_bytes=max_request_bytes, pipeline_factory=pipeline_factory,
                     cache_size=cache_size, options=options, analysis_seconds=analysis_seconds,
                     allowed_hosts=allowed_hosts)
    app.state.analysis_options = options or AnalysisOptions()  # the explorer's search reads the actor base
    if web:
        from ..web import install_web

        install_web(app)
    return app


def app_from_environment() -> FastAPI:
    """The app for each worker process of ``dispacci serve --workers N`` (uvicorn
    imports it by name, so the options travel as environment variables)."""
    def paths(name: str) -> list[str]:
        return [p for p in os.environ.get(name, "").split(os.pathsep) if p]

    options = AnalysisOptions.of(resources=paths("DISPACCI_SERVE_RESOURCES"), actors=paths("DISPACCI_SERVE_ACTORS"),
                                 language=os.environ.get("DISPACCI_SERVE_LANGUAGE") or None)
    return create_app(os.environ.get("DISPACCI_DB", "dispacci.db"), token=os.environ.get("DISPACCI_TOKEN") or None,
                      max_request_bytes=int(os.environ.get("DISPACCI_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES)),
                      cache_size=int(os.environ.get("DISPACCI_CACHE_SIZE", 512)), options=options,
                      analysis_seconds=float(os.environ.get("DISPACCI_ANALYSIS_SECONDS", DEFAULT_ANALYSIS_SECONDS)),
                      allowed_hosts=[h for h in os.environ.get("DISPACCI_ALLOWED_HOSTS", "").split(",") if h] or None)
