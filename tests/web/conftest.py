"""Fixtures for the explorer tests: the API tests' corpus in a real store."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import build_corpus_db
from tests.api.corpus import sample_records


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory):
    return build_corpus_db(tmp_path_factory.mktemp("web-corpus") / "corpus.db")


@pytest.fixture()
def records():
    return sample_records()


@pytest.fixture()
def client(corpus_db):
    from dispacci.serving import create_app

    with TestClient(create_app(corpus_db)) as test_client:
        yield test_client
