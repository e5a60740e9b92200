"""Verbs over stored records: `show` one, the groups they form (`duplicates`, `stories`), `export` them all."""
from __future__ import annotations

from typing import Optional

import typer

from ..errors import DispacciError
from .exits import EPILOG, fail
from .options import db_option, open_db
from .output import Output, output_options

__all__ = ["register", "show", "duplicates", "stories", "export", "VERBS"]


@output_options(csv=False, one=True)
def show(
    record_id: str = typer.Argument(..., help="A record id (or its first characters)."),
    db: Optional[str] = db_option(),
    output: Output = Output(),
) -> None:
    """Show one stored record (--json: the whole record)."""
    from ..errors import Errors, NotFoundError

    try:
        with open_db(db, read_only=True) as store:
            record = store.get(record_id)
            if record is None:
                matches = store.find_ids(record_id)
                record = store.get(matches[0]) if len(matches) == 1 else None
            if record is None:
                raise NotFoundError("E315", Errors.E315.format(value=record_id))
            links = store.links(record.id)
    except DispacciError as error:
        fail(error)
    output.document(record, text=lambda shown: _print_record(shown, links))


def _print_record(record, links: dict) -> None:
    from ..summary import print_summary

    print_summary(record)
    if links["group"]:
        earliest = "this record" if links["earliest"] == record.id else links["earliest"]
        typer.echo(f"Near-duplicates  group {links['group']}, earliest copy {earliest}; "
                   f"copies: {', '.join(links['copies'])}")
    if links["story"]:
        typer.echo(f"Story            {links['story']}; other reports: {', '.join(links['story_members'])}")


@output_options()
def duplicates(
    db: Optional[str] = db_option(),
    limit: int = typer.Option(50, "--limit", "-n", help="At most this many groups."),
    refresh: bool = typer.Option(False, "--refresh", help="Regroup now (also done after each ingest)."),
    output: Output = Output(),
) -> None:
    """List groups of near-duplicate articles (reprints, edited copies), earliest copy first.

    JSON gives one object per group with its members; the table and CSV one row per member."""
    try:
        with open_db(db, read_only=not refresh) as store:
            if refresh:
                store.cluster(stories=False)
            groups = store.duplicates(limit=limit)
    except DispacciError as error:
        fail(error)
    rows = [{"group": g["group"], "earliest": g["earliest"], **m} for g in groups for m in g["members"]]
    output.rows(rows, json_items=groups, title="near-duplicate groups", columns=[
        ("group", "group"), ("id", "id"), ("published", "published"), ("outlet", "outlet"),
        ("similarity", "Jaccard"), ("containment", "contained"), ("title", "title")])


@output_options()
def stories(
    db: Optional[str] = db_option(),
    limit: int = typer.Option(50, "--limit", "-n", help="At most this many stories."),
    refresh: bool = typer.Option(False, "--refresh", help="Relink now (also done after each ingest)."),
    output: Output = Output(),
) -> None:
    """List stories: reports of the same event across languages and outlets.

    JSON gives one object per story with its members; the table and CSV one row per member."""
    try:
        with open_db(db, read_only=not refresh) as store:
            if refresh:
                store.cluster()
            found = store.stories(limit=limit)
    except DispacciError as error:
        fail(error)
    rows = [{"story": s["story"], "key": s["key"], "first_seen": s["first_seen"], **m}
            for s in found for m in s["members"]]
    output.rows(rows, json_items=found, title="stories", columns=[
        ("story", "story"), ("key", "linked by"), ("id", "id"), ("language", "lang"), ("outlet", "outlet"),
        ("published", "published"), ("title", "title")])


# The output options name the format here as everywhere; --format adds parquet.
_FORMAT_OF = {"json": "json", "nl": "jsonl", "csv": "csv"}


@output_options()
def export(
    db: Optional[str] = db_option(),
    what: str = typer.Option("records", "--what", help="records, events, quotes, entities, claims or techniques."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, json, csv or parquet (--nl, --json and --csv "
                            "are short for the first three)."),
    output_file: Optional[str] = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
    output: Output = Output(),
) -> None:
    """Export the store's records, events, quotes, entities, claims or techniques (JSON Lines by default)."""
    from ..store.export import export as run_export

    chosen = _FORMAT_OF.get(output.format, fmt)
    try:
        with open_db(db, read_only=True) as store:
            count = run_export(store, what, chosen, output_file)
    except DispacciError as error:
        fail(error)
    if output_file and output_file != "-":
        typer.echo(f"{count} {what} → {output_file}", err=True)


VERBS = (show, duplicates, stories, export)


def register(app: typer.Typer) -> None:
    for verb in VERBS:
        app.command(epilog=EPILOG)(verb)
