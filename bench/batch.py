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


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds, and CPU seconds of the command and every process it started (its Dask
    workers included): on a shared machine the CPU figure is the one that compares."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command[3:])} failed: {done.stderr[-500:]}")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


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
        seconds, cpu = {}, {}
        print(f"{'run':40s} {'wall s':>8s} {'art/s':>8s} {'CPU s':>8s} {'art/CPU s':>10s}")
        for name, command in runs:
            seconds[name], cpu[name] = timed(command)
            print(f"{name:40s} {seconds[name]:8.1f} {n / seconds[name]:8.1f} {cpu[name]:8.1f} {n / cpu[name]:10.1f}")
        local, one = cpu["batch --engine local"], cpu["batch --engine dask --workers 1"]
        print(f"engine cost in CPU (dask 1 worker vs local): {one - local:+.1f} s ({(one / local - 1) * 100:+.0f}%)")
        two = seconds["batch --engine dask --workers 2"]
        print(f"wall speed-up of 2 workers over 1: {seconds['batch --engine dask --workers 1'] / two:.2f}x")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
