"""Every error code the code raises is in the catalogue, with its message.

A code that ``errors.Errors`` does not define would reach the user as a bare
number with no explanation or fix; this reads every source file and checks each
code it names, whether as ``Errors.E123`` or as the literal ``"E123"`` handed to
an error.
"""
from __future__ import annotations

import re
from pathlib import Path

from dispacci.errors import Errors

SOURCE = Path(__file__).resolve().parents[1] / "src" / "dispacci"
CATALOGUE = SOURCE / "errors.py"
_NAMED = re.compile(r"\bErrors\.([EW]\d{3})\b")
_LITERAL = re.compile(r"""["']([EW]\d{3})["']""")


def _codes_used() -> dict[str, set[str]]:
    """Code → the files naming it, outside the catalogue itself."""
    used: dict[str, set[str]] = {}
    for path in SOURCE.rglob("*.py"):
        if path == CATALOGUE:
            continue
        text = path.read_text(encoding="utf-8")
        for code in {*_NAMED.findall(text), *_LITERAL.findall(text)}:
            used.setdefault(code, set()).add(path.relative_to(SOURCE).as_posix())
    return used


def test_the_scan_finds_the_codes_in_use():
    used = _codes_used()
    assert "E010" in used and "E300" in used  # the empty article, the unopenable database


# Codes raised with their message written at the raise site, not yet moved into the
# catalogue. The list may only shrink: a new code must come with its catalogue entry.
NOT_YET_CATALOGUED = {"E040", "E041", "E042", "E100", "E101", "E102", "E103", "E150", "E151", "E152"}


def test_every_code_in_use_is_in_the_catalogue():
    missing = {code: sorted(files) for code, files in _codes_used().items()
               if not hasattr(Errors, code) and code not in NOT_YET_CATALOGUED}
    assert missing == {}


def test_the_list_of_codes_awaiting_the_catalogue_only_shrinks():
    used = _codes_used()
    assert {code for code in NOT_YET_CATALOGUED if hasattr(Errors, code) or code not in used} == set()


def test_every_catalogue_entry_is_a_message():
    for code in (name for name in vars(Errors) if re.fullmatch(r"[EW]\d{3}", name)):
        message = getattr(Errors, code)
        assert isinstance(message, str) and message.strip(), code
