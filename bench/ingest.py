"""Corpus benchmark: ingest speed, database size, query latency, clustering
time, and precision/recall of planted near-duplicates and stories.

    python bench/ingest.py [--articles 100000] [--analyse 1000] [--workdir /tmp/dispacci-bench]

The corpus is generated: article-sized texts in six languages made of
WikiNEuRal sentences (``../shared/data/ner/wikineural/*/{val,test}.conllu.gz``,
read in place, never copied) with one word in seven swapped for another word
of the language, so that texts do not share whole sentences by accident;
plus the development articles of ``../shared/examples``. Planted in it:

- near-duplicates: exact reprints, lightly edited copies (a few words changed,
  last sentence dropped, new headline) and short articles quoted whole inside
  longer ones;
- stories: the same meeting or call between two actors reported in three or
  four languages by different outlets within a day, and, as traps, the same
  two actors doing the same kind of thing weeks later.

Analysis speed is measured with the real pipeline on ``--analyse`` articles
(1 and 2 workers). The 100,000-article store is then filled with records
built directly (text, entities, events, quotes as the generator planted
them), because analysing 100,000 articles would take hours on a shared
2-core machine and the layers of synthetic text would not be the planted
truth; clustering and queries run on that store.
"""
from __future__ import annotations

import argparse
import gzip
import os
import random
import shutil
import statistics
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"
LANGS = ("it", "en", "fr", "de", "es", "ru")
ROOTS = [f"{n:02d}" for n in range(1, 21)]
PLOVER = {"01": "COMMENT", "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "COOPERATE", "06": "COOPERATE",
          "07": "AID", "08": "YIELD", "09": "INVESTIGATE", "10": "DEMAND", "11": "ACCUSE", "12": "REJECT",
          "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
          "19": "ASSAULT", "20": "ASSAULT"}
COUNTRIES = ["RUS", "UKR", "USA", "ITA", "FRA", "DEU", "ESP", "GBR", "CHN", "TUR", "KAZ", "POL", "BLR", "ISR", "IRN",
             "IND", "BRA", "JPN", "KOR", "PRK", "SAU", "EGY", "AZE", "ARM", "GEO", "SRB", "HUN", "ROU", "CAN", "MEX"]


