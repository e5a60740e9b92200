"""`dispacci evaluate`: score the pipeline against reference annotations."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .exits import EPILOG, fail, usage_error
from .output import Output, output_options

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command(epilog=EPILOG)
    @output_options(one=True)
    def evaluate(
        gold_dir: Optional[Path] = typer.Argument(None, help="Folder of reference files (<id>.json, as examples/news/gold)."),
        articles_dir: Optional[Path] = typer.Argument(None, help="Folder of the articles (<id>.txt/.html) they annotate."),
        plover: Optional[Path] = typer.Option(None, "--plover", help="PLOVER gold-standard records (JSON) to score event categories on."),
        techniques: Optional[Path] = typer.Option(None, "--techniques", help="SemEval-2023 Task 3 data folder: micro-F1 of the techniques layer on its paragraph labels."),
        split: str = typer.Option("dev", "--split", help="With --techniques: the split to score (files named <split>-labels-…); all files where none is."),
        lexicon_only: bool = typer.Option(False, "--lexicon-only", help="With --techniques: leave a trained classifier out."),
        errors: bool = typer.Option(False, "--errors", help="Also list missed, extra and misdated events."),
        resources: list[Path] = typer.Option([], "--resources", help="Folder with your own data files (repeatable)."),
        output: Output = Output(),
    ) -> None:
        """Score records against reference files: P/R/F1 per layer, CAMEO and date accuracy of events.

        --json prints the scores as one object, --csv one row per layer, PLOVER category and
        techniques language."""
        from ..errors import DispacciError
        from ..evaluation import evaluate_dirs, score_plover
        from ..pipeline import Pipeline

        if gold_dir is None and plover is None and techniques is None:
            raise usage_error("give GOLD_DIR ARTICLES_DIR, --plover FILE or --techniques DATA_DIR")
        if gold_dir is not None and articles_dir is None:
            raise usage_error("give it after GOLD_DIR (the folder of the annotated articles)", hint="ARTICLES_DIR")
        scores: dict = {}
        try:
            pipeline = Pipeline(resources=[str(r) for r in resources])
            if gold_dir is not None:
                report = evaluate_dirs(gold_dir, articles_dir, pipeline)
                scores["layers"] = report.to_dict()
                if errors:
                    scores["event_errors"] = report.layers["events"].errors
            if plover is not None:
                scores["plover"] = score_plover(plover, pipeline, errors=errors).to_dict()
            if techniques is not None:
                scores["techniques"] = _score_techniques(techniques, split, pipeline, lexicon_only)
        except DispacciError as error:
            fail(error)
        output.document(scores, text=_print, rows=_rows(scores))


def _rows(output: dict) -> list[dict]:
    """One CSV row per scored layer, PLOVER category and techniques language."""
    rows = [{"scored": "layer", "name": name, **score}
            for name, score in output.get("layers", {}).get("layers", {}).items()]
    for category, (correct, total) in sorted(output.get("plover", {}).get("by_category", {}).items()):
        rows.append({"scored": "plover", "name": category, "correct": correct, "records": total,
                     "accuracy": round(correct / total, 4) if total else None})
    for language, score in output.get("techniques", {}).items():
        rows.append({"scored": "techniques", "name": language, **score})
    return rows


def _score_techniques(folder: Path, split: str, pipeline, lexicon_only: bool) -> dict:
    from ..annotate.techniques.scoring import layer_predictor
    from ..annotate.techniques.semeval import micro_f1, read_folder
    from ..errors import InputError

    try:
        paragraphs = read_folder(folder, split)
    except InputError:
        paragraphs = read_folder(folder, None)
    sources = ("lexicon",) if lexicon_only else ("lexicon", "classifier")
    scores = micro_f1(paragraphs, layer_predictor(pipeline, sources))
    return {language: score.to_dict() for language, score in scores.items()}


def _print(output: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if "layers" in output:
        report = output["layers"]
        table = Table(title=f"dispacci evaluate — {report['articles']} articles")
        for column in ("layer", "P", "R", "F1", "tp", "fp", "fn", "CAMEO-3 acc", "date acc"):
            table.add_column(column, justify="left" if column == "layer" else "right")
        for name, score in report["layers"].items():
            extra = [f"{score['cameo3_accuracy']:.2f}", f"{score['date_accuracy']:.2f}"] if "cameo3_accuracy" in score else ["", ""]
            table.add_row(name, f"{score['precision']:.2f}", f"{score['recall']:.2f}", f"{score['f1']:.2f}",
                          str(score["tp"]), str(score["fp"]), str(score["fn"]), *extra)
        console.print(table)
        if report["missing"]:
            console.print(f"reference files without an article: {', '.join(report['missing'])}")
        for item in output.get("event_errors", []):
            console.print(f"  {item}")
    if "techniques" in output:
        table = Table(title="persuasion techniques — paragraph labels, micro-F1")
        for column in ("language", "micro-F1", "P", "R", "tp", "fp", "fn", "paragraphs"):
            table.add_column(column, justify="left" if column == "language" else "right")
        for language, score in output["techniques"].items():
            table.add_row(language, f"{score['micro_f1']:.3f}", f"{score['precision']:.2f}", f"{score['recall']:.2f}",
                          str(score["tp"]), str(score["fp"]), str(score["fn"]), str(score["paragraphs"]))
        console.print(table)
    if "plover" in output:
        plover = output["plover"]
        table = Table(title=f"PLOVER categories — {plover['records']} records")
        for column in ("category", "correct", "records", "accuracy"):
            table.add_column(column, justify="left" if column == "category" else "right")
        for category, (correct, total) in sorted(plover["by_category"].items()):
            table.add_row(category, str(correct), str(total), f"{correct / total:.2f}" if total else "")
        table.add_row("all", str(plover["correct"]), str(plover["records"]), f"{plover['accuracy']:.2f}")
        console.print(table)
        console.print(f"coded {plover['coded']} of {plover['records']} records (no event: {plover['no_event']:.2f}); "
                      f"accuracy on coded: {plover['coded_accuracy']:.2f}; some event right: {plover['any_correct']}; "
                      f"full match (category and both actors): {plover['full_match']:.2f}")
        for item in plover.get("errors", []):
            console.print(f"  {item}")
