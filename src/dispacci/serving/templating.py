"""The Jinja2 environment of the explorer and the API's docs page: autoescaping on for every template.

Every value that reaches a page (titles, names, quotes, URLs from articles) is
escaped by Jinja; the helpers here are the only places that decide what counts
as a link (only http/https URLs become ``href``s).
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

__all__ = ["templates", "env", "path_part", "safe_href", "snippet_html", "TEMPLATES_DIR", "STATIC_DIR"]

WEB_DIR = Path(__file__).resolve().parents[1] / "web"
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"


def path_part(value) -> str:
    """A value quoted to sit inside one URL path segment (ids, actor names)."""
    return quote(str(value), safe="")


def safe_href(value) -> str | None:
    """The URL when it is plain http(s), else None: `javascript:` and `data:`
    URLs from hostile articles never become links."""
    if not value or not isinstance(value, str):
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return value.strip()


_MARKED = re.compile(r"\[([^\[\]<>]{1,120})\]")


def snippet_html(value) -> Markup:
    """A search snippet, escaped, with the store's ``[match]`` markers as ``<mark>``."""
    return Markup(_MARKED.sub(r"<mark>\1</mark>", str(escape(value or ""))))


def _undefined_is_empty():
    # Templates may ask for fields a store leaves out; show nothing rather than fail.
    from jinja2 import ChainableUndefined

    return ChainableUndefined


env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True,
                  undefined=_undefined_is_empty(), trim_blocks=True, lstrip_blocks=True)
env.filters["pathq"] = path_part
env.filters["safe_href"] = safe_href
env.filters["snippet"] = snippet_html
env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}

templates = Jinja2Templates(env=env)
