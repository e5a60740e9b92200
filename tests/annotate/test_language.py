"""Language identification for the languages the product reads and many more."""
from __future__ import annotations

import pytest

SAMPLES = {
    "it": "Il governo ha approvato ieri il decreto sulle bollette dopo una lunga riunione.",
    "en": "The government approved the energy bill yesterday after a long meeting.",
    "fr": "Le gouvernement a approuvé hier le projet de loi sur l'énergie après une longue réunion.",
    "de": "Die Regierung hat gestern nach einer langen Sitzung das Energiegesetz beschlossen.",
    "es": "El Gobierno aprobó ayer el proyecto de ley de energía tras una larga reunión.",
    "ru": "Правительство вчера одобрило законопроект об энергетике после долгого заседания.",
    "pt": "O governo aprovou ontem o projeto de lei sobre energia depois de uma longa reunião.",
    "pl": "Rząd zatwierdził wczoraj projekt ustawy energetycznej po długim posiedzeniu.",
    "nl": "De regering heeft gisteren na een lange vergadering het energiewetsvoorstel goedgekeurd.",
    "uk": "Уряд учора схвалив законопроєкт про енергетику після тривалого засідання.",
    "tr": "Hükümet dün uzun bir toplantının ardından enerji yasa tasarısını onayladı.",
    "ar": "وافقت الحكومة أمس على مشروع قانون الطاقة بعد اجتماع طويل.",
    "zh": "政府昨天在长时间会议后批准了能源法案。",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_identifies(pipeline, code):
    assert pipeline.identifier.identify(SAMPLES[code]).code == code


def test_record_language_for_each_sample(pipeline):
    for code in ("it", "ru", "zh"):
        assert pipeline.analyze(SAMPLES[code], title=None).language == code


def test_no_letters_is_unknown_and_warned(pipeline):
    record = pipeline.analyze("2024 - 12.5 % / 33")
    assert record.language == "xx" and any("language uncertain" in w for w in record.warnings)


def test_forced_language_is_validated():
    from dispacci import Pipeline
    from dispacci.errors import ConfigError

    with pytest.raises(ConfigError, match="E020"):
        Pipeline(language="italian").analyze("testo")
