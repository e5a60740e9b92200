"""The `dispacci` command: a thin layer over the library.

Every verb lives in ``commands/`` (one module per job) and shares the output
options (``commands/output.py``) and the exit codes (``commands/exits.py``).
"""
from __future__ import annotations

import json
import sys

import typer

from .commands.exits import EPILOG, Exit, warn

__all__ = ["app", "main"]

app = typer.Typer(
    name="dispacci",
    help="Turn news articles into structured, sourced records: datelines, entities, quotes, credits, events.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Kept for scripts that imported them; the table is commands.exits.Exit.
EXIT_OK, EXIT_SOME_FAILED, EXIT_ALL_FAILED = Exit.OK, Exit.PARTIAL, Exit.INPUT


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


@app.command(epilog=EPILOG)
def schema() -> None:
    """Print the JSON Schema of the record."""
    from .record import record_json_schema

    typer.echo(json.dumps(record_json_schema(), indent=1, ensure_ascii=False))


@app.command(epilog=EPILOG)
def version() -> None:
    """Print the version."""
    from . import __version__

    typer.echo(__version__)


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
    except KeyboardInterrupt:
        warn("interrupted")
        sys.exit(Exit.INTERRUPTED)


if __name__ == "__main__":
    main()
