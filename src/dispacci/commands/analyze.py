"""`dispacci analyze`: print the record of each article, as a summary or as JSON."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import DispacciError
from .exits import EPILOG, Exit, fail, partial_or_input, warn
from .options import actors_option, language_option, max_chars_option, published_option, resources_option
from .output import Output, output_options

__all__ = ["register", "analyze"]


@output_options(csv=False)
def analyze(
    paths: list[str] = typer.Argument(..., help="Files or folders to analyse; '-' reads standard input."),
    fmt: str = typer.Option("auto", "--format", help="Input format: auto, text, html, jsonl, csv."),
    language: Optional[str] = language_option(),
    published: Optional[str] = published_option(),
    resources: list[Path] = resources_option(),
    max_chars: int = max_chars_option(),
    actors: list[Path] = actors_option(),
    output: Output = Output(),
) -> None:
    """Analyse articles and print their records (a readable summary by default).

    --json prints a JSON array of the records, --nl one record per line."""
    from ..ingest.readers import read_paths
    from ..options import AnalysisOptions
    from ..pipeline import check_published
    from ..summary import print_summary

    done = failed = 0
    try:
        published = check_published(published)
        pipeline = AnalysisOptions.of(resources=resources, actors=actors, language=language,
                                      max_chars=max_chars).pipeline()
        items = read_paths(paths, fmt=fmt, max_chars=max_chars)
        with output.stream(table=print_summary, indent=1) as write:
            for item in items:
                if isinstance(item, DispacciError):
                    warn(item.one_line())
                    failed += 1
                    continue
                if published:
                    item.published = published
                try:
                    record = pipeline.analyze_article(item)
                except DispacciError as error:
                    warn(error.one_line())
                    failed += 1
                    continue
                done += 1
                write(record)
    except DispacciError as error:
        fail(error)
    partial_or_input(done=done, failed=failed)
    if not done:
        warn("no article found in the given paths")
        raise typer.Exit(Exit.INPUT)


def register(app: typer.Typer) -> None:
    app.command(epilog=EPILOG)(analyze)
