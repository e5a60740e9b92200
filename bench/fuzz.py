"""Fuzz campaign over every reader and the whole annotator pipeline (not in CI).

    python bench/fuzz.py --examples 20000 [--targets text,html,jsonl,csv,bytes,warc,pipeline] [--atheris 50000]

Hypothesis generates hostile inputs (random Unicode, mixed scripts, control
characters, huge tokens, deep HTML, quote-mark storms, malformed JSONL/CSV,
random bytes in several encodings; see ``tests/fuzzing.py``). For each input
the target must answer with articles/records whose spans index the text, or a
coded ``DispacciError``; anything else is a crash. An input over the time
bound (a base plus a cost per character) is reported as slow. Prints inputs
tried, crashes (with the smallest input seen for each), slow inputs and time.
"""
from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests import fuzzing  # noqa: E402

# Time bounds: base seconds + seconds per character (generous: the machine is shared, ~6 jobs per core;
# quadratic cost blows past them on the long inputs, linear stays under).
BOUNDS = {"reader": (1.0, 100e-6), "pipeline": (3.0, 1000e-6)}


class Campaign:
    def __init__(self, out: Path | None = None):
        self.out = out
        self.tried: dict[str, int] = {}
        self.seconds: dict[str, float] = {}
        self.chars: dict[str, int] = {}
        self.crashes: dict[str, dict] = {}  # signature → first/smallest input and traceback
        self.slow: list[dict] = []
        self.notes: dict[str, str] = {}  # what an engine says of itself (atheris: coverage reached)
        self.worst: dict[str, tuple[float, int]] = {}  # target → (µs/char, size) of the slowest per char

    def save(self) -> None:
        if self.out:
            self.out.write_text(json.dumps({"tried": self.tried, "seconds": self.seconds, "crashes": self.crashes,
                                            "slow": self.slow, "worst_us_per_char": self.worst, "notes": self.notes}, indent=1))

    def run_one(self, target: str, kind: str, size: int, call, shown, timed=lambda: True) -> None:
        # CPU time, not wall time: on a shared machine the wall clock measures the other jobs
        start = time.process_time()
        try:
            call()
            problem = None
        except Exception as error:  # noqa: BLE001 - a campaign collects every failure
            problem = error
        took = time.process_time() - start
        self.tried[target] = self.tried.get(target, 0) + 1
        self.seconds[target] = self.seconds.get(target, 0.0) + took
        self.chars[target] = self.chars.get(target, 0) + size
        per_char = took / max(size, 1) * 1e6
        if not timed():  # the first article of a language builds its pipeline: not analysis time
            pass
        elif size >= 1000 and per_char > self.worst.get(target, (0.0, 0))[0]:
            self.worst[target] = (per_char, size)
        base, per = BOUNDS[kind]
        if took > base + per * size and timed():
            self.slow.append({"target": target, "seconds": round(took, 2), "chars": size, "input": repr(shown)[:300]})
        if problem is not None:
            frame = traceback.extract_tb(problem.__traceback__)[-1]
            signature = f"{target}: {type(problem).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            seen = self.crashes.get(signature)
            if seen is None or len(repr(shown)) < len(seen["input"]):
                self.crashes[signature] = {"input": repr(shown)[:2000], "error": f"{type(problem).__name__}: "
                                           f"{str(problem)[:300]}", "count": (seen or {}).get("count", 0) + 1,
                                           "traceback": "".join(traceback.format_exception(problem))[-3000:]}
            else:
                seen["count"] += 1


def _settings(examples: int, seed: int | None = None):
    return settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
                    suppress_health_check=list(HealthCheck))


MUTANTS = 4  # random edits tried after each generated input (see tests/fuzzing.mutants)


