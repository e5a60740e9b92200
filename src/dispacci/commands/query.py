"""Query verbs over the store: `search`, `events`, `quotes`, `actors`, one function each.

Each prints a table, or what ``--json``, ``--nl`` or ``--csv`` ask for
(``output.py``), and ends with NOT_FOUND when nothing matched.
"""
from __future__ import annotations

from typing import Optional

import typer

from ..errors import DispacciError
from .exits import EPILOG, fail
from .options import db_option, open_db
from .output import Output, output_options

__all__ = ["register", "search", "events", "quotes", "actors", "VERBS"]

_EVENT_COLUMNS = [("date", "date"), ("source_name", "source"), ("cameo", "CAMEO"), ("plover", "PLOVER"),
                  ("target_name", "target")]


def _limit():
    return typer.Option(50, "--limit", "-n", help="At most this many rows.")


def _offset():
    return typer.Option(0, "--offset", help="Skip this many rows first (paging).")


@output_options()
def search(
    query: str = typer.Argument(..., help='Words to find in titles and texts, e.g. "telefonata Putin".'),
    db: Optional[str] = db_option(),
    lang: Optional[str] = typer.Option(None, "--lang", help="Only this language (ISO 639-1)."),
    since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only outlets whose name contains this."),
    limit: int = typer.Option(20, "--limit", "-n", help="At most this many rows."), offset: int = _offset(),
    output: Output = Output(),
) -> None:
    """Search the stored articles' titles and texts (full-text, best first)."""
    try:
        with open_db(db, read_only=True) as store:
            rows = store.search(query, lang=lang, since=since, until=until, outlet=outlet, limit=limit, offset=offset)
    except DispacciError as error:
        fail(error)
    output.rows(rows, title=f"search: {query}", columns=[
        ("id", "id"), ("date", "date"), ("language", "lang"), ("outlet", "outlet"), ("title", "title"),
        ("snippet", "snippet")])


@output_options()
def events(
    db: Optional[str] = db_option(),
    actor: Optional[str] = typer.Option(None, "--actor", help="An actor's id or name (either side)."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO country code (either side)."),
    code: Optional[str] = typer.Option(None, "--code", help="CAMEO code or prefix: 04, 041."),
    plover: Optional[str] = typer.Option(None, "--plover", help="PLOVER category, e.g. CONSULT."),
    since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
    limit: int = _limit(), offset: int = _offset(),
    unique: bool = typer.Option(False, "--unique", help="One row per real-world event, however many articles "
                                "report it, with its mentions, outlets and languages."),
    output: Output = Output(),
) -> None:
    """List the events the stored articles report, newest first."""
    try:
        with open_db(db, read_only=True) as store:
            query = store.unique_events if unique else store.events
            rows = query(actor=actor, country=country, code=code, plover=plover, since=since,
                         until=until, limit=limit, offset=offset)
    except DispacciError as error:
        fail(error)
    if unique:
        rows = [{**row, "source_name": row["source"]["name"], "target_name": (row["target"] or {}).get("name"),
                 "reports": len(row["mentions"]), "languages": ",".join(row["languages"]),
                 "first": row["first_report"]["outlet"] or row["first_report"]["record_id"]} for row in rows]
        output.rows(rows, title="unique events", columns=[
            *_EVENT_COLUMNS, ("reports", "reports"), ("languages", "languages"), ("first", "first report")])
        return
    output.rows(rows, title="events", columns=[*_EVENT_COLUMNS, ("evidence", "evidence"), ("record_id", "record")])


@output_options()
def quotes(
    db: Optional[str] = db_option(),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="A speaker's name or actor id."),
    record: Optional[str] = typer.Option(None, "--record", help="Only quotes of this record id."),
    limit: int = _limit(), offset: int = _offset(),
    output: Output = Output(),
) -> None:
    """List quotes with their speakers, newest first."""
    try:
        with open_db(db, read_only=True) as store:
            rows = store.quotes(speaker=speaker, record_id=record, limit=limit, offset=offset)
    except DispacciError as error:
        fail(error)
    output.rows(rows, title="quotes", columns=[
        ("date", "date"), ("speaker", "speaker"), ("text", "quote"), ("record_id", "record")])


@output_options()
def actors(
    db: Optional[str] = db_option(),
    top: int = typer.Option(30, "--top", help="How many, most mentioned first."),
    kind: Optional[str] = typer.Option(None, "--kind", help="person, organization, country or location."),
    output: Output = Output(),
) -> None:
    """List the actors the stored articles mention most."""
    try:
        with open_db(db, read_only=True) as store:
            rows = store.actors(top=top, kind=kind)
    except DispacciError as error:
        fail(error)
    output.rows(rows, title="actors", columns=[
        ("actor", "actor"), ("canonical", "name"), ("kind", "kind"), ("country", "country"),
        ("mentions", "mentions"), ("records", "records")])


VERBS = (search, events, quotes, actors)


def register(app: typer.Typer) -> None:
    for verb in VERBS:
        app.command(epilog=EPILOG)(verb)
