"""Train one language's backbone pipeline: `python -m training.train it [--permissive] [--max-steps N]`.

Converts the shared data to DocBins under .train-work/ (ignored, rebuilt at every run), trains with
training/config.cfg and writes the best model to .train-work/<lang>/model-best; `--ship` then copies it
into src/dispacci/models/<lang>/ with its training facts (time, corpora) in meta.json.
"""
from __future__ import annotations

import argparse
import itertools
import json
import shutil
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from training.augment import TimeUp  # importing registers the augmenter and the time limit
from training.card import write_card
from training.corpora import CORPORA, Source, data_root
from training.readers import read_conllu, read_germeval, read_ner_columns

__all__ = ["build_docbins", "train", "ship", "forget_training_paths", "main"]

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".train-work"
CONFIG = Path(__file__).with_name("config.cfg")
CARD_LIMIT = 750  # docs per test file measured for the card (3,000 NER sentences; all of every UD test)
_READERS = {"ud": read_conllu, "ner": read_ner_columns, "germeval": read_germeval}


def docs_of(source: Source, vocab):
    docs = _READERS[source.kind](data_root() / source.path, vocab)
    return itertools.islice(docs, source.start, source.stop)


def build_docbins(lang: str, permissive: bool = False) -> dict[str, Path]:
    """One DocBin per split; --permissive leaves out the non-commercial corpora."""
    vocab = spacy.blank(lang).vocab
    out = WORK / lang
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for split, sources in CORPORA[lang].items():
        docbin = DocBin(store_user_data=False)
        for source in sources:
            if permissive and source.noncommercial and split != "test":
                continue
            for doc in docs_of(source, vocab):
                docbin.add(doc)
        paths[split] = out / f"{split}.spacy"
        docbin.to_disk(paths[split])
    return paths


def train(lang: str, permissive: bool = False, max_steps: int | None = None, eval_frequency: int | None = None,
          minutes: float | None = None):
    from spacy.cli.train import train as spacy_train
    paths = build_docbins(lang, permissive)
    overrides = {"nlp.lang": lang, "paths.train": str(paths["train"]), "paths.dev": str(paths["dev"])}
    if max_steps:
        overrides["training.max_steps"] = max_steps
    if eval_frequency:
        overrides["training.eval_frequency"] = eval_frequency
    if minutes:
        overrides["training.before_update.minutes"] = minutes
    started = time.time()
    try:
        spacy_train(CONFIG, WORK / lang, overrides=overrides)
    except TimeUp:
        pass  # the best checkpoint so far is model-best
    seconds = round(time.time() - started)
    facts = {"seconds": seconds, "permissive": permissive, "max_steps": max_steps, "minutes": minutes,
             "train": [s.path for s in CORPORA[lang]["train"] if not (permissive and s.noncommercial)],
             "test": [s.path for s in CORPORA[lang]["test"]]}
    (WORK / lang / "training.json").write_text(json.dumps(facts, indent=1))
    return facts


def ship(lang: str) -> Path:
    """Copy the best model into the package with its training facts (meta.json) and its card.
    Run with PYTHONPATH pointing at this checkout's src so the bench loads the copied model."""
    source = WORK / lang / "model-best"
    target = ROOT / "src" / "dispacci" / "models" / lang
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    forget_training_paths(target / "config.cfg")
    meta = json.loads((target / "meta.json").read_text())
    meta["name"] = f"dispacci_{lang}"
    meta["dispacci_training"] = json.loads((WORK / lang / "training.json").read_text())
    (target / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False))
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from models import measure, report  # bench/models.py: the card carries the bench's own figures
    write_card(lang, target, report(lang, measure(lang, limit=CARD_LIMIT)))
    return target


def forget_training_paths(config_path: Path) -> None:
    """The shipped config must not name this machine's DocBin paths; training sets them anew."""
    import re
    text = config_path.read_text()
    config_path.write_text(re.sub(r'^(train|dev) = ".*"$', r"\1 = null", text, flags=re.M))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lang", choices=sorted(CORPORA))
    parser.add_argument("--permissive", action="store_true", help="leave out non-commercial corpora")
    parser.add_argument("--max-steps", type=int)
    parser.add_argument("--eval-frequency", type=int)
    parser.add_argument("--minutes", type=float, help="stop after this much training time")
    parser.add_argument("--ship", action="store_true", help="only copy the trained model into the package")
    args = parser.parse_args(argv)
    if args.ship:
        print(ship(args.lang))
        return
    print(json.dumps(train(args.lang, args.permissive, args.max_steps, args.eval_frequency, args.minutes)))


if __name__ == "__main__":
    main()
