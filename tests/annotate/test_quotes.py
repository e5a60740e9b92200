"""Quotes: every quotation style, the speaker each cue points to, and hostile marks.

Constructed cases give the entities layer's answer themselves (``NAMES``), so
they specify this layer alone; the founding example and the development
articles run through the whole pipeline.
"""
from __future__ import annotations

import re

import pytest

from dispacci.annotate.doc import DocContext, start_doc
from dispacci.annotate.quotes.marks import find_quote_spans
from dispacci.ingest.article import Article
from dispacci.record import Entity

from ..conftest import news_ids

# surface → (canonical, kind, country, actor): what the entities layer would say
NAMES = {
    "Dmitry Peskov": ("Dmitry Peskov", "person", "RUS", "dmitry-peskov"),
    "Peskov": ("Dmitry Peskov", "person", "RUS", "dmitry-peskov"),
    "Песков": ("Dmitry Peskov", "person", "RUS", "dmitry-peskov"),
    "Лаврова": ("Sergey Lavrov", "person", "RUS", "sergey-lavrov"),
    "Пескова": ("Dmitry Peskov", "person", "RUS", "dmitry-peskov"),
    "ТАСС": ("TASS", "organization", "RUS", "tass"),
    "Kremlin": ("Kremlin", "organization", "RUS", "kremlin"),
    "Janet Yellen": ("Janet Yellen", "person", "USA", "janet-yellen"),
    "Yellen": ("Janet Yellen", "person", "USA", "janet-yellen"),
    "Olaf Scholz": ("Olaf Scholz", "person", "DEU", "olaf-scholz"),
    "Scholz": ("Olaf Scholz", "person", "DEU", "olaf-scholz"),
    "Annalena Baerbock": ("Annalena Baerbock", "person", "DEU", "annalena-baerbock"),
    "Baerbock": ("Annalena Baerbock", "person", "DEU", "annalena-baerbock"),
    "Emmanuel Macron": ("Emmanuel Macron", "person", "FRA", "emmanuel-macron"),
    "Macron": ("Emmanuel Macron", "person", "FRA", "emmanuel-macron"),
    "Pedro Sánchez": ("Pedro Sánchez", "person", "ESP", "pedro-sanchez"),
    "Sánchez": ("Pedro Sánchez", "person", "ESP", "pedro-sanchez"),
    "Zelenski": ("Volodymyr Zelenskyy", "person", "UKR", "volodymyr-zelenskyy"),
    "Zelensky": ("Volodymyr Zelenskyy", "person", "UKR", "volodymyr-zelenskyy"),
    "Giorgia Meloni": ("Giorgia Meloni", "person", "ITA", "giorgia-meloni"),
    "Meloni": ("Giorgia Meloni", "person", "ITA", "giorgia-meloni"),
    "Antonio Tajani": ("Antonio Tajani", "person", "ITA", "antonio-tajani"),
    "Tajani": ("Antonio Tajani", "person", "ITA", "antonio-tajani"),
    "Antony Blinken": ("Antony Blinken", "person", "USA", "antony-blinken"),
    "Cremlino": ("Kremlin", "organization", "RUS", "kremlin"),
    "Palazzo Chigi": ("Palazzo Chigi", "organization", "ITA", "palazzo-chigi"),
    "esercito israeliano": ("Israel Defense Forces", "organization", "ISR", "idf"),
    "italiana": ("Italy", "country", "ITA", "ITA"),
    "Russia": ("Russia", "country", "RUS", "RUS"),
}


def annotate(pipeline, text: str, lang: str, names: dict = NAMES):
    """Run the pipeline on ``text`` with the entities layer answering from ``names``."""
    nlp = pipeline.nlp(lang)
    doc = nlp.make_doc(text)
    start_doc(doc, DocContext(article=Article(text=text), language=lang))
    for name, component in nlp.pipeline:
        if name == "dispacci_entities":
            doc._.entities = _entities(text, names)
            continue
        if name == "dispacci_credits" and "dispacci_entities" not in nlp.pipe_names:
            doc._.entities = _entities(text, names)
        if name == "dispacci_events":
            break
        doc = component(doc)
    return doc


def _entities(text: str, names: dict) -> list[Entity]:
    found, taken = [], set()
    for surface in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if taken & set(range(*match.span())):
                continue
            taken |= set(range(*match.span()))
            canonical, kind, country, actor = names[surface]
            found.append(Entity(text=surface, kind=kind, canonical=canonical, country=country, actor=actor,
                                start=match.start(), end=match.end()))
    return sorted(found, key=lambda e: e.start)


