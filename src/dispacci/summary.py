"""A readable terminal summary of a record, with rich tables per layer."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .errors import warning_code
from .record import Record

__all__ = ["print_summary"]


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_summary(record: Record, console: Console | None = None) -> None:
    console = console or Console()
    name = record.source.path or record.source.url or record.id
    console.rule(f"[bold]{name}")
    console.print(f"[bold]Title[/]     {record.title or '—'}")
    console.print(f"[bold]Language[/]  {record.language}")
    if record.dateline:
        d = record.dateline
        guessed = " [yellow](year guessed)[/]" if d.year_guessed else ""
        source = f" from {d.date_source}" if d.date and d.date_source else ""
        place = f"{d.place} [{d.country or '?'}]" if d.place else "no dateline;"
        console.print(f"[bold]Dateline[/]  {place} {d.date or 'no date'}{source}{guessed}")
    else:
        console.print("[bold]Dateline[/]  —")
    _table(console, "Credits", ["role", "name", "text"],
           [(c.role, c.name, _clip(record.text[c.start:c.end], 40)) for c in record.credits])
    _table(console, "Entities", ["kind", "text", "canonical", "country", "roles"],
           [(e.kind, e.text, e.canonical or "", e.country or "", ", ".join(e.roles)) for e in record.entities])
    _table(console, "Quotes", ["speaker", "cue", "quote"],
           [(q.speaker or "—", q.cue or "", _clip(q.text, 70)) for q in record.quotes])
    _table(console, "Events", ["date", "source", "cameo", "plover", "target", "evidence"],
           [(e.date or "", e.source.name or "", e.cameo, e.plover or "", e.target.name if e.target else "",
             _clip(record.text[e.evidence.start:e.evidence.end], 40)) for e in record.events])
    _table(console, "Not body", ["why", "text"],
           [(n.why, _clip(record.text[n.start:n.end], 70)) for n in record.not_body])
    for warning in record.warnings:
        code = warning_code(warning)
        console.print(f"[yellow]warning:[/] {escape(f'[{code}] ' if code else '')}{escape(warning)}")


def _table(console: Console, title: str, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*map(str, row))
    console.print(table)
