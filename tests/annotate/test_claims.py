"""Claims: statements the text presents as true on someone's authority.

The rules are general: each is shown on sentences written for these tests, in the six
languages and in more than one word order; the founding example is one check among them.
Claimants are the entities layer's canonical names; the clause is the claim's span.
"""
from __future__ import annotations

import pytest

from dispacci.annotate.claims.clauses import clause_end, trim
from dispacci.errors import ResourceError


def _claims(pipeline, text: str, lang: str):
    record = pipeline.analyze(text, language=lang)
    for claim in record.claims:
        assert record.text[claim.start:claim.end] == claim.text
    return record.claims


ACCORDING = [
    # (language, text, claimant, the claim begins with, ends with)
    ("it", "Secondo il Ministero della Difesa russo, le truppe ucraine hanno bombardato un ospedale a Donetsk.",
     "Ministry of Defence of Russia", "le truppe ucraine", "a Donetsk"),
    ("it", "Le truppe ucraine hanno bombardato un ospedale a Donetsk, secondo il Ministero della Difesa russo.",
     "Ministry of Defence of Russia", "Le truppe ucraine", "a Donetsk"),
    ("en", "According to the Pentagon, Russian forces fired more than twenty missiles at Kyiv overnight.",
     None, "Russian forces", "overnight"),
    ("en", "Russian forces fired more than twenty missiles at Kyiv overnight, according to the Pentagon.",
     None, "Russian forces", "overnight"),
    ("fr", "Selon le Kremlin, les forces ukrainiennes ont abattu un avion de transport près de Belgorod.",
     "Kremlin", "les forces ukrainiennes", "Belgorod"),
    ("fr", "Les forces ukrainiennes ont abattu un avion de transport près de Belgorod, selon le Kremlin.",
     "Kremlin", "Les forces ukrainiennes", "Belgorod"),
    ("de", "Dem Kreml zufolge greifen die russischen Truppen nur militärische Ziele an.",
     "Kremlin", "greifen", "Ziele an"),
    ("es", "Según el Ministerio de Defensa ruso, las tropas ucranianas perdieron más de doscientos soldados.",
     "Ministry of Defence of Russia", "las tropas ucranianas", "soldados"),
    ("ru", "По данным Минобороны России, украинские войска потеряли более двухсот военнослужащих.",
     "Ministry of Defence of Russia", "украинские войска", "военнослужащих"),
    ("ru", "Украинские войска потеряли более двухсот военнослужащих, по данным Минобороны России.",
     "Ministry of Defence of Russia", "Украинские войска", "военнослужащих"),
]


@pytest.mark.parametrize("lang,text,claimant,begins,ends", ACCORDING)
def test_an_according_to_phrase_attributes_the_clause_before_or_after_it(pipeline, lang, text, claimant, begins,
                                                                          ends):
    claims = _claims(pipeline, text, lang)
    assert len(claims) == 1
    claim = claims[0]
    assert claim.text.startswith(begins) and claim.text.endswith(ends)
    if claimant is not None:  # the Pentagon may not be in every actor base
        assert claim.claimant == claimant and claim.claimant_actor
    assert claim.cue and claim.summary and claim.stance is None and not claim.direct


VERBS = [
    ("it", "Il portavoce del Cremlino Dmitry Peskov ha detto che i negoziati con Kiev sono in una fase di stallo.",
     "Dmitry Peskov", "i negoziati"),
    ("en", "Sergei Lavrov denied that Russian troops had attacked civilians in Bucha.", "Sergey Lavrov", "Russian troops"),
    ("fr", "Emmanuel Macron a affirmé que la France ne livrera pas d'avions de combat à l'Ukraine.", "Emmanuel Macron",
     "la France"),
    ("de", "Olaf Scholz sagte, dass Deutschland keine Kampfjets an die Ukraine liefern werde.", "Olaf Scholz",
     "Deutschland"),
    ("es", "Pedro Sánchez aseguró que España no enviará tropas a Ucrania.", "Pedro Sánchez", "España"),
    ("ru", "Сергей Лавров заявил, что Россия не нападала на Украину.", "Sergey Lavrov", "Россия"),
]


@pytest.mark.parametrize("lang,text,claimant,begins", VERBS)
def test_a_verb_of_saying_with_a_complement_clause_is_its_subjects_claim(pipeline, lang, text, claimant, begins):
    claims = _claims(pipeline, text, lang)
    assert [c.claimant for c in claims] == [claimant]
    assert claims[0].text.startswith(begins) and claims[0].cue.split()[-1].rstrip(",") in (
        "che", "that", "que", "dass", "что")


