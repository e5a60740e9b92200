"""The analysis options every verb that analyses articles shares, declared once."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

__all__ = ["language_option", "resources_option", "actors_option", "annotators_option"]


def language_option() -> Optional[str]:
    return typer.Option(None, "--language", "-l", help="Force the language (ISO 639-1).")


def resources_option() -> list[Path]:
    return typer.Option([], "--resources", help="Folder with your own data files (repeatable).")


def actors_option() -> list[Path]:
    return typer.Option([], "--actors", help="YAML/JSON file of your own actors (repeatable).")


def annotators_option() -> Optional[str]:
    return typer.Option(None, "--annotators", help="Comma-separated annotators to run "
                        "(default all), e.g. dispacci_sentences,dispacci_dateline.")
