"""What the corpus verbs share: the ``--db`` option and opening the store it names.

The verbs themselves live one module per job: ``ingest`` (writing), ``query``
(search, events, quotes, actors), ``records`` (show, duplicates, stories) and
``export``.
"""
from __future__ import annotations

import os
from pathlib import Path

import typer

from ..errors import DispacciError
from .exits import fail

__all__ = ["db_option", "open_db"]

_DB_HELP = "Database: an SQLite file or a postgresql:// URL (default dispacci.db, or $DISPACCI_DB)."


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


def _fail(error: DispacciError) -> None:
    fail(error)


# Names other command modules used before the split.
_db_option, _open = db_option, open_db