@pytest.mark.parametrize("lang,text,stance,marker", [
    ("it", "Vladimir Putin ha sostenuto che la sedicente operazione militare protegge i civili del Donbass.",
     "distanced", "sedicente"),
    ("en", "Joe Biden claimed without evidence that the referendum had been rigged by Moscow.", "unsupported",
     "without evidence"),
    ("de", "Sergej Lawrow behauptete, dass die angeblichen Angriffe auf Zivilisten nie stattgefunden hätten.",
     "distanced", "angeblichen"),
    ("es", "Según el Kremlin, los supuestos mercenarios fueron abatidos cerca de Járkov.", "distanced", "supuestos"),
    ("ru", "По словам Дмитрия Пескова, так называемые переговоры ни к чему не привели.", "distanced",
     "так называемые"),
    ("fr", "Selon le Kremlin, sans apporter de preuves, l'Ukraine prépare une attaque chimique.", "unsupported",
     "sans apporter de preuves"),
])
def test_the_text_marking_its_distance_gives_the_claim_a_stance(pipeline, lang, text, stance, marker):
    claims = _claims(pipeline, text, lang)
    assert claims and claims[0].stance == stance and claims[0].stance_cue.lower() == marker.lower()


@pytest.mark.parametrize("lang,text", [
    ("it", "Si dice che i negoziati siano in una fase di stallo."),
    ("en", "The talks were held in Geneva and lasted three hours."),
    ("de", "Das Treffen fand in Genf statt, sagte nichts über die Ergebnisse."),
])
def test_no_authority_no_claim(pipeline, lang, text):
    assert _claims(pipeline, text, lang) == []


def test_a_pronoun_cue_continues_with_the_current_subject(pipeline):
    text = ("Il ministro degli Esteri Sergei Lavrov ha incontrato i giornalisti a Mosca. "
            "Secondo lui, le sanzioni occidentali hanno rafforzato l'economia russa.")
    claims = _claims(pipeline, text, "it")
    assert [(c.claimant, c.cue) for c in claims] == [("Sergey Lavrov", "Secondo lui")]
    assert claims[0].text.startswith("le sanzioni")


def test_a_quote_with_a_verb_of_asserting_is_a_claim_and_a_plain_said_quote_is_not(pipeline):
    asserted = _claims(pipeline, "Olaf Scholz ha definito la decisione «un errore storico che pagheremo a lungo».",
                       "it")
    assert [(c.claimant, c.direct) for c in asserted] == [("Olaf Scholz", True)]
    said = _claims(pipeline, "«Ci vediamo domani a Bruxelles per il vertice», ha detto Olaf Scholz.", "it")
    assert said == []


def test_a_claim_inside_quotation_marks_is_left_to_the_quotes_layer(pipeline):
    text = "«Secondo i nostri dati, il nemico ha perso mille uomini in un giorno», ha detto Dmitry Peskov."
    assert [c for c in _claims(pipeline, text, "it") if c.cue == "Secondo"] == []


def test_the_founding_example_gets_its_two_claims(founding_record, founding_expected):
    claims = founding_record.claims
    by_claimant = {c.claimant: c for c in claims}
    for expected in founding_expected["attributed_claims"]:
        assert expected["claimant"] in by_claimant
    wanted = next(c for c in founding_expected["attributed_claims"] if "start" in c)

    def overlap(claim) -> int:
        return min(claim.end, wanted["end"]) - max(claim.start, wanted["start"])

    # the ministry makes more than one claim in the article; one of them is the expected one
    ministry = max((c for c in claims if c.claimant == "Ministry of Defence of Russia"), key=overlap)
    assert overlap(ministry) >= 0.8 * (wanted["end"] - wanted["start"])
    putin = [c for c in claims if c.claimant == "Vladimir Putin"]
    assert any("regime di Kiev" in c.text for c in putin)


def test_the_clause_ends_where_a_conjunction_opens_an_inserted_phrase():
    text = "le forze colpiscono solo obiettivi militari e, dal 25 marzo, hanno completato la prima fase."
    end = clause_end(text, 0, len(text), frozenset({"e"}))
    assert text[:end] == "le forze colpiscono solo obiettivi militari"
    text = "the army hit only military targets; the rest is propaganda"
    assert text[:clause_end(text, 0, len(text), frozenset({"and"}))] == "the army hit only military targets"
    assert trim("  the troops withdrew and. ", 0, 27, frozenset({"and"})) == (2, 21)


