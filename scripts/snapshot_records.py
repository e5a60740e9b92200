"""Dump the JSON record of every development article, or check them against a dump.

    python scripts/snapshot_records.py OUT_DIR [--synthetic 300]
    python scripts/snapshot_records.py OUT_DIR --check

A refactoring that must not change output writes a snapshot before it starts
and checks against it after every step: every record byte-identical. The
articles are the founding example and the development articles in ../shared,
the bundled examples/, and (with --synthetic) the benchmark's synthetic
articles in six languages, which reach far more code paths than the dozen real
ones. Keep OUT_DIR outside git.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "bench"))


def development_files() -> list[Path]:
    return sorted([*(SHARED / "examples" / "news" / "articles").glob("*.txt"),
                   *(SHARED / "examples").glob("*.txt"), *(ROOT / "examples").glob("*.txt")])


def records(synthetic: int) -> dict[str, str]:
    """File name → the record's indented JSON, as `dispacci show --json` prints it."""
    from dispacci import Pipeline

    pipeline = Pipeline()
    out = {}
    for path in development_files():
        record = pipeline.analyze(path.read_text(encoding="utf-8"), path=path.relative_to(ROOT.parent).as_posix())
        out[f"{path.parent.name}-{path.stem}.json"] = record.to_json(indent=1) + "\n"
    if synthetic:
        from corpus import LANGUAGES, synthetic_articles

        for lang in LANGUAGES:
            for index, text in enumerate(synthetic_articles(lang, synthetic // len(LANGUAGES))):
                out[f"synthetic-{lang}-{index:04d}.json"] = pipeline.analyze(text).to_json(indent=1) + "\n"
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--synthetic", type=int, default=0, help="also this many synthetic benchmark articles")
    parser.add_argument("--check", action="store_true", help="compare with the dump in OUT instead of writing it")
    args = parser.parse_args()
    if args.check:
        expected = {path.name: path.read_text(encoding="utf-8") for path in args.out.glob("*.json")}
        synthetic = sum(name.startswith("synthetic-") for name in expected)
        current = records(synthetic)
        changed = sorted(name for name in expected.keys() | current.keys() if expected.get(name) != current.get(name))
        for name in changed:
            print(f"differs: {name}")
        print(f"{len(current) - len(changed)} of {len(expected)} records identical")
        return 1 if changed else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in records(args.synthetic).items():
        (args.out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(list(args.out.glob('*.json')))} records to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
