"""A paragraph classifier of persuasion techniques, trained by the user on data they hold.

One logistic regression per technique (one-vs-rest) over word unigrams and bigrams,
trained by stochastic gradient descent in plain Python: no dependency, a model small
enough to be a JSON file. ``dispacci train techniques DATA_DIR`` writes it to
``<folder>/models/techniques.json``; the techniques layer uses it where it finds one
in a resource folder or the user's data folder.
"""
from __future__ import annotations

import json
import math
import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import Errors, ResourceError

__all__ = ["TechniqueModel", "train", "features", "MODEL_PATH", "user_data_dir", "find_model", "FORMAT"]

FORMAT = "dispacci.techniques/1"
MODEL_PATH = Path("models") / "techniques.json"
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_MIN_COUNT = 2  # features seen fewer times in training are left out


def user_data_dir() -> Path:
    """Where dispacci keeps what the user trained: ``DISPACCI_DATA_HOME``, else ``$XDG_DATA_HOME/dispacci``."""
    if os.environ.get("DISPACCI_DATA_HOME"):
        return Path(os.environ["DISPACCI_DATA_HOME"])
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "dispacci"


def find_model(folders: tuple[Path, ...]) -> Path | None:
    """The last ``models/techniques.json`` among ``folders`` and the user's data folder."""
    found = None
    for folder in (*folders, user_data_dir()):
        candidate = Path(folder) / MODEL_PATH
        if candidate.is_file():
            found = candidate
    return found


def features(text: str) -> list[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return [*words, *(f"{a} {b}" for a, b in zip(words, words[1:]))]


@dataclass
class TechniqueModel:
    labels: list[str]
    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    threshold: float = 0.5
    meta: dict = field(default_factory=dict)

    def probabilities(self, text: str) -> dict[str, float]:
        feats = set(features(text))
        scores = {}
        for label in self.labels:
            table = self.weights.get(label, {})
            z = self.bias.get(label, 0.0) + sum(table.get(f, 0.0) for f in feats)
            scores[label] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return scores

    def predict(self, text: str) -> dict[str, float]:
        return {label: p for label, p in self.probabilities(text).items() if p >= self.threshold}

    def to_json(self) -> dict:
        return {"format": FORMAT, "labels": self.labels, "threshold": self.threshold, "bias": self.bias,
                "weights": self.weights, "meta": self.meta}

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path) -> "TechniqueModel":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise ResourceError("E163", Errors.E163.format(reason=str(error).splitlines()[0]), source=str(path)) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ResourceError("E163", Errors.E163.format(reason=f"its format is not {FORMAT}"), source=str(path))
        return cls(labels=list(data["labels"]), weights=data["weights"], bias=data["bias"],
                   threshold=float(data.get("threshold", 0.5)), meta=data.get("meta") or {})


def train(items: list[tuple[str, set[str]]], labels: list[str], *, epochs: int = 8, rate: float = 0.3,
          l2: float = 1e-4, seed: int = 13) -> TechniqueModel:
    """Fit one-vs-rest logistic regressions on ``(paragraph text, its labels)``."""
    counts: dict[str, int] = {}
    rows = []
    for text, gold in items:
        feats = sorted(set(features(text)))
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
        rows.append((feats, gold))
    vocabulary = {f for f, n in counts.items() if n >= _MIN_COUNT}
    rows = [([f for f in feats if f in vocabulary], gold) for feats, gold in rows]
    present = [label for label in labels if any(label in gold for _, gold in rows)]
    weights: dict[str, dict[str, float]] = {label: {} for label in present}
    bias = {label: 0.0 for label in present}
    order = list(range(len(rows)))
    shuffle = random.Random(seed).shuffle
    for epoch in range(epochs):
        shuffle(order)
        step = rate / (1 + epoch)
        for index in order:
            feats, gold = rows[index]
            for label in present:
                table = weights[label]
                z = bias[label] + sum(table.get(f, 0.0) for f in feats)
                p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
                gradient = p - (1.0 if label in gold else 0.0)
                if abs(gradient) < 1e-3:
                    continue
                bias[label] -= step * gradient
                for f in feats:
                    table[f] = table.get(f, 0.0) * (1 - step * l2) - step * gradient
    model = TechniqueModel(labels=present, weights={k: {f: round(w, 5) for f, w in v.items() if abs(w) > 1e-4}
                                                    for k, v in weights.items()}, bias=bias)
    model.threshold = _best_threshold(model, items)
    model.meta = {"paragraphs": len(items), "features": len(vocabulary)}
    return model


def _best_threshold(model: TechniqueModel, items: list[tuple[str, set[str]]]) -> float:
    scored = [(model.probabilities(text), gold) for text, gold in items]
    best, best_f1 = 0.5, -1.0
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        tp = fp = fn = 0
        for probabilities, gold in scored:
            predicted = {label for label, p in probabilities.items() if p >= threshold}
            tp, fp, fn = tp + len(predicted & gold), fp + len(predicted - gold), fn + len(gold - predicted)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best
