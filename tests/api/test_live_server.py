"""A real server on 127.0.0.1 beside other processes writing the same SQLite file.

An acknowledged write must be on disk, whatever else touches the database and even
if the server is killed right after answering.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from .conftest import build_corpus_db
from .corpus import sample_records, variant

TOKEN = "live-test-token"
_SERVER = """
import sys, uvicorn
from dispacci.serving import create_app
uvicorn.run(create_app(sys.argv[1], token=sys.argv[3]), host="127.0.0.1", port=int(sys.argv[2]),
            log_level="warning", access_log=False)
"""
_CLI_STORES = """
import json, sys
from dispacci.record import Record
from dispacci.store import open_store
store = open_store(sys.argv[1])
store.add([Record.model_validate(json.loads(sys.argv[2]))])
store.close()
"""
_ENDPOINTS = ("/api/records", "/api/search?q=Putin", "/api/duplicates", "/api/stories", "/api/actors", "/")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _call(port: int, path: str, body: dict | None = None) -> tuple[int, dict | str]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method="POST" if data else "GET",
                                     headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            raw = answer.read().decode()
            return answer.status, json.loads(raw) if "json" in answer.headers.get("content-type", "") else raw
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture()
def server(tmp_path):
    db = build_corpus_db(tmp_path / "corpus.db")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen([sys.executable, "-c", _SERVER, str(db), str(port), TOKEN], env=env)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("the server did not start")
    yield process, port, db
    process.kill()
    process.wait()


def _fresh(name: str) -> dict:
    """A new record (ids are the content's, so ``name`` goes into the text)."""
    return variant(sample_records()[0], name).to_dict()


def _id(name: str) -> str:
    return _fresh(name)["id"]


def _stored_ids(db) -> set[str]:
    script = "import sqlite3, sys; print('\\n'.join(r[0] for r in sqlite3.connect(sys.argv[1]).execute('SELECT id FROM records')))"
    return set(subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True, text=True,
                              check=True).stdout.split())


def test_api_write_beside_a_cli_ingest_is_durable_and_every_page_still_answers(server):
    process, port, db = server
    pages = [threading.Thread(target=_call, args=(port, path)) for path in _ENDPOINTS * 2]
    for page in pages:  # concurrent requests open several pooled read connections
        page.start()
    for page in pages:
        page.join()
    subprocess.run([sys.executable, "-c", _CLI_STORES, str(db), json.dumps(_fresh("from-the-cli"))],
                   env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}, check=True)
    status, body = _call(port, "/api/ingest", {"records": [_fresh("from-the-api")]})
    assert status == 200 and body["stored"] == 1, body
    assert {_id("from-the-cli"), _id("from-the-api")} <= _stored_ids(db)
    for path in _ENDPOINTS:
        assert _call(port, path)[0] == 200, path
    assert _call(port, f"/api/records/{_id('from-the-cli')}")[0] == 200
    process.kill()
    process.wait()
    import sqlite3

    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_killing_the_server_mid_ingest_loses_nothing_it_acknowledged(server):
    process, port, db = server
    acknowledged: list[str] = []

    def keep_writing(worker: int) -> None:
        for n in range(200):
            fresh = _fresh(f"w{worker}-{n}")
            record_id = fresh["id"]
            try:
                status, body = _call(port, "/api/ingest", {"records": [fresh]})
            except OSError:
                return  # the server is gone
            if status == 200 and body["stored"] == 1:
                acknowledged.append(record_id)

    writers = [threading.Thread(target=keep_writing, args=(w,)) for w in range(3)]
    for writer in writers:
        writer.start()
    while len(acknowledged) < 10:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    for writer in writers:
        writer.join()
    assert acknowledged and set(acknowledged) <= _stored_ids(db)
    import sqlite3

    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
