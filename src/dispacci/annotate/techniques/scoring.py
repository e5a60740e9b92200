"""Paragraph labels from the techniques layer, for training and scoring on SemEval data.

``layer_predictor`` runs the pipeline it is given over each article once and labels each
paragraph with the techniques whose spans fall in it (the shipped lexicons, and the
classifier where the pipeline finds one); ``model_predictor`` asks a trained model alone.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .model import TechniqueModel, train
from .semeval import Paragraph, read_folder

__all__ = ["layer_predictor", "model_predictor", "train_folder"]

Predictor = Callable[[list[Paragraph]], list[set[str]]]


def _paragraph_spans(text: str, paragraphs: list[Paragraph]) -> list[tuple[int, int] | None]:
    """Where each paragraph (in file order) lies in the analysed text."""
    spans, cursor = [], 0
    for paragraph in paragraphs:
        line = paragraph.text.strip()
        at = text.find(line, cursor) if line else -1
        if at < 0:
            at = text.find(line) if line else -1
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(line)))
        cursor = at + len(line)
    return spans


def layer_predictor(pipeline, sources: tuple[str, ...] = ("lexicon", "classifier")) -> Predictor:
    """Labels from the techniques layer of ``pipeline`` (a ``dispacci.Pipeline``)."""

    def predict(paragraphs: list[Paragraph]) -> list[set[str]]:
        by_article: dict[tuple[str | None, str], list[int]] = {}
        for index, paragraph in enumerate(paragraphs):
            by_article.setdefault((paragraph.language, paragraph.article), []).append(index)
        labels: list[set[str]] = [set() for _ in paragraphs]
        for (language, _), indices in by_article.items():
            indices.sort(key=lambda i: paragraphs[i].line)
            first = paragraphs[indices[0]]
            record = pipeline.analyze(first.article_text, language=language if language else None)
            spans = _paragraph_spans(record.text, [paragraphs[i] for i in indices])
            for index, span in zip(indices, spans):
                if span is None:
                    continue
                labels[index] = {t.technique for t in record.techniques
                                 if t.source in sources and t.start < span[1] and span[0] < t.end}
        return labels

    return predict


def model_predictor(model: TechniqueModel) -> Predictor:
    def predict(paragraphs: list[Paragraph]) -> list[set[str]]:
        return [set(model.predict(p.text)) for p in paragraphs]

    return predict


def train_folder(folder: Path, split: str | None = "train") -> TechniqueModel:
    """A classifier trained on the labelled paragraphs of ``folder`` (all splits when none is named ``split``)."""
    from ...errors import InputError
    from ...record import TECHNIQUES

    try:
        paragraphs = read_folder(folder, split)
    except InputError:
        if split is None:
            raise
        paragraphs = read_folder(folder, None)
    items = [(p.text, set(p.labels)) for p in paragraphs if p.text.strip()]
    model = train(items, list(TECHNIQUES))
    model.meta["languages"] = sorted({p.language for p in paragraphs if p.language})
    return model
