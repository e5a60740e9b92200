"""HTML pages: main text, title, date, canonical URL and site name via trafilatura."""
from __future__ import annotations

import re

from ..errors import Errors, InputError
from .article import Article

__all__ = ["looks_like_html", "article_from_html"]

_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<article|<div|<p[\s>])", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:1000]))


def article_from_html(html: str, *, source: str, url: str | None = None) -> Article:
    """Extract the article of an HTML page; boilerplate is dropped."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            include_tables=False, favor_precision=True, as_dict=False,
        )
    except Exception as error:  # trafilatura raises many kinds on broken markup
        raise InputError("E005", f"{Errors.E005} ({type(error).__name__})", source=source) from None
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        raise InputError("E005", Errors.E005, source=source)
    title = getattr(document, "title", None)
    body = _drop_repeated_title(title, body)
    return Article.from_parts(
        title, body,
        url=getattr(document, "url", None) or url,
        published=getattr(document, "date", None),
        metadata_date=getattr(document, "date", None),
        publisher=getattr(document, "sitename", None),
    )


def _drop_repeated_title(title: str | None, body: str) -> str:
    """trafilatura sometimes keeps the <h1> as the first body line."""
    if title:
        first, _, rest = body.partition("\n")
        if first.strip() == title.strip() and rest.strip():
            return rest
    return body
