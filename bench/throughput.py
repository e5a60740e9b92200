"""Throughput of the whole pipeline against bare spaCy tokenisation.

    python bench/throughput.py [--articles 2000] [--annotators a,b,...]

Prints articles/s and words/s of ``Pipeline.analyze`` over a corpus of real
and synthetic articles, the same for ``spacy.blank(lang)`` tokenisation of the
same texts in the same run, their ratio, the time per annotator, and the wall
time of one `dispacci analyze` of the founding example in a fresh process.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SHARED, corpus  # noqa: E402


# CPU time of this process, not wall time: colleagues' jobs on the same cores
# would otherwise distort both figures and their ratio.
clock = time.process_time


def time_tokenisation(texts: list[str], languages: list[str]) -> float:
    import spacy

    blanks = {lang: spacy.blank(lang) for lang in set(languages)}
    started = clock()
    for text, lang in zip(texts, languages):
        blanks[lang].make_doc(text)
    return clock() - started


def time_pipeline(pipeline, texts: list[str]) -> tuple[float, list[str], dict[str, float]]:
    per_component: dict[str, float] = defaultdict(float)
    languages = []
    started = clock()
    for text in texts:
        record = pipeline.analyze(text)
        languages.append(record.language)
    elapsed = clock() - started
    # A second, instrumented pass gives each annotator's share.
    from dispacci.annotate.doc import DocContext, start_doc
    from dispacci.ingest.readers import read_text

    for text, lang in zip(texts, languages):
        nlp = pipeline.nlp(lang)
        article = read_text(text)
        t0 = clock()
        pipeline.identifier.identify(text)
        per_component["language identification"] += clock() - t0
        t0 = clock()
        doc = nlp.make_doc(article.text)
        per_component["tokenizer"] += clock() - t0
        start_doc(doc, DocContext(article=article, language=lang))
        for name, component in nlp.pipeline:
            t0 = clock()
            doc = component(doc)
            per_component[name] += clock() - t0
    return elapsed, languages, dict(per_component)


def single_run_seconds() -> float:
    example = SHARED / "examples" / "putin-tokayev-call.it.txt"
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dispacci.cli", "analyze", str(example), "--json"],
                       check=True, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--annotators", default=None, help="comma-separated subset (default: all)")
    parser.add_argument("--no-startup", action="store_true", help="skip the fresh-process timing")
    args = parser.parse_args()

    from dispacci import Pipeline

    texts = corpus(args.articles)
    words = sum(len(text.split()) for text in texts)
    pipeline = Pipeline(annotators=args.annotators.split(",") if args.annotators else None)
    for text in texts[:20]:  # warm up: build every language's pipeline and caches
        pipeline.analyze(text)
    elapsed, languages, per_component = time_pipeline(pipeline, texts)
    tokenise = time_tokenisation(texts, languages)
    elapsed_again, _, _ = time_pipeline(pipeline, texts)  # bracket the tokenisation run
    elapsed = min(elapsed, elapsed_again)

    print(f"corpus: {len(texts)} articles, {words:,} words, languages {sorted(set(languages))}")
    print(f"annotators: {', '.join(pipeline.annotators)}")
    print("figures are CPU seconds of this process")
    print(f"pipeline:      {len(texts) / elapsed:8.1f} articles/s  {words / elapsed:10,.0f} words/s  ({elapsed:.2f} s)")
    print(f"spacy.blank:   {len(texts) / tokenise:8.1f} articles/s  {words / tokenise:10,.0f} words/s  ({tokenise:.2f} s)")
    print(f"ratio pipeline/tokenisation speed: {tokenise / elapsed:.2f}  (target ≥ 0.50)")
    total = sum(per_component.values())
    print("time per stage (instrumented pass):")
    for name, seconds in sorted(per_component.items(), key=lambda item: -item[1]):
        print(f"  {name:28s} {1000 * seconds / len(texts):7.3f} ms/article  {100 * seconds / total:5.1f} %")
    if not args.no_startup:
        print(f"single `dispacci analyze` of the founding example, fresh process: {single_run_seconds():.2f} s (target < 1.5 s)")


if __name__ == "__main__":
    main()
