"""Fixtures for the API tests: an app over the sample corpus, with and without a token."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .corpus import sample_records
from .fake_store import FakeStore


@pytest.fixture()
def records():
    return sample_records()


@pytest.fixture()
def client(records):
    from dispacci.api import create_app

    app = create_app(FakeStore(records), token=None)
    with TestClient(app) as test_client:
        yield test_client
