"""`dispacci batch`: analyse many articles on a Dask cluster or in this process, to Parquet."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import DispacciError
from .exits import EPILOG, fail, partial_or_input
from .options import actors_option, annotators_option, language_option, max_chars_option, published_option, \
    resources_option

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command(epilog=EPILOG)
    def batch(
        inputs: list[str] = typer.Argument(..., help="Files or folders: text, HTML, JSONL, CSV, WARC(.gz), Parquet."),
        out: Path = typer.Option(..., "--out", "-o", help="Folder for the Parquet tables and manifest.json."),
        engine: str = typer.Option("local", "--engine", help="local (this process) or dask."),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a running Dask scheduler, "
                                                "e.g. tcp://10.0.0.5:8786 (default: a local cluster)."),
        workers: int = typer.Option(1, "--workers", "-w", help="Worker processes of the local Dask cluster."),
        shard_size: int = typer.Option(500, "--shard-size", help="Articles per shard (the unit of resuming)."),
        fmt: str = typer.Option("auto", "--format", help="Input format: auto, text, html, jsonl, csv."),
        language: Optional[str] = language_option(),
        published: Optional[str] = published_option(),
        resources: list[Path] = resources_option(),
        actors: list[Path] = actors_option(),
        annotators: Optional[str] = annotators_option(),
        max_chars: int = max_chars_option(),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    ) -> None:
        """Analyse articles in shards into Parquet tables (records, entities, quotes, events, credits)."""
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        from ..batch import run_batch
        from ..options import AnalysisOptions
        from ..pipeline import check_published

        console = Console(stderr=True)
        try:
            options = AnalysisOptions.of(annotators=annotators, resources=resources, actors=actors, language=language,
                                         max_chars=max_chars)
            published = check_published(published)
            columns = (TextColumn("[bold]batch"), BarColumn(), TextColumn("{task.fields[shards]} shards · "
                       "{task.fields[records]} records · {task.fields[failed]} failed"), TimeElapsedColumn())
            with Progress(*columns, console=console, disable=quiet) as bar:
                task = bar.add_task("batch", total=None, shards=0, records=0, failed=0)
                summary = run_batch(inputs, out, engine=engine, scheduler=scheduler, workers=workers,
                                    shard_size=shard_size, options=options, published=published, fmt=fmt,
                                    progress=lambda s: bar.update(task, shards=s.shards, records=s.records,
                                                                  failed=s.failed))
        except DispacciError as error:
            fail(error)
        for source, message in summary.failures:
            console.print(f"[red]failed[/red] {message if source in message else f'{source}: {message}'}",
                          highlight=False, soft_wrap=True)
        resumed = f" ({summary.skipped} done before, skipped)" if summary.skipped else ""
        console.print(f"{summary.records} records from {summary.articles} articles in {summary.shards} shards"
                      f"{resumed}, {summary.failed} failed, in {summary.seconds:.1f} s → {summary.out}",
                      highlight=False, soft_wrap=True)
        partial_or_input(done=summary.records + summary.skipped, failed=summary.failed)
