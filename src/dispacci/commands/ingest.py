"""`dispacci ingest`: analyse articles into the store, once each, resumable."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import DispacciError
from .exits import EPILOG, Exit, fail, partial_or_input
from .options import actors_option, annotators_option, db_option, language_option, max_chars_option, open_db, \
    published_option, resources_option

__all__ = ["register", "ingest"]


def ingest(
    paths: list[str] = typer.Argument(..., help="Files or folders of articles (text, HTML, JSONL, CSV)."),
    db: Optional[str] = db_option(),
    workers: int = typer.Option(1, "--workers", "-w", help="Processes analysing articles in parallel."),
    fmt: str = typer.Option("auto", "--format", help="Input format: auto, text, html, jsonl, csv."),
    language: Optional[str] = language_option(),
    published: Optional[str] = published_option(),
    resources: list[Path] = resources_option(),
    actors: list[Path] = actors_option(),
    annotators: Optional[str] = annotators_option(),
    max_chars: int = max_chars_option(),
    batch: int = typer.Option(200, "--batch", help="Articles per transaction."),
    cluster: bool = typer.Option(True, "--cluster/--no-cluster", help="Group duplicates and stories at the end."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Fetch URLs on loopback or private "
                                       "networks too (refused by default: SSRF guard)."),
) -> None:
    """Ingest articles into the store: analyse, store once, skip what is stored already.

    PATHS may also be feed or page URLs (http/https), and --out folders of `dispacci batch`."""
    from rich.console import Console

    from ..corpus import IngestInterrupted
    from ..options import AnalysisOptions
    from ..pipeline import check_published

    console = Console(stderr=True)
    try:  # option values are checked before the database is created
        published = check_published(published)
        analysis = AnalysisOptions.of(annotators=annotators, resources=resources, actors=actors, language=language,
                                      max_chars=max_chars)
        store = open_db(db, resources=resources)
    except DispacciError as error:
        fail(error)
    with _Progress(console, quiet) as show:
        try:
            paths = _ingest_batch_outputs(paths, store, console, cluster=cluster)
            summary = _ingest_sources(paths, store, fmt=fmt, allow_private=allow_private, options=analysis,
                                      workers=workers, published=published, batch_size=batch, cluster=cluster,
                                      progress=show)
        except IngestInterrupted as stop:
            show.stop()
            done = stop.summary
            console.print(f"interrupted: {done.stored} stored, {done.duplicates} skipped as duplicate, "
                          f"{done.failed} failed; run the same command again to resume.", soft_wrap=True)
            store.close()
            raise typer.Exit(Exit.INTERRUPTED)
        except DispacciError as error:
            store.close()
            fail(error)
    store.close()
    _report(console, summary, store.target)
    partial_or_input(done=summary.stored + summary.duplicates, failed=summary.failed)


class _Progress:
    """The progress bar of an ingest; the object entered is the callback `ingest_paths` calls."""

    def __init__(self, console, quiet: bool):
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]:>7.1f} art/s"), TimeElapsedColumn(), TextColumn("ETA"),
                   TimeRemainingColumn(), TextColumn("stored {task.fields[stored]} · duplicate "
                                                     "{task.fields[duplicates]} · failed {task.fields[failed]}"))
        self.bar = Progress(*columns, console=console, disable=quiet, transient=False)

    def __enter__(self):
        self.bar.__enter__()
        self.task = self.bar.add_task("ingest", total=None, rate=0.0, stored=0, duplicates=0, failed=0)
        return self

    def __exit__(self, *exc):
        return self.bar.__exit__(*exc)

    def __call__(self, progress) -> None:
        rate = progress.done / progress.elapsed if progress.elapsed > 0 else 0.0
        self.bar.update(self.task, total=progress.total, completed=progress.done, rate=rate, stored=progress.stored,
                        duplicates=progress.duplicates, failed=progress.failed)

    def stop(self) -> None:
        self.bar.stop()


def _report(console, summary, target) -> None:
    for source, message in summary.failures:
        console.print(f"[red]failed[/red] {message if source in message else f'{source}: {message}'}",
                      highlight=False, markup=True, soft_wrap=True)
    clusters = summary.clusters
    groups, stories_found = clusters.get("duplicate_groups", 0), clusters.get("stories", 0)
    extra = (f"; {groups} near-duplicate group{'s' * (groups != 1)}, {stories_found} "
             f"stor{'ies' if stories_found != 1 else 'y'}" if clusters else "")
    console.print(f"{summary.stored} stored, {summary.duplicates} skipped as duplicate, {summary.failed} failed "
                  f"in {summary.seconds:.1f} s{extra} → {target}", highlight=False, soft_wrap=True)


def _ingest_batch_outputs(paths: list[str], store, console, *, cluster: bool) -> list[str]:
    """Store the records of the `dispacci batch` output folders among ``paths``; the rest is returned."""
    from ..batch import MANIFEST, ingest_output

    rest = []
    for name in paths:
        if (Path(name) / MANIFEST).is_file():
            counts = ingest_output(name, store, cluster=cluster)
            console.print(f"{counts['stored']} stored, {counts['duplicates']} skipped as duplicate from batch "
                          f"output {name}", highlight=False, soft_wrap=True)
        else:
            rest.append(name)
    return rest


def _ingest_sources(paths: list[str], store, *, fmt: str, allow_private: bool, **options):
    """Files and folders as before; feed and page URLs fetched behind the SSRF guard."""
    from ..corpus import IngestSummary, ingest_articles, ingest_paths
    from ..feeds import Fetcher, FetchPolicy, Sources, is_url
    from ..ingest.readers import read_paths

    urls = [p for p in paths if is_url(p)]
    files = [p for p in paths if not is_url(p)]
    if not urls:
        return ingest_paths(files, store, fmt=fmt, **options) if files else IngestSummary()
    sources = Sources(Fetcher(FetchPolicy(allow_private=allow_private)))
    items = [*read_paths(files, fmt=fmt, max_chars=options["options"].max_chars), *sources.read(urls)]
    return ingest_articles(items, store, **options)


def register(app: typer.Typer) -> None:
    app.command(epilog=EPILOG)(ingest)
