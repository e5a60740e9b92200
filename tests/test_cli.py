"""The `dispacci` command: outputs, exit codes and one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys

from .conftest import FOUNDING, NEWS


def run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "dispacci.cli", *args], input=stdin, capture_output=True, timeout=300)


def test_analyze_json_prints_the_record_of_the_founding_example_in_an_array():
    result = run("analyze", str(FOUNDING), "--json")
    assert result.returncode == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert record["schema"] == "dispacci.record/4"
    assert record["source"]["path"] == str(FOUNDING)
    assert record["title"] == "Russia/Kazakistan - Telefonata tra Putin e Tokayev"
    assert record["dateline"]["date"] == "2022-04-02"


def test_analyze_folder_as_jsonl_one_record_per_line():
    result = run("analyze", str(NEWS / "articles"), "--jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 11
    assert {json.loads(line)["language"] for line in lines} == {"it", "en", "fr", "de", "es", "ru"}


def test_analyze_reads_standard_input():
    text = "Vertice a Roma\n\nROMA, 3 marzo 2024 - I ministri si sono incontrati oggi nella capitale."
    result = run("analyze", "-", "--jsonl", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == "Vertice a Roma" and record["dateline"]["date"] == "2024-03-03"
    assert record["source"]["path"] is None


def test_default_output_is_a_readable_summary():
    result = run("analyze", str(FOUNDING))
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "Russia/Kazakistan" in out and "Mosca" in out and "2022-04-02" in out


def test_bad_inputs_are_reported_in_one_line_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "good.txt").write_text("Titolo\n\nMOSCA, 20 OTT - Il Cremlino ha risposto oggi alle domande.")
    result = run("analyze", str(tmp_path), "--jsonl")
    errors = result.stderr.decode().strip().splitlines()
    assert result.returncode == 1
    assert len(result.stdout.decode().splitlines()) == 1
    assert len(errors) == 2 and all(line.startswith("dispacci: [E00") for line in errors)
    assert "Traceback" not in result.stderr.decode()
    assert any("empty.txt" in line for line in errors) and any("binary.txt" in line for line in errors)


def test_nothing_analysable_exits_3(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("analyze", str(tmp_path / "empty.txt"))
    assert result.returncode == 3 and b"empty.txt" in result.stderr and b"Traceback" not in result.stderr


def test_unknown_format_names_the_valid_ones():
    result = run("analyze", str(FOUNDING), "--format", "pdf")
    assert result.returncode == 2 and b"auto, text, html, jsonl, csv" in result.stderr


def test_schema_is_the_json_schema_of_the_record():
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["$id"] == "dispacci.record/4"
    assert {"text", "dateline", "entities", "quotes", "events", "not_body"} <= set(schema["properties"])


def test_help_lists_the_verbs():
    result = run("--help")
    assert result.returncode == 0 and b"analyze" in result.stdout and b"schema" in result.stdout
