"""Read endpoints for what records say: events, quotes, actors."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from ..errors import Errors
from .deps import Page, READ_STORE, iso_date, page_body
from .errors import ApiError

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["actors and events"])


@router.get("/events", summary="Events, filtered by actor, country, CAMEO code or PLOVER type")
def events(request: Request, page: Page = Depends(),
           actor: str | None = Query(None, max_length=200, description="actor id or canonical name (source or target)"),
           country: str | None = Query(None, max_length=3, description="ISO 3166-1 alpha-3 country (source or target)"),
           code: str | None = Query(None, max_length=5, pattern="^[0-9]{2,4}$", description="CAMEO code or prefix, e.g. 04 or 042"),
           plover: str | None = Query(None, max_length=40, description="PLOVER event type, e.g. CONSULT"),
           since: str | None = Query(None, description="earliest event date (YYYY-MM-DD)"),
           until: str | None = Query(None, description="latest event date (YYYY-MM-DD)"),
           unique: bool = Query(False, description="one item per real-world event, with its mentions across "
                                                    "articles, outlets and languages"),
           store=READ_STORE) -> dict:
    query = store.unique_events if unique else store.events
    items = query(actor=actor, country=country and country.upper(), code=code,
                                     plover=plover and plover.upper(), since=iso_date(since, "since"),
                                     until=iso_date(until, "until"), limit=page.limit, offset=page.offset)
    return page_body(items, page)


@router.get("/quotes", summary="Quotes, filtered by speaker")
def quotes(request: Request, page: Page = Depends(),
           speaker: str | None = Query(None, max_length=200, description="speaker actor id or name"),
           record: str | None = Query(None, max_length=100, description="only quotes of this record id"),
           store=READ_STORE) -> dict:
    items = store.quotes(speaker=speaker, record_id=record, limit=page.limit, offset=page.offset)
    return page_body(items, page)


@router.get("/actors", summary="The most mentioned actors")
def actors(request: Request, top: int = Query(50, ge=1, le=1000),
           kind: str | None = Query(None, pattern="^(person|organization|country|location)$"), store=READ_STORE) -> dict:
    return {"items": store.actors(top=top, kind=kind), "top": top}


@router.get("/actors/{actor_id}", summary="One actor: roles, events, quotes, counterparts, timeline")
def actor(request: Request, actor_id: str,
          limit: int = Query(100, ge=1, le=1000, description="newest records, events and quotes listed (totals count all)"),
          store=READ_STORE) -> dict:
    found = store.actor(actor_id, limit=limit)
    if found is None:
        raise ApiError(404, "E404", Errors.E404.format(actor=actor_id))
    return found
