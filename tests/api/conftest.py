"""Fixtures for the API tests: the sample corpus ingested into a real SQLite store."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .corpus import sample_records

__all__ = ["build_corpus_db"]


def build_corpus_db(path: Path) -> Path:
    """Store the sample records at ``path`` and cluster them (duplicates, stories)."""
    from dispacci.store import open_store

    store = open_store(path)
    try:
        store.add(sample_records())
        store.cluster()
    finally:
        store.close()
    return path


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """A read-only corpus shared by every test that only reads."""
    return build_corpus_db(tmp_path_factory.mktemp("corpus") / "corpus.db")


@pytest.fixture()
def records():
    return sample_records()


@pytest.fixture()
def client(corpus_db):
    from dispacci.serving import create_app

    with TestClient(create_app(corpus_db, token=None)) as test_client:
        yield test_client
