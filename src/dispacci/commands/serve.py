"""`dispacci serve`: the API and the web explorer over a database, on loopback by default."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from .exits import EPILOG, fail, warn
from .options import actors_option, language_option, resources_option

__all__ = ["register", "serve"]


def serve(
    db: str = typer.Option("dispacci.db", "--db", help="Database file (SQLite) or postgresql:// URL."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; 0.0.0.0 exposes it to the network."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="DISPACCI_TOKEN", show_envvar=True,
                                        help="Enable POST /api/ingest for clients sending this token (read-only without)."),
    max_request_bytes: int = typer.Option(2_000_000, "--max-request-bytes", help="Refuse larger request bodies (413)."),
    workers: int = typer.Option(1, "--workers", min=1, help="Server processes, to use several CPU cores."),
    cache_size: int = typer.Option(512, "--cache-size", min=0,
                                   help="Query answers kept while an SQLite file is unchanged (0: none)."),
    analysis_timeout: float = typer.Option(30.0, "--analysis-timeout", min=0.1,
                                           help="Seconds an article's analysis may take before the answer is 503."),
    allowed_host: list[str] = typer.Option([], "--allowed-host", help="Another Host name to answer to (repeatable; "
                                           "localhost, 127.0.0.1, ::1 and --host always are; '*' for any)."),
    language: Optional[str] = language_option(),
    resources: list[Path] = resources_option(),
    actors: list[Path] = actors_option(),
) -> None:
    """Serve the REST API (/api) and the web explorer (/) over a database."""
    import uvicorn

    from ..api.middleware import LOOPBACK_HOSTS
    from ..errors import DispacciError, Errors, StoreError
    from ..options import AnalysisOptions
    from ..serving import create_app

    try:
        options = AnalysisOptions.of(resources=resources, actors=actors, language=language)
    except DispacciError as error:
        fail(error)

    if "://" not in db and not token and not Path(db).exists():
        reason = f"no such file; create it with 'dispacci ingest FOLDER --db {db}'"
        fail(StoreError("E300", Errors.E300.format(reason=reason), source=db))
    hosts = [*LOOPBACK_HOSTS, *([host] if host not in ("0.0.0.0", "::") else []), *allowed_host]
    try:
        app = create_app(db, token=token or None, max_request_bytes=max_request_bytes, cache_size=cache_size,
                         options=options, analysis_seconds=analysis_timeout, allowed_hosts=hosts)
    except DispacciError as error:
        fail(error)
    mode = "read-write (ingest needs the token)" if token else "read-only"
    typer.echo(f"dispacci: serving {db} ({mode}) on http://{host}:{port}/  — API docs at /api/docs", err=True)
    if host in ("0.0.0.0", "::") and not allowed_host:
        warn("only requests naming localhost in Host are answered; add the names clients use with --allowed-host")
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return
    # Each worker process builds its own app from these variables.
    os.environ.update({"DISPACCI_DB": db, "DISPACCI_TOKEN": token or "",
                       "DISPACCI_MAX_REQUEST_BYTES": str(max_request_bytes), "DISPACCI_CACHE_SIZE": str(cache_size),
                       "DISPACCI_SERVE_RESOURCES": os.pathsep.join(options.resources),
                       "DISPACCI_SERVE_ACTORS": os.pathsep.join(options.actors),
                       "DISPACCI_SERVE_LANGUAGE": options.language or "",
                       "DISPACCI_ANALYSIS_SECONDS": str(analysis_timeout), "DISPACCI_ALLOWED_HOSTS": ",".join(hosts)})
    uvicorn.run("dispacci.serving.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)


def register(app: typer.Typer) -> None:
    app.command(epilog=EPILOG)(serve)
