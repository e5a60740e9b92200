"""The CLI conventions: one output option set and one exit-code table for every verb."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
import typer
from typer.testing import CliRunner

from dispacci.cli import app
from dispacci.commands.exits import EPILOG, EXIT_TABLE, Exit, code_of
from dispacci.commands.output import Output, output_options
from dispacci.errors import ConfigError, InputError, NotFoundError, ResourceError, StoreError

from .conftest import ROOT

runner = CliRunner()
# Verbs that print data, and whether their items are rows (then --csv too).
DATA_VERBS = {"analyze": False, "search": True, "events": True, "quotes": True, "actors": True, "show": False,
              "duplicates": True, "stories": True, "evaluate": True, "export": True}


def _help(*args: str) -> str:
    result = runner.invoke(app, [*args, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("verb", sorted(DATA_VERBS))
def test_every_data_verb_takes_the_same_output_options(verb):
    usage = _help(verb)
    assert all(flag in usage for flag in ("--json", "--nl", "--jsonl")), verb
    assert ("--csv" in usage) == DATA_VERBS[verb], verb


def test_every_verb_ends_its_help_with_the_exit_codes():
    listing = _help()
    assert "Exit codes" in listing
    verbs = re.findall(r"^│ ([a-z]+) ", listing, re.M)
    assert set(DATA_VERBS) <= set(verbs)
    for verb in verbs:
        assert "130 interrupted" in _help(verb), verb


def test_the_documented_exit_codes_are_the_ones_the_verbs_use():
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| (\d+) \| (.+) \|$", text, re.M)
    assert [(int(code), meaning) for code, meaning in documented] == [(int(c), m) for c, m in EXIT_TABLE]
    assert all(f"{int(code)} {meaning}." in EPILOG for code, meaning in EXIT_TABLE)


def test_each_kind_of_user_error_has_its_own_exit_code():
    assert code_of(ConfigError("E020", "x")) == Exit.USAGE
    assert code_of(InputError("E001", "x")) == Exit.INPUT
    assert code_of(ResourceError("E100", "x")) == Exit.RESOURCE
    assert code_of(StoreError("E300", "x")) == Exit.STORE
    assert code_of(NotFoundError("E315", "x")) == Exit.NOT_FOUND
    assert len({int(code) for code, _ in EXIT_TABLE}) == len(EXIT_TABLE)


# A toy verb shows the option set on its own, without a store or a pipeline.
toy = typer.Typer()
ROWS = [{"city": "Roma", "tags": ["capitale", "Lazio"]}, {"city": "Köln", "tags": []}]


@toy.command()
@output_options()
def cities(empty: bool = typer.Option(False, "--empty"), output: Output = Output()) -> None:
    output.rows([] if empty else ROWS, columns=[("city", "city")], title="cities")


def _toy(*args: str):
    return runner.invoke(toy, list(args))


def test_json_is_an_array_and_nl_one_object_per_line():
    assert json.loads(_toy("--json").stdout) == ROWS
    assert [json.loads(line) for line in _toy("--nl").stdout.splitlines()] == ROWS
    assert _toy("--jsonl").stdout == _toy("--nl").stdout


def test_csv_writes_nested_values_as_json():
    rows = list(csv.DictReader(io.StringIO(_toy("--csv").stdout)))
    assert rows[0] == {"city": "Roma", "tags": '["capitale", "Lazio"]'} and rows[1]["city"] == "Köln"


def test_the_default_is_a_table():
    out = _toy().stdout
    assert "cities" in out and "Köln" in out and "Lazio" not in out


def test_nothing_found_is_an_empty_array_and_exit_6():
    result = _toy("--empty", "--json")
    assert result.exit_code == Exit.NOT_FOUND == 6 and json.loads(result.stdout) == []


def test_two_formats_at_once_are_a_usage_error():
    result = _toy("--nl", "--csv")
    assert result.exit_code == Exit.USAGE == 2


def test_every_warning_code_is_documented():
    from dispacci.errors import Errors

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| (W\d{3}) \|", text, re.M)
    assert documented == sorted(name for name in vars(Errors) if re.fullmatch(r"W\d{3}", name))