def test_a_bad_user_cue_file_says_what_is_wrong(tmp_path):
    from dispacci.annotate.claims.cues import load_claim_cues

    (tmp_path / "cues").mkdir()
    (tmp_path / "cues" / "claims.yaml").write_text("it:\n  accordin: [stando a]\n", encoding="utf-8")
    with pytest.raises(ResourceError) as raised:
        load_claim_cues("it", (str(tmp_path),))
    assert raised.value.code == "E160" and "accordin" in str(raised.value)


def test_user_cues_extend_the_bundled_ones(tmp_path):
    from dispacci.annotate.claims.cues import load_claim_cues

    (tmp_path / "cues").mkdir()
    (tmp_path / "cues" / "claims.yaml").write_text("en:\n  according: [as per]\n", encoding="utf-8")
    cues = load_claim_cues("en", (str(tmp_path),))
    assert cues.according.search("As per the ministry, the troops left.")
    assert cues.according.search("According to the ministry, the troops left.")


@pytest.mark.parametrize("lang,text,claimant,begins", [
    ("it", "Lo riferisce una nota del Cremlino, secondo cui i colloqui sono stati costruttivi e franchi.", "Kremlin",
     "i colloqui"),
    ("en", "The Kremlin issued a statement, according to which the talks had been constructive.", "Kremlin",
     "the talks"),
    ("fr", "Le Kremlin a publié un communiqué selon lequel les pourparlers ont été constructifs.", "Kremlin",
     "les pourparlers"),
    ("es", "El Kremlin emitió un comunicado según el cual las conversaciones fueron constructivas.", "Kremlin",
     "las conversaciones"),
])
def test_a_relative_according_to_refers_to_the_source_named_before_it(pipeline, lang, text, claimant, begins):
    claims = _claims(pipeline, text, lang)
    assert [(c.claimant, c.text.split()[0]) for c in claims] == [(claimant, begins.split()[0])]


@pytest.mark.parametrize("lang,text,begins", [
    ("en", "The results of the vote, according to Vladimir Putin, are of great importance for Russia.", "The results"),
    ("it", "I risultati del voto, secondo Vladimir Putin, sono di grande importanza per la Russia.", "I risultati"),
])
def test_an_according_to_between_subject_and_verb_keeps_the_subject_in_the_claim(pipeline, lang, text, begins):
    claims = _claims(pipeline, text, lang)
    assert [c.claimant for c in claims] == ["Vladimir Putin"] and claims[0].text.startswith(begins)
    assert "secondo" not in (claims[0].summary or "") and "according" not in (claims[0].summary or "")


def test_reported_speech_from_the_quotes_layer_becomes_a_claim(pipeline):
    """Indirect quotes (``direct: false``) that the quotes layer gives are claims as they stand."""
    from dispacci.annotate.claims.component import ClaimFinder
    from dispacci.record import Quote

    text = "Dmitry Peskov ha ribadito ai giornalisti la disponibilità di Mosca a negoziare con Kiev."
    nlp = pipeline.nlp("it")
    record = pipeline.analyze(text, language="it")
    doc = nlp.make_doc(text)
    from dispacci.annotate.doc import DocContext, start_doc
    from dispacci.ingest.article import Article

    start_doc(doc, DocContext(article=Article(text=text), language="it"))
    doc._.entities = record.entities
    clause = "la disponibilità di Mosca a negoziare con Kiev"
    at = text.index(clause)
    doc._.quotes = [Quote(text=clause, speaker="Dmitry Peskov", speaker_actor="dmitry-peskov", cue="ha ribadito",
                          direct=False, start=at, end=at + len(clause))]
    claims = ClaimFinder(nlp, "claims")(doc)._.claims
    assert [(c.claimant, c.cue, c.text, c.direct) for c in claims] == [
        ("Dmitry Peskov", "ha ribadito", clause, False)]


def test_without_a_parse_the_rules_fall_back_on_words():
    from dispacci import Pipeline
    from dispacci.annotate import available_annotators

    unparsed = Pipeline(annotators=[n for n in available_annotators() if n != "dispacci_syntax"])
    claims = unparsed.analyze("Sergei Lavrov denied that Russian troops had attacked civilians in Bucha.",
                              language="en").claims
    assert [(c.claimant, c.text) for c in claims] == [("Sergey Lavrov", "Russian troops had attacked civilians in Bucha")]
    assert claims[0].summary == "russian troops had attacked civilians in bucha"
    claims = unparsed.analyze("Secondo il Ministero della Difesa russo, le truppe ucraine hanno bombardato un "
                              "ospedale.", language="it").claims
    assert [c.claimant for c in claims] == ["Ministry of Defence of Russia"]
