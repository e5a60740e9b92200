"""Fixtures for the explorer tests: the API tests' corpus and in-memory store."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.corpus import sample_records
from tests.api.fake_store import FakeStore


@pytest.fixture()
def records():
    return sample_records()


@pytest.fixture()
def client(records):
    from dispacci.api import create_app

    with TestClient(create_app(FakeStore(records))) as test_client:
        yield test_client
