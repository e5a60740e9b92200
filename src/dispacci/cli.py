"""The `dispacci` command: a thin layer over the library.

Exit codes: 0 all inputs analysed; 1 some inputs failed (reported on stderr,
the rest processed); 2 bad usage or no input could be analysed at all.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .commands.options import actors_option, language_option, resources_option
from .errors import DispacciError

__all__ = ["app", "main"]

app = typer.Typer(
    name="dispacci",
    help="Turn news articles into structured, sourced records: datelines, entities, quotes, credits, events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_SOME_FAILED, EXIT_ALL_FAILED = 0, 1, 2


def _fail(message: str) -> None:
    typer.echo(f"dispacci: {message}", err=True)


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files or folders to analyse; '-' reads standard input."),
    as_json: bool = typer.Option(False, "--json", help="Print the record as indented JSON (one article)."),
    as_jsonl: bool = typer.Option(False, "--jsonl", help="Print one JSON record per line."),
    fmt: str = typer.Option("auto", "--format", help="Input format: auto, text, html, jsonl, csv."),
    language: Optional[str] = language_option(),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for every input."),
    resources: list[Path] = resources_option(),
    max_chars: int = typer.Option(5_000_000, "--max-chars", help="Refuse articles longer than this."),
    actors: list[Path] = actors_option(),
) -> None:
    """Analyse articles and print their records (a readable summary by default)."""
    from .ingest.readers import read_paths
    from .options import AnalysisOptions
    from .pipeline import check_published

    try:
        published = check_published(published)
        pipeline = AnalysisOptions.of(resources=resources, actors=actors, language=language,
                                      max_chars=max_chars).pipeline()
        items = read_paths(paths, fmt=fmt, max_chars=max_chars)
        done = failed = 0
        for item in items:
            if isinstance(item, DispacciError):
                _fail(item.one_line())
                failed += 1
                continue
            if published:
                item.published = published
            try:
                record = pipeline.analyze_article(item)
            except DispacciError as error:
                _fail(error.one_line())
                failed += 1
                continue
            done += 1
            _emit(record, as_json=as_json, as_jsonl=as_jsonl)
    except DispacciError as error:
        _fail(error.one_line())
        raise typer.Exit(EXIT_ALL_FAILED)
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED if done else EXIT_ALL_FAILED)
    if not done:
        _fail("no article found in the given paths")
        raise typer.Exit(EXIT_ALL_FAILED)


def _emit(record, *, as_json: bool, as_jsonl: bool) -> None:
    if as_jsonl:
        sys.stdout.write(record.to_json() + "\n")
    elif as_json:
        sys.stdout.write(record.to_json(indent=1) + "\n")
    else:
        from .summary import print_summary

        print_summary(record)
    sys.stdout.flush()


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record."""
    from .record import record_json_schema

    typer.echo(json.dumps(record_json_schema(), indent=1, ensure_ascii=False))


@app.command()
def version() -> None:
    """Print the version."""
    from . import __version__

    typer.echo(__version__)


def _register_commands() -> None:
    import importlib

    from .commands import COMMAND_MODULES

    for module in COMMAND_MODULES:
        try:
            loaded = importlib.import_module(f"{__package__}.commands.{module}")
        except ModuleNotFoundError as error:
            if error.name != f"{__package__}.commands.{module}":
                raise
            continue
        loaded.register(app)


_register_commands()


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
    except KeyboardInterrupt:
        _fail("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