def said(doc) -> list[tuple[str, str | None]]:
    """The direct quotes and their speakers."""
    return [(q.text, q.speaker) for q in doc._.quotes if q.direct]


# -- the founding example ------------------------------------------------------------------
def test_founding_example_quotes_speakers_and_cues(founding_record, founding_expected):
    got = [(q.text, q.speaker, q.cue, q.start, q.end) for q in founding_record.quotes if q.direct]
    want = [(q["text"], q["speaker"], q["cue"], q["start"], q["end"]) for q in founding_expected["quotes"]]
    assert got == want


def test_quote_offsets_point_at_the_quoted_text(founding_record):
    for quote in founding_record.quotes:
        assert " ".join(founding_record.text[quote.start:quote.end].split()) == quote.text


# -- the development articles ----------------------------------------------------------------
@pytest.mark.parametrize("stem", news_ids())
def test_development_article_quotes_and_speakers(stem, news_records, news_gold):
    got = {(q.text, q.speaker) for q in news_records[stem].quotes if q.direct}
    want = {(q["text"], q["speaker"]) for q in news_gold[stem].get("quotes", [])}
    assert got == want


# -- every quotation style, in every language ----------------------------------------------
@pytest.mark.parametrize("lang, text, expected", [
    ("it", "Mosca, 3 marzo – «Siamo pronti a trattare in qualsiasi momento», ha detto Peskov.",
     [("Siamo pronti a trattare in qualsiasi momento", "Dmitry Peskov")]),
    ("en", "WASHINGTON – “We will not back down from our commitments,” Yellen said on Friday.",
     [("We will not back down from our commitments", "Janet Yellen")]),
    ("en", 'Janet Yellen spoke in Washington. "The sanctions will stay in place as long as needed," she said.',
     [("The sanctions will stay in place as long as needed", "Janet Yellen")]),
    ("de", "BERLIN – „Wir stehen fest an der Seite der Ukraine“, sagte Scholz am Donnerstag.",
     [("Wir stehen fest an der Seite der Ukraine", "Olaf Scholz")]),
    ("de", "Baerbock reiste nach Kiew. »Das ist ein schwarzer Tag für Europa«, erklärte Baerbock.",
     [("Das ist ein schwarzer Tag für Europa", "Annalena Baerbock")]),
    ("fr", "PARIS – « Nous allons continuer à soutenir l'Ukraine », a déclaré Emmanuel Macron lundi.",
     [("Nous allons continuer à soutenir l'Ukraine", "Emmanuel Macron")]),
    ("fr", "Emmanuel Macron a parlé avec les journalistes. Selon lui, « la paix passe par le droit international ».",
     [("la paix passe par le droit international", "Emmanuel Macron")]),
    ("fr", "Macron a répondu aux questions. ‹ Nous sommes prêts à discuter avec tout le monde ›, a-t-il ajouté.",
     [("Nous sommes prêts à discuter avec tout le monde", "Emmanuel Macron")]),
    ("es", "Madrid – “Europa seguirá apoyando a Ucrania hasta el final”, ha dicho Sánchez este lunes.",
     [("Europa seguirá apoyando a Ucrania hasta el final", "Pedro Sánchez")]),
    ("es", "El acuerdo fue discutido. Según Zelenski, \"la paz justa todavía es posible\" para su país.",
     [("la paz justa todavía es posible", "Volodymyr Zelenskyy")]),
    ("ru", "МОСКВА – «Мы готовы к переговорам без предварительных условий», – заявил Песков журналистам.",
     [("Мы готовы к переговорам без предварительных условий", "Dmitry Peskov")]),
    ("ru", "По словам Лаврова, «ситуация остается крайне напряженной и опасной».",
     [("ситуация остается крайне напряженной и опасной", "Sergey Lavrov")]),
    ("en", "Yellen met her counterparts. ‘We are ready to talk at any time,’ she told reporters.",
     [("We are ready to talk at any time", "Janet Yellen")]),
])
def test_quotation_styles_and_cues(pipeline, lang, text, expected):
    assert said(annotate(pipeline, text, lang)) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", '"We have made no decision on the talks yet," Zelensky told Macron on Monday.',
     [("We have made no decision on the talks yet", "Volodymyr Zelenskyy")]),
    ("fr", "« Nous ne sommes pas prêts à signer cet accord », a déclaré le porte-parole du Kremlin, Dmitry Peskov.",
     [("Nous ne sommes pas prêts à signer cet accord", "Dmitry Peskov")]),
    ("ru", "«Переговоры продолжатся на следующей неделе», — цитирует ТАСС Пескова.",
     [("Переговоры продолжатся на следующей неделе", "Dmitry Peskov")]),
    ("de", "Scholz sprach in Berlin. „Wir werden die Sanktionen weiter verschärfen“, so Scholz.",
     [("Wir werden die Sanktionen weiter verschärfen", "Olaf Scholz")]),
])
def test_who_speaks_when_several_names_are_near(pipeline, lang, text, expected):
    assert said(annotate(pipeline, text, lang)) == expected


