"""Which shared files train, select and measure each language's pipeline.

`test` splits are never trained on and never used to pick a checkpoint; `dev` picks the checkpoint.
A slice is (path, first, last) over the docs a reader yields, so one file can feed two splits.
Non-commercial corpora are flagged so a permissive-only variant can be trained with --permissive.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Source", "CORPORA", "data_root"]


@dataclass(frozen=True)
class Source:
    path: str  # relative to the shared data folder
    kind: str  # "ud", "ner" (column files) or "germeval"
    noncommercial: bool = False
    start: int = 0  # first doc taken (docs of 8 UD / 4 NER sentences)
    stop: int | None = None


def data_root() -> Path:
    """The shared data folder beside the repository (override with DISPACCI_SHARED_DATA)."""
    import os
    env = os.environ.get("DISPACCI_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"


def _ud(lang, name, split, nc=False, start=0, stop=None):
    code = name.split("-")[1].lower()
    return Source(f"ud/{lang}/UD_{name}/{lang}_{code}-ud-{split}.conllu.gz", "ud", nc, start, stop)


def _wn(lang, split, start=0, stop=None):
    return Source(f"ner/wikineural/{lang}/{split}.conllu.gz", "ner", True, start, stop)


_KIND = "ner/kind/wikinews_{}.tsv"
_GERMEVAL = "ner/germeval2014/NER-de-dev.tsv.gz"

CORPORA: dict[str, dict[str, list[Source]]] = {
    "en": {
        "train": [_ud("en", "English-EWT", "train"), _wn("en", "val", 0, 2200), _wn("en", "val", 2350)],
        "dev": [_ud("en", "English-EWT", "dev", False, 0, 40), _wn("en", "val", 2200, 2350)],
        "test": [_ud("en", "English-EWT", "test"), _wn("en", "test")],
    },
    "it": {
        "train": [_ud("it", "Italian-ParTUT", "train", True), _ud("it", "Italian-ParTUT", "dev", True),
                  _ud("it", "Italian-TWITTIRO", "train"), _ud("it", "Italian-TWITTIRO", "dev"),
                  _ud("it", "Italian-MarkIT", "train"), _ud("it", "Italian-MarkIT", "dev"),
                  _ud("it", "Italian-ParlaMint", "train"), _ud("it", "Italian-ParlaMint", "test"),
                  _ud("it", "Italian-ISDT", "dev", True), _ud("it", "Italian-VIT", "dev", True),
                  _ud("it", "Italian-VIT", "test", True), _ud("it", "Italian-PoSTWITA", "dev", True),
                  Source(_KIND.format("train"), "ner", True, 0, 2600), _wn("it", "val", 0, 2200), _wn("it", "val", 2350)],
        "dev": [_ud("it", "Italian-ISDT", "test", True), Source(_KIND.format("train"), "ner", True, 2600),
                _wn("it", "val", 2200, 2350)],
        "test": [_ud("it", "Italian-PUD", "test"), Source(_KIND.format("test"), "ner", True)],
    },
    "de": {
        "train": [_ud("de", "German-GSD", "dev", False, 0, 80), _ud("de", "German-PUD", "test"),
                  _ud("de", "German-LIT", "test", True), Source(_GERMEVAL, "germeval", False, 0, 400),
                  _wn("de", "val", 0, 2200), _wn("de", "val", 2350)],
        "dev": [_ud("de", "German-GSD", "dev", False, 80), Source(_GERMEVAL, "germeval", False, 400, 430),
                _wn("de", "val", 2200, 2350)],
        "test": [_ud("de", "German-GSD", "test"), Source(_GERMEVAL, "germeval", False, 430)],
    },
    "es": {
        "train": [_ud("es", "Spanish-GSD", "dev", False, 0, 150), _ud("es", "Spanish-PUD", "test"),
                  _wn("es", "val", 0, 2200), _wn("es", "val", 2350)],
        "dev": [_ud("es", "Spanish-GSD", "dev", False, 150), _wn("es", "val", 2200, 2350)],
        "test": [_ud("es", "Spanish-GSD", "test"), _wn("es", "test")],
    },
}
