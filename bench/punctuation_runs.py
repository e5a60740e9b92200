"""Time analysis of long runs of one punctuation mark; prints seconds per length (linear means ~constant per char)."""
from __future__ import annotations

import sys
import time

from dispacci.pipeline import Pipeline
from dispacci.tokens import make_doc


def main(lengths: list[int]) -> None:
    pipeline = Pipeline(language="en")
    pipeline.analyze("Warm up.", title="T")
    for n in lengths:
        text = '"' * n
        start = time.perf_counter()
        make_doc(pipeline.nlp("en"), text)
        tokenised = time.perf_counter() - start
        start = time.perf_counter()
        pipeline.analyze(text, title="T")
        analysed = time.perf_counter() - start
        print(f"{n:>8} quote marks: tokenise {tokenised:6.2f} s, full analysis {analysed:6.2f} s "
              f"({analysed / n * 1e6:.1f} µs/char)")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [16_000, 100_000])
