"""The REST API: ``create_app(db=...)`` builds the FastAPI app served by ``dispacci serve``."""
from __future__ import annotations

from .app import DEFAULT_MAX_REQUEST_BYTES, create_app

__all__ = ["create_app", "DEFAULT_MAX_REQUEST_BYTES"]
