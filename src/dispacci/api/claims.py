"""Read endpoints for the claims and techniques layers (record/3)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from ..record import TECHNIQUES
from .deps import Page, READ_STORE, page_body

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["claims and techniques"])
_TECHNIQUE = "^(" + "|".join(TECHNIQUES) + ")$"


@router.get("/claims", summary="Attributed claims, filtered by claimant, record or stance")
def claims(request: Request, page: Page = Depends(),
           claimant: str | None = Query(None, max_length=200, description="claimant actor id or name"),
           record: str | None = Query(None, max_length=100, description="only claims of this record id"),
           stance: str | None = Query(None, pattern="^(distanced|unsupported|disputed)$",
                                      description="only claims the text distances itself from this way"),
           store=READ_STORE) -> dict:
    items = store.claims(claimant=claimant, record_id=record, stance=stance, limit=page.limit, offset=page.offset)
    return page_body(items, page)


@router.get("/techniques", summary="Persuasion-technique spans (SemEval-2023 Task 3 labels)")
def techniques(request: Request, page: Page = Depends(),
               technique: str | None = Query(None, pattern=_TECHNIQUE, description="a SemEval-2023 Task 3 label"),
               record: str | None = Query(None, max_length=100, description="only spans of this record id"),
               source: str | None = Query(None, pattern="^(lexicon|classifier)$"),
               store=READ_STORE) -> dict:
    items = store.techniques(technique=technique, record_id=record, source=source, limit=page.limit,
                             offset=page.offset)
    return page_body(items, page)


@router.get("/techniques/counts", summary="How many spans and records each technique has")
def technique_counts(request: Request, record: str | None = Query(None, max_length=100), store=READ_STORE) -> dict:
    return {"items": store.technique_counts(record_id=record), "labels": list(TECHNIQUES)}
