"""Batch throughput: the single-process CLI against `dispacci batch` on 1 and 2 Dask workers.

    python bench/batch.py [--articles 2000] [--shard-size 250]

Writes the same articles as one JSONL file, then times, each in a fresh process,
`dispacci analyze FILE --jsonl`, `dispacci batch FILE --engine local`, and
`dispacci batch FILE --engine dask --workers N` for N = 1, 2. Prints wall seconds,
articles/s, and the engine's own cost: Dask with one worker against the local engine
(cluster start, pickling, scheduling). On a shared machine wall time is noisy: run it
when the cores are idle, and read the ratios rather than the absolute figures.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus  # noqa: E402

CLI = [sys.executable, "-c", "from dispacci.cli import main; main()"]


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command[3:])} failed: {done.stderr[-500:]}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--shard-size", type=int, default=250)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dispacci-batch-bench-"))
    try:
        source = folder / "articles.jsonl"
        texts = corpus(args.articles)[:args.articles]
        with source.open("w", encoding="utf-8") as handle:
            for n, text in enumerate(texts):
                title, _, body = text.partition("\n\n")
                handle.write(json.dumps({"title": title, "text": body or title, "url": f"https://b.example/{n}"}) + "\n")
        n = len(texts)
        runs = [("analyze --jsonl (one process)", [*CLI, "analyze", str(source), "--jsonl"])]
        runs.append(("batch --engine local", [*CLI, "batch", str(source), "--out", str(folder / "local"), "-q",
                                              "--shard-size", str(args.shard_size)]))
        for workers in (1, 2):
            runs.append((f"batch --engine dask --workers {workers}",
                         [*CLI, "batch", str(source), "--out", str(folder / f"dask{workers}"), "-q", "--engine",
                          "dask", "--workers", str(workers), "--shard-size", str(args.shard_size)]))
        print(f"{n} articles, shard size {args.shard_size}, {os.cpu_count()} cores")
        seconds = {}
        for name, command in runs:
            seconds[name] = timed(command)
            print(f"{name:40s} {seconds[name]:8.1f} s {n / seconds[name]:8.1f} articles/s")
        local, one = seconds["batch --engine local"], seconds["batch --engine dask --workers 1"]
        print(f"engine cost (dask 1 worker vs local): {one - local:+.1f} s ({(one / local - 1) * 100:+.0f}%)")
        print(f"speed-up of 2 workers over 1: {one / seconds['batch --engine dask --workers 2']:.2f}x")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
