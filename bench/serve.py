"""How fast the explorer and the API answer on a 10,000-article database.

Builds (or reuses) ``bench/out/serve.db``: the development articles are
analysed once, then copied into 10,000 records with their own ids, titles,
dates, outlets and an extra closing paragraph (constructed records go through
``store.add``; running the pipeline 10,000 times would only measure the
pipeline). Then it starts ``dispacci serve`` on a free loopback port and runs a
bounded number of requests per endpoint from concurrent clients, printing
p50/p95/p99 latency and requests per second. Target: p95 under 300 ms for the
article view and the API list endpoints.

    python bench/serve.py [--articles 10000] [--clients 8] [--requests 400] [--workers 1] [--rebuild]
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
OUTLETS = [f"Outlet {name}" for name in ("Alpha", "Borea", "Corriere Uno", "Daily Two", "Echo", "Faro", "Gazeta",
                                         "Herald", "Istok", "Journal", "Kurier", "La Voz", "Monde", "Nord")]
FILLER = ("talks minister agreement border energy summit trade sanctions ceasefire delegation visit statement "
          "parliament election budget crisis negotiations security cooperation").split()


def base_records() -> list:
    from dispacci.pipeline import Pipeline

    pipeline = Pipeline()
    paths = sorted((SHARED / "examples" / "news" / "articles").glob("*.txt"))
    paths.append(SHARED / "examples" / "putin-tokayev-call.it.txt")
    return [pipeline.analyze(path.read_text(encoding="utf-8"), path=str(path)) for path in paths]


def synthesise(bases: list, count: int, seed: int = 7):
    """``count`` records varied from ``bases``; offsets stay valid (text only grows at the end)."""
    rng = random.Random(seed)
    for n in range(count):
        base = bases[n % len(bases)]
        day = f"{2021 + n % 4}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        outlet = OUTLETS[rng.randrange(len(OUTLETS))]
        extra = " ".join(rng.choice(FILLER) for _ in range(40))
        source = base.source.model_copy(update={"published": day, "publisher": outlet,
                                                "url": f"https://example.org/{outlet.split()[-1].lower()}/{n}"})
        yield base.model_copy(update={"id": f"{n:08d}{base.id[:12]}", "title": f"{base.title or 'Untitled'} ({n})",
                                      "text": f"{base.text}\n\nBackground {n}: {extra}.", "source": source})


def build(db: Path, count: int) -> None:
    from dispacci.store import open_store

    started = time.perf_counter()
    bases = base_records()
    store = open_store(db)
    try:
        batch: list = []
        for record in synthesise(bases, count):
            batch.append(record)
            if len(batch) == 500:
                store.add(batch)
                batch = []
        if batch:
            store.add(batch)
        print(f"built {db} with {store.count():,} records in {time.perf_counter() - started:.1f} s")
        clustered = time.perf_counter()
        summary = store.cluster()
        print(f"clustered in {time.perf_counter() - clustered:.1f} s: {summary}")
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, workers: int, cache_size: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "dispacci.cli", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(workers), "--cache-size", str(cache_size)],
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/records?limit=1", timeout=2).status_code == 200:
                return server, base
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"server did not start: {server.stderr.read().decode()[-2000:]}")


def measure(base: str, name: str, urls: list[str], clients: int) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    local = threading.local()

    def one(url: str) -> None:
        nonlocal errors
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=base, timeout=30)
        started = time.perf_counter()
        try:
            failed = client.get(url).status_code != 200
        except httpx.HTTPError:
            failed = True
        elapsed = time.perf_counter() - started
        with lock:
            latencies.append(elapsed)
            errors += failed

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, urls))
    wall = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {"name": name, "n": len(latencies), "errors": errors, "p50": cuts[49] * 1000, "p95": cuts[94] * 1000,
            "p99": cuts[98] * 1000, "rps": len(latencies) / wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=OUT / "serve.db")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--cache-size", type=int, default=512, help="server's query cache (0: every request cold)")
    parser.add_argument("--only", default="", help="run only endpoints whose name contains this")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.rebuild and args.db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
    if not args.db.exists():
        build(args.db, args.articles)

    from dispacci.store import open_store

    store = open_store(args.db, read_only=True)
    ids = [row["id"] for row in store.records(limit=2000, offset=0)]
    actors = [row["actor"] or row["canonical"] for row in store.actors(top=20)]
    total = store.count()
    store.close()
    rng = random.Random(1)
    n = args.requests
    pick = lambda items: [rng.choice(items) for _ in range(n)]
    plans = {
        "article view /records/{id}": [f"/records/{i}" for i in pick(ids)],
        "records page /": [f"/?offset={50 * rng.randrange(100)}" for _ in range(n)],
        "GET /api/records": [f"/api/records?offset={50 * rng.randrange(190)}" for _ in range(n)],
        "GET /api/records deep": [f"/api/records?offset={50 * rng.randrange(100, total // 50)}" for _ in range(n)],
        "GET /api/records?lang=it": [f"/api/records?lang=it&offset={50 * rng.randrange(10)}" for _ in range(n)],
        "GET /api/records/{id}": [f"/api/records/{i}" for i in pick(ids)],
        "GET /api/events": [f"/api/events?offset={100 * rng.randrange(20)}" for _ in range(n)],
        "GET /api/quotes": [f"/api/quotes?offset={100 * rng.randrange(20)}" for _ in range(n)],
        "GET /api/actors": ["/api/actors?top=50"] * n,
        "GET /api/search": [f"/api/search?q={rng.choice(FILLER)}" for _ in range(n)],
        "GET /api/stories": ["/api/stories?limit=50"] * (n // 4),
        "GET /api/duplicates": ["/api/duplicates?limit=50"] * (n // 4),
    }
    if actors:
        plans["actor page /actors/{id}"] = [f"/actors/{a}" for a in pick(actors)][: n // 2]
        plans["GET /api/actors/{id}"] = [f"/api/actors/{a}" for a in pick(actors)][: n // 2]
    plans = {name: urls for name, urls in plans.items() if args.only in name}
    server, base = start_server(args.db, args.workers, args.cache_size)
    try:
        print(f"{total:,} records · {args.clients} concurrent clients · loopback · {args.workers} server process(es), "
              f"cache {args.cache_size or 'off'} "
              f"· {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        print(f"{'endpoint':32} {'n':>5} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>7}")
        for name, urls in plans.items():
            measure(base, name, urls[:10], 2)  # warm caches and connections
            row = measure(base, name, urls, args.clients)
            flag = "" if row["p95"] < 300 else "  over 300 ms"
            print(f"{name:32} {row['n']:5} {row['errors']:4} {row['p50']:8.1f} {row['p95']:8.1f} "
                  f"{row['p99']:8.1f} {row['rps']:7.1f}{flag}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