def test_nested_quotes_stay_inside_the_outer_quote(pipeline):
    doc = annotate(pipeline, "«Il governo lavora per “una pace giusta” in Ucraina», ha detto Tajani.", "it")
    assert said(doc) == [("Il governo lavora per “una pace giusta” in Ucraina", "Antonio Tajani")]


def test_a_quote_over_two_paragraphs_is_read_paragraph_by_paragraph(pipeline):
    text = ("Meloni ha parlato a lungo alla Camera.\n"
            "«Il nostro sostegno non è mai venuto meno in questi anni difficili.\n"
            "«Continueremo su questa strada con tutti i nostri alleati», ha detto Meloni.")
    assert said(annotate(pipeline, text, "it")) == [
        ("Il nostro sostegno non è mai venuto meno in questi anni difficili", "Giorgia Meloni"),
        ("Continueremo su questa strada con tutti i nostri alleati", "Giorgia Meloni"),
    ]


def test_a_quote_interrupted_by_its_attribution_is_two_quotes(pipeline):
    text = ('Roma – "Ho parlato con il presidente del Consiglio - ha scritto Zelensky su Telegram -. '
            'Abbiamo discusso dei prossimi passi insieme."')
    doc = annotate(pipeline, text, "it")
    assert said(doc) == [("Ho parlato con il presidente del Consiglio", "Volodymyr Zelenskyy"),
                         ("Abbiamo discusso dei prossimi passi insieme", "Volodymyr Zelenskyy")]
    assert {q.cue for q in doc._.quotes} == {"ha scritto"}


def test_a_whole_paragraph_quote_after_a_colon(pipeline):
    text = "Peskov ha parlato ai giornalisti:\n«Non ci sono piani per un incontro al momento, ne parleremo più avanti.»"
    assert said(annotate(pipeline, text, "it")) == [
        ("Non ci sono piani per un incontro al momento, ne parleremo più avanti", "Dmitry Peskov")]


def test_a_dash_introduced_quote_needs_a_cue(pipeline):
    doc = annotate(pipeline, "— Мы не обсуждали эту тему на встрече, — сказал Песков.", "ru")
    assert said(doc) == [("Мы не обсуждали эту тему на встрече", "Dmitry Peskov")]
    doc = annotate(pipeline, "- Il ministro degli Esteri, Antonio Tajani, ha invitato Antony Blinken a Roma.", "it")
    assert said(doc) == []


def test_scare_quotes_and_titles_are_not_quotes(pipeline):
    text = ('Hezbollah ha lanciato un missile "Qader 1" contro la "sede centrale". '
            'Tajani ha chiesto una "pace giusta".')
    assert said(annotate(pipeline, text, "it")) == []


def test_a_quote_without_a_cue_continues_the_quote_before_it(pipeline):
    text = "«Siamo pronti a parlare con tutti», ha detto Peskov, «ma non a qualsiasi condizione».",
    doc = annotate(pipeline, text[0], "it")
    assert said(doc) == [("Siamo pronti a parlare con tutti", "Dmitry Peskov"),
                         ("ma non a qualsiasi condizione", "Dmitry Peskov")]


def test_a_document_speaks_for_the_body_that_issued_it(pipeline):
    text = ("Mosca – Putin e Tokayev si sono sentiti, riferisce il servizio stampa del Cremlino.\n"
            "«Sono state discusse le questioni di attualità dell'agenda bilaterale», si legge nel messaggio.")
    doc = annotate(pipeline, text, "it")
    assert said(doc) == [("Sono state discusse le questioni di attualità dell'agenda bilaterale",
                          "Kremlin press service")]
    assert [q.cue for q in doc._.quotes if q.direct] == ["si legge nel messaggio"]


