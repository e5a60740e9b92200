"""The golden-corpus gate: every layer on the real development articles stays
above the floors recorded in ``golden_floors.json``.

The floors are the project's promise to its users; a change that drops a layer
below its floor fails CI. Raise floors as the product improves; lowering one is
a visible edit of that file, in a commit that says why.
"""
from __future__ import annotations

import json

import pytest

from dispacci.evaluation import evaluate_records

from .conftest import ROOT

FLOORS = {layer: metrics for layer, metrics in
          json.loads((ROOT / "tests" / "golden_floors.json").read_text(encoding="utf-8")).items()
          if not layer.startswith("_")}


@pytest.fixture(scope="module")
def report(news_records, news_gold):
    return evaluate_records({stem: record.to_dict() for stem, record in news_records.items()}, news_gold)


@pytest.mark.parametrize("layer", sorted(FLOORS))
def test_layer_stays_above_its_floor(report, layer):
    score = report.layers[layer]
    for metric, floor in FLOORS[layer].items():
        value = getattr(score, metric)
        assert value >= floor, f"{layer} {metric} fell to {value:.3f}, below its floor {floor}"


def test_every_reference_article_was_analysed(report, news_gold):
    assert report.articles == len(news_gold) == 11
