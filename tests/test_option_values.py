"""Option values are checked before any work: a bad date or language is a coded error on every verb."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dispacci.cli import app

runner = CliRunner()
FAST = "dispacci_sentences"


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Vertice a Vienna\n\nIl ministro ha incontrato il collega austriaco a Vienna.", encoding="utf-8")
    return path


def _verbs(article, tmp_path) -> dict[str, list[str]]:
    return {
        "analyze": ["analyze", str(article), "--jsonl"],
        "ingest": ["ingest", str(article), "--db", str(tmp_path / "c.db"), "-q", "--annotators", FAST],
        "batch": ["batch", str(article), "--out", str(tmp_path / "out"), "-q"],
    }


@pytest.mark.parametrize("verb", ["analyze", "ingest", "batch"])
@pytest.mark.parametrize("value", ["2024-13-45", "yesterday", "2024-02-30"])
def test_a_published_date_that_is_no_date_is_e022_on_every_verb(article, tmp_path, verb, value):
    result = runner.invoke(app, [*_verbs(article, tmp_path)[verb], "--published", value])
    assert result.exit_code == 2  # a bad option value: the usage exit code
    assert "E022" in result.output and value in result.output
    assert not (tmp_path / "c.db").exists() or verb != "ingest"


@pytest.mark.parametrize("verb", ["analyze", "ingest", "batch", "serve", "watch"])
def test_an_unknown_language_is_e020_naming_the_valid_ones(article, tmp_path, verb):
    args = {**_verbs(article, tmp_path), "serve": ["serve", "--db", str(tmp_path / "none.db")],
            "watch": ["watch", "https://example.org/feed.xml", "--db", str(tmp_path / "w.db"), "--rounds", "1"]}[verb]
    result = runner.invoke(app, [*args, "--language", "qq"])
    assert result.exit_code == 2  # a bad option value: the usage exit code
    assert "E020" in result.output and "'qq'" in result.output
    assert "de, en, es, fr, it, ru (full analysis)" in result.output and "pt" in result.output


def test_a_language_spacy_tokenises_without_a_model_is_analysed_by_the_rules(article):
    result = runner.invoke(app, ["analyze", str(article), "--jsonl", "--language", "PT"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.strip().splitlines()[-1])["language"] == "pt"


def test_the_valid_languages_are_the_six_plus_rules_only_ones():
    from dispacci.pipeline import known_languages

    full, rules_only = known_languages()
    assert set(full) >= {"it", "en", "fr", "de", "es", "ru"}
    assert {"pt", "nl", "pl"} <= set(rules_only) and "xx" not in rules_only and not set(full) & set(rules_only)


def test_a_language_file_in_the_users_resources_makes_a_language_valid(tmp_path):
    from dispacci.pipeline import check_language

    (tmp_path / "languages").mkdir()
    (tmp_path / "languages" / "qq.yaml").write_text("articles: [qa]\n", encoding="utf-8")
    assert check_language("qq", (str(tmp_path),)) == "qq"


def test_a_bad_date_inside_a_file_is_a_warning_on_that_record(tmp_path):
    from dispacci.pipeline import Pipeline

    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"title": "Cumbre en Viena", "text": "El ministro viajó a Viena.",
                                "published": "2024-13-45"}), encoding="utf-8")
    from dispacci.ingest.readers import read_paths

    [item] = list(read_paths([str(path)]))
    record = Pipeline(annotators=[FAST], language="es").analyze_article(item)
    assert record.source.published is None and any("2024-13-45" in w for w in record.warnings)
