"""Read endpoints for records: list, one record, search, duplicates, stories, schema."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from ..errors import Errors
from ..record import record_json_schema
from .deps import Page, READ_STORE, iso_date, page_body
from .errors import ApiError

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["records"])

LANG = Query(None, min_length=2, max_length=3, pattern="^[A-Za-z]{2,3}$", description="ISO 639-1 language code")
SINCE = Query(None, description="earliest date, ISO 8601 (YYYY-MM-DD)")
UNTIL = Query(None, description="latest date, ISO 8601 (YYYY-MM-DD)")
OUTLET = Query(None, max_length=200, description="outlet (publisher or site) name")


@router.get("/records", summary="List records, newest first")
def list_records(request: Request, page: Page = Depends(), lang: str | None = LANG,
                 since: str | None = SINCE, until: str | None = UNTIL, outlet: str | None = OUTLET,
                 store=READ_STORE) -> dict:
    items = store.records(lang=lang and lang.lower(), since=iso_date(since, "since"),
                          until=iso_date(until, "until"), outlet=outlet, limit=page.limit, offset=page.offset)
    return page_body(items, page)


@router.get("/records/{record_id}", summary="One full record, with every layer")
def get_record(request: Request, record_id: str, store=READ_STORE) -> dict:
    record = store.get(record_id)
    if record is None:
        raise ApiError(404, "E403", Errors.E403.format(id=record_id))
    return record.to_dict()


@router.get("/search", summary="Full-text search over titles and texts")
def search(request: Request, q: str = Query(..., min_length=1, max_length=500, description="search words"),
           page: Page = Depends(), lang: str | None = LANG, since: str | None = SINCE,
           until: str | None = UNTIL, outlet: str | None = OUTLET,
           store=READ_STORE) -> dict:
    items = store.search(q, lang=lang and lang.lower(), since=iso_date(since, "since"),
                                     until=iso_date(until, "until"), outlet=outlet,
                                     limit=page.limit, offset=page.offset)
    return page_body(items, page, q=q)


# A wire story can be reprinted hundreds of times: clusters list this many members by default.
MEMBERS = 20


@router.get("/duplicates", summary="Reprints grouped with their earliest original")
def duplicates(request: Request, limit: int = Query(100, ge=1, le=1000),
               members: int = Query(MEMBERS, ge=1, le=10_000, description="copies listed per group (size counts all)"),
               store=READ_STORE) -> dict:
    return {"items": store.duplicates(limit=limit, members=members), "limit": limit}


@router.get("/stories", summary="Stories: the same news across outlets and languages")
def stories(request: Request, limit: int = Query(100, ge=1, le=1000),
            members: int = Query(MEMBERS, ge=1, le=10_000, description="articles listed per story (size counts all)"),
            store=READ_STORE) -> dict:
    return {"items": store.stories(limit=limit, members=members), "limit": limit}


@router.get("/schema", summary="The JSON Schema of a record")
def schema() -> dict:
    return record_json_schema()
