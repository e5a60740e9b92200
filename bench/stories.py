"""Story linking at corpus scale: full re-clustering and one-at-a-time joins.

    python bench/stories.py [--records 100000] [--joins 200] [--db PATH]

Builds a synthetic SQLite corpus straight into the layer tables (no analysis: the
figure is about clustering): real-world events reported by one to six outlets in
different languages within two days, each report naming the event's two main
actors, their countries and people of its own, amid background articles naming
popular leaders. Actors are drawn from a Zipf-like pool, so a few leaders appear in
a large share of the corpus, as in news. Prints the time of ``cluster()`` over the
whole store, the time per ``join()`` of a newly stored record, and the pairwise
precision/recall/F1 of the stories against the planted events (a sanity check of
the linking rules on synthetic data, not a measure of quality on real news).
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dispacci.store import open_store  # noqa: E402
from dispacci.store.dedup import NUM_PERM  # noqa: E402

LANGUAGES = ("it", "en", "fr", "de", "es", "ru")
COUNTRIES = [f"C{n:02d}" for n in range(60)]
START = dt.date(2022, 1, 1).toordinal()


def actor_pool(size: int, rng: random.Random) -> list[tuple[str, str]]:
    return [(f"actor-{n}", rng.choice(COUNTRIES)) for n in range(size)]


def zipf_pick(pool, rng: random.Random):
    # index ~ size * u^3 gives a long tail: actor-0 … actor-50 are the ever-present leaders
    return pool[int(len(pool) * rng.random() ** 3)]


def synthetic_corpus(total: int, rng: random.Random):
    """(records, truth): records are dicts; truth maps record id → planted event (None for background)."""
    pool = actor_pool(max(2000, total // 10), rng)
    records, truth = [], {}
    event = 0
    while len(records) < total:
        day = START + rng.randrange(730)
        if rng.random() < 0.6:  # a real-world event told by several outlets
            event += 1
            first, second = zipf_pick(pool, rng), zipf_pick(pool, rng)
            for n in range(rng.choice((1, 2, 2, 3, 4, 6))):
                cast = {first, second} | {zipf_pick(pool, rng) for _ in range(rng.randrange(3))}
                records.append(_record(len(records), day + rng.randrange(2), cast, rng,
                                       event=(first[0], second[0], "040") if rng.random() < 0.5 else None))
                truth[records[-1]["id"]] = event
        else:
            cast = {zipf_pick(pool, rng) for _ in range(1 + rng.randrange(3))}
            records.append(_record(len(records), day, cast, rng))
            truth[records[-1]["id"]] = None
    return records[:total], truth


def _record(n: int, day: int, cast, rng: random.Random, event=None) -> dict:
    return {"id": f"r{n:07d}", "date": dt.date.fromordinal(day).isoformat(), "language": rng.choice(LANGUAGES),
            "cast": sorted(cast), "event": event,
            "minhash": rng.randbytes(NUM_PERM * 4), "sample": rng.randbytes(64)}


def fill(store, records) -> None:
    """Write the synthetic records into the tables cluster() and join() read."""
    stats: dict[str, list] = {}
    with store._lock, store._transaction() as cursor:
        for record in records:
            cursor.execute("INSERT INTO records (id, title, language, published, date, text, body) "
                           "VALUES (?, ?, ?, ?, ?, '', '')", (record["id"], record["id"], record["language"],
                                                               record["date"], record["date"]))
            countries = {country for _, country in record["cast"]}
            rows = [(record["id"], actor, "person", actor, country) for actor, country in record["cast"]]
            rows += [(record["id"], country, "country", country, country) for country in countries]
            cursor.executemany("INSERT INTO entities (record_id, kind, actor, canonical, country) VALUES (?, ?, ?, ?, ?)",
                               [(r, k, a, c, co) for r, a, k, c, co in rows])
            for _, actor, _, _, _ in rows:
                stats.setdefault(actor, [0])[0] += 1
            if record["event"]:
                source, target, root = record["event"]
                cursor.execute("INSERT INTO events (record_id, n, date, source_actor, target_actor, root, cameo, "
                               "negated, hypothetical) VALUES (?, 0, ?, ?, ?, ?, ?, 0, 0)",
                               (record["id"], record["date"], source, target, root, root))
            cursor.execute("INSERT INTO fingerprints (record_id, shingles, minhash, sample) VALUES (?, 100, ?, ?)",
                           (record["id"], record["minhash"], record["sample"]))
        cursor.executemany("INSERT INTO actor_stats (actor, canonical, kind, mentions, records) VALUES (?, ?, 'person', ?, ?) "
                           "ON CONFLICT (actor) DO UPDATE SET records = actor_stats.records + excluded.records",
                           [(actor, actor, count[0], count[0]) for actor, count in stats.items()])


def pairwise(stories, truth) -> tuple[float, float, float]:
    found = {pair for s in stories for pair in combinations(sorted(m["id"] for m in s["members"]), 2)}
    by_event = defaultdict(list)
    for record_id, event in truth.items():
        if event is not None:
            by_event[event].append(record_id)
    gold = {pair for members in by_event.values() for pair in combinations(sorted(members), 2)}
    hits = len(found & gold)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(gold) if gold else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if hits else 0.0


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--joins", type=int, default=200)
    parser.add_argument("--db", help="where to build the corpus (default: a temporary folder)")
    args = parser.parse_args(argv)
    rng = random.Random(11)
    records, truth = synthetic_corpus(args.records + args.joins, rng)
    rng.shuffle(records)
    base, late = records[:args.records], records[args.records:]
    folder = tempfile.mkdtemp(prefix="dispacci-stories-")
    path = Path(args.db) if args.db else Path(folder) / "stories.db"
    with open_store(path) as store:
        started = time.perf_counter()
        if store.count() == 0:  # --db of an earlier run: reuse its corpus
            fill(store, base)
        print(f"filled {len(base):,} records in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        summary = store.cluster()
        print(f"cluster(): {time.perf_counter() - started:.1f} s wall for {len(base):,} records "
              f"(duplicates {summary['duplicates_seconds']} s, stories {summary['stories_seconds']} s; "
              f"{summary['stories']:,} stories)")
        precision, recall, f1 = pairwise(store.stories(limit=10**9), {r["id"]: truth[r["id"]] for r in base})
        print(f"planted events, pairwise: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")
        times = []
        for record in late:
            fill(store, [record])
            started = time.perf_counter()
            store.join([record["id"]])
            times.append(time.perf_counter() - started)
        times.sort()
        print(f"join(): {len(times)} records, median {times[len(times) // 2] * 1000:.0f} ms, "
              f"p95 {times[int(len(times) * 0.95)] * 1000:.0f} ms")
        joined = store.stories(limit=10**9)
        precision, recall, f1 = pairwise(joined, truth)
        started = time.perf_counter()
        store.cluster()
        again = store.stories(limit=10**9)
        same = {frozenset(m["id"] for m in s["members"]) for s in joined} == \
            {frozenset(m["id"] for m in s["members"]) for s in again}
        print(f"after joins, pairwise F1 {f1:.3f}; a full re-cluster ({time.perf_counter() - started:.1f} s) "
              f"gives {'the same' if same else 'different'} stories")


if __name__ == "__main__":
    main()
