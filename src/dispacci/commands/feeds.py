"""`dispacci watch`: poll RSS/Atom feeds and ingest their new articles."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import typer

from ..errors import DispacciError
from .options import actors_option, language_option, resources_option

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    from .store import _db_option, _fail, _open

    @app.command()
    def watch(
        feeds: list[str] = typer.Argument(..., help="RSS/Atom feed URLs (http/https)."),
        every: str = typer.Option("10m", "--every", help="Time between two polls: 30s, 10m, 1h."),
        db: Optional[str] = _db_option(),
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
            store = _open(db, resources=resources)
        except DispacciError as error:
            _fail(error)
        for feed in feeds:
            if not is_url(feed):
                typer.echo(f"dispacci: [E514] {feed}: only http and https feed URLs can be watched", err=True)
                raise typer.Exit(2)
        sources = Sources(Fetcher(FetchPolicy(allow_private=allow_private)))
        done = 0
        try:
            while True:
                items = list(sources.read(feeds))
                summary = ingest_articles(items, store, options=analysis)
                done += 1
                for source, message in summary.failures:
                    typer.echo(f"failed {message if source in message else f'{source}: {message}'}", err=True)
                typer.echo(f"poll {done}: {summary.stored} stored, {summary.duplicates} duplicate, "
                           f"{summary.failed} failed", err=True)
                if rounds and done >= rounds:
                    break
                time.sleep(seconds)
        except KeyboardInterrupt:
            pass
        finally:
            store.close()
