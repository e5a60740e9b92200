"""Batch analysis: shard the input, analyse each shard where an engine puts it, write
Parquet and a manifest; a run stopped half-way resumes at the first unfinished shard.

The engine is ``local`` (this process) or ``dask`` (a Dask distributed cluster: a
``LocalCluster`` of worker processes on this machine, or the scheduler of a real
cluster given by address). Workers load the pipeline once and keep it for every shard
they get; they write their shard's files themselves, so on a cluster ``--out`` must be
a folder every worker can write (a shared file system).
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path

from ..errors import ConfigError, DispacciError, Errors
from ..options import AnalysisOptions
from .inputs import iter_inputs
from .tables import TABLES, record_rows, write_tables

__all__ = ["ENGINES", "BatchSummary", "run_batch", "analyze_shard", "MANIFEST"]

ENGINES = ("local", "dask")
MANIFEST = "manifest.json"
_MANIFEST_VERSION = "dispacci.batch/1"


@dataclass
class BatchSummary:
    out: str
    shards: int = 0
    skipped: int = 0  # shards already done by an earlier run
    articles: int = 0
    records: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)


_pipelines: dict = {}


def _pipeline(options: AnalysisOptions):
    """One pipeline per worker process and options, built on its first shard."""
    if options not in _pipelines:
        _pipelines[options] = options.pipeline()
    return _pipelines[options]


def analyze_shard(shard: str, items: list, options: AnalysisOptions, out: str, published: str | None = None) -> dict:
    """Analyse one shard and write its tables; runs on a worker. ``items`` are articles or
    ``(source, message)`` pairs of inputs that could not be read; ``published`` is the
    publication date given for every input, if one was."""
    pipeline = _pipeline(options)
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    records = 0
    for item in items:
        if isinstance(item, tuple):
            rows["errors"].append({"source": item[0], "message": item[1]})
            continue
        if published:
            item.published = published
        try:
            record = pipeline.analyze_article(item)
        except DispacciError as error:
            rows["errors"].append({"source": item.name, "message": error.one_line()})
            continue
        except Exception as error:  # a bug must not sink the batch; it is kept as that item's failure
            rows["errors"].append({"source": item.name, "message": f"internal error: {type(error).__name__}: {error}"})
            continue
        records += 1
        for name, new in record_rows(record, getattr(item, "fetched", None)).items():
            rows[name].extend(new)
    files = write_tables(rows, Path(out), f"part-{shard}")
    return {"shard": shard, "articles": len(items), "records": records, "failed": len(rows["errors"]),
            "errors": [(e["source"], e["message"]) for e in rows["errors"]], "files": files}


def _shards(items: Iterable, size: int) -> Iterator[tuple[str, list]]:
    iterator = iter(items)
    number = 0
    while chunk := list(islice(iterator, size)):
        # read errors travel as plain pairs: exceptions with keyword arguments do not pickle
        yield f"{number:06d}", [(i.source or "<input>", i.one_line()) if isinstance(i, DispacciError) else i
                                for i in chunk]
        number += 1


def _settings(paths: Sequence[str], shard_size: int, options: AnalysisOptions, published: str | None) -> dict:
    # the options as a manifest has always listed them, published among them, so an older run resumes
    values = {**asdict(options), "published": published}
    return {"inputs": [os.path.abspath(p) if p != "-" else p for p in paths], "shard_size": shard_size,
            "options": {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}}


def _load_manifest(out: Path, settings: dict) -> dict:
    path = out / MANIFEST
    if not path.exists():
        return {"version": _MANIFEST_VERSION, "settings": settings, "shards": {}}
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("settings") != settings:
        changed = sorted(k for k in settings if manifest.get("settings", {}).get(k) != settings[k])
        raise ConfigError("E502", Errors.E502.format(path=str(out), reason="different " + ", ".join(changed)))
    return manifest


def _save_manifest(out: Path, manifest: dict) -> None:
    temporary = out / f".{MANIFEST}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    temporary.replace(out / MANIFEST)


def run_batch(paths: Sequence[str], out: str | Path, *, engine: str = "local", scheduler: str | None = None,
              workers: int = 1, shard_size: int = 500, options: AnalysisOptions = AnalysisOptions(),
              published: str | None = None, fmt: str = "auto",
              progress: Callable[[BatchSummary], None] | None = None) -> BatchSummary:
    """Analyse every article under ``paths`` into Parquet tables under ``out``, with the
    analysis ``options`` every verb takes and ``published`` for every input if given."""
    if engine not in ENGINES:
        raise ConfigError("E504", Errors.E504.format(value=engine, valid=", ".join(ENGINES)))
    if workers < 1:
        raise ConfigError("E316", Errors.E316.format(value=workers))
    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    settings = _settings(paths, shard_size, options, published)
    manifest = _load_manifest(out, settings)
    summary = BatchSummary(out=str(out))
    done = manifest["shards"]

    def finished(result: dict) -> None:
        done[result["shard"]] = {k: v for k, v in result.items() if k not in ("shard", "errors")}
        _save_manifest(out, manifest)
        _count(summary, result)
        if progress:
            progress(summary)

    todo = _unfinished(_shards(iter_inputs(paths, fmt=fmt, max_chars=options.max_chars), shard_size), done, summary)
    if engine == "local":
        for shard, items in todo:
            finished(analyze_shard(shard, items, options, str(out), published))
    else:
        _run_dask(todo, options, published, str(out), scheduler, workers, finished)
    manifest["totals"] = {"shards": len(done), "articles": sum(s["articles"] for s in done.values()),
                          "records": sum(s["records"] for s in done.values()),
                          "failed": sum(s["failed"] for s in done.values())}
    _save_manifest(out, manifest)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _unfinished(shards: Iterator[tuple[str, list]], done: dict, summary: BatchSummary) -> Iterator[tuple[str, list]]:
    for shard, items in shards:
        if shard in done and all((Path(summary.out) / f).exists() for f in done[shard].get("files", [])):
            summary.skipped += 1
            continue
        yield shard, items


def _count(summary: BatchSummary, result: dict) -> None:
    summary.shards += 1
    summary.articles += result["articles"]
    summary.records += result["records"]
    summary.failed += result["failed"]
    summary.failures.extend(result["errors"])


def _run_dask(todo: Iterator[tuple[str, list]], options: AnalysisOptions, published: str | None, out: str,
              scheduler: str | None, workers: int, finished: Callable[[dict], None]) -> None:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, host="127.0.0.1")
            client = Client(cluster)
    except (OSError, TimeoutError) as error:
        raise ConfigError("E503", Errors.E503.format(address=scheduler or "local", reason=error)) from None
    try:
        window = max(2, 2 * workers)  # shards in flight: the input is streamed, never held whole
        pending = as_completed()
        for shard, items in todo:
            pending.add(client.submit(analyze_shard, shard, items, options, out, published, key=f"shard-{shard}-{_salt()}"))
            while pending.count() >= window:
                finished(next(pending).result())
        for future in pending:
            finished(future.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _salt() -> str:
    return hashlib.sha1(os.urandom(8)).hexdigest()[:8]

