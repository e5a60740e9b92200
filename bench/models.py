"""Held-out accuracy and speed of the backbone pipelines.

    python bench/models.py [--langs en,it,de,es,fr,ru] [--limit N]

For each language prints UPOS accuracy, UAS/LAS (UD test split, surface tokens, spaCy's scorer),
NER F1 overall and per label (held-out NER split), and words/s (CPU time of nlp.pipe over the
held-out texts). The splits are those of training/corpora.py and are never trained on; French and
Russian use the held-out UD test sets below, as their pipelines come from outside (fr_core_news_sm,
slovnet) and were never trained here.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from training.corpora import CORPORA, Source, _ud, _wn  # noqa: E402
from training.train import docs_of  # noqa: E402

EXTERNAL_TESTS = {
    "fr": [_ud("fr", "French-GSD", "test"), _ud("fr", "French-Sequoia", "test"), _wn("fr", "test")],
    "ru": [_ud("ru", "Russian-GSD", "test"), _wn("ru", "test")],
}


def test_sources(lang: str) -> list[Source]:
    return CORPORA[lang]["test"] if lang in CORPORA else EXTERNAL_TESTS[lang]


def measure(lang: str, limit: int) -> list[tuple[str, dict]]:
    from spacy.scorer import Scorer
    from spacy.training import Example

    from dispacci import backbone
    nlp = backbone.load(lang)
    rows = []
    for source in test_sources(lang):
        gold = list(docs_of(source, nlp.vocab))[:limit]
        started = time.process_time()
        predicted = list(nlp.pipe(d.text for d in gold))
        seconds = time.process_time() - started
        examples = [Example(p, g) for p, g in zip(predicted, gold)]
        if source.kind == "ud":
            scores = {**Scorer.score_token_attr(examples, "pos"), **_deps(examples)}
        else:
            scores = Scorer.score_spans(examples, "ents", has_annotation=lambda d: d.has_annotation("ENT_IOB"))
        scores["words_per_s"] = sum(len(d) for d in predicted) / max(seconds, 1e-9)
        rows.append((Path(source.path).name, scores))
    return rows


def _deps(examples) -> dict:
    """UAS/LAS over every token, punctuation included, as in the CoNLL 2018 shared task."""
    from spacy.scorer import Scorer
    return Scorer.score_deps(examples, "dep", getter=lambda t, attr: "root" if t.dep_ == "ROOT" else t.dep_)


def report(lang: str, rows) -> list[str]:
    lines = []
    for name, s in rows:
        if "pos_acc" in s:
            lines.append(f"{lang}  {name:38} UPOS {s['pos_acc']:.3f}  UAS {s['dep_uas']:.3f}  "
                         f"LAS {s['dep_las']:.3f}  {s['words_per_s']:,.0f} words/s")
        else:
            per = "  ".join(f"{k} {v['f']:.3f}" for k, v in sorted(s["ents_per_type"].items()))
            lines.append(f"{lang}  {name:38} NER F1 {s['ents_f']:.3f} (P {s['ents_p']:.3f} R {s['ents_r']:.3f})  "
                         f"{per}  {s['words_per_s']:,.0f} words/s")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", default="en,it,de,es,fr,ru")
    parser.add_argument("--limit", type=int, default=100000, help="at most this many docs per test file")
    args = parser.parse_args()
    for lang in args.langs.split(","):
        for line in report(lang, measure(lang, args.limit)):
            print(line, flush=True)


if __name__ == "__main__":
    main()
