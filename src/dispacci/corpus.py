"""Building a corpus: read articles, analyse them (in parallel), store them in batches.

This sits above the store, which only keeps records: the analysis (the
pipeline, the readers) is orchestrated here.

Safe to interrupt and re-run: the record id (a hash of title and body) is the
key, articles already stored are skipped before analysis, and each batch is
one transaction — a crash or Ctrl-C loses at most the batch in flight, which
the next run redoes. Analysis runs in ``workers`` processes, each building its
own ``Pipeline`` once; the parent process alone writes to the store.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack, nullcontext
from dataclasses import asdict, dataclass, field

from .errors import ConfigError, DispacciError, Errors, InputError
from .ingest.article import Article
from .ingest.decode import DEFAULT_MAX_CHARS
from .options import AnalysisOptions
from .pipeline import record_id
from .store.dedup import fingerprint

__all__ = ["IngestProgress", "IngestSummary", "IngestInterrupted", "ingest_paths", "ingest_articles"]


@dataclass
class IngestProgress:
    done: int
    total: int
    stored: int
    duplicates: int
    failed: int
    elapsed: float


@dataclass
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    clusters: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during an ingest; ``summary`` says what was committed."""

    def __init__(self, summary: IngestSummary):
        super().__init__("ingest interrupted")
        self.summary = summary


_worker_pipeline = None
_worker_error: str | None = None


