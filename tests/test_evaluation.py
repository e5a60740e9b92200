"""`dispacci evaluate`: scoring records against reference files, and the command."""
from __future__ import annotations

import copy
import json

import pytest
from typer.testing import CliRunner

from dispacci.cli import app
from dispacci.evaluation import evaluate_records, load_gold, plover_full_match, score_events, score_plover

from .conftest import NEWS, SHARED

GOLD_DIR, ARTICLES_DIR = NEWS / "gold", NEWS / "articles"
PLOVER = SHARED / "data" / "events" / "plover" / "PLOVER_GSR_CAMEO.json"


def record_from_gold(gold: dict) -> dict:
    """The record a perfect analyser would produce for a reference file."""
    entities = [{"text": p, "kind": "person", "canonical": p} for p in gold.get("persons", [])]
    entities += [{"text": c, "kind": "country", "country": c} for c in gold.get("countries", [])]
    events = [{"source": {"name": e["source"], "country": e["source_country"]},
               "target": {"name": e["target"], "country": e["target_country"]},
               "cameo": e["cameo"], "plover": e["plover"], "date": e["date"]} for e in gold.get("events", [])]
    return {"entities": entities, "credits": [{"name": c} for c in gold.get("credits", [])],
            "quotes": copy.deepcopy(gold.get("quotes", [])), "dateline": gold.get("dateline"), "events": events}


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD_DIR)


def test_a_perfect_record_scores_one_on_every_layer(gold):
    report = evaluate_records({k: record_from_gold(v) for k, v in gold.items()}, gold)
    assert report.articles == len(gold) == 11
    for name, score in report.layers.items():
        assert score.f1 == 1.0, name
    assert report.layers["events"].cameo3_accuracy == 1.0 and report.layers["events"].date_accuracy == 1.0


def test_wrong_events_score_lower(gold):
    records = {k: record_from_gold(v) for k, v in gold.items()}
    swapped = copy.deepcopy(records)
    for record in swapped.values():
        for event in record["events"]:
            event["source"], event["target"] = event["target"], event["source"]  # direction matters
    assert score_events(swapped, gold).f1 < 0.5
    misdated = copy.deepcopy(records)
    for record in misdated.values():
        for event in record["events"]:
            event["date"] = "1999-01-01"
            event["cameo"] = event["cameo"][:2] + "9"
    scores = score_events(misdated, gold)
    assert scores.f1 == 1.0  # the CAMEO root and both sides still match ...
    assert scores.date_accuracy == 0.0 and scores.cameo3_accuracy < 0.2  # ... but code and date do not


def test_an_event_matches_by_country_when_names_differ(gold):
    records = {k: record_from_gold(v) for k, v in gold.items()}
    for event in records["028"]["events"]:
        event["source"]["name"] = "Kazakhstan"
    assert score_events({"028": records["028"]}, {"028": gold["028"]}).f1 == 1.0


def test_evaluate_on_the_development_set_prints_a_table_and_json():
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", str(GOLD_DIR), str(ARTICLES_DIR), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)["layers"]
    assert scores["articles"] == 11
    assert scores["layers"]["events"]["f1"] >= 0.8
    assert {"persons", "countries", "credits", "quotes", "quote speakers", "dateline", "events"} <= set(scores["layers"])


def test_evaluate_scores_plover_categories(tmp_path):
    records = json.loads(PLOVER.read_text(encoding="utf-8"))
    sample = [r for r in records if r.get("event") in ("FIGHT", "SANCTION", "CONSULT")][:6]
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(sample), encoding="utf-8")
    score = score_plover(path)
    assert score.records == 6 and 0 <= score.correct <= score.coded <= 6
    result = CliRunner().invoke(app, ["evaluate", "--plover", str(path)])
    assert result.exit_code == 0 and "PLOVER categories" in result.output
    assert "full match" in result.output and 0 <= score.full <= score.any_correct


def test_plover_full_match_needs_the_category_and_both_actors():
    item = {"source": [{"actorText": "Israeli police", "code": "ISR", "sector": "COP"}],
            "target": [{"actorText": "Palestinians", "code": "PSE", "sector": "CVL"}]}
    event = {"plover": "ASSAULT", "source": {"name": "police", "country": "ISR", "code": "ISRCOP"},
             "target": {"name": "Palestinians", "country": "PSE", "code": "PSE"}}
    assert plover_full_match(event, item, "ASSAULT", {})
    assert not plover_full_match(event, item, "FIGHT", {})
    assert not plover_full_match({**event, "target": {"name": "Egypt", "country": "EGY", "code": "EGY"}},
                                 item, "ASSAULT", {})
    compound = {"source": [{"actorText": "Hungarian", "code": "HUN"}, {"actorText": "Romanian", "code": "ROU"}]}
    pair = {"plover": "AGREE", "source": {"name": "Hungary", "country": "HUN", "code": "HUNGOV"},
            "target": {"name": "Romania", "country": "ROU", "code": "ROMGOV"}}
    assert plover_full_match(pair, compound, "AGREE", {})


def test_evaluate_names_a_missing_folder(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "nope"), str(ARTICLES_DIR)])
    assert result.exit_code == 3
    assert "E201" in result.output and "nope" in result.output
