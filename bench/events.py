"""Benchmark the events layer: quality on the development articles and the PLOVER
gold-standard records, and its cost per article and share of pipeline time.

    python bench/events.py [--repeat 3] [--no-plover]
"""
from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "examples" / "news"
PLOVER = ROOT.parent / "shared" / "data" / "events" / "plover" / "PLOVER_GSR_CAMEO.json"


def component_costs(pipeline, texts: list[str], repeat: int) -> tuple[Counter, int]:
    """Seconds spent in tokenisation and in each annotator over ``repeat`` passes."""
    from dispacci.annotate.doc import DocContext, start_doc
    from dispacci.ingest.readers import read_text

    costs: Counter = Counter()
    runs = 0
    for _ in range(repeat):
        for text in texts:
            article = read_text(text, source="bench")
            lang = pipeline.analyze(text).language if not article.language else article.language
            nlp = pipeline.nlp(lang)
            start = time.perf_counter()
            doc = nlp.make_doc(article.text)
            costs["tokenize"] += time.perf_counter() - start
            start_doc(doc, DocContext(article=article, language=lang))
            for name, component in nlp.pipeline:
                start = time.perf_counter()
                doc = component(doc)
                costs[name] += time.perf_counter() - start
            runs += 1
    return costs, runs


def main() -> None:
    from dispacci import Pipeline
    from dispacci.evaluation import evaluate_dirs, score_plover

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-plover", action="store_true")
    args = parser.parse_args()

    pipeline = Pipeline()
    report = evaluate_dirs(NEWS / "gold", NEWS / "articles", pipeline)
    events = report.layers["events"]
    print(f"development articles: {report.articles}")
    print(f"  events P {events.precision:.2f}  R {events.recall:.2f}  F1 {events.f1:.2f}  "
          f"(tp {events.tp}, fp {events.fp}, fn {events.fn})")
    print(f"  CAMEO 3-digit accuracy {events.cameo3_accuracy:.2f}  date accuracy {events.date_accuracy:.2f}")

    if not args.no_plover and PLOVER.exists():
        start = time.perf_counter()
        plover = score_plover(PLOVER, pipeline)
        print(f"PLOVER gold-standard records: {plover.records} in {time.perf_counter() - start:.1f} s")
        print(f"  category accuracy {plover.accuracy:.2f} (first event); coded {plover.coded}, "
              f"accuracy on coded {plover.coded_accuracy:.2f}; some event right {plover.any_correct}")
        print(f"  full match (category + both actors) {plover.full_match:.2f}; no event {plover.no_event:.2f}")
        for category, (correct, total) in sorted(plover.by_category.items()):
            print(f"    {category:10s} {correct:3d}/{total:3d}")

    texts = [p.read_text(encoding="utf-8") for p in sorted((NEWS / "articles").glob("*.txt"))]
    costs, runs = component_costs(pipeline, texts, args.repeat)
    total = sum(costs.values())
    print(f"cost over {runs} article runs (pipeline {total / runs * 1000:.1f} ms per article):")
    for name, seconds in costs.most_common():
        print(f"  {name:22s} {seconds / runs * 1000:7.2f} ms  {seconds / total:6.1%}")
    share = costs.get("dispacci_events", 0.0) / total if total else 0.0
    print(f"events layer: {costs.get('dispacci_events', 0.0) / runs * 1000:.2f} ms per article, "
          f"{share:.1%} of pipeline time (target < 30%)")


if __name__ == "__main__":
    main()