def _one_blas_thread():
    """OpenBLAS (used through numpy by some annotators) spins a helper thread per
    process: with one process per core that doubles the load, so analysis runs
    with one BLAS thread (measured on 2 cores: 12.9 → 41 articles/s with one worker)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return nullcontext()
    return threadpool_limits(limits=1)


def _init_worker(options: AnalysisOptions, *, in_pool: bool = True) -> None:
    global _worker_pipeline, _worker_error
    if in_pool:
        _one_blas_thread()   # kept for the life of the worker

    try:
        _worker_pipeline = options.pipeline()
    except Exception as error:
        if not in_pool:
            raise
        # an initializer that raises makes the pool respawn workers for ever: report it per article instead
        _worker_error = error.one_line() if isinstance(error, DispacciError) else f"{type(error).__name__}: {error}"


def _analyze(article: Article) -> tuple:
    """Runs in a worker: ("ok", record, fingerprint) or ("error", source, message)."""
    if _worker_error is not None:
        return "error", article.name, f"the pipeline could not be built: {_worker_error}"
    try:
        record = _worker_pipeline.analyze_article(article)
        return "ok", record, fingerprint(record.text)
    except DispacciError as error:
        return "error", article.name, error.one_line()
    except Exception as error:  # a bug must not sink a 100,000-article ingest; it is kept as a failure
        return "error", article.name, f"internal error (a bug, please report it): {type(error).__name__}: {error}"


def ingest_paths(paths: Sequence[str], store, *, fmt: str = "auto", max_chars: int = DEFAULT_MAX_CHARS,
                 **settings) -> IngestSummary:
    """Ingest every article under ``paths`` (files or folders) into ``store``; ``settings``
    are those of ``ingest_articles``."""
    from .ingest.readers import read_paths

    if settings.get("options") is not None:
        max_chars = settings["options"].max_chars
    workers = settings.get("workers", 1)
    files = _expand(paths)
    if workers > 1 and len(files) > 1:
        # reading HTML (boilerplate removal) costs as much as analysis: spread it too
        import multiprocessing
        from functools import partial

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            read = partial(_read_file, fmt=fmt, max_chars=max_chars)
            items = [_unpack(item) for batch in pool.imap(read, files, chunksize=16) for item in batch]
    else:
        items = list(read_paths(paths, fmt=fmt, max_chars=max_chars))
    return ingest_articles(items, store, max_chars=max_chars, **settings)


def _expand(paths: Sequence[str]) -> list[str]:
    """The files ``read_paths`` would read, in its order ('-' stays as is)."""
    from pathlib import Path

    files: list[str] = []
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            readable = {p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")}
            # let the reader's own rules decide which files of a folder it reads
            files.extend(str(p) for p in sorted(readable) if _readable_suffix(p))
        else:
            files.append(name)
    return files


def _readable_suffix(path) -> bool:
    from .ingest import readers

    return path.suffix.lower() in readers.READABLE_SUFFIXES


def _read_file(name: str, *, fmt: str, max_chars: int) -> list:
    """Runs in a worker. Errors travel as tuples: exceptions with keyword
    arguments do not survive pickling."""
    from .ingest.readers import read_paths

    try:
        items = list(read_paths([name], fmt=fmt, max_chars=max_chars))
    except DispacciError as error:
        items = [error]
    return [("error", type(item).__name__, item.code, item.message, item.source)
            if isinstance(item, DispacciError) else item for item in items]


def _unpack(item):
    if isinstance(item, tuple):
        from . import errors

        _, kind, code, message, source = item
        return getattr(errors, kind, InputError)(code, message, source=source)
    return item


# Up to this many new records join their stories one by one; more are re-clustered whole.
JOIN_LIMIT = 500

def ingest_articles(items: Iterable[Article | InputError], store, *, workers: int = 1, batch_size: int = 200,
                    annotators: Sequence[str] | None = None, resources: Sequence[str] = (),
                    language: str | None = None, published: str | None = None,
                    max_chars: int = DEFAULT_MAX_CHARS, cluster: bool = True,
                    progress: Callable[[IngestProgress], None] | None = None, actors: Sequence[str] = (),
                    options: AnalysisOptions | None = None) -> IngestSummary:
    """Analyse and store ``items``; read errors among them are kept as failures. The analysis
    options come as ``options`` or as the separate keywords (``annotators`` … ``max_chars``)."""
    if workers < 1:
        raise ConfigError("E316", Errors.E316.format(value=workers))
    started = time.perf_counter()
    summary = IngestSummary()
    todo, failures = _plan(list(items), store, summary, published)
    total = len(todo) + summary.duplicates + len(failures)
    options = options or AnalysisOptions.of(annotators=annotators, resources=resources, actors=actors,
                                            language=language, max_chars=max_chars)
    batch: list = []
    prints: dict = {}
    offered: list[str] = []   # ids of every record handed to the store, for joining stories
    stale = bool(cluster) and hasattr(store, "clusters_stale") and store.count() > 0 and store.clusters_stale()

    def report() -> None:
        if progress:
            done = summary.stored + summary.duplicates + summary.failed + len(batch) + len(failures)
            progress(IngestProgress(done, total, summary.stored, summary.duplicates,
                                    summary.failed + len(failures), time.perf_counter() - started))

    def flush() -> None:
        nonlocal batch, failures, prints
        if not batch and not failures:
            return
        counts = store.add(batch, failures=failures, fingerprints=prints)
        offered.extend(record.id for record in batch)
        summary.stored += counts["stored"]
        summary.duplicates += counts["duplicates"]
        summary.failed += counts["failed"]
        summary.failures.extend(failures)
        batch, failures, prints = [], [], {}

    pool = None
    limits = ExitStack()
    try:
        report()
        if workers == 1:
            limits.enter_context(_one_blas_thread())
            _init_worker(options, in_pool=False)
            results = map(_analyze, todo)
        else:
            import multiprocessing

            pool = multiprocessing.get_context("fork").Pool(workers, initializer=_init_worker, initargs=(options,))
            results = pool.imap(_analyze, todo, chunksize=4)
        for status, first, second in results:
            if status == "ok":
                batch.append(first)
                prints[first.id] = second
            else:
                failures.append((first, second))
            if len(batch) + len(failures) >= batch_size:
                flush()
            report()
        flush()
        report()
    except KeyboardInterrupt:
        if pool is not None:
            pool.terminate()
        summary.seconds = time.perf_counter() - started
        raise IngestInterrupted(summary) from None
    finally:
        limits.close()
        if pool is not None:
            pool.terminate()
            pool.join()
    if cluster and summary.stored:
        # a few new records join their groups and stories; many, or a store whose groups
        # were already stale, are re-clustered whole (cheaper than thousands of joins)
        if summary.stored <= JOIN_LIMIT and not stale and hasattr(store, "join"):
            summary.clusters = store.join(offered)
        else:
            summary.clusters = store.cluster()
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _plan(items: list, store, summary: IngestSummary, published: str | None) -> tuple[list[Article], list]:
    """Articles still to analyse; articles already stored (or repeated) count as duplicates."""
    failures: list[tuple[str, str]] = []
    articles: list[tuple[str, Article]] = []
    for item in items:
        if isinstance(item, DispacciError):
            failures.append((item.source or "<input>", item.one_line()))
            continue
        if published:
            item.published = published
        articles.append((record_id(item.title, item.text[item.body_start:]), item))
    stored = store.has([key for key, _ in articles])
    todo, seen = [], set(stored)
    for key, article in articles:
        if key in seen:
            summary.duplicates += 1
            continue
        seen.add(key)
        todo.append(article)
    return todo, failures
