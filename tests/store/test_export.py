"""Exports write every row in the documented layout."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from dispacci.errors import ConfigError
from dispacci.store.export import EVENT_COLUMNS, export

from ..conftest import ROOT


@pytest.fixture
def store(new_store, call_records):
    """The call records, in SQLite and in PostgreSQL."""
    opened = new_store()
    opened.add(call_records)
    return opened


def _documented_columns() -> list[str]:
    doc = (ROOT / "docs" / "events-csv.md").read_text(encoding="utf-8")
    return re.findall(r"^\| \d+ \| `([^`]+)` \|", doc, flags=re.M)


def test_the_events_csv_has_the_documented_columns_in_order(store):
    out = io.StringIO()
    assert export(store, "events", "csv", out) == 4
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == _documented_columns() == list(EVENT_COLUMNS)
    call = next(r for r in rows if r["Language"] == "it")
    assert call["SQLDATE"] == "20220402" and call["EventCode"] == "041" and call["EventRootCode"] == "04"
    assert call["Actor1Name"] == "Putin" and call["Actor1CountryCode"] == "RUS" and call["Actor1Code"] == "RUSGOV"
    assert call["Actor2Id"] == "kassym-jomart-tokayev" and call["QuadClass"] == "1" and call["GoldsteinScale"] == "1.0"
    assert call["Evidence"] == "conversazione telefonica" and call["GLOBALEVENTID"].endswith("-0")
    record = store.get(call["RecordId"])
    assert record.text[int(call["EvidenceStart"]):int(call["EvidenceEnd"])] == call["Evidence"]


def test_records_export_as_jsonl_round_trips(store, call_records):
    out = io.StringIO()
    assert export(store, "records", "jsonl", out) == 4
    exported = [json.loads(line) for line in out.getvalue().splitlines()]
    assert exported == [record.to_dict() for record in call_records]


def test_quotes_and_entities_export_as_csv(store):
    quotes, entities = io.StringIO(), io.StringIO()
    assert export(store, "quotes", "csv", quotes) == 1
    assert export(store, "entities", "csv", entities) == 6
    assert next(csv.DictReader(io.StringIO(quotes.getvalue())))["speaker"] == "Kremlin"
    assert {row["kind"] for row in csv.DictReader(io.StringIO(entities.getvalue()))} == {"person"}


def test_parquet_export_reads_back(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the optional 'parquet' extra")
    path = tmp_path / "events.parquet"
    assert export(store, "events", "parquet", path) == 4
    table = pq.read_table(path)
    assert table.column_names == list(EVENT_COLUMNS) and table.num_rows == 4


def test_unknown_what_or_format_names_the_valid_ones(store):
    with pytest.raises(ConfigError, match="records, events, quotes, entities"):
        export(store, "people", "csv", io.StringIO())
    with pytest.raises(ConfigError, match="jsonl, csv, parquet"):
        export(store, "events", "xlsx", io.StringIO())