def test_an_unnamed_spokesman_speaks_for_the_institution(pipeline):
    text = ("Roma – Lo ha annunciato l'esercito israeliano. "
            "“Un missile è stato intercettato dalla difesa aerea sopra la città”, ha dichiarato un portavoce militare.")
    assert said(annotate(pipeline, text, "it")) == [
        ("Un missile è stato intercettato dalla difesa aerea sopra la città", "Israel Defense Forces")]


def test_a_role_resolves_to_the_person_of_that_country(pipeline):
    text = ("Antonio Tajani ha incontrato Antony Blinken a New York. Il capo della diplomazia italiana ha detto che "
            "“l'Italia resta al fianco degli alleati europei e americani”.")
    assert said(annotate(pipeline, text, "it")) == [
        ("l'Italia resta al fianco degli alleati europei e americani", "Antonio Tajani")]


def test_no_speaker_when_the_text_does_not_say(pipeline):
    text = ("Roma – Meloni è arrivata a Bruxelles. «Il tempo stringe per tutti noi in Europa», scrivono i giornali.\n"
            "Sul muro della piazza campeggiava la scritta «nessuno resterà indietro in questa città».")
    assert said(annotate(pipeline, text, "it")) == [
        ("Il tempo stringe per tutti noi in Europa", None),
        ("nessuno resterà indietro in questa città", None)]


# -- hostile quotation marks -----------------------------------------------------------------
def _check_sane(text: str, quotes) -> None:
    previous_end = -1
    for quote in quotes:
        assert quote.start >= previous_end, "quotes overlap"
        span = text[quote.start:quote.end]
        assert " ".join(span.split()) == quote.text
        assert span.count("\n") <= 1, "a quote ran over several paragraphs"
        previous_end = quote.end


def test_a_stray_mark_does_not_swallow_the_article(pipeline):
    text = ("Roma – Il ministro ha parlato di «riforme senza chiudere mai la citazione.\n"
            "Nel pomeriggio «la riunione è stata rinviata a data da destinarsi», ha detto Peskov.")
    doc = annotate(pipeline, text, "it")
    assert said(doc) == [("la riunione è stata rinviata a data da destinarsi", "Dmitry Peskov")]


def test_mixed_and_unbalanced_marks_keep_the_good_quotes(pipeline):
    text = ('Roma – « " “ ‘ „ » » ” ” " ’ « ‹ unbalanced “ and " mixed ‚ marks ’ everywhere\n'
            "«Questa frase invece è citata per bene», ha detto Peskov. » « „ “ ”")
    doc = annotate(pipeline, text, "it")
    assert ("Questa frase invece è citata per bene", "Dmitry Peskov") in said(doc)
    _check_sane(text, doc._.quotes)


def test_ten_thousand_marks_in_one_text(pipeline):
    marks = "«»“”„‘’‹›\"'"
    noise = " ".join(marks[i % len(marks)] + "parola" * (i % 3) for i in range(10_000))
    text = f"Roma – {noise}\n«Dopo il rumore resta una citazione vera e propria», ha detto Peskov."
    doc = annotate(pipeline, text, "it")
    assert doc.text == text  # no text is lost or moved
    assert ("Dopo il rumore resta una citazione vera e propria", "Dmitry Peskov") in said(doc)
    _check_sane(text, doc._.quotes)


def test_the_mark_scanner_never_leaves_its_paragraph():
    text = "«aperta e mai chiusa\n" * 2000 + "fine»"
    assert all(text[s.start:s.end].count("\n") == 0 for s in find_quote_spans(text))


