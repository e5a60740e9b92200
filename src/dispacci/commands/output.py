"""The output options, written once and used by every verb that prints data (sqlite-utils style).

``@output_options()`` adds to a verb:

- ``--json``: one JSON document; a JSON array of the items for verbs that list
  things (``[]`` when there are none), the object itself for verbs that show one
  thing (``show``, ``evaluate``);
- ``--nl`` (alias ``--jsonl``): newline-delimited JSON, one item per line;
- ``--csv``: a header and one row per item (verbs whose items are rows);
- nothing: the human table or text.

The verb receives an ``Output`` in its ``output`` parameter and hands it what
it found: ``output.rows(...)`` for a list of rows, ``output.stream(...)`` for
items written as they come (records of ``analyze``), ``output.document(...)``
for one object.
"""
from __future__ import annotations

import csv
import functools
import inspect
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import typer

from .exits import Exit, usage_error

__all__ = ["Output", "output_options", "FORMATS"]

FORMATS = ("table", "json", "nl", "csv")

_FLAGS = {
    "json": ("--json", "Print a JSON array of the items."),
    "nl": ("--nl", "Print newline-delimited JSON, one object per line (alias --jsonl)."),
    "csv": ("--csv", "Print CSV: a header, then one row per item."),
}
_PARAMS = {"json": "output_json", "nl": "output_nl", "csv": "output_csv"}


def output_options(*, csv: bool = True, one: bool = False) -> Callable[[Callable], Callable]:
    """Give a verb the output option set; it receives ``output: Output``.

    ``csv=False`` for verbs whose items are nested documents (records), not rows;
    ``one=True`` for verbs that show one thing, whose ``--json`` is that object."""
    formats = ("json", "nl", "csv") if csv else ("json", "nl")
    helps = {**{name: text for name, (_, text) in _FLAGS.items()},
             **({"json": "Print it as one JSON object.", "nl": "Print it as one line of JSON (alias --jsonl)."}
                if one else {})}

    def decorate(verb: Callable) -> Callable:
        signature = inspect.signature(verb, eval_str=True)
        if "output" not in signature.parameters:
            raise TypeError(f"{verb.__name__} needs an 'output' parameter to use @output_options")
        options = [inspect.Parameter(_PARAMS[name], inspect.Parameter.KEYWORD_ONLY, annotation=bool,
                                     default=typer.Option(False, *_names(name), help=helps[name]))
                   for name in formats]
        kept = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) if p.kind == p.VAR_POSITIONAL else p
                for name, p in signature.parameters.items() if name != "output"]

        @functools.wraps(verb)
        def wrapper(*args, **kwargs):
            chosen = [name for name in formats if kwargs.pop(_PARAMS[name], False)]
            if len(chosen) > 1:
                raise usage_error(f"give one of {', '.join(_FLAGS[n][0] for n in chosen)}, not several")
            return verb(*args, output=Output(chosen[0] if chosen else "table"), **kwargs)

        wrapper.__signature__ = signature.replace(parameters=[*kept, *options])
        wrapper.__annotations__ = {**{p.name: p.annotation for p in kept}, **{p.name: bool for p in options}}
        return wrapper

    return decorate


def _names(name: str) -> tuple[str, ...]:
    return ("--nl", "--jsonl") if name == "nl" else (_FLAGS[name][0],)


def _json(item: Any, indent: int | None) -> str:
    if hasattr(item, "to_json"):
        return item.to_json(indent=indent)
    return json.dumps(item, ensure_ascii=False, indent=indent)


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return int(value) if isinstance(value, bool) else value


@dataclass(frozen=True)
class Output:
    """Where a verb's findings go, in the format the user chose."""

    format: str = "table"

    def rows(self, rows: list[dict], *, columns: list[tuple[str, str]], title: str, json_items: list | None = None,
             indent: int | None = None) -> None:
        """Print ``rows``; the table shows ``columns`` (key, heading), CSV every field.

        ``json_items`` replaces the rows in JSON (nested groups where the table flattens them).
        Ends with NOT_FOUND when there is nothing to print."""
        items = rows if json_items is None else json_items
        if self.format in ("json", "nl"):
            with self.stream(indent=indent) as write:
                for item in items:
                    write(item)
        elif self.format == "csv":
            self._csv(rows)
        else:
            _table(rows, columns=columns, title=title)
        sys.stdout.flush()
        if not items:
            raise typer.Exit(Exit.NOT_FOUND)

    @contextmanager
    def stream(self, *, table: Callable[[Any], None] | None = None, indent: int | None = None,
               ) -> Iterator[Callable[[Any], None]]:
        """A writer for items that come one by one; JSON arrays are opened and closed around them."""
        count = 0

        def write(item: Any) -> None:
            nonlocal count
            if self.format == "json":
                sys.stdout.write(("[\n" if count == 0 else ",\n") + _json(item, indent))
            elif self.format == "nl":
                sys.stdout.write(_json(item, None) + "\n")
            elif self.format == "csv":
                raise usage_error("this verb's items are documents, not rows: use --json or --nl", hint="--csv")
            elif table is not None:
                table(item)
            count += 1
            sys.stdout.flush()

        try:
            yield write
        finally:
            if self.format == "json":
                sys.stdout.write("\n]\n" if count else "[]\n")
                sys.stdout.flush()

    def document(self, item: Any, *, text: Callable[[Any], None], rows: Iterable[dict] = (),
                 indent: int | None = 1) -> None:
        """Print one object: as JSON, as one line, as CSV ``rows`` of its parts, or as ``text``."""
        if self.format == "json":
            sys.stdout.write(_json(item, indent) + "\n")
        elif self.format == "nl":
            sys.stdout.write(_json(item, None) + "\n")
        elif self.format == "csv":
            self._csv(list(rows))
        else:
            text(item)
        sys.stdout.flush()

    @staticmethod
    def _csv(rows: list[dict]) -> None:
        if not rows:
            return
        fields = list(dict.fromkeys(key for row in rows for key in row))
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _cell(value) for key, value in row.items()})


def _one_line(value) -> str:
    """A value on one line of a table: a quote broken over lines in the article is one line here."""
    from rich.markup import escape

    return "" if value is None else escape(" ".join(str(value).split()))


def _table(rows: list[dict], *, columns: list[tuple[str, str]], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False)
    for _, heading in columns:
        table.add_column(heading, overflow="fold")
    for row in rows:
        table.add_row(*(_one_line(row.get(key)) for key, _ in columns))
    Console().print(table)
