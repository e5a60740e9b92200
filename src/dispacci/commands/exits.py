"""Exit codes: one meaning each, the same in every verb.

A script can tell from the code alone what happened, whichever verb it ran.
The table is written once here; `--help` (the epilog of every verb) and
docs/cli.md show it, and a test keeps the three in step.
"""
from __future__ import annotations

from enum import IntEnum
from typing import NoReturn

import typer

from ..errors import ConfigError, DispacciError, InputError, NotFoundError, ResourceError, StoreError

__all__ = ["Exit", "EXIT_TABLE", "EPILOG", "code_of", "fail", "warn", "partial_or_input", "usage_error"]


class Exit(IntEnum):
    OK = 0
    PARTIAL = 1
    USAGE = 2
    INPUT = 3
    RESOURCE = 4
    STORE = 5
    NOT_FOUND = 6
    INTERRUPTED = 130


EXIT_TABLE: tuple[tuple[Exit, str], ...] = (
    (Exit.OK, "done: every input analysed or stored, the query found something"),
    (Exit.PARTIAL, "some inputs failed (one line each on stderr); the others were done"),
    (Exit.USAGE, "the command line is wrong: unknown option, missing argument, invalid option value"),
    (Exit.INPUT, "no input could be read or analysed"),
    (Exit.RESOURCE, "a data file, actor file or model is missing or does not validate"),
    (Exit.STORE, "the database cannot be opened, read or written"),
    (Exit.NOT_FOUND, "the query matched nothing, or no record has the id given"),
    (Exit.INTERRUPTED, "interrupted (Ctrl-C); run the same command again to resume"),
)

# Typer keeps an epilog's line breaks only between paragraphs.
EPILOG = "Exit codes:\n\n" + "\n\n".join(f"{int(code)} {meaning}." for code, meaning in EXIT_TABLE)

_BY_CLASS: tuple[tuple[type[DispacciError], Exit], ...] = (
    (NotFoundError, Exit.NOT_FOUND),
    (ConfigError, Exit.USAGE),
    (InputError, Exit.INPUT),
    (ResourceError, Exit.RESOURCE),
    (StoreError, Exit.STORE),
)


def code_of(error: DispacciError) -> Exit:
    """The exit code a user error ends a verb with."""
    for kind, code in _BY_CLASS:
        if isinstance(error, kind):
            return code
    return Exit.USAGE


def usage_error(message: str, *, hint: str | None = None) -> Exception:
    """An error in the command line itself, to raise: Typer prints it under the usage, exit USAGE."""
    return typer.BadParameter(message, param_hint=hint)


def warn(message: str) -> None:
    """One line on stderr, prefixed like every dispacci message."""
    typer.echo(f"dispacci: {message}", err=True)


def fail(error: DispacciError) -> NoReturn:
    """Report ``error`` in one line and end the verb with its exit code."""
    warn(error.one_line())
    raise typer.Exit(code_of(error))


def partial_or_input(*, done: int, failed: int) -> None:
    """End a verb that read many inputs: PARTIAL if some were done, INPUT if none was."""
    if failed:
        raise typer.Exit(Exit.PARTIAL if done else Exit.INPUT)