# -- corpus generation -------------------------------------------------------------
def load_sentences(limit_per_lang: int | None = None) -> dict[str, list[list[str]]]:
    sentences: dict[str, list[list[str]]] = {}
    for lang in LANGS:
        found: list[list[str]] = []
        for split in ("val", "test"):
            path = SHARED / "data" / "ner" / "wikineural" / lang / f"{split}.conllu.gz"
            tokens: list[str] = []
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                for line in handle:
                    line = line.rstrip("\n")
                    if not line:
                        if len(tokens) >= 6:
                            found.append(tokens)
                        tokens = []
                        continue
                    parts = line.split("\t")
                    if len(parts) >= 2:
                        tokens.append(parts[1])
        sentences[lang] = found[:limit_per_lang] if limit_per_lang else found
    return sentences


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    for mark in (" ,", " .", " ;", " :", " !", " ?", " )", " »", " %"):
        text = text.replace(mark, mark[1:])
    return text.replace("( ", "(").replace("« ", "«")


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.sentences = load_sentences()
        self.vocab = {lang: [t for s in sents[:4000] for t in s if t.isalpha() and len(t) > 3]
                      for lang, sents in self.sentences.items()}
        self.outlets = [f"outlet-{n:02d}" for n in range(50)]
        self.actors = [(f"actor-{n:03d}", f"Actor{n:03d} Name{n:03d}", COUNTRIES[n % len(COUNTRIES)])
                       for n in range(300)]

    def sentence(self, lang: str) -> str:
        tokens = list(self.rng.choice(self.sentences[lang]))
        for i in range(len(tokens)):
            if tokens[i].isalpha() and self.rng.random() < 1 / 7:
                tokens[i] = self.rng.choice(self.vocab[lang])
        return detokenise(tokens)

    def body(self, lang: str, count: int) -> str:
        paragraphs, sentences = [], [self.sentence(lang) for _ in range(count)]
        for start in range(0, count, 4):
            paragraphs.append(" ".join(sentences[start:start + 4]))
        return "\n\n".join(paragraphs)

    def date(self, base: int | None = None, spread: int = 0) -> str:
        import datetime as dt

        day = (base if base is not None else self.rng.randrange(365)) + (self.rng.randint(0, spread) if spread else 0)
        return (dt.date(2024, 1, 1) + dt.timedelta(days=day)).isoformat()

    def later(self, date: str, least: int, most: int) -> str:
        import datetime as dt

        return (dt.date.fromisoformat(date) + dt.timedelta(days=self.rng.randint(least, most))).isoformat()

    def article(self, lang: str, body: str, *, title: str | None = None, published: str | None = None,
                cast: tuple = (), event: tuple | None = None, quote: bool = False, **truth) -> dict:
        title = title or self.sentence(lang)[:90]
        lead = ""
        if cast:
            lead = " — ".join(name for _, name, _ in cast) + ".\n\n"
        return {"lang": lang, "title": title, "body": lead + body, "published": published or self.date(),
                "outlet": self.rng.choice(self.outlets), "cast": cast, "event": event, "quote": quote, **truth}

    def edit(self, body: str, lang: str) -> str:
        words = body.split(" ")
        for _ in range(max(1, len(words) // 40)):
            words[self.rng.randrange(len(words))] = self.rng.choice(self.vocab[lang])
        edited = " ".join(words)
        return edited.rsplit(". ", 1)[0] + "." if ". " in edited else edited

    def corpus(self, size: int) -> list[dict]:
        rng, items = self.rng, []
        scale = size / 100_000
        # near-duplicates
        for n in range(int(2000 * scale)):
            lang = rng.choice(LANGS)
            original = self.article(lang, self.body(lang, rng.randint(8, 16)), dup=f"reprint-{n}")
            items.append(original)
            for _ in range(rng.randint(1, 3)):
                items.append({**original, "title": self.sentence(lang)[:90], "outlet": rng.choice(self.outlets),
                              "published": self.later(original["published"], 0, 3)})
        for n in range(int(1500 * scale)):
            lang = rng.choice(LANGS)
            original = self.article(lang, self.body(lang, rng.randint(8, 16)), dup=f"edit-{n}")
            items.append(original)
            for _ in range(rng.randint(1, 2)):
                items.append({**original, "title": self.sentence(lang)[:90], "outlet": rng.choice(self.outlets),
                              "body": self.edit(original["body"], lang)})
        for n in range(int(1000 * scale)):
            lang = rng.choice(LANGS)
            short = self.article(lang, self.body(lang, rng.randint(4, 6)), dup=f"inside-{n}")
            items.append(short)
            roundup = self.body(lang, rng.randint(12, 20))
            items.append(self.article(lang, roundup + "\n\n" + short["body"] + "\n\n" + self.body(lang, 3),
                                      dup=f"inside-{n}"))
        # stories: one meeting, several languages; and a trap weeks later
        for n in range(int(2000 * scale)):
            a, b = rng.sample(self.actors, 2)
            root = rng.choice(["04", "03", "05", "11", "12", "13"])
            day = rng.randrange(330)
            for lang in rng.sample(LANGS, rng.randint(3, 4)):
                source, target = (a, b) if rng.random() < 0.7 else (b, a)
                items.append(self.article(lang, self.body(lang, rng.randint(6, 14)), published=self.date(day, 1),
                                          cast=(a, b), event=(source, target, root + rng.choice("0123")),
                                          story=f"story-{n}"))
            if n % 2 == 0:
                lang = rng.choice(LANGS)
                items.append(self.article(lang, self.body(lang, 8), published=self.date(day + rng.randint(10, 30)),
                                          cast=(a, b), event=(a, b, root + "0")))
        # development articles, then generated background to the size asked
        for path in sorted((SHARED / "examples" / "news" / "articles").glob("*.txt")):
            title, body = path.read_text(encoding="utf-8").split("\n\n", 1)
            items.append({"lang": None, "title": title, "body": body, "published": self.date(), "outlet": "dev",
                          "cast": (), "event": None, "quote": False})
        while len(items) < size:
            lang = rng.choice(LANGS)
            cast = tuple(rng.sample(self.actors, rng.randint(0, 4)))
            event = (cast[0], cast[1], rng.choice(ROOTS) + "0") if len(cast) >= 2 and rng.random() < 0.5 else None
            items.append(self.article(lang, self.body(lang, rng.randint(8, 18)), cast=cast, event=event,
                                      quote=rng.random() < 0.2))
        rng.shuffle(items)
        return items[:size]


def build_record(item: dict):
    from dispacci.pipeline import record_id
    from dispacci.record import Entity, Event, EventActor, Evidence, Quote, Record, Source

    text = f"{item['title']}\n\n{item['body']}"
    offset = len(item["title"]) + 2
    entities, position = [], offset
    for actor_id, name, country in item["cast"]:
        entities.append(Entity(start=position, end=position + len(name), text=name, kind="person", canonical=name,
                               actor=actor_id, country=country))
        position += len(name) + 3
    events = []
    if item["event"]:
        (sid, sname, scountry), (tid, tname, tcountry), cameo = item["event"]
        events.append(Event(source=EventActor(name=sname, actor=sid, country=scountry, code=f"{scountry}GOV"),
                            target=EventActor(name=tname, actor=tid, country=tcountry, code=f"{tcountry}GOV"),
                            cameo=cameo, plover=PLOVER[cameo[:2]], date=item["published"],
                            evidence=Evidence(start=offset, end=position - 3 if entities else offset)))
    quotes = []
    if item["quote"]:
        sentence_end = text.find(". ", position + 20)
        if sentence_end > position:
            speaker = item["cast"][0] if item["cast"] else None
            quotes.append(Quote(start=position, end=sentence_end, text=text[position:sentence_end],
                                speaker=speaker[1] if speaker else None, speaker_actor=speaker[0] if speaker else None))
    return Record(id=record_id(item["title"], item["body"]), text=text, language=item["lang"] or "xx",
                  title=item["title"], source=Source(publisher=item["outlet"], published=item["published"],
                                                     url=f"https://{item['outlet']}.example/{abs(hash(text)) % 10**9}"),
                  entities=entities, events=events, quotes=quotes)


# -- measuring ---------------------------------------------------------------------
def pairs_of(groups: dict) -> set[tuple[str, str]]:
    found = set()
    for members in groups.values():
        found.update(tuple(sorted(pair)) for pair in combinations(sorted(set(members)), 2))
    return found


def precision_recall(predicted: set, truth: set) -> tuple[float, float]:
    hit = len(predicted & truth)
    return (hit / len(predicted) if predicted else 1.0), (hit / len(truth) if truth else 1.0)


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def time_queries(store, gen: Generator, rng: random.Random, runs: int) -> dict[str, list[float]]:
    words = {lang: [w for w in gen.vocab[lang][:2000]] for lang in LANGS}
    some_ids = [row["id"] for row in store.records(limit=200)]
    total = store.count()
    verbs = {
        "search": lambda: store.search(rng.choice(words[rng.choice(LANGS)]), limit=20),
        "search --lang --since": lambda: store.search(rng.choice(words["it"]), lang="it", since="2024-06-01", limit=20),
        "records --outlet --since": lambda: store.records(outlet=rng.choice(gen.outlets), since="2024-03-01", limit=50),
        "events --actor ID": lambda: store.events(actor=rng.choice(gen.actors)[0], limit=100),
        "events --actor NAME": lambda: store.events(actor=rng.choice(gen.actors)[1], limit=100),
        "events --country": lambda: store.events(country=rng.choice(COUNTRIES), limit=100),
        "events --code --since --until": lambda: store.events(code=rng.choice(ROOTS), since="2024-04-01",
                                                              until="2024-05-01", limit=100),
        "events --plover": lambda: store.events(plover="CONSULT", limit=100),
        "quotes --speaker": lambda: store.quotes(speaker=rng.choice(gen.actors)[1], limit=100),
        "records --offset (deep)": lambda: store.records(offset=rng.randrange(total // 2, total), limit=50),
        "events --offset (deep)": lambda: store.events(offset=rng.randrange(1000, 20_000), limit=100),
        "quotes --offset (deep)": lambda: store.quotes(offset=rng.randrange(1000, 20_000), limit=100),
        "actors --top 50": lambda: store.actors(top=50),
        "actor ID": lambda: store.actor(rng.choice(gen.actors)[0]),
        "show ID": lambda: store.get(rng.choice(some_ids)),
        "duplicates": lambda: store.duplicates(limit=100),
        "stories": lambda: store.stories(limit=100),
    }
    timings: dict[str, list[float]] = defaultdict(list)
    for name, run in verbs.items():
        run()  # warm the page cache once
        for _ in range(runs):
            started = time.perf_counter()
            run()
            timings[name].append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--analyse", type=int, default=1000, help="articles analysed by the real pipeline")
    parser.add_argument("--workdir", default="/tmp/dispacci-bench")
    parser.add_argument("--runs", type=int, default=40, help="timed runs per query verb")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries-only", action="store_true",
                        help="only time the queries on the corpus.db a previous run left in --workdir")
    args = parser.parse_args()

    from dispacci.ingest.article import Article
    from dispacci.store import open_store
    from dispacci.store.dedup import fingerprint
    from dispacci.corpus import ingest_articles

    work = Path(args.workdir)
    if args.queries_only:
        gen = Generator(args.seed)
        with open_store(work / "corpus.db") as store:
            print(f"query latency on {store.count():,} articles over {args.runs} runs each (ms):")
            for name, values in time_queries(store, gen, random.Random(args.seed), args.runs).items():
                print(f"  {name:32s} p50 {statistics.median(values):7.1f}   p99 {percentile(values, 0.99):7.1f}")
        return
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    started = time.perf_counter()
    gen = Generator(args.seed)
    items = gen.corpus(args.articles)
    words = sum(len(item["body"].split()) for item in items)
    print(f"corpus: {len(items):,} articles, {words / len(items):.0f} words on average, "
          f"generated in {time.perf_counter() - started:.0f} s")

    # 1. analysis with the real pipeline, 1 and 2 workers
    subset = [Article.from_parts(item["title"], item["body"], published=item["published"], publisher=item["outlet"])
              for item in items[:args.analyse]]
    for workers in (1, 2):
        db = work / f"analysed-{workers}.db"
        fresh = [Article(**{**vars(a), "warnings": []}) for a in subset]
        marks: list[tuple[float, int]] = []
        with open_store(db) as store:
            t = time.perf_counter()
            summary = ingest_articles(fresh, store, workers=workers, cluster=False,
                                      progress=lambda p: marks.append((time.perf_counter(), p.done)))
            seconds = time.perf_counter() - t
        # steady state: from the first 10% done (every pipeline built by then) to the end
        first = next(m for m in marks if m[1] >= len(subset) // 10)
        steady = (marks[-1][1] - first[1]) / (marks[-1][0] - first[0])
        print(f"ingest with the full pipeline, {workers} worker(s): {len(subset)} articles in {seconds:.1f} s = "
              f"{len(subset) / seconds:.1f} articles/s including start-up, {steady:.1f} articles/s steady "
              f"(stored {summary.stored}, duplicates {summary.duplicates}, failed {summary.failed})")
        size = sum(f.stat().st_size for f in work.glob(f"analysed-{workers}.db*"))
        print(f"  database size with analysed layers: {size / summary.stored * 1000 / 2**20:.2f} MiB per 1,000 articles")

    # 2. the full store from pre-built records
    db = work / "corpus.db"
    store = open_store(db)
    t = time.perf_counter()
    built = 0
    for start in range(0, len(items), 1000):
        records = [build_record(item) for item in items[start:start + 1000]]
        prints = {r.id: fingerprint(r.text) for r in records}
        store.add(records, fingerprints=prints)
        built += len(records)
    seconds = time.perf_counter() - t
    count = store.count()
    store._fetch("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(f.stat().st_size for f in work.glob("corpus.db*"))
    print(f"store of pre-built records: {count:,} stored in {seconds:.0f} s = {count / seconds:.0f} records/s "
          f"(fingerprints included)")
    print(f"database size: {size / 2**20:.0f} MiB = {size / count * 1000 / 2**20:.2f} MiB per 1,000 articles")

    # 3. clustering
    t = time.perf_counter()
    summary = store.cluster()
    print(f"clustering {count:,} articles: {time.perf_counter() - t:.1f} s (near-duplicates "
          f"{summary['duplicates_seconds']:.1f} s: {summary['duplicate_groups']:,} groups; stories "
          f"{summary['stories_seconds']:.1f} s: {summary['stories']:,} stories)")

    # 4. precision and recall of what was planted
    ids = {}
    truth_dups, truth_stories = defaultdict(list), defaultdict(list)
    for item in items:
        rid = build_record_id(item)
        ids[rid] = item
        if item.get("dup"):
            truth_dups[item["dup"]].append(rid)
        if item.get("story"):
            truth_stories[item["story"]].append(rid)
    found_dups = {g["group"]: [m["id"] for m in g["members"]] for g in store.duplicates(limit=10**7)}
    found_stories = {s["story"]: [m["id"] for m in s["members"]] for s in store.stories(limit=10**7)}
    for name, truth, found in (("near-duplicates", truth_dups, found_dups), ("stories", truth_stories, found_stories)):
        p, r = precision_recall(pairs_of(found), pairs_of(truth))
        print(f"{name}: precision {p:.3f}, recall {r:.3f} over pairs of planted members "
              f"({len(pairs_of(truth)):,} true pairs, {len(pairs_of(found)):,} predicted)")
    by_kind = defaultdict(lambda: [0, 0])
    predicted = pairs_of(found_dups)
    for key, members in truth_dups.items():
        for pair in pairs_of({key: members}):
            by_kind[key.split("-")[0]][0] += 1
            by_kind[key.split("-")[0]][1] += pair in predicted
    print("  recall by kind of copy: " + ", ".join(f"{kind} {hit / total:.3f} ({total:,} pairs)"
                                                   for kind, (total, hit) in sorted(by_kind.items())))

    # 5. query latency
    timings = time_queries(store, gen, random.Random(args.seed), args.runs)
    print(f"query latency over {args.runs} runs each (ms):")
    for name, values in timings.items():
        print(f"  {name:32s} p50 {statistics.median(values):7.1f}   p99 {percentile(values, 0.99):7.1f}")
    store.close()
    print(f"total bench time {time.perf_counter() - started:.0f} s on {os.cpu_count()} CPUs")


def build_record_id(item: dict) -> str:
    from dispacci.pipeline import record_id

    return record_id(item["title"], item["body"])


if __name__ == "__main__":
    main()
