"""One set of analysis options for every verb that analyses articles, the corpus and the API."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dispacci.cli import app
from dispacci.options import AnalysisOptions

ANALYSING_VERBS = ("analyze", "ingest", "watch", "serve", "batch")


@pytest.mark.parametrize("verb", ANALYSING_VERBS)
def test_every_analysing_verb_takes_actors_resources_and_language(verb):
    result = CliRunner().invoke(app, [verb, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    for option in ("--actors", "--resources", "--language"):
        assert option in result.output, f"{verb} lacks {option}"


def test_options_from_cli_values_are_plain_and_comparable(tmp_path):
    options = AnalysisOptions.of(annotators="dispacci_sentences, dispacci_dateline", resources=[tmp_path],
                                 actors=[tmp_path / "mine.yaml"], language="")
    assert options.annotators == ("dispacci_sentences", "dispacci_dateline")
    assert options.resources == (str(tmp_path),) and options.actors == (str(tmp_path / "mine.yaml"),)
    assert options.language is None
    assert options == AnalysisOptions.of(annotators=["dispacci_sentences", "dispacci_dateline"],
                                         resources=[str(tmp_path)], actors=[str(tmp_path / "mine.yaml")])


def test_the_pipeline_built_from_options_carries_them(tmp_path):
    pipeline = AnalysisOptions.of(annotators="dispacci_sentences", resources=[tmp_path], language="it",
                                  max_chars=1000).pipeline()
    assert pipeline.annotators == ("dispacci_sentences",) and pipeline.resources == (str(tmp_path),)
    assert pipeline.language == "it" and pipeline.max_chars == 1000


def test_the_api_analyses_with_the_options_it_was_built_with(tmp_path):
    from fastapi.testclient import TestClient

    from dispacci.serving import create_app

    app_ = create_app(tmp_path / "api.db", token="t0ken", options=AnalysisOptions.of(language="it"), web=False)
    with TestClient(app_) as client:
        pipeline = client.app.state.pipeline.get()
    assert pipeline.language == "it"
