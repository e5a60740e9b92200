"""Only the configured Host names are answered (DNS rebinding cannot read a loopback server)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.fixture()
def guarded(corpus_db):
    from dispacci.api.middleware import LOOPBACK_HOSTS
    from dispacci.serving import create_app

    app = create_app(corpus_db, allowed_hosts=[*LOOPBACK_HOSTS, "news.example.org"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        yield client


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "[::1]:8000", "NEWS.example.org", "news.example.org."])
def test_loopback_and_configured_names_are_answered(guarded, host):
    for path in ("/api/records", "/"):
        assert guarded.get(path, headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example.com", "evil.example.com:8000", "127.0.0.1.evil.example", "", "[::2]"])
def test_another_name_is_a_coded_400_on_the_api_and_the_explorer(guarded, host):
    for path in ("/api/records", "/", "/api/analyze"):
        answer = guarded.get(path, headers={"Host": host})
        assert answer.status_code == 400
        error = answer.json()["error"]
        assert error["code"] == "E411" and "--allowed-host" in error["message"]


def test_a_star_allows_every_name(corpus_db):
    from dispacci.serving import create_app

    with TestClient(create_app(corpus_db, allowed_hosts=["*"])) as client:
        assert client.get("/api/records", headers={"Host": "anything.example"}).status_code == 200


def test_serve_answers_loopback_its_host_and_the_names_given(monkeypatch, corpus_db):
    """`dispacci serve` always checks: loopback names, --host, and each --allowed-host."""
    from typer.testing import CliRunner

    import uvicorn
    from dispacci.cli import app

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: seen.update(app=application))
    result = CliRunner().invoke(app, ["serve", "--db", str(corpus_db), "--host", "10.1.2.3",
                                      "--allowed-host", "news.example.org"])
    assert result.exit_code == 0, result.output
    client = TestClient(seen["app"])
    for host in ("localhost", "10.1.2.3:8000", "news.example.org"):
        assert client.get("/api/records", headers={"Host": host}).status_code == 200
    assert client.get("/api/records", headers={"Host": "rebound.example"}).status_code == 400
