"""Absurd numbers in a query string are a coded 422 on the API and a first page on the explorer, never a 500."""
from __future__ import annotations

import pytest

HUGE = [str(2 ** 63), str(2 ** 63 - 1), str(10 ** 30), "1" * 5000, "-1", "1e3", "0x10"]
LISTS = ["/api/records", "/api/search?q=Putin", "/api/events", "/api/quotes"]


@pytest.mark.parametrize("value", HUGE)
@pytest.mark.parametrize("path", LISTS)
def test_an_absurd_offset_or_limit_is_422(client, path, value):
    join = "&" if "?" in path else "?"
    for name in ("offset", "limit"):
        answer = client.get(f"{path}{join}{name}={value}")
        assert answer.status_code == 422, (name, answer.text[:200])
        assert answer.json()["error"]["code"] == "E407"


def test_the_largest_offset_allowed_answers_an_empty_page(client):
    from dispacci.api.deps import MAX_OFFSET

    answer = client.get(f"/api/records?offset={MAX_OFFSET}")
    assert answer.status_code == 200 and answer.json()["items"] == []


@pytest.mark.parametrize("value", HUGE)
def test_the_explorer_pages_take_any_offset(client, value):
    for path in ("/", "/events", "/quotes"):
        assert client.get(f"{path}?offset={value}").status_code in (200, 404), path


def test_the_cli_refuses_an_offset_past_64_bits_with_a_code(corpus_db):
    from typer.testing import CliRunner

    from dispacci.cli import app

    result = CliRunner().invoke(app, ["search", "Putin", "--db", str(corpus_db), "--offset", str(2 ** 63)])
    assert result.exit_code == 2 and "E317" in result.output  # a bad option value


@pytest.mark.parametrize("body", ['{"text": "x", "n": ' + "1" * 5000 + "}", "[" * 100_000])
def test_a_body_json_cannot_read_is_a_coded_400(client, body):
    answer = client.post("/api/analyze", content=body.encode(), headers={"Content-Type": "application/json"})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "E407"
