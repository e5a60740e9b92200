"""The explorer's pages: records, article view, actors, stories, duplicates, search."""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..api.deps import MAX_OFFSET, READ_STORE, iso_date
from ..errors import DispacciError, Errors
from .charts import QUAD_COLOURS, network_chart, timeline_chart
from .highlight import QUAD_NAMES, highlighted_html, marks_of, speaker_colours
from ..serving.templating import safe_href, templates
from .links import actor_link, record_link, story_link
from .techniques import claims_context

__all__ = ["router", "render_not_found"]

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
MEMBERS_SHOWN = 50  # articles listed per story or duplicate group; the rest are counted


def _page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    context.setdefault("title", "dispacci")
    return templates.TemplateResponse(request, template, context, status_code=status)


def render_not_found(request: Request, message: str) -> HTMLResponse:
    return _page(request, "error.html", status=404, title="Not found", message=message)


def _int(value: str | None, default: int = 0) -> int:
    try:
        return min(max(int(value), 0), MAX_OFFSET) if value not in (None, "") else default
    except ValueError:
        return default


def _filters(request: Request) -> tuple[dict, str | None]:
    """Filters from the query string; a bad date becomes an on-page error."""
    query = request.query_params
    lang = (query.get("lang") or "").strip().lower()[:3] or None
    outlet = (query.get("outlet") or "").strip()[:200] or None
    try:
        since = iso_date((query.get("since") or "").strip() or None, "since")
        until = iso_date((query.get("until") or "").strip() or None, "until")
    except DispacciError as error:
        return {"lang": lang, "outlet": outlet, "since": None, "until": None}, error.one_line()
    return {"lang": lang, "outlet": outlet, "since": since, "until": until}, None


def _pager(request: Request, count: int) -> dict:
    offset = _int(request.query_params.get("offset"))

    def at(value: int) -> str:
        params = {**request.query_params, "offset": str(value)}
        return request.url.path + "?" + urlencode(params)

    return {"offset": offset, "prev": at(max(offset - PAGE_SIZE, 0)) if offset else None,
            "next": at(offset + PAGE_SIZE) if count >= PAGE_SIZE else None}


def _with_links(rows: list[dict]) -> list[dict]:
    """Copies of the rows with their record's link (store results may be shared: never mutate them)."""
    return [{**row, "href": record_link(row.get("id") or row.get("record_id"))} for row in rows]


def _with_trust(store, rows: list[dict]) -> list[dict]:
    """Rows of records with where their date came from and their layer counts."""
    trust = store.record_trust([row.get("id") for row in rows]) if hasattr(store, "record_trust") else {}
    return [{**row, "trust": trust.get(row.get("id")) or {}} for row in rows]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store=READ_STORE):
    filters, error = _filters(request)
    offset = _int(request.query_params.get("offset"))
    rows = _with_trust(store, _with_links(store.records(**filters, limit=PAGE_SIZE, offset=offset)))
    return _page(request, "records.html", title="Records", rows=rows, filters=filters, error=error,
                 pager=_pager(request, len(rows)), total=store.count())


@router.get("/records/{record_id}", response_class=HTMLResponse)
def article(request: Request, record_id: str, store=READ_STORE):
    record = store.get(record_id)
    if record is None:
        return render_not_found(request, f"[E403] {Errors.E403.format(id=record_id)}")
    links = store.links(record_id)
    related = {"story_href": story_link(links["story"]), "story_size": len(links["story_members"]) + 1,
               "original_href": record_link(links["earliest"]) if links["earliest"] not in (None, record_id) else None,
               "copies": [{"id": c, "href": record_link(c)} for c in links["copies"]]}
    return _page(request, "article.html", **article_context(record), stored=True, related=related)


