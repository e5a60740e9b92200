"""Request dependencies shared by the routers: store, token, filters, paging."""
from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator

from fastapi import Depends, Query, Request

from ..errors import Errors
from .errors import ApiError

__all__ = ["read_store", "READ_STORE", "require_token", "iso_date", "Page", "page_body", "MAX_LIMIT"]

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000  # far past any store; a larger number is a client's mistake (422), not a 500


def read_store(request: Request) -> Iterator:
    """A read store lent to this request and taken back when it is answered."""
    stores = request.app.state.stores
    store = stores.acquire()
    try:
        yield store
    finally:
        stores.release(store)


READ_STORE = Depends(read_store)


def require_token(request: Request) -> None:
    """Refuse writes unless the operator set a token and the client sent it."""
    expected = request.app.state.token
    if not expected:
        raise ApiError(403, "E405", Errors.E405)
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        given = request.headers.get("x-dispacci-token", "")
    if not secrets.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "E401", Errors.E401)


def iso_date(value: str | None, name: str) -> str | None:
    """Validate a date filter; the store compares ISO strings."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat() if len(value) >= 10 else _partial(value)
    except ValueError:
        raise ApiError(400, "E408", Errors.E408.format(name=name, value=value)) from None


def _partial(value: str) -> str:
    # "2022" or "2022-04" are fine as lower/upper bounds of ISO strings.
    parts = value.split("-")
    if not (1 <= len(parts) <= 2 and all(p.isdigit() for p in parts) and len(parts[0]) == 4):
        raise ValueError(value)
    return value


class Page:
    """``limit``/``offset`` query parameters, shared by every list endpoint."""

    def __init__(self, limit: int = Query(50, ge=1, le=MAX_LIMIT, description="items per page"),
                 offset: int = Query(0, ge=0, le=MAX_OFFSET, description="items to skip")):
        self.limit = limit
        self.offset = offset


def page_body(items: list, page: Page, **extra) -> dict:
    """A page of results with where the next one starts (null at the end)."""
    more = len(items) >= page.limit
    return {"items": items, "limit": page.limit, "offset": page.offset,
            "next_offset": page.offset + page.limit if more else None, **extra}
