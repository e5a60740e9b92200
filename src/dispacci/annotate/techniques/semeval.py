"""SemEval-2023 Task 3 (subtask 3) data: paragraph-level persuasion-technique labels.

The task's folders hold, per language, ``<split>-articles-subtask-3/article<id>.txt``
and ``<split>-labels-subtask-3.txt``, whose lines are ``<id><TAB><line><TAB><labels>``:
the article, the 1-based line (paragraph) of its file, and the comma-separated labels
(none where the paragraph has no technique). This module reads those folders, trains
the paragraph classifier on them and scores predictions with the task's measure,
micro-averaged F1 over (paragraph, label) pairs. The data is the user's: dispacci
ships none of it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ...errors import Errors, InputError
from ...record import TECHNIQUES

__all__ = ["Paragraph", "read_folder", "micro_f1", "Score", "LANGUAGE_FOLDERS"]

LABELS_SUFFIX = "labels-subtask-3.txt"
# The task names some language folders otherwise than ISO 639-1.
LANGUAGE_FOLDERS = {"ge": "de", "po": "pl", "gr": "el", "ka": "ka"}


@dataclass(frozen=True)
class Paragraph:
    language: str | None
    article: str
    line: int
    text: str
    labels: frozenset[str]
    article_text: str  # the whole file, for analysing the paragraph in context


def _language(folder: Path) -> str | None:
    name = folder.name.lower()
    if len(name) == 2 and name.isalpha():
        return LANGUAGE_FOLDERS.get(name, name)
    return None


def _articles_folder(labels: Path) -> Path:
    prefix = labels.name[: -len(LABELS_SUFFIX)]  # "train-", "dev-"
    for candidate in (labels.parent / f"{prefix}articles-subtask-3", labels.parent / f"{prefix}articles"):
        if candidate.is_dir():
            return candidate
    return labels.parent


def read_folder(folder: Path, split: str | None = None) -> list[Paragraph]:
    """Every labelled paragraph under ``folder`` (of ``split``, e.g. "train" or "dev", if given)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("E162", Errors.E162.format(reason="not a folder"), source=str(folder))
    files = sorted(p for p in folder.rglob(f"*{LABELS_SUFFIX}") if split is None or p.name.startswith(f"{split}-"))
    if not files:
        raise InputError("E162", Errors.E162.format(reason=f"no *-{LABELS_SUFFIX} file"
                                                           + (f" of split {split!r}" if split else "")),
                         source=str(folder))
    paragraphs: list[Paragraph] = []
    for labels in files:
        paragraphs.extend(_read_labels(labels, _articles_folder(labels), _language(labels.parent)))
    return paragraphs


def _read_labels(labels: Path, articles: Path, language: str | None) -> Iterable[Paragraph]:
    cache: dict[str, tuple[str, list[str]]] = {}
    for number, raw in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        parts = raw.rstrip("\n").split("\t")
        if len(parts) < 2 or not parts[1].strip().isdigit():
            raise InputError("E162", Errors.E162.format(reason=f"line {number} is not <id>TAB<line>TAB<labels>"),
                             source=str(labels))
        article, line = parts[0].strip(), int(parts[1])
        names = frozenset(x.strip() for x in (parts[2] if len(parts) > 2 else "").split(",") if x.strip())
        unknown = names - set(TECHNIQUES)
        if unknown:
            raise InputError("E162", Errors.E162.format(reason=f"line {number}: unknown labels {sorted(unknown)}"),
                             source=str(labels))
        if article not in cache:
            path = articles / f"article{article}.txt"
            if not path.is_file():
                raise InputError("E162", Errors.E162.format(reason=f"no {path.name} beside the labels"),
                                 source=str(labels))
            text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
            cache[article] = (text, text.split("\n"))
        text, lines = cache[article]
        if not 1 <= line <= len(lines):
            raise InputError("E162", Errors.E162.format(reason=f"line {number}: article{article}.txt has no line {line}"),
                             source=str(labels))
        yield Paragraph(language, article, line, lines[line - 1], names, text)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    paragraphs: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    def to_dict(self) -> dict:
        return {"micro_f1": round(self.f1, 4), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "paragraphs": self.paragraphs}


def micro_f1(paragraphs: list[Paragraph], predict: Callable[[list[Paragraph]], list[set[str]]]) -> dict[str, Score]:
    """Micro-F1 over (paragraph, label) pairs, overall ("all") and per language."""
    scores: dict[str, Score] = {"all": Score()}
    predicted = predict(paragraphs)
    for paragraph, labels in zip(paragraphs, predicted):
        for key in ("all", paragraph.language or "?"):
            score = scores.setdefault(key, Score())
            score.tp += len(labels & paragraph.labels)
            score.fp += len(labels - paragraph.labels)
            score.fn += len(paragraph.labels - labels)
            score.paragraphs += 1
    return scores
