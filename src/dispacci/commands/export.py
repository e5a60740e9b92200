"""`dispacci export`: the store's records, events, quotes or entities, to a file or standard output."""
from __future__ import annotations

from typing import Optional

import typer

from ..errors import DispacciError
from .exits import EPILOG, fail
from .output import Output, output_options
from .store import db_option, open_db

__all__ = ["register", "export"]

# The output options name the format here as everywhere; --format adds parquet.
_FORMAT_OF = {"json": "json", "nl": "jsonl", "csv": "csv"}


@output_options()
def export(
    db: Optional[str] = db_option(),
    what: str = typer.Option("records", "--what", help="records, events, quotes or entities."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, json, csv or parquet (--nl, --json and --csv "
                            "are short for the first three)."),
    output_file: Optional[str] = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
    output: Output = Output(),
) -> None:
    """Export the store's records, events, quotes or entities (JSON Lines by default)."""
    from ..store.export import export as run_export

    chosen = _FORMAT_OF.get(output.format, fmt)
    try:
        with open_db(db, read_only=True) as store:
            count = run_export(store, what, chosen, output_file)
    except DispacciError as error:
        fail(error)
    if output_file and output_file != "-":
        typer.echo(f"{count} {what} → {output_file}", err=True)


def register(app: typer.Typer) -> None:
    app.command(epilog=EPILOG)(export)
