"""Per-language knowledge is one data file per language, which users extend."""
from __future__ import annotations

from dispacci.resources.languages import language_data, languages, words_of_every_language


def test_every_supported_language_has_its_file_with_the_same_keys():
    assert set(languages()) >= {"it", "en", "fr", "de", "es", "ru"}
    keys = {lang: set(language_data(lang)) for lang in ("it", "en", "fr", "de", "es", "ru")}
    assert len({frozenset(k) for k in keys.values()}) == 1, keys


def test_only_german_capitalises_every_noun():
    assert [lang for lang in languages() if language_data(lang).get("capitalises_nouns")] == ["de"]


def test_a_language_without_a_file_has_no_words():
    assert language_data("xx") == {}


def test_a_user_file_adds_words_and_languages(tmp_path):
    folder = tmp_path / "languages"
    folder.mkdir()
    (folder / "en.yaml").write_text("conjunctions: [nor]\n", encoding="utf-8")
    (folder / "pt.yaml").write_text("conjunctions: [ou, e]\nsubordinators: [que]\n", encoding="utf-8")
    extra = (str(tmp_path),)
    assert "nor" in language_data("en", extra)["conjunctions"] and "and" in language_data("en", extra)["conjunctions"]
    assert "pt" in languages(extra)
    assert {"nor", "und", "и"} <= words_of_every_language("conjunctions", extra)
    assert "nor" not in words_of_every_language("conjunctions")
