"""Analysing endpoints: analyse one article now; ingest records (token only)."""
from __future__ import annotations

import json
import time
from functools import partial
from typing import Any

import anyio
from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from ..errors import DispacciError, Errors, InputError
from ..ingest.article import Article
from ..ingest.decode import check_no_surrogates, normalise_text
from ..ingest.readers import read_text
from ..pipeline import _iso_date, content_id
from ..record import Record
from .deps import require_token
from .errors import ApiError

__all__ = ["router", "ArticleIn", "IngestIn", "article_from_request"]

router = APIRouter(prefix="/api", tags=["analysis"])


class ArticleIn(BaseModel):
    """One article to analyse: plain ``text`` (title on line 1 and a blank
    line, or a separate ``title``) or a whole ``html`` page."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="plain text of the article")
    html: str | None = Field(None, description="HTML page of the article (instead of text)")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40, description="ISO 8601 publication date")
    language: str | None = Field(None, min_length=2, max_length=3, description="force the language (ISO 639-1)")
    publisher: str | None = Field(None, max_length=200)


class IngestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    records: list[dict[str, Any]] = Field(default_factory=list, description="records as produced by the analyser")
    articles: list[ArticleIn] = Field(default_factory=list, description="articles to analyse then store")


def article_from_request(body: ArticleIn) -> Article:
    """Build the pipeline's input from a request, checking text xor html."""
    given = [name for name in ("text", "html") if getattr(body, name) not in (None, "")]
    if len(given) != 1:
        raise ApiError(400, "E402", Errors.E402.format(got=", ".join(given) or "neither"))
    source = body.url or "<request>"
    if body.html:
        article = read_text(body.html, source=source, html=True)
        if body.title:
            article = Article.from_parts(body.title, article.text[article.body_start:])
    elif body.title:
        article = Article.from_parts(body.title, normalise_text(body.text))
    else:
        article = read_text(body.text, source=source, html=False)
    article.url = body.url or article.url
    article.publisher = body.publisher or article.publisher
    article.published = _iso_date(body.published, source) or article.published
    article.language = body.language or article.language
    return article


async def analyse_within_budget(request: Request, article: Article) -> Record:
    """Analyse in a worker thread, answering E410 (503) once the server's time budget is spent.

    The event loop stops waiting at the budget; the pipeline itself stops at its
    next layer (the same deadline), so an abandoned analysis does not run on.
    """
    seconds = request.app.state.analysis_seconds
    call = partial(request.app.state.pipeline.analyze_article, article, deadline=time.monotonic() + seconds)
    try:
        with anyio.fail_after(seconds):
            return await anyio.to_thread.run_sync(call, abandon_on_cancel=True)
    except (TimeoutError, InputError) as error:
        if isinstance(error, InputError) and error.code != "E023":
            raise
        raise ApiError(503, "E410", Errors.E410.format(seconds=seconds), source=article.name) from None


@router.post("/analyze", summary="Analyse one article and return its record (nothing is stored)")
async def analyze(request: Request, body: ArticleIn) -> dict:
    article = article_from_request(body)
    record = await analyse_within_budget(request, article)
    return record.to_dict()


@router.post("/ingest", summary="Store records or analyse and store articles (needs the operator's token)",
             dependencies=[Depends(require_token)])
async def ingest(request: Request, body: IngestIn) -> dict:
    if not body.records and not body.articles:
        raise ApiError(400, "E406", Errors.E406)
    records: list[Record] = []
    failures: list[tuple[str, str]] = []
    for index, raw in enumerate(body.records):
        try:
            check_no_surrogates(json.dumps(raw, ensure_ascii=False), source=f"records[{index}]")
            record = Record.model_validate(raw)
            if record.id != content_id(record):  # the id is the store's key for "already stored"
                raise ApiError(400, "E412", Errors.E412.format(id=record.id, expected=content_id(record)),
                               source=f"records[{index}]")
            records.append(record)
        except DispacciError as error:
            failures.append((f"records[{index}]", error.one_line()))
        except ValueError as error:
            failures.append((str(raw.get("id") or f"records[{index}]"), str(error).splitlines()[0]))
    for index, item in enumerate(body.articles):
        try:
            article = article_from_request(item)
            records.append(await analyse_within_budget(request, article))
        except DispacciError as error:
            failures.append((item.url or f"articles[{index}]", error.one_line()))
    result = await run_in_threadpool(request.app.state.stores.add, records, failures)
    return {**result, "ids": [record.id for record in records],
            "errors": [{"source": source, "message": message} for source, message in failures]}
