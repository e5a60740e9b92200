"""The search page: actors by any of their names, words in any of their forms, counts and facets.

What a query means is decided in ``search_terms``; the store finds the records
(``FinderMixin.find_records``). The page says how it read the query ("Poutine"
is Vladimir Putin), how many articles match, and counts them by language,
outlet and year, each count a link that narrows the search.
"""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..api.deps import READ_STORE
from ..errors import DispacciError
from .links import actor_link
from .search_terms import actor_labels, actors_named, parse_query

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
FACET_TITLES = {"lang": "Language", "outlet": "Outlet", "year": "Year"}


def _actor_sources(request: Request) -> tuple[tuple[str, ...], tuple[str, ...]]:
    options = getattr(request.app.state, "analysis_options", None)
    return (tuple(options.actors), tuple(options.resources)) if options else ((), ())


def _url(request: Request, **changes) -> str:
    params = {k: v for k, v in request.query_params.items() if k != "offset"}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "/search?" + urlencode(params)


def _facets(request: Request, found: dict, filters: dict) -> list[dict]:
    facets = []
    for name, rows in found.items():
        entries = []
        for row in rows:
            value = str(row["value"])
            if name == "year":
                chosen = filters.get("since") == f"{value}-01-01" and filters.get("until") == f"{value}-12-31"
                href = _url(request, since=f"{value}-01-01", until=f"{value}-12-31")
            else:
                chosen = (filters.get(name) or "").lower() == value.lower()
                href = _url(request, **{name: None if chosen else value})
            entries.append({"value": value, "label": value, "n": row["n"], "href": href, "chosen": chosen})
        facets.append({"name": name, "title": FACET_TITLES[name], "entries": entries})
    return facets


def run_search(request: Request, store, q: str, filters: dict, offset: int) -> dict:
    files, dirs = _actor_sources(request)

    def ids_of(name: str) -> tuple[str, ...]:
        return tuple(sorted(set(actors_named(name, files, dirs)) | set(store._actor_ids(name))))

    parsed = parse_query(q, lambda name: bool(ids_of(name)))
    actor_ids = sorted({actor_id for name in parsed.actor_names for actor_id in ids_of(name)})
    context: dict = {"meaning": [], "rows": [], "total": 0, "facets": [], "error": None}
    if parsed.actor_names and not actor_ids:
        context["error"] = f"no actor is called {', '.join(repr(n) for n in parsed.actor_names)}"
        return context
    labels = actor_labels(actor_ids, files, dirs) if actor_ids else {}
    context["meaning"] = [{"id": actor_id, "name": labels.get(actor_id, actor_id), "href": actor_link(actor_id)}
                          for actor_id in actor_ids]
    context["as_words"] = "/search?" + urlencode({**request.query_params, "q": f'"{q}"'}) if actor_ids and not parsed.has_text else None
    found = store.find_records(parsed.groups, parsed.phrases, actor_ids, filters, limit=PAGE_SIZE, offset=offset)
    groups = parsed.groups
    if actor_ids and not parsed.has_text:  # show where each article names the actor
        names = sorted({name.strip() for row in found["rows"] for name in (row.get("via") or "").split(",") if name.strip()})
        groups = [[(name, False) for name in names]] if names else []
    snippets = store.snippets(groups, parsed.phrases, [row["id"] for row in found["rows"]])
    context.update(rows=[{**row, "snippet": snippets.get(row["id"], "")} for row in found["rows"]],
                   total=found["total"], facets=_facets(request, found["facets"], filters))
    return context
