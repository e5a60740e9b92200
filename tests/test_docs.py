"""The documentation is tested against the command it documents."""
from __future__ import annotations

import re

from typer.testing import CliRunner

from dispacci.cli import app

from .conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_COMMAND = re.compile(r"^\s*(?:\$\s*)?dispacci\s+([a-z][a-z-]*)((?:\s+--?[a-z][a-z-]*)*)?", re.M)


def documented_commands() -> dict[str, set[str]]:
    """Verb → options used with it in the docs' code blocks."""
    found: dict[str, set[str]] = {}
    for path in DOCS:
        for block in re.findall(r"```(?:bash|console|sh)?\n(.*?)```", path.read_text(encoding="utf-8"), re.S):
            for line in block.splitlines():
                line = line.split("#", 1)[0].split("|")[-1]
                for match in re.finditer(r"dispacci\s+([a-z][a-z-]*)([^&;]*)", line):
                    verb, rest = match.group(1), match.group(2)
                    options = set(re.findall(r"(?<!\S)(--[a-z][a-z-]*)", rest))
                    found.setdefault(verb, set()).update(options)
    return found


def help_of(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_readme_opens_with_the_two_setup_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S).group(1).strip().splitlines()
    assert len(block) == 2
    assert block[0].startswith("pip install") and "dispacci analyze examples/" in block[0]
    assert block[1].startswith("pip install") and "pytest" in block[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert block[1] in ci
    assert (ROOT / block[0].split("dispacci analyze ", 1)[1].split()[0]).is_file()


def test_every_documented_verb_and_option_exists():
    commands = documented_commands()
    assert "analyze" in commands
    listing = help_of()
    for verb, options in commands.items():
        assert re.search(rf"\b{verb}\b", listing), f"docs mention 'dispacci {verb}', which --help does not list"
        usage = help_of(verb)
        for option in options:
            assert option in usage, f"docs use 'dispacci {verb} {option}', which its --help does not list"
