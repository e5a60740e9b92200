"""The wires table is extended by the user's file and checked where it is read."""
from __future__ import annotations

import pytest

from dispacci import Pipeline
from dispacci.errors import ResourceError


def test_a_user_wires_file_adds_an_agency_to_datelines_and_credits(tmp_path):
    (tmp_path / "cues").mkdir()
    (tmp_path / "cues" / "wires.yaml").write_text("wires:\n  - {name: Agenzia Esempio, country: ITA, aliases: [ESEMPIO]}\n")
    record = Pipeline(resources=[str(tmp_path)]).analyze(
        "Milano, 3 marzo 2024 (ESEMPIO) - Il consiglio comunale ha approvato il bilancio.", title="Bilancio")
    assert record.dateline.place == "Milano"
    assert "Agenzia Esempio" in [credit.name for credit in record.credits]


@pytest.mark.parametrize("content", ["wires: {ANSA: Italy}\n", "wires:\n  - [ANSA]\n", "wires:\n  - {name: X, aliases: ANSA}\n"],
                         ids=["not-a-list", "entry-not-a-mapping", "aliases-not-a-list"])
def test_a_malformed_wires_file_is_a_coded_error(tmp_path, content):
    (tmp_path / "cues").mkdir()
    (tmp_path / "cues" / "wires.yaml").write_text(content)
    with pytest.raises(ResourceError, match="E152.*wires.yaml"):
        Pipeline(resources=[str(tmp_path)]).analyze("ROMA, 3 marzo 2024 - Un testo.", title="Titolo")
