"""The pipeline as a whole: options reach every layer that needs them."""
from __future__ import annotations

from dispacci import Pipeline

SPOKESWOMAN = """
- id: giulia-verdi-example
  name: Giulia Verdi
  country: ITA
  aliases: {any: [Giulia Verdi, Verdi]}
  roles:
    - {office: spokesperson, title: Spokesperson of the Example Ministry, country: ITA, start: 2020-01-01, end: null}
"""


def test_user_actors_reach_entities_quotes_and_events(tmp_path):
    actors = tmp_path / "mine.yaml"
    actors.write_text(SPOKESWOMAN, encoding="utf-8")
    record = Pipeline(actors=[str(actors)]).analyze(
        "Roma, 3 marzo 2024 - «Siamo pronti a collaborare con tutti i partner», ha detto Giulia Verdi. "
        "Verdi ha poi incontrato il presidente francese Emmanuel Macron a Parigi.", title="Una prova")
    people = {e.text: e for e in record.entities if e.kind == "person"}
    assert people["Verdi"].actor == "giulia-verdi-example"
    assert people["Giulia Verdi"].roles == ["Spokesperson of the Example Ministry"]
    assert [(q.speaker, q.speaker_actor) for q in record.quotes] == [("Giulia Verdi", "giulia-verdi-example")]
    sources = {event.source.actor for event in record.events}
    assert "giulia-verdi-example" in sources


def test_unknown_annotator_names_the_valid_ones():
    import pytest

    from dispacci.errors import ConfigError

    with pytest.raises(ConfigError, match="dispacci_dateline"):
        Pipeline(annotators=["dispacci_magic"])


def test_a_subset_of_annotators_leaves_the_other_layers_empty():
    record = Pipeline(annotators=["dispacci_sentences", "dispacci_dateline"]).analyze(
        "MOSCA, 2 aprile 2022 - Il presidente russo Vladimir Putin ha parlato.", title="Titolo")
    assert record.dateline.place == "MOSCA" and record.entities == [] and record.events == []


def test_a_long_article_under_the_limit_is_analysed_past_spacys_default_length():
    body = "Il governo ha approvato il decreto sulle bollette. " * 25_000  # 1.27 million characters
    record = Pipeline(annotators=["dispacci_sentences", "dispacci_dateline"]).analyze(body, title="Un titolo lungo")
    assert len(record.text) > 1_000_000


def test_an_article_over_the_limit_is_refused_with_the_fix():
    import pytest

    from dispacci.errors import InputError

    with pytest.raises(InputError, match="--max-chars"):
        Pipeline(annotators=["dispacci_sentences"], max_chars=1000).analyze("parola " * 500, title="Titolo")
