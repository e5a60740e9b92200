"""The events and quotes browsers: filters, facets with counts, sort, volume chart, downloads.

``/events`` and ``/quotes`` show the rows that match the query string's
filters, the counts per value of every facet under those filters (each value a
link that adds it), a bar chart of volume over time and links to download
exactly those rows as CSV or JSON (``/events.csv``, ``/events.json``: same
query string, at most ``EXPORT_CAP`` rows). Each row links to its evidence
in the article view.
"""
from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ..api.deps import READ_STORE
from ..errors import DispacciError
from ..resources.ontology import load_ontology
from ..store.browse import EVENT_SORTS, EXPORT_CAP, QUOTE_SORTS
from .highlight import QUAD_NAMES
from .links import actor_link, record_link
from .volume import granularity, volume_chart

__all__ = ["router", "EVENT_FILTERS", "QUOTE_FILTERS"]

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
EVENT_FILTERS = ("actor", "other", "source", "target", "country", "source_country", "target_country", "root", "code",
                 "plover", "quad", "mode", "status", "lang", "outlet", "since", "until")
QUOTE_FILTERS = ("speaker", "country", "direct", "lang", "outlet", "since", "until")
FACET_TITLES = {"source": "Source actor", "target": "Target actor", "source_country": "Source country",
                "target_country": "Target country", "root": "CAMEO root", "plover": "PLOVER category",
                "quad": "Quad class", "mode": "Mode", "lang": "Language", "outlet": "Outlet", "year": "Year",
                "speaker": "Speaker", "country": "Speaker country", "direct": "Speech"}
EVENT_CSV = ("record_id", "n", "date", "source_name", "source_actor", "source_country", "target_name", "target_actor",
             "target_country", "cameo", "root", "plover", "mode", "quad_class", "goldstein", "negated", "hypothetical",
             "evidence", "evidence_start", "evidence_end", "language", "outlet", "title", "date_source",
             "year_guessed", "url")
QUOTE_CSV = ("record_id", "start", "end", "text", "speaker", "speaker_actor", "speaker_country", "cue", "direct",
             "language", "outlet", "date", "date_source", "year_guessed", "title", "url")


def _filters(request: Request, names: tuple[str, ...]) -> dict:
    query = request.query_params
    return {name: query.get(name, "").strip()[:200] for name in names if query.get(name, "").strip()}


def _url(request: Request, path: str | None = None, **changes) -> str:
    """This page's URL with some parameters set (None removes one); the offset resets."""
    params = {k: v for k, v in request.query_params.items() if k != "offset"}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return (path or request.url.path) + ("?" + query if query else "")


def _value_label(facet: str, row: dict, ontology) -> str:
    value = row["value"]
    if facet == "root":
        return f"{value} {ontology.name_of(str(value)) or ''}".strip()
    if facet == "quad":
        return f"{value} {QUAD_NAMES.get(int(value), '')}".strip()
    if facet == "direct":
        return "direct quote" if int(value) else "reported speech"
    return str(row.get("label") or value)


def _facets(request: Request, found: dict, filters: dict) -> list[dict]:
    ontology = load_ontology()
    facets = []
    for name, rows in found.items():
        key = "direct" if name == "direct" else name
        values = []
        for row in rows:
            value = str(row["value"])
            since_until = {}
            if name == "year":  # a year facet narrows the date range
                since_until = {"since": f"{value}-01-01", "until": f"{value}-12-31"}
                chosen = filters.get("since") == since_until["since"] and filters.get("until") == since_until["until"]
                href = _url(request, **since_until)
            else:
                chosen = filters.get(key) == value
                href = _url(request, **{key: None if chosen else value})
            values.append({"value": value, "label": _value_label(name, row, ontology), "n": row["n"], "href": href,
                           "chosen": chosen, "unresolved": row.get("unresolved")})
        facets.append({"name": name, "title": FACET_TITLES.get(name, name), "entries": values})
    return facets


def _chips(request: Request, filters: dict) -> list[dict]:
    return [{"name": name, "value": value, "href": _url(request, **{name: None})} for name, value in filters.items()]


def _period_link(request: Request):
    return lambda since, until: _url(request, since=since, until=until)