# -- whole articles of our own through the whole pipeline --------------------------------------
OWN_ARTICLES = [
    ("Peskov: nessun vertice in vista\n\nMosca, 10 apr. (askanews) - «Al momento non ci sono piani concreti per "
     "un vertice». Lo ha detto il portavoce del Cremlino Dmitry Peskov ai giornalisti.\n«Siamo sempre aperti al "
     "dialogo - ha aggiunto Peskov - ma non accetteremo ultimatum da nessuno».\nIl presidente russo Vladimir Putin, "
     "parlando a San Pietroburgo, ha affermato che «la Russia non ha mai rifiutato i negoziati». Secondo il leader "
     "del Cremlino, «sono stati gli occidentali a interrompere il dialogo».",
     {("Al momento non ci sono piani concreti per un vertice", "Dmitry Peskov"),
      ("Siamo sempre aperti al dialogo", "Dmitry Peskov"),
      ("ma non accetteremo ultimatum da nessuno", "Dmitry Peskov"),
      ("la Russia non ha mai rifiutato i negoziati", "Vladimir Putin"),
      ("sono stati gli occidentali a interrompere il dialogo", "Vladimir Putin")}),
    ("Kremlin rejects ceasefire proposal\n\nMOSCOW (AP) — The Kremlin on Wednesday rejected a proposal for a "
     "30-day ceasefire.\n\"There can be no talk of a truce while weapons keep flowing to Kyiv,\" said Dmitry "
     "Peskov, the Kremlin spokesman.\nPutin, speaking at a meeting with his security council, said: \"We will "
     "achieve all the goals of the special military operation.\"",
     {("There can be no talk of a truce while weapons keep flowing to Kyiv", "Dmitry Peskov"),
      ("We will achieve all the goals of the special military operation", "Vladimir Putin")}),
    ("Sánchez anuncia nueva ayuda a Ucrania\n\nMADRID, 12 mar (EFE).- El presidente del Gobierno, Pedro Sánchez, "
     "ha anunciado un nuevo paquete de ayuda. \"España estará al lado del pueblo ucraniano el tiempo que haga "
     "falta\", ha afirmado Sánchez en La Moncloa.\nPor su parte, la primera ministra italiana, Giorgia Meloni, "
     "aseguró que \"el apoyo a Ucrania no es caridad\". \"Seguiremos haciendo nuestra parte\", añadió la jefa "
     "del Gobierno italiano.",
     {("España estará al lado del pueblo ucraniano el tiempo que haga falta", "Pedro Sánchez"),
      ("el apoyo a Ucrania no es caridad", "Giorgia Meloni"),
      ("Seguiremos haciendo nuestra parte", "Giorgia Meloni")}),
    ("Лавров обвинил Запад\n\nМОСКВА, 18 мая. /ТАСС/. Министр иностранных дел РФ Сергей Лавров заявил, что "
     "Запад не заинтересован в урегулировании. «Запад делает все, чтобы затянуть конфликт», - сказал министр "
     "на пресс-конференции.\nПо словам Лаврова, «переговоры возможны только с учетом новых реалий».",
     {("Запад делает все, чтобы затянуть конфликт", "Sergey Lavrov"),
      ("переговоры возможны только с учетом новых реалий", "Sergey Lavrov")}),
]


@pytest.mark.parametrize("text, expected", OWN_ARTICLES, ids=["it", "en", "es", "ru"])
def test_own_articles_through_the_whole_pipeline(pipeline, text, expected):
    assert {(q.text, q.speaker) for q in pipeline.analyze(text).quotes if q.direct} == expected


def test_a_short_quoted_name_nobody_said_is_not_a_quote(pipeline):
    text = ("Roma – Il governo ha presentato il «Piano Mattei per l'Africa» a Bruxelles.\n"
            "Mosca continua quella che chiama una \"operazione militare speciale\" nel Donbass.")
    assert said(annotate(pipeline, text, "it")) == []


def test_a_note_as_subject_speaks_for_its_issuer(pipeline):
    text = ("Roma – La premier ha sentito Biden. Lo rende noto Palazzo Chigi in una nota.\n"
            "Nel corso del colloquio, spiega ancora la nota, Meloni ha discusso \"della situazione nel Mar Rosso\".")
    assert said(annotate(pipeline, text, "it")) == [("della situazione nel Mar Rosso", "Palazzo Chigi")]


def test_straight_single_quotes_and_apostrophes(pipeline):
    text = ("LONDON – Yellen's visit went well. 'We will not be intimidated by threats,' Yellen told the "
            "leaders' meeting. 'The allies are united.'")
    assert said(annotate(pipeline, text, "en")) == [("We will not be intimidated by threats", "Janet Yellen"),
                                                   ("The allies are united", "Janet Yellen")]


def test_a_dash_introduced_quote_after_the_first_paragraph(pipeline):
    text = ("KIEV – Zelenski habló anoche.\n"
            "—No vamos a negociar con quien ocupa nuestra tierra —dijo Zelenski en su mensaje nocturno.")
    assert said(annotate(pipeline, text, "es")) == [
        ("No vamos a negociar con quien ocupa nuestra tierra", "Volodymyr Zelenskyy")]


