"""Knowledge lives in data files users can extend, not in the code that applies it."""
from __future__ import annotations

import re
from pathlib import Path

import dispacci.annotate

ANNOTATE = Path(dispacci.annotate.__file__).parent
_CAMEO_LITERAL = re.compile(r"""["'](?:0[1-9]|1\d|20)\d{0,2}["']""")


def test_no_cameo_code_is_written_into_the_events_code():
    found = {path.name: _CAMEO_LITERAL.findall(path.read_text(encoding="utf-8"))
             for path in (ANNOTATE / "events").glob("*.py")}
    assert {name: codes for name, codes in found.items() if codes} == {}, \
        "CAMEO code sets belong in resources/data/events/conventions.yaml"


def test_no_annotator_branches_on_german_by_name():
    """Orthography is a flag of the language's file (capitalises_nouns), so a language
    added by a user file behaves like German when it says so."""
    sources = {path.relative_to(ANNOTATE).as_posix(): path.read_text(encoding="utf-8")
               for path in ANNOTATE.rglob("*.py")}
    assert [name for name, text in sources.items() if 'lang == "de"' in text] == []
