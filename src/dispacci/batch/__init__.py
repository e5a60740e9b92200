"""Batch analysis at scale: sharded, on a Dask cluster or in this process, to Parquet."""
from __future__ import annotations

from .run import ENGINES, MANIFEST, BatchSummary, analyze_shard, run_batch
from .tables import TABLES, read_records

__all__ = ["ENGINES", "MANIFEST", "TABLES", "BatchSummary", "analyze_shard", "run_batch", "read_records",
           "ingest_output"]


def ingest_output(folder, store, *, batch_size: int = 500, cluster: bool = True) -> dict:
    """Store every record of a batch's output folder; records stored already are skipped.
    Duplicate groups and stories are updated afterwards, as after any ingest."""
    from pathlib import Path

    from ..errors import Errors, InputError
    from ..store.dedup import fingerprint

    folder = Path(folder)
    if not (folder / MANIFEST).is_file():
        raise InputError("E505", Errors.E505, source=str(folder))
    counts = {"stored": 0, "duplicates": 0}
    chunk: list = []

    def flush() -> None:
        if chunk:
            fresh = [r for r in chunk if r.id not in set(store.has([c.id for c in chunk]))]
            counts["duplicates"] += len(chunk) - len(fresh)
            if fresh:
                added = store.add(fresh, failures=[], fingerprints={r.id: fingerprint(r.text) for r in fresh})
                counts["stored"] += added["stored"]
                counts["duplicates"] += added["duplicates"]
            chunk.clear()

    for record in read_records(folder):
        chunk.append(record)
        if len(chunk) >= batch_size:
            flush()
    flush()
    counts["clusters"] = store.cluster() if cluster and counts["stored"] else {}
    return counts