def fuzz_readers(campaign: Campaign, names: list[str], examples: int, per_target: dict[str, int]) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="dispacci-fuzz-"))
    for name in names:
        if name == "warc":
            strategy, function = fuzzing.html_page(), lambda page: fuzzing.read_warc(page, tmp)
        else:
            strategy, function = fuzzing.TARGETS[name]
        _reader_test(campaign, name, strategy, function, per_target.get(name, examples))()
        report_progress(campaign)
        campaign.save()


def _reader_test(campaign: Campaign, name: str, strategy, function, examples: int):
    rng = random.Random(f"dispacci-fuzz-{name}")

    @_settings(examples)
    @given(strategy)
    def run(value):
        for one in (value, *fuzzing.mutants(value, rng, MUTANTS)):
            campaign.run_one(name, "reader", len(one), lambda: function(one), one)

    return run


def fuzz_pipeline(campaign: Campaign, examples: int) -> None:
    from dispacci.pipeline import Pipeline

    pipeline = Pipeline()
    for language in fuzzing.LANGUAGES[1:]:  # build every language first: a build is not analysis time
        pipeline.analyze("Warm up. Il ministro ha detto: «sì».", title="T", language=language)
    texts = st.one_of(fuzzing.article_text, fuzzing.html_page())
    titles = st.one_of(st.none(), fuzzing.article_text.map(lambda t: t[:200]))

    rng = random.Random("dispacci-fuzz-pipeline")

    @_settings(examples, None)
    @given(texts, titles, st.sampled_from(fuzzing.LANGUAGES))
    def run(text, title, language):
        for one in (text, *fuzzing.mutants(text, rng, 1)):
            built = len(pipeline._nlps)
            campaign.run_one("pipeline", "pipeline", len(one) + len(title or ""),
                             lambda: fuzzing.analyse(pipeline, one, title, language), (one, title, language),
                             timed=lambda: len(pipeline._nlps) == built)

    run()


def fuzz_atheris(campaign: Campaign, runs: int) -> None:
    """Coverage-guided bytes into ``read_bytes``, in a child process (libFuzzer exits when done)."""
    start = time.perf_counter()
    child = subprocess.run([sys.executable, __file__, "--atheris-child", str(runs)], capture_output=True, text=True)
    took = time.perf_counter() - start
    done = [line for line in child.stderr.splitlines() if line.startswith("#") and "DONE" in line]
    tried = int(done[-1].split()[0][1:]) if done else 0
    campaign.tried["atheris"] = tried
    campaign.notes["atheris"] = done[-1] if done else child.stderr[-500:]
    campaign.seconds["atheris"] = took
    campaign.chars["atheris"] = 0
    if child.returncode != 0:
        campaign.crashes[f"atheris: exit {child.returncode}"] = {"input": "see atheris output", "count": 1,
                                                                   "error": child.stderr[-3000:], "traceback": ""}


def _atheris_child(runs: int) -> None:
    import atheris

    with atheris.instrument_imports():
        from dispacci.errors import DispacciError
        from dispacci.ingest.readers import read_bytes

    def test_one(data: bytes) -> None:
        fmt = ("auto", "text", "html", "jsonl", "csv")[data[0] % 5] if data else "auto"
        try:
            fuzzing.check_items(read_bytes(data[1:], source="atheris", fmt=fmt))
        except DispacciError:
            pass

    seeds = Path(tempfile.mkdtemp(prefix="dispacci-atheris-"))
    for n, seed in enumerate(_SEEDS):  # a corpus of each format, so mutation starts from real structure
        (seeds / f"seed{n}").write_bytes(seed)
    atheris.Setup([sys.argv[0], str(seeds), f"-runs={runs}", "-max_len=4096", "-len_control=10",
                   "-rss_limit_mb=2048"], test_one)
    atheris.Fuzz()


