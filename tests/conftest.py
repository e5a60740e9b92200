"""Shared fixtures: the real articles in ../shared and one pipeline per test session."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = SHARED / "examples"
NEWS = EXAMPLES / "news"
FOUNDING = EXAMPLES / "putin-tokayev-call.it.txt"
FOUNDING_EXPECTED = EXAMPLES / "putin-tokayev-call.it.expected.json"


def news_ids() -> list[str]:
    return sorted(p.stem for p in (NEWS / "articles").glob("*.txt"))


@pytest.fixture(scope="session")
def pipeline():
    from dispacci import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def founding_record(pipeline):
    return pipeline.analyze(FOUNDING.read_text(encoding="utf-8"), path=str(FOUNDING))


@pytest.fixture(scope="session")
def founding_expected() -> dict:
    return json.loads(FOUNDING_EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def news_records(pipeline) -> dict:
    """Records of the eleven development articles, by id."""
    return {
        stem: pipeline.analyze((NEWS / "articles" / f"{stem}.txt").read_text(encoding="utf-8"))
        for stem in news_ids()
    }


@pytest.fixture(scope="session")
def news_gold() -> dict:
    return {stem: json.loads((NEWS / "gold" / f"{stem}.json").read_text(encoding="utf-8")) for stem in news_ids()}