def article_context(record) -> dict:
    marks = marks_of(record)
    colours = speaker_colours(record)
    speakers = {}
    for quote in record.quotes:
        who = quote.speaker_actor or quote.speaker or "?"
        speakers.setdefault(who, {"name": quote.speaker or "unknown speaker", "colour": colours[who],
                                  "href": actor_link(quote.speaker_actor)})
    events = [{"event": event, "key": f"v{n}", "evidence": record.text[event.evidence.start:event.evidence.end],
               "source_href": actor_link(event.source.actor),
               "target_href": actor_link(event.target.actor) if event.target else None}
              for n, event in enumerate(record.events)]
    kinds = sorted({entity.kind for entity in record.entities})
    return {"title": record.title or record.id, "record": record, "text_html": highlighted_html(record.text, marks),
            "marks": {mark.key: {**mark.info, "start": mark.start, "end": mark.end} for mark in marks}, "speakers": list(speakers.values()),
            "events": events, "kinds": kinds, "source_href": safe_href(record.source.url),
            "credits": [{"credit": c, "href": actor_link(c.actor)} for c in record.credits],
            "chain": provenance_chain(record), "page_lang": record.language, **claims_context(record)}


_ROLE_ORDER = {"origin": 0, "wire": 1, "publisher": 2}


def provenance_chain(record) -> list[dict]:
    """Who the report passed through, once each, from the origin to the publisher; each
    credited step links to the words that credit it."""
    steps: list[dict] = []
    seen: set[str] = set()

    def add(role: str, name: str | None, actor: str | None = None, span=None) -> None:
        if not name or name.casefold() in seen:
            return
        seen.add(name.casefold())
        steps.append({"role": role, "name": name, "href": actor_link(actor),
                      "words": f"#span-{span.start}-{span.end}" if span is not None else None,
                      "text": record.text[span.start:span.end] if span is not None else None})

    for credit in sorted(record.credits, key=lambda c: (_ROLE_ORDER.get(c.role, 3), c.start)):
        add(credit.role, credit.name, credit.actor, credit)
        for name in credit.chain:  # the relays this credit names, in their order
            add("via", name)
    add("publisher", record.source.publisher)
    return steps


@router.get("/analyze", response_class=HTMLResponse)
def analyze_page(request: Request):
    return _page(request, "analyze.html", title="Analyse an article")


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, store=READ_STORE):
    kind = request.query_params.get("kind")
    kind = kind if kind in ("person", "organization", "country", "location") else None
    name = (request.query_params.get("name") or "").strip()[:200]
    offset = _int(request.query_params.get("offset"))
    from .search_page import _actor_sources
    from .search_terms import actors_named

    ids = actors_named(name, *_actor_sources(request)) if name else ()  # "Poutine": its actor, by the actor base
    found, total = store.find_actors(name or None, kind=kind, ids=tuple(ids), limit=PAGE_SIZE, offset=offset)
    rows = [{**row, "href": actor_link(row.get("actor") or row.get("canonical"))} for row in found]
    pager = _pager(request, len(rows))
    if offset + len(rows) >= total:
        pager["next"] = None
    return _page(request, "actors.html", title="Actors", rows=rows, kind=kind, name=name, total=total,
                 offset=offset, pager=pager)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: str, store=READ_STORE):
    found = store.actor(actor_id, limit=100)  # the page lists the 100 newest events and quotes
    if found is None:
        return render_not_found(request, f"[E404] {Errors.E404.format(actor=actor_id)}")
    name = found.get("canonical") or found.get("actor") or actor_id
    quotes = _with_links(list(found.get("quotes") or [])[:100])
    events = _with_links(list(found.get("events") or [])[:100])
    events = [{**event, "href": f"{event['href']}#span-{event['evidence_start']}-{event['evidence_end']}"
               if event.get("evidence_start") is not None else event["href"],
               "source_href": actor_link(event.get("source_actor")),
               "target_href": actor_link(event.get("target_actor"))} for event in events]
    resolved = found.get("resolved", True)
    timeline = list(found.get("timeline") or [])
    names = store.names_by_language(found.get("actor"), resolved=resolved) if hasattr(store, "names_by_language") else []
    return _page(request, "actor.html", title=name if resolved else f"Unresolved name: {name}", actor=found,
                 name=name, quotes=quotes, resolved=resolved,
                 events=[e for e in events if e.get("date")], undated_events=[e for e in events if not e.get("date")],
                 undated=sum(int(t.get("events") or 1) for t in timeline if not t.get("date")),
                 names_seen=names, base_names=base_names(request, found.get("actor")) if resolved else [],
                 roles=roles_over_time(store, found), timeline=timeline_chart(timeline),
                 network=network_chart(name, found.get("counterparts") or []), quad_names=QUAD_NAMES,
                 quad_colours=QUAD_COLOURS)