_SEEDS = [  # first byte picks the reader format (see test_one)
    b"\x01Vertice a Vienna\n\nVIENNA, 3 marzo (ANSA) - Il ministro ha detto: \xc2\xabTorneremo\xc2\xbb.",
    b"\x02<html><head><title>T</title><meta charset='utf-8'></head><body><article><p>Der Minister sagte: "
    b"\xe2\x80\x9eWir reden weiter\xe2\x80\x9c.</p></article></body></html>",
    b'\x03{"title": "Cumbre", "text": "El ministro dijo \\u00abs\\u00ed\\u00bb.", "published": "2024-05-03"}\n{"text": 1}',
    b'\x04title,text,url\n"Sommet","Le ministre a dit : \xc2\xab oui \xc2\xbb.",http://x.org/a\n',
    b"\x00" + "Встреча\n\nМинистр заявил: «Да».".encode("utf-16"),
]


def report_progress(campaign: Campaign) -> None:
    total = sum(campaign.tried.values())
    print(f"  … {total:,} inputs, {len(campaign.crashes)} crash signatures, {len(campaign.slow)} slow",
          file=sys.stderr, flush=True)


def report(campaign: Campaign, started: float) -> None:
    total = sum(campaign.tried.values())
    print(f"fuzz campaign: {total:,} inputs in {time.perf_counter() - started:,.0f} s wall "
          f"({time.process_time():,.0f} s CPU; per-target times below are CPU)")
    for name, tried in campaign.tried.items():
        seconds, chars = campaign.seconds[name], campaign.chars[name]
        worst = campaign.worst.get(name)
        extra = f", worst {worst[0]:.0f} µs/char on {worst[1]:,} chars" if worst else ""
        rate = f"{chars / seconds / 1e3:,.0f} k chars/s" if chars and seconds else "-"
        print(f"  {name:<9} {tried:>8,} inputs  {seconds:8.1f} s  {rate}{extra}")
    for name, note in campaign.notes.items():
        print(f"  {name}: {note}")
    print(f"crashes: {len(campaign.crashes)} signature(s)")
    for signature, crash in campaign.crashes.items():
        print(f"  {signature} (×{crash['count']}): {crash['error']}\n    input: {crash['input'][:300]}")
    print(f"slow inputs (over the time bound): {len(campaign.slow)}")
    for item in campaign.slow[:10]:
        print(f"  {item['target']}: {item['seconds']} s on {item['chars']:,} chars: {item['input'][:160]}")
    campaign.save()


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="generated inputs per reader target "
                        f"(each followed by {MUTANTS} random edits of it)")
    parser.add_argument("--pipeline-examples", type=int, default=None, help="inputs for the pipeline "
                        "(default: a tenth of --examples)")
    parser.add_argument("--examples-for", default="", help="other counts for some targets: html=300,warc=300")
    parser.add_argument("--targets", default="text,html,jsonl,csv,bytes,warc,pipeline")
    parser.add_argument("--atheris", type=int, default=0, help="also run atheris for this many runs")
    parser.add_argument("--atheris-child", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, default=None, help="write the findings to this file")
    args = parser.parse_args()
    if args.atheris_child:
        _atheris_child(args.atheris_child)
        return 0
    campaign, started = Campaign(args.json), time.perf_counter()
    signal.signal(signal.SIGTERM, _interrupt)  # a timeout still gets the report
    names = [n.strip() for n in args.targets.split(",") if n.strip() and n.strip() != "none"]
    unknown = set(names) - {*fuzzing.TARGETS, "warc", "pipeline"}
    if unknown:
        parser.error(f"unknown targets: {', '.join(sorted(unknown))}")
    try:
        per_target = {k: int(v) for k, v in (pair.split("=") for pair in args.examples_for.split(",") if pair)}
        fuzz_readers(campaign, [n for n in names if n != "pipeline"], args.examples, per_target)
        if args.atheris:
            fuzz_atheris(campaign, args.atheris)
        if "pipeline" in names:
            fuzz_pipeline(campaign, args.pipeline_examples or max(1, args.examples // 10))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    report(campaign, started)
    return 1 if campaign.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
