"""How fast the events and quotes browsers, the actor-aware search and the home list answer.

Builds ``bench/out/browse.db``: the analyst test corpus (tests/web/analyst_corpus.py)
copied into ``--articles`` records with their own ids, dates (2019-2024) and
outlets (records built directly and stored with ``store.add``; no pipeline). Then
times each page in-process (FastAPI TestClient, one client, warm after one call)
and prints p50/p95 in milliseconds. Figures only, no assertions.

    python bench/explorer_browse.py [--articles 10000] [--repeat 15] [--rebuild]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
PAGES = ["/", "/events", "/events?plover=SANCTION&source_country=USA&target_country=RUS&since=2022-01-01&until=2022-12-31",
         "/events?actor=vladimir-putin", "/events?offset=5000", "/events.csv?plover=SANCTION",
         "/quotes", "/quotes?speaker=vladimir-putin", "/search?q=Poutine", "/search?q=санкция",
         "/search?q=sanzione", "/actors?name=Put", "/actors/vladimir-putin"]


def build(path: Path, count: int) -> None:
    from dispacci.store import open_store
    from tests.web.analyst_corpus import analyst_records

    bases = analyst_records()
    store = open_store(path)
    try:
        batch = []
        for n in range(count):
            base = bases[n % len(bases)]
            year = 2019 + n % 6
            published = f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            dateline = base.dateline.model_copy(update={"date": published}) if base.dateline and base.dateline.date else base.dateline
            events = [e.model_copy(update={"date": published if e.date else None}) for e in base.events]
            source = base.source.model_copy(update={"publisher": f"{base.source.publisher}-{n % 40}",
                                                    "published": published if base.source.published else None})
            batch.append(base.model_copy(update={"id": f"{n:08d}{base.id[:12]}", "dateline": dateline,
                                                 "events": events, "source": source}))
            if len(batch) == 1000:
                store.add(batch)
                batch = []
        store.add(batch)
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / "browse.db"
    if args.rebuild or not db.exists():
        db.unlink(missing_ok=True)
        started = time.perf_counter()
        build(db, args.articles)
        print(f"built {args.articles} records in {time.perf_counter() - started:.1f} s")
    from fastapi.testclient import TestClient

    from dispacci.serving import create_app

    with TestClient(create_app(db, cache_size=0)) as client:
        print(f"{'page':<100} {'p50 ms':>8} {'p95 ms':>8}")
        for page in PAGES:
            first = time.perf_counter()
            client.get(page)
            cold = (time.perf_counter() - first) * 1000
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                answer = client.get(page)
                times.append((time.perf_counter() - started) * 1000)
                assert answer.status_code == 200, (page, answer.status_code)
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            print(f"{page:<100} {statistics.median(times):8.1f} {p95:8.1f}   (first {cold:.0f} ms)")


if __name__ == "__main__":
    main()