def test_a_title_then_the_name_after_the_verb(pipeline):
    text = "«Abbiamo approvato il decimo pacchetto di sanzioni», ha dichiarato la presidente del Consiglio Giorgia Meloni."
    assert said(annotate(pipeline, text, "it")) == [
        ("Abbiamo approvato il decimo pacchetto di sanzioni", "Giorgia Meloni")]


def test_the_speaker_named_in_the_next_sentence_or_by_an_opening_per(pipeline):
    text = ("Mosca – \"L'Occidente continua ad alimentare il conflitto in Ucraina\". A sostenerlo è il portavoce "
            "del Cremlino, Dmitry Peskov.\nPer Peskov, \"le forniture di armi prolungano solo le sofferenze\".")
    assert said(annotate(pipeline, text, "it")) == [
        ("L'Occidente continua ad alimentare il conflitto in Ucraina", "Dmitry Peskov"),
        ("le forniture di armi prolungano solo le sofferenze", "Dmitry Peskov")]


@pytest.mark.parametrize("lang, text, speaker", [
    ("it", "«L'Italia resterà al fianco dei partner europei»: così Tajani a margine del vertice.", "Antonio Tajani"),
    ("de", "„Wir stehen fest an der Seite unserer Partner“, so Scholz am Rande des Gipfels.", "Olaf Scholz"),
])
def test_a_word_right_after_the_quote_introduces_its_speaker(pipeline, lang, text, speaker):
    assert [q.speaker for q in annotate(pipeline, text, lang)._.quotes] == [speaker]


def test_an_unnamed_subject_before_the_verb_gives_no_speaker(pipeline):
    text = ('Washington – "We are weighing all the options," Yellen told reporters.\n'
            'A senior administration official, who asked not to be named, said the decision could come '
            '"as early as next week, after the summit".')
    assert said(annotate(pipeline, text, "en")) == [
        ("We are weighing all the options", "Janet Yellen"),
        ("as early as next week, after the summit", None)]


def test_a_bad_user_cue_file_is_reported_with_its_code(tmp_path):
    from dispacci import Pipeline
    from dispacci.errors import ResourceError

    (tmp_path / "cues").mkdir()
    (tmp_path / "cues" / "quotes.yaml").write_text("it:\n  verbs: sagt\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"E150.*it\.verbs.*list of words"):
        Pipeline(resources=[str(tmp_path)], language="it").analyze("Roma – «Siamo pronti a tutto», ha detto Peskov.")


def test_a_user_cue_file_adds_verbs(tmp_path):
    from dispacci import Pipeline

    (tmp_path / "cues").mkdir()
    (tmp_path / "cues" / "quotes.yaml").write_text("it:\n  verbs: [sibilato]\n", encoding="utf-8")
    text = "Roma – «Non finirà così, ve lo garantisco», ha sibilato Peskov."
    assert [q.speaker for q in Pipeline(language="it").analyze(text).quotes] == [None]
    assert [q.speaker for q in Pipeline(resources=[str(tmp_path)], language="it").analyze(text).quotes] == [
        "Dmitry Peskov"]


def test_a_quote_cut_by_a_line_break_inside_its_sentence(pipeline):
    text = ("Roma – Peskov ha detto che “il lancio del missile contro il gruppo\nterroristico è stato "
            "intercettato”, secondo i media.\nAltro paragrafo senza citazioni.")
    doc = annotate(pipeline, text, "it")
    assert said(doc) == [("il lancio del missile contro il gruppo terroristico è stato intercettato", "Dmitry Peskov")]


def test_a_state_as_subject_speaks_rather_than_the_last_person_named(pipeline):
    text = "Roma – Meloni ha sentito Peskov ieri. La Russia ha fatto sapere che «non ci sono margini per una tregua»."
    assert said(annotate(pipeline, text, "it")) == [("non ci sono margini per una tregua", "Russia")]


def test_a_paragraph_quote_after_a_paragraph_that_announces_it(pipeline):
    text = ("Mosca – Peskov ha poi aggiunto che la situazione resta complessa.\n"
            "«Non escludiamo nulla, ma per ora non ci sono piani concreti per un incontro».\n"
            "La Russia ha ammassato truppe al confine.\n"
            "«Le esercitazioni si svolgono secondo il calendario previsto da mesi».")
    assert said(annotate(pipeline, text, "it")) == [
        ("Non escludiamo nulla, ma per ora non ci sono piani concreti per un incontro", "Dmitry Peskov"),
        ("Le esercitazioni si svolgono secondo il calendario previsto da mesi", None)]
