"""Write MODEL_CARD.md for a shipped model: its data and their licences, held-out accuracy, training time."""
from __future__ import annotations

import json
from pathlib import Path

from training.corpora import CORPORA, Source

__all__ = ["licence_of", "write_card"]

_LICENCES = {
    "English-EWT": "CC BY-SA 4.0", "Italian-PUD": "CC BY-SA 3.0", "Italian-ParlaMint": "CC BY-SA 4.0",
    "Italian-TWITTIRO": "CC BY-SA 4.0", "Italian-MarkIT": "CC BY 4.0", "Italian-ISDT": "CC BY-NC-SA 3.0",
    "Italian-VIT": "CC BY-NC-SA 3.0", "Italian-ParTUT": "CC BY-NC-SA 4.0", "Italian-PoSTWITA": "CC BY-NC-SA 4.0",
    "German-GSD": "CC BY-SA 4.0", "German-PUD": "CC BY-SA 3.0", "German-LIT": "CC BY-NC-SA 4.0",
    "Spanish-GSD": "CC BY-SA 4.0", "Spanish-PUD": "CC BY-SA 3.0",
    "wikineural": "CC BY-NC-SA 4.0", "kind": "annotations CC BY-NC 4.0, texts CC BY 2.5",
    "germeval2014": "CC BY 4.0",
}


def licence_of(source: Source) -> str:
    for key, licence in _LICENCES.items():
        if key in source.path:
            return licence
    raise KeyError(source.path)


def _slice(source: Source) -> str:
    if source.start == 0 and source.stop is None:
        return "all"
    return f"docs {source.start}–{source.stop if source.stop is not None else 'end'}"


def write_card(lang: str, model_dir: Path, results: list[str]) -> Path:
    meta = json.loads((model_dir / "meta.json").read_text())
    facts = meta.get("dispacci_training", {})
    permissive = facts.get("permissive", False)
    lines = [f"# dispacci backbone model: {lang}", "",
             "spaCy pipeline: shared CNN tok2vec (no pretrained vectors), morphologizer (UPOS + features), "
             "trainable lemmatizer, dependency parser (Universal Dependencies labels), NER (PER, LOC, ORG, MISC).",
             "Trained by `python -m training.train " + lang + "` with training/config.cfg; "
             "UD multiword tokens are kept as surface tokens (annotated as their word attached outside the token).",
             "", "## Data", "", "| split | corpus | part | licence |", "|---|---|---|---|"]
    for split in ("train", "dev", "test"):
        for source in CORPORA[lang][split]:
            if permissive and source.noncommercial and split != "test":
                continue
            lines.append(f"| {split} | {source.path} | {_slice(source)} | {licence_of(source)} |")
    noncommercial = [s.path for s in CORPORA[lang]["train"] + CORPORA[lang]["dev"] if s.noncommercial]
    lines += ["", "## Licence", ""]
    if noncommercial and not permissive:
        lines.append("**Non-commercial.** This model was trained on data under non-commercial licences "
                     f"({', '.join(sorted(set(noncommercial)))}); those terms carry over to the model. "
                     "`python -m training.train " + lang + " --permissive` trains a variant without them "
                     "(WikiNEuRal is non-commercial too, so that variant's NER rests on the remaining corpora only).")
    else:
        lines.append("Trained only on corpora with permissive or share-alike licences listed above.")
    lines += ["", "## Held-out accuracy", "",
              "Test splits are never trained on nor used to choose the checkpoint (`python bench/models.py "
              f"--langs {lang}`; UD scores are over surface tokens with spaCy's scorer, punctuation included).",
              "", "```", *results, "```", "",
              "## Training", "",
              f"Wall time {facts.get('seconds', '?')} s on 2 shared CPU cores (time limit "
              f"{facts.get('minutes')} min), spaCy {meta.get('spacy_version')}.", ""]
    path = model_dir / "MODEL_CARD.md"
    path.write_text("\n".join(lines), encoding="utf8")
    return path