def _browse(request: Request, store, layer: str) -> dict:
    names, sorts = (EVENT_FILTERS, EVENT_SORTS) if layer == "events" else (QUOTE_FILTERS, QUOTE_SORTS)
    filters = _filters(request, names)
    sort = request.query_params.get("sort") or "date"
    sort = sort if sort in sorts else "date"
    try:
        offset = max(int(request.query_params.get("offset") or 0), 0)
    except ValueError:
        offset = 0
    context = {"layer": layer, "filters": filters, "sort": sort, "sorts": list(sorts), "rows": [], "total": 0,
               "facets": [], "chart": None, "error": None, "offset": offset, "chips": _chips(request, filters),
               "csv_href": _url(request, f"/{layer}.csv"), "json_href": _url(request, f"/{layer}.json"),
               "quad_names": QUAD_NAMES, "roots": _roots()}
    try:
        browse, count, facets, volume = _methods(store, layer)
        rows = browse(filters, sort=sort, limit=PAGE_SIZE, offset=offset)
        total = count(filters)
        by = granularity(filters.get("since"), filters.get("until"))
        series = volume(filters, by=by)
        if by == "month" and len([r for r in series if r.get("period")]) > 48:
            series = volume(filters, by="year")
        context.update(rows=[_linked(row, layer) for row in rows], total=total,
                       facets=_facets(request, facets(filters), filters),
                       chart=volume_chart(series, _period_link(request)))
    except (DispacciError, ValueError) as error:
        context["error"] = error.one_line() if isinstance(error, DispacciError) else f"bad filter value: {error}"
    context["prev"] = _url(request, offset=max(offset - PAGE_SIZE, 0)) if offset else None
    context["next"] = _url(request, offset=offset + PAGE_SIZE) if offset + PAGE_SIZE < context["total"] else None
    return context


def _roots() -> list[tuple[str, str]]:
    ontology = load_ontology()
    return [(f"{n:02d}", ontology.name_of(f"{n:02d}") or "") for n in range(1, 21)]


def _methods(store, layer: str):
    if layer == "events":
        return store.browse_events, store.count_events, store.event_facets, store.event_volume
    return store.browse_quotes, store.count_quotes, store.quote_facets, store.quote_volume


def _linked(row: dict, layer: str) -> dict:
    base = record_link(row["record_id"])
    if layer == "events":
        return {**row, "href": f"{base}#v{row['n']}", "record_href": base,
                "source_href": actor_link(row.get("source_actor")), "target_href": actor_link(row.get("target_actor"))}
    return {**row, "href": f"{base}#span-{row['start']}-{row['end']}", "record_href": base,
            "speaker_href": actor_link(row.get("speaker_actor"))}


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store=READ_STORE):
    from .pages import _page

    return _page(request, "browse_events.html", **{"title": "Events", **_browse(request, store, "events")})


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, store=READ_STORE):
    from .pages import _page

    return _page(request, "browse_quotes.html", **{"title": "Quotes", **_browse(request, store, "quotes")})


def _export(request: Request, store, layer: str, fmt: str) -> Response:
    names, columns = (EVENT_FILTERS, EVENT_CSV) if layer == "events" else (QUOTE_FILTERS, QUOTE_CSV)
    filters = _filters(request, names)
    sort = request.query_params.get("sort") or "date"
    browse, count, _, _ = _methods(store, layer)
    try:
        rows = browse(filters, sort=sort, limit=EXPORT_CAP, offset=0)
        total = count(filters)
    except (DispacciError, ValueError) as error:
        message = error.one_line() if isinstance(error, DispacciError) else str(error)
        return Response(json.dumps({"error": message}), status_code=400, media_type="application/json")
    for row in rows:
        row["url"] = str(request.base_url).rstrip("/") + _linked(row, layer)["href"]
    headers = {"Content-Disposition": f'attachment; filename="dispacci-{layer}.{fmt}"',
               "X-Total-Count": str(total), "X-Exported-Count": str(len(rows))}
    if fmt == "json":
        body = {"filters": filters, "total": total, "exported": len(rows),
                "items": [{column: row.get(column) for column in columns} for row in rows]}
        return Response(json.dumps(body, ensure_ascii=False), media_type="application/json", headers=headers)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/events.csv", include_in_schema=False)
def events_csv(request: Request, store=READ_STORE):
    return _export(request, store, "events", "csv")


@router.get("/events.json", include_in_schema=False)
def events_json(request: Request, store=READ_STORE):
    return _export(request, store, "events", "json")


@router.get("/quotes.csv", include_in_schema=False)
def quotes_csv(request: Request, store=READ_STORE):
    return _export(request, store, "quotes", "csv")


@router.get("/quotes.json", include_in_schema=False)
def quotes_json(request: Request, store=READ_STORE):
    return _export(request, store, "quotes", "json")
