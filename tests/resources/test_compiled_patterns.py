"""Large regular expressions come back from the user's cache as the very pattern re.compile makes."""
import re

import pytest

from dispacci.resources import compiled_patterns


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPACCI_CACHE", str(tmp_path))
    return tmp_path


def _large_pattern(words: list[str]) -> str:
    body = "|".join(f"(?:^{w}[-‐][a-zà-ÿ]+$)" for w in words * 3000)
    assert len(body) >= compiled_patterns.LARGE
    return "(?iu)" + body + "|(?P<tail>^zz$)"


def test_a_large_pattern_compiled_twice_through_the_cache_equals_re_compile(cache):
    pattern = _large_pattern(["porte", "garde"])
    with compiled_patterns.compiled_once():
        first = re.compile(pattern + "|^first$")
    assert list((cache / "regex").glob("*.pickle")), "the engine code is kept in the user's cache"
    with compiled_patterns.compiled_once():
        again = re._compiler.compile(pattern + "|^first$")  # past re's own in-process cache
    plain = re._compiler.compile(pattern + "|^first$")
    assert first == plain and again == plain  # same pattern, flags and engine code
    assert again.match("Porte-avions") and not again.match("porteavions")
    assert again.groupindex == plain.groupindex


def test_a_damaged_cache_entry_is_compiled_afresh(cache):
    pattern = _large_pattern(["sous", "contre"]) + "|^damaged$"
    with compiled_patterns.compiled_once():
        re._compiler.compile(pattern)
    for entry in (cache / "regex").glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    with compiled_patterns.compiled_once():
        rebuilt = re._compiler.compile(pattern)
    assert rebuilt == re._compiler.compile(pattern)
    assert rebuilt.match("sous-marin")


def test_small_patterns_and_code_outside_the_block_do_not_touch_the_cache(cache):
    with compiled_patterns.compiled_once():
        re._compiler.compile("^small[-]pattern$")
    re._compiler.compile(_large_pattern(["outside"]))
    assert not (cache / "regex").exists()
    assert re._compiler.compile is not None and compiled_patterns._compiler.compile.__module__ == "re._compiler"
