"""Entities layer: accuracy and cost.

Prints
- person and country P/R/F1 (sets per article, micro-averaged) over the eleven development
  articles and the founding example (../shared/examples);
- PER/LOC/ORG span F1 on the KIND Wikinews test split (../shared/data/ner/kind, Italian,
  token TAB tag, IO tags), grouping sentences into pseudo-articles; demonyms are not
  entities there ("britannici" is O), so country mentions written as demonyms are left out;
- the entity layer's cost per article and its share of the whole pipeline's time, next to
  spaCy's bare tokenisation;
- the actor base's cold (compile) and warm (cached) load times.

Usage: python bench/entities.py [--kind-sentences N]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NEWS = SHARED / "examples" / "news"
FOUNDING = SHARED / "examples" / "putin-tokayev-call.it.txt"
KIND_TEST = SHARED / "data" / "ner" / "kind" / "wikinews_test.tsv"
SENTENCES_PER_ARTICLE = 12


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def line(name: str, counts: Counter) -> str:
    p, r, f = prf(counts["tp"], counts["fp"], counts["fn"])
    return f"  {name:10s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {counts['tp']}, fp {counts['fp']}, fn {counts['fn']})"


def add(counts: Counter, predicted: set, gold: set) -> None:
    counts["tp"] += len(predicted & gold)
    counts["fp"] += len(predicted - gold)
    counts["fn"] += len(gold - predicted)


def dev_sets() -> list[tuple[str, str, set, set]]:
    """(id, text, gold persons, gold countries) of the dev articles and the founding example."""
    items = []
    for path in sorted((NEWS / "articles").glob("*.txt")):
        gold = json.loads((NEWS / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        items.append((path.stem, path.read_text(encoding="utf-8"), set(gold["persons"]), set(gold["countries"])))
    expected = json.loads(FOUNDING.with_suffix("").with_suffix(".it.expected.json").read_text(encoding="utf-8"))
    persons = {e["canonical"] for e in expected["entities"] if e["kind"] == "person"}
    countries = {e["country"] for e in expected["entities"] if e["kind"] == "country"}
    items.append(("founding", FOUNDING.read_text(encoding="utf-8"), persons, countries))
    return items


def bench_dev(pipeline) -> None:
    persons, countries = Counter(), Counter()
    misses = []
    for name, text, gold_persons, gold_countries in dev_sets():
        record = pipeline.analyze(text)
        found_persons = {e.canonical for e in record.entities if e.kind == "person"}
        found_countries = {e.country for e in record.entities if e.kind == "country"}
        add(persons, found_persons, gold_persons)
        add(countries, found_countries, gold_countries)
        if found_persons != gold_persons or found_countries != gold_countries:
            misses.append((name, found_persons ^ gold_persons, found_countries ^ gold_countries))
    print("Development articles + founding example (12 articles, sets per article):")
    print(line("persons", persons))
    print(line("countries", countries))
    for name, people, places in misses:
        print(f"    {name}: persons differ {sorted(people)}, countries differ {sorted(places)}")


def kind_articles(limit: int | None) -> list[list[list[tuple[str, str]]]]:
    sentences, current = [], []
    for raw in KIND_TEST.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        token, _, tag = raw.partition("\t")
        current.append((token, tag.strip() or "O"))
    if current:
        sentences.append(current)
    if limit:
        sentences = sentences[:limit]
    return [sentences[i:i + SENTENCES_PER_ARTICLE] for i in range(0, len(sentences), SENTENCES_PER_ARTICLE)]


def runs(tags: list[str]) -> set[tuple[int, int, str]]:
    found, start = set(), None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and tag != tags[start]:
            found.add((start, i, tags[start]))
            start = None
        if start is None and tag != "O" and i < len(tags):
            start = i
    return found


def bench_kind(pipeline, limit: int | None) -> None:
    from dispacci.resources.actors import load_actor_base

    demonyms = {form for form, cands in load_actor_base().surfaces("it").items()
                if all(c[0] == "demonym" for c in cands)}
    counts = {label: Counter() for label in ("PER", "LOC", "ORG")}
    articles = kind_articles(limit)
    for sentences in articles:
        tokens = [token for sentence in sentences for token, _ in sentence]
        gold = [tag for sentence in sentences for _, tag in sentence]
        offsets, text = [], ""
        for sentence in sentences:
            for token, _ in sentence:
                offsets.append(len(text))
                text += token + " "
            text = text[:-1] + "\n"
        record = pipeline.analyze(text, title="", language="it", published="2010-01-01")
        predicted = ["O"] * len(tokens)
        taken = set()
        for entity in record.entities:
            if entity.kind == "country" and (entity.text in demonyms or (entity.start, entity.end) in taken):
                continue
            label = {"person": "PER", "organization": "ORG"}.get(entity.kind, "LOC")
            taken.add((entity.start, entity.end))
            for i, offset in enumerate(offsets):
                if entity.start <= offset < entity.end:
                    predicted[i] = label
        gold_runs, predicted_runs = runs(gold), runs(predicted)
        for label in counts:
            add(counts[label], {r for r in predicted_runs if r[2] == label}, {r for r in gold_runs if r[2] == label})
    total = sum(counts.values(), Counter())
    print(f"KIND Wikinews test (Italian, {sum(len(a) for a in articles)} sentences, exact spans, IO tags):")
    for label, c in counts.items():
        print(line(label, c))
    print(line("all", total))


def bench_cost(pipeline) -> None:
    import spacy

    texts = [text for _, text, _, _ in dev_sets()]
    for text in texts:  # warm every language's pipeline
        pipeline.analyze(text)
    timings: Counter = Counter()
    for lang, nlp in list(pipeline._nlps.items()):
        for index, (name, component) in enumerate(list(nlp._components)):
            nlp._components[index] = (name, _Timed(component, name, timings))
    rounds = 5
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            pipeline.analyze(text)
    total = time.perf_counter() - start
    articles = rounds * len(texts)
    blank = {lang: spacy.blank(lang) for lang in pipeline._nlps}
    records = [pipeline.analyze(text) for text in texts]
    start = time.perf_counter()
    for _ in range(rounds):
        for record in records:
            blank[record.language].make_doc(record.text)
    tokenise = time.perf_counter() - start
    print(f"Cost over the 12 articles x {rounds} (languages it en fr de es ru):")
    print(f"  whole pipeline        {1000 * total / articles:7.2f} ms/article")
    print(f"  spaCy tokenisation    {1000 * tokenise / articles:7.2f} ms/article")
    for name, seconds in timings.most_common():
        print(f"  {name:22s}{1000 * seconds / articles:7.2f} ms/article  {100 * seconds / total:5.1f}% of pipeline")


class _Timed:
    def __init__(self, component, name, timings):
        self.component, self.name, self.timings = component, name, timings

    def __call__(self, doc):
        start = time.perf_counter()
        doc = self.component(doc)
        self.timings[self.name] += time.perf_counter() - start
        return doc


def bench_load() -> None:
    code = ("import time; t=time.perf_counter(); from dispacci.resources.actors import load_actor_base; "
            "b=load_actor_base(); print(time.perf_counter()-t, len(b.actors))")
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "DISPACCI_CACHE": cache}
        cold = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        warm = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    cold_s, size = cold.stdout.split()
    warm_s, _ = warm.stdout.split()
    print(f"Actor base ({size} actors), fresh process incl. imports:")
    print(f"  cold (compile + cache)  {float(cold_s):.2f} s")
    print(f"  warm (from cache)       {float(warm_s):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kind-sentences", type=int, default=None, help="only the first N KIND sentences")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from dispacci import Pipeline

    pipeline = Pipeline()
    bench_load()
    bench_dev(pipeline)
    bench_cost(pipeline)
    if KIND_TEST.exists():
        bench_kind(pipeline, args.kind_sentences)


if __name__ == "__main__":
    main()
