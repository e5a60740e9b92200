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


def test_every_code_in_use_is_in_the_catalogue():
    missing = {code: sorted(files) for code, files in _codes_used().items() if not hasattr(Errors, code)}
    assert missing == {}


_WRITTEN_AT_THE_RAISE = re.compile(r"""Error\(\s*["'][EW]\d{3}["'],\s*f?["'](?!\{Errors\.)""")


def test_no_message_is_written_at_the_raise_site():
    """The wording comes from the catalogue: ``SomeError("E123", Errors.E123.format(...))``."""
    written = sorted(path.relative_to(SOURCE).as_posix() for path in SOURCE.rglob("*.py")
                     if path != CATALOGUE and _WRITTEN_AT_THE_RAISE.search(path.read_text(encoding="utf-8")))
    assert written == []


def test_every_warning_kind_has_a_code_found_back_from_its_message():
    from dispacci.errors import warning_code

    assert warning_code(Errors.W003.format(year=2026, how="the most recent such day")) == "W003"
    assert warning_code(Errors.W002.format(lang="it", confidence=0.51)) == "W002"
    assert warning_code(Errors.W001.format(encoding="cp1252")) == "W001"
    assert warning_code("something else entirely") is None


def test_every_catalogue_entry_is_a_message():
    for code in (name for name in vars(Errors) if re.fullmatch(r"[EW]\d{3}", name)):
        message = getattr(Errors, code)
        assert isinstance(message, str) and message.strip(), code
