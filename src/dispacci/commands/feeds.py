"""`dispacci watch`: poll RSS/Atom feeds and ingest their new articles."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import typer

from ..errors import ConfigError, DispacciError, Errors
from .exits import EPILOG, fail, warn
from .options import actors_option, db_option, language_option, open_db, resources_option

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command(epilog=EPILOG)
    def watch(
        feeds: list[str] = typer.Argument(..., help="RSS/Atom feed URLs (http/https)."),
        every: str = typer.Option("10m", "--every", help="Time between two polls: 30s, 10m, 1h."),
        db: Optional[str] = db_option(),
        rounds: int = typer.Option(0, "--rounds", help="Stop after this many polls (0: until interrupted)."),
        allow_private: bool = typer.Option(False, "--allow-private", help="Fetch feeds on loopback or private "
                                           "networks too (refused by default: SSRF guard)."),
        language: Optional[str] = language_option(),
        resources: list[Path] = resources_option(),
        actors: list[Path] = actors_option(),
    ) -> None:
        """Poll feeds and ingest each new article once (conditional GET, robots.txt, per-host delay)."""
        from ..feeds import Fetcher, FetchPolicy, Sources, is_url, parse_every
        from ..corpus import ingest_articles
        from ..options import AnalysisOptions

        try:
            analysis = AnalysisOptions.of(resources=resources, actors=actors, language=language)
            seconds = parse_every(every)
            for feed in feeds:
                if not is_url(feed):
                    raise ConfigError("E514", Errors.E514.format(scheme=feed.split(":", 1)[0] if ":" in feed
                                                                 else feed), source=feed)
            store = open_db(db, resources=resources)
        except DispacciError as error:
            fail(error)
        sources = Sources(Fetcher(FetchPolicy(allow_private=allow_private)))
        done = 0
        try:
            while True:
                items = list(sources.read(feeds))
                summary = ingest_articles(items, store, options=analysis)
                done += 1
                for source, message in summary.failures:
                    warn(f"failed {message if source in message else f'{source}: {message}'}")
                warn(f"poll {done}: {summary.stored} stored, {summary.duplicates} duplicate, {summary.failed} failed")
                if rounds and done >= rounds:
                    break
                time.sleep(seconds)
        except KeyboardInterrupt:
            pass
        finally:
            store.close()
