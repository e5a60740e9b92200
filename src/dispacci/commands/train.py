"""`dispacci train techniques DATA_DIR`: a persuasion-technique classifier from SemEval-2023 Task 3 data."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import DispacciError
from .exits import EPILOG, fail

__all__ = ["register", "techniques"]


def techniques(
    data_dir: Path = typer.Argument(..., help="SemEval-2023 Task 3 data: folders with article<id>.txt files "
                                              "and <split>-labels-subtask-3.txt (id, line, labels)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Folder to save models/techniques.json in "
                                                           "(default: your dispacci data folder, which the "
                                                           "layer reads)."),
    split: str = typer.Option("train", "--split", help="The split to train on (files named <split>-labels-…); "
                                                       "all files where none is."),
) -> None:
    """Train the paragraph classifier the techniques layer then uses beside its lexicons."""
    from ..annotate.techniques.model import MODEL_PATH, user_data_dir
    from ..annotate.techniques.scoring import train_folder

    try:
        model = train_folder(data_dir, split)
    except DispacciError as error:
        fail(error)
    path = model.save((out or user_data_dir()) / MODEL_PATH)
    typer.echo(f"trained on {model.meta['paragraphs']} paragraphs, {len(model.labels)} techniques, "
               f"threshold {model.threshold:.2f}: {path}")
    if out is not None:
        typer.echo(f"the techniques layer uses it with --resources {out} (or DISPACCI_RESOURCES={out})")


def register(app: typer.Typer) -> None:
    train_app = typer.Typer(help="Train the models of layers that learn from data you hold.", no_args_is_help=True,
                            epilog=EPILOG)
    app.add_typer(train_app, name="train", epilog=EPILOG)
    train_app.command("techniques", epilog=EPILOG)(techniques)
