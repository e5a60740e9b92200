"""The REST API: ``create_api(db=...)`` builds it; ``serving.create_app`` adds the explorer
and is what ``dispacci serve`` runs."""
from __future__ import annotations

from .app import DEFAULT_MAX_REQUEST_BYTES, create_api

__all__ = ["create_api", "DEFAULT_MAX_REQUEST_BYTES"]
