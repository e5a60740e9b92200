"""Cost per character of storms of punctuation, layer by layer (linear means a constant ms/char).

    python bench/punctuation_runs.py [--lengths 1000,10000,100000] [--kinds quotes,dots,...] [--language en]

Each kind is a text of the given length made of one hostile pattern (a space-free
run of one mark, marks between spaces, one-token sentences, a storm of quotation
marks around words) or, for ``normal``, a development-style article repeated. For
each, the CPU time of tokenising, of every layer and of building the record is
measured; the slowest layer is named. Times are CPU seconds (the machine is shared).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dispacci.annotate.doc import DocContext, start_doc  # noqa: E402
from dispacci.annotate.record import build_record  # noqa: E402
from dispacci.ingest.article import Article  # noqa: E402
from dispacci.pipeline import Pipeline, record_id  # noqa: E402
from dispacci.tokens import make_doc  # noqa: E402

_NORMAL = ("Il ministro degli Esteri ha detto ieri a Roma: «Continueremo a lavorare con i partner europei "
           "per la pace». Secondo fonti diplomatiche, il vertice si terrà a Vienna il 3 marzo. "
           "Il presidente russo Vladimir Putin ha parlato al telefono con Kassym-Jomart Tokayev.\n\n")

KINDS = {  # name: a unit repeated up to the length
    "quotes": '"',  # one space-free run of one mark
    "dots": ".",
    "guillemets": "«»",
    "dashes": "—",
    "spaced-quotes": '" ',  # a mark per token, no sentence end
    "spaced-dots": ". ",  # a one-token sentence each
    "spaced-mixed": "« » „ “ ” ‘ ’ ' \" ",
    "quoted-words": "«a» ",  # quotes around a word, thousands of times
    "colon-quotes": 'said: "x" ',  # a quote with a cue, thousands of times
    "said-quotes": 'He said: "we will win the vote" and ',  # real quotes, thousands in one paragraph
    "according": "according to officials, the talks failed, ",  # attributions, thousands
    "bangs": "!?",
    "normal": _NORMAL,
}


def text_of(kind: str, length: int) -> str:
    unit = KINDS[kind]
    return (unit * (length // len(unit) + 1))[:length]


def timed(nlp, text: str, language: str) -> dict[str, float]:
    """CPU seconds per stage of one analysis (what ``Pipeline.analyze_article`` does)."""
    article = Article.from_parts("T", text)
    article.language = language
    times: dict[str, float] = {}
    start = time.process_time()
    doc = make_doc(nlp, article.text)
    times["tokenise"] = time.process_time() - start
    start_doc(doc, DocContext(article=article, language=language, language_confidence=1.0, warnings=[]))
    for name, component in nlp.pipeline:
        start = time.process_time()
        doc = component(doc)
        times[name] = time.process_time() - start
    start = time.process_time()
    build_record(doc, record_id(article.title, article.text))
    times["record"] = time.process_time() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", default="1000,10000,100000")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    pipeline = Pipeline(language=args.language)
    pipeline.analyze("Warm up. He said: «yes».", title="T")
    nlp = pipeline.nlp(args.language)
    print(f"{'kind':<14}{'chars':>8}  {'ms/char':>8}  {'total s':>8}  slowest stages")
    for kind in args.kinds.split(","):
        for length in (int(n) for n in args.lengths.split(",")):
            times = timed(nlp, text_of(kind, length), args.language)
            total = sum(times.values())
            slowest = sorted(times.items(), key=lambda item: -item[1])[:3]
            stages = ", ".join(f"{name} {seconds:.2f}" for name, seconds in slowest)
            print(f"{kind:<14}{length:>8}  {total / length * 1e3:8.3f}  {total:8.2f}  {stages}", flush=True)


if __name__ == "__main__":
    main()