def base_names(request: Request, actor_id: str | None) -> list[dict]:
    """The actor's names per language in the actor base (``any``: every language)."""
    from ..resources.actors import load_actor_base
    from .search_page import _actor_sources

    entry = load_actor_base(*_actor_sources(request)).get(actor_id) if actor_id else None
    if entry is None:
        return []
    table = getattr(entry, "aliases", None) or getattr(entry, "names", None) or {}
    return [{"language": lang, "names": list(dict.fromkeys(forms))} for lang, forms in sorted(table.items()) if forms]


def roles_over_time(store, found: dict) -> list[dict]:
    """Each role with the first and last date of the articles it was seen in
    (the store aggregates them over all of the actor's records)."""
    history = list(found.get("role_history") or [])
    seen = {item["role"] for item in history}
    history += [{"role": str(role), "first": "", "last": "", "records": 0}
                for role in found.get("roles") or [] if str(role) not in seen]
    return sorted(history, key=lambda r: (r["first"] or "9999", r["role"]))


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, store=READ_STORE):
    rows = [{**story, "href": story_link(story["story"]), "members": _with_links((story.get("members") or [])[:MEMBERS_SHOWN]),
             "size": story.get("size") or len(story.get("members") or [])}
            for story in store.stories(limit=200, members=MEMBERS_SHOWN)]
    return _page(request, "stories.html", title="Stories", stories=rows)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, store=READ_STORE):
    found = store.story(story_id)
    if found is None:
        return render_not_found(request, f"no story {story_id!r}; list stories at /stories")
    members = [{**m, "href": record_link(m["id"]), "original_href": record_link(m["reprint_of"])}
               for m in found["members"]]
    lead = found["events"][0] if found["events"] else None
    return _page(request, "story.html", title=(members[0]["title"] if members else story_id) or story_id,
                 story={**found, "members": members}, lead=lead)


@router.get("/duplicates", response_class=HTMLResponse)
def duplicates(request: Request, store=READ_STORE):
    groups = []
    for group in store.duplicates(limit=200, members=MEMBERS_SHOWN + 1):
        members = _with_links(group.get("members") or [])
        original = next((m for m in members if m.get("id") == group.get("earliest")), members[0] if members else None)
        reprints = [m for m in members if m is not original]
        groups.append({**group, "original": original, "reprints": reprints[:MEMBERS_SHOWN],
                       "size": group.get("size") or len(members)})
    return _page(request, "duplicates.html", title="Duplicates", groups=groups)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store=READ_STORE):
    from .search_page import run_search

    q = (request.query_params.get("q") or "").strip()[:500]
    filters, error = _filters(request)
    offset = _int(request.query_params.get("offset"))
    found: dict = {"rows": [], "total": 0, "facets": [], "meaning": []}
    if q and not error:
        try:
            found = run_search(request, store, q, filters, offset)
        except DispacciError as failure:
            error = failure.one_line()
        error = error or found.get("error")
    rows = _with_trust(store, _with_links(found["rows"]))
    pager = _pager(request, len(rows))
    if offset + len(rows) >= found["total"]:
        pager["next"] = None
    return _page(request, "search.html", title=f"Search: {q}" if q else "Search", q=q, rows=rows,
                 filters=filters, error=error, pager=pager, total=found["total"], facets=found["facets"],
                 meaning=found["meaning"], as_words=found.get("as_words"), offset=offset)
