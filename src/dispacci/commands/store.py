"""Corpus verbs: ingest articles into a store, then search, query and export it.

Query verbs print a table by default, JSON Lines with ``--json`` and CSV with
``--csv``. Exit codes: 0 results found (or all stored); 1 nothing matched (or
some inputs failed to ingest); 2 no input could be ingested; 4 a bad option;
5 a database that cannot be opened or written; 130 interrupted.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from ..errors import DispacciError
from ..ingest.decode import DEFAULT_MAX_CHARS
from .options import actors_option, annotators_option, language_option, resources_option

__all__ = ["register"]

EXIT_OK, EXIT_NONE, EXIT_ALL_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 130

_DB_HELP = "Database: an SQLite file or a postgresql:// URL (default dispacci.db, or $DISPACCI_DB)."


def _db_option():
    return typer.Option(None, "--db", help=_DB_HELP, envvar="DISPACCI_DB", show_envvar=True)


def _open(db: str | None, *, read_only: bool = False, resources=()):
    from ..store import DEFAULT_DB, open_store

    target = db or os.environ.get("DISPACCI_DB") or DEFAULT_DB
    if read_only and not target.startswith(("postgresql://", "postgres://")) and not Path(target).exists():
        from ..errors import Errors, StoreError

        raise StoreError("E300", Errors.E300.format(reason="no such file; create it with `dispacci ingest PATH --db "
                                                           f"{target}`"), source=target)
    return open_store(target, read_only=read_only, resources=[str(r) for r in resources])


def _fail(error: DispacciError) -> None:
    typer.echo(f"dispacci: {error.one_line()}", err=True)
    raise typer.Exit(error.exit_code)


def _emit(rows: list[dict], *, as_json: bool, as_csv: bool, columns: list[tuple[str, str]], title: str) -> None:
    """Print ``rows``: JSONL, CSV (every field), or a table of ``columns`` (key, heading)."""
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif as_csv:
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict))
                                 else int(v) if isinstance(v, bool) else v for k, v in row.items()})
    else:
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        table = Table(title=title, title_justify="left", show_lines=False)
        for _, heading in columns:
            table.add_column(heading, overflow="fold")
        for row in rows:
            table.add_row(*("" if row.get(key) is None else escape(str(row.get(key))) for key, _ in columns))
        Console().print(table)
    sys.stdout.flush()
    if not rows:
        raise typer.Exit(EXIT_NONE)


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
    from ..feeds import Fetcher, FetchPolicy, Sources, is_url
    from ..ingest.readers import read_paths
    from ..corpus import IngestSummary, ingest_articles, ingest_paths

    urls = [p for p in paths if is_url(p)]
    files = [p for p in paths if not is_url(p)]
    if not urls:
        return ingest_paths(files, store, fmt=fmt, **options) if files else IngestSummary()
    sources = Sources(Fetcher(FetchPolicy(allow_private=allow_private)))
    items = [*read_paths(files, fmt=fmt, max_chars=options["options"].max_chars), *sources.read(urls)]
    return ingest_articles(items, store, **options)


def register(app: typer.Typer) -> None:
    """Add the corpus verbs to the ``dispacci`` command."""

    @app.command()
    def ingest(
        paths: list[str] = typer.Argument(..., help="Files or folders of articles (text, HTML, JSONL, CSV)."),
        db: Optional[str] = _db_option(),
        workers: int = typer.Option(1, "--workers", "-w", help="Processes analysing articles in parallel."),
        fmt: str = typer.Option("auto", "--format", help="Input format: auto, text, html, jsonl, csv."),
        language: Optional[str] = language_option(),
        published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for every input."),
        resources: list[Path] = resources_option(),
        actors: list[Path] = actors_option(),
        annotators: Optional[str] = annotators_option(),
        max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=1,
                                      help="Refuse articles longer than this (each article of a JSONL/CSV file)."),
        batch: int = typer.Option(200, "--batch", help="Articles per transaction."),
        cluster: bool = typer.Option(True, "--cluster/--no-cluster", help="Group duplicates and stories at the end."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
        allow_private: bool = typer.Option(False, "--allow-private", help="Fetch URLs on loopback or private "
                                           "networks too (refused by default: SSRF guard)."),
    ) -> None:
        """Ingest articles into the store: analyse, store once, skip what is stored already.

        PATHS may also be feed or page URLs (http/https), and --out folders of `dispacci batch`."""
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        from ..corpus import IngestInterrupted
        from ..options import AnalysisOptions

        from ..pipeline import check_published

        console = Console(stderr=True)
        try:
            published = check_published(published)
            analysis = AnalysisOptions.of(annotators=annotators, resources=resources, actors=actors,
                                          language=language, max_chars=max_chars)
            store = _open(db, resources=resources)
        except DispacciError as error:
            _fail(error)
        columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]:>7.1f} art/s"), TimeElapsedColumn(), TextColumn("ETA"),
                   TimeRemainingColumn(), TextColumn("stored {task.fields[stored]} · duplicate "
                                                     "{task.fields[duplicates]} · failed {task.fields[failed]}"))
        with Progress(*columns, console=console, disable=quiet, transient=False) as bar:
            task = bar.add_task("ingest", total=None, rate=0.0, stored=0, duplicates=0, failed=0)

            def show(progress) -> None:
                rate = progress.done / progress.elapsed if progress.elapsed > 0 else 0.0
                bar.update(task, total=progress.total, completed=progress.done, rate=rate, stored=progress.stored,
                           duplicates=progress.duplicates, failed=progress.failed)

            try:
                paths = _ingest_batch_outputs(paths, store, console, cluster=cluster)
                summary = _ingest_sources(paths, store, fmt=fmt, allow_private=allow_private, options=analysis,
                                          workers=workers, published=published, batch_size=batch,
                                          cluster=cluster, progress=show)
            except IngestInterrupted as stop:
                bar.stop()
                done = stop.summary
                console.print(f"interrupted: {done.stored} stored, {done.duplicates} skipped as duplicate, "
                              f"{done.failed} failed; run the same command again to resume.", soft_wrap=True)
                store.close()
                raise typer.Exit(EXIT_INTERRUPTED)
            except DispacciError as error:
                store.close()
                _fail(error)
        store.close()
        for source, message in summary.failures:
            console.print(f"[red]failed[/red] {message if source in message else f'{source}: {message}'}",
                          highlight=False, markup=True, soft_wrap=True)
        clusters = summary.clusters
        groups, stories_found = clusters.get("duplicate_groups", 0), clusters.get("stories", 0)
        extra = (f"; {groups} near-duplicate group{'s' * (groups != 1)}, {stories_found} "
                 f"stor{'ies' if stories_found != 1 else 'y'}" if clusters else "")
        console.print(f"{summary.stored} stored, {summary.duplicates} skipped as duplicate, {summary.failed} failed "
                      f"in {summary.seconds:.1f} s{extra} → {store.target}", highlight=False, soft_wrap=True)
        if summary.failed:
            raise typer.Exit(EXIT_ALL_FAILED if not (summary.stored or summary.duplicates) else 1)

    @app.command()
    def search(
        query: str = typer.Argument(..., help='Words to find in titles and texts, e.g. "telefonata Putin".'),
        db: Optional[str] = _db_option(),
        lang: Optional[str] = typer.Option(None, "--lang", help="Only this language (ISO 639-1)."),
        since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
        until: Optional[str] = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
        outlet: Optional[str] = typer.Option(None, "--outlet", help="Only outlets whose name contains this."),
        limit: int = typer.Option(20, "--limit", "-n"), offset: int = typer.Option(0, "--offset"),
        as_json: bool = typer.Option(False, "--json", help="JSON Lines."),
        as_csv: bool = typer.Option(False, "--csv", help="CSV."),
    ) -> None:
        """Search the stored articles' titles and texts (full-text, best first)."""
        try:
            with _open(db, read_only=True) as store:
                rows = store.search(query, lang=lang, since=since, until=until, outlet=outlet, limit=limit, offset=offset)
        except DispacciError as error:
            _fail(error)
        _emit(rows, as_json=as_json, as_csv=as_csv, title=f"search: {query}", columns=[
            ("id", "id"), ("date", "date"), ("language", "lang"), ("outlet", "outlet"), ("title", "title"),
            ("snippet", "snippet")])

    @app.command()
    def events(
        db: Optional[str] = _db_option(),
        actor: Optional[str] = typer.Option(None, "--actor", help="An actor's id or name (either side)."),
        country: Optional[str] = typer.Option(None, "--country", help="ISO country code (either side)."),
        code: Optional[str] = typer.Option(None, "--code", help="CAMEO code or prefix: 04, 041."),
        plover: Optional[str] = typer.Option(None, "--plover", help="PLOVER category, e.g. CONSULT."),
        since: Optional[str] = typer.Option(None, "--since"), until: Optional[str] = typer.Option(None, "--until"),
        limit: int = typer.Option(50, "--limit", "-n"), offset: int = typer.Option(0, "--offset"),
        as_json: bool = typer.Option(False, "--json"), as_csv: bool = typer.Option(False, "--csv"),
        unique: bool = typer.Option(False, "--unique", help="One row per real-world event, however many articles "
                                    "report it, with its mentions, outlets and languages."),
    ) -> None:
        """List the events the stored articles report, newest first."""
        try:
            with _open(db, read_only=True) as store:
                query = store.unique_events if unique else store.events
                rows = query(actor=actor, country=country, code=code, plover=plover, since=since,
                             until=until, limit=limit, offset=offset)
        except DispacciError as error:
            _fail(error)
        if unique:
            rows = [{**row, "source_name": row["source"]["name"], "target_name": (row["target"] or {}).get("name"),
                     "reports": len(row["mentions"]), "languages": ",".join(row["languages"]),
                     "first": row["first_report"]["outlet"] or row["first_report"]["record_id"]} for row in rows]
            _emit(rows, as_json=as_json, as_csv=as_csv, title="unique events", columns=[
                ("date", "date"), ("source_name", "source"), ("cameo", "CAMEO"), ("plover", "PLOVER"),
                ("target_name", "target"), ("reports", "reports"), ("languages", "languages"), ("first", "first report")])
            return
        _emit(rows, as_json=as_json, as_csv=as_csv, title="events", columns=[
            ("date", "date"), ("source_name", "source"), ("cameo", "CAMEO"), ("plover", "PLOVER"),
            ("target_name", "target"), ("evidence", "evidence"), ("record_id", "record")])

    @app.command()
    def quotes(
        db: Optional[str] = _db_option(),
        speaker: Optional[str] = typer.Option(None, "--speaker", help="A speaker's name or actor id."),
        record: Optional[str] = typer.Option(None, "--record", help="Only quotes of this record id."),
        limit: int = typer.Option(50, "--limit", "-n"), offset: int = typer.Option(0, "--offset"),
        as_json: bool = typer.Option(False, "--json"), as_csv: bool = typer.Option(False, "--csv"),
    ) -> None:
        """List quotes with their speakers, newest first."""
        try:
            with _open(db, read_only=True) as store:
                rows = store.quotes(speaker=speaker, record_id=record, limit=limit, offset=offset)
        except DispacciError as error:
            _fail(error)
        _emit(rows, as_json=as_json, as_csv=as_csv, title="quotes", columns=[
            ("date", "date"), ("speaker", "speaker"), ("text", "quote"), ("record_id", "record")])

    @app.command()
    def actors(
        db: Optional[str] = _db_option(),
        top: int = typer.Option(30, "--top", help="How many, most mentioned first."),
        kind: Optional[str] = typer.Option(None, "--kind", help="person, organization, country or location."),
        as_json: bool = typer.Option(False, "--json"), as_csv: bool = typer.Option(False, "--csv"),
    ) -> None:
        """List the actors the stored articles mention most."""
        try:
            with _open(db, read_only=True) as store:
                rows = store.actors(top=top, kind=kind)
        except DispacciError as error:
            _fail(error)
        _emit(rows, as_json=as_json, as_csv=as_csv, title="actors", columns=[
            ("actor", "actor"), ("canonical", "name"), ("kind", "kind"), ("country", "country"),
            ("mentions", "mentions"), ("records", "records")])

    @app.command()
    def show(
        record_id: str = typer.Argument(..., help="A record id (or its first characters)."),
        db: Optional[str] = _db_option(),
        as_json: bool = typer.Option(False, "--json", help="The whole record as JSON."),
    ) -> None:
        """Show one stored record."""
        from ..errors import ConfigError, Errors

        try:
            with _open(db, read_only=True) as store:
                record = store.get(record_id)
                if record is None:
                    matches = store.find_ids(record_id)
                    record = store.get(matches[0]) if len(matches) == 1 else None
                if record is None:
                    raise ConfigError("E315", Errors.E315.format(value=record_id))
                links = store.links(record.id)
        except DispacciError as error:
            _fail(error)
        if as_json:
            sys.stdout.write(record.to_json(indent=1) + "\n")
            return
        from ..summary import print_summary

        print_summary(record)
        if links["group"]:
            earliest = "this record" if links["earliest"] == record.id else links["earliest"]
            typer.echo(f"Near-duplicates  group {links['group']}, earliest copy {earliest}; "
                       f"copies: {', '.join(links['copies'])}")
        if links["story"]:
            typer.echo(f"Story            {links['story']}; other reports: {', '.join(links['story_members'])}")

    @app.command()
    def duplicates(
        db: Optional[str] = _db_option(),
        limit: int = typer.Option(50, "--limit", "-n"),
        refresh: bool = typer.Option(False, "--refresh", help="Regroup now (also done after each ingest)."),
        as_json: bool = typer.Option(False, "--json"), as_csv: bool = typer.Option(False, "--csv"),
    ) -> None:
        """List groups of near-duplicate articles (reprints, edited copies), earliest copy first."""
        try:
            with _open(db, read_only=not refresh) as store:
                if refresh:
                    store.cluster(stories=False)
                groups = store.duplicates(limit=limit)
        except DispacciError as error:
            _fail(error)
        rows = [{"group": g["group"], "earliest": g["earliest"], **m} for g in groups for m in g["members"]]
        if as_json:
            groups and sys.stdout.write("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in groups))
            raise typer.Exit(EXIT_OK if groups else EXIT_NONE)
        _emit(rows, as_json=False, as_csv=as_csv, title="near-duplicate groups", columns=[
            ("group", "group"), ("id", "id"), ("published", "published"), ("outlet", "outlet"),
            ("similarity", "Jaccard"), ("containment", "contained"), ("title", "title")])

    @app.command()
    def stories(
        db: Optional[str] = _db_option(),
        limit: int = typer.Option(50, "--limit", "-n"),
        refresh: bool = typer.Option(False, "--refresh", help="Relink now (also done after each ingest)."),
        as_json: bool = typer.Option(False, "--json"), as_csv: bool = typer.Option(False, "--csv"),
    ) -> None:
        """List stories: reports of the same event across languages and outlets."""
        try:
            with _open(db, read_only=not refresh) as store:
                if refresh:
                    store.cluster()
                found = store.stories(limit=limit)
        except DispacciError as error:
            _fail(error)
        if as_json:
            found and sys.stdout.write("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in found))
            raise typer.Exit(EXIT_OK if found else EXIT_NONE)
        rows = [{"story": s["story"], "key": s["key"], "first_seen": s["first_seen"], **m}
                for s in found for m in s["members"]]
        _emit(rows, as_json=False, as_csv=as_csv, title="stories", columns=[
            ("story", "story"), ("key", "linked by"), ("id", "id"), ("language", "lang"), ("outlet", "outlet"),
            ("published", "published"), ("title", "title")])

    @app.command()
    def export(
        db: Optional[str] = _db_option(),
        what: str = typer.Option("records", "--what", help="records, events, quotes or entities."),
        fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv or parquet."),
        output: Optional[str] = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
    ) -> None:
        """Export the store's records, events, quotes or entities."""
        from ..store.export import export as run_export

        try:
            with _open(db, read_only=True) as store:
                count = run_export(store, what, fmt, output)
        except DispacciError as error:
            _fail(error)
        if output and output != "-":
            typer.echo(f"{count} {what} → {output}", err=True)
