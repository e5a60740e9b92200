"""The options verbs share, declared once: the analysis options of every verb that
analyses articles, and ``--db`` with the store it opens for every corpus verb."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from ..ingest.decode import DEFAULT_MAX_CHARS

__all__ = ["language_option", "resources_option", "actors_option", "annotators_option", "max_chars_option",
           "published_option", "db_option", "open_db"]

_DB_HELP = "Database: an SQLite file or a postgresql:// URL (default dispacci.db, or $DISPACCI_DB)."


def language_option() -> Optional[str]:
    return typer.Option(None, "--language", "-l", help="Force the language (ISO 639-1).")


def resources_option() -> list[Path]:
    return typer.Option([], "--resources", help="Folder with your own data files (repeatable).")


def actors_option() -> list[Path]:
    return typer.Option([], "--actors", help="YAML/JSON file of your own actors (repeatable).")


def annotators_option() -> Optional[str]:
    return typer.Option(None, "--annotators", help="Comma-separated annotators to run "
                        "(default all), e.g. dispacci_sentences,dispacci_dateline.")


def max_chars_option() -> int:
    return typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=1,
                        help="Refuse articles longer than this (each article of a JSONL/CSV file).")


def published_option() -> Optional[str]:
    return typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for every input.")


def db_option():
    return typer.Option(None, "--db", help=_DB_HELP, envvar="DISPACCI_DB", show_envvar=True)


def open_db(db: str | None, *, read_only: bool = False, resources=()):
    """The store ``--db`` names; a read-only verb refuses a file that does not exist yet."""
    from ..errors import Errors, StoreError
    from ..store import DEFAULT_DB, open_store

    target = db or os.environ.get("DISPACCI_DB") or DEFAULT_DB
    if read_only and not target.startswith(("postgresql://", "postgres://")) and not Path(target).exists():
        raise StoreError("E300", Errors.E300.format(reason="no such file; create it with `dispacci ingest PATH --db "
                                                           f"{target}`"), source=target)
    return open_store(target, read_only=read_only, resources=[str(r) for r in resources])
