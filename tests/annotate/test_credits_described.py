"""Credits for institutions named only by a description, for spokespeople, for cited
sources, and not for news about an outlet; and the made-up articles of
``credits_articles.yaml`` as a whole.

These run the whole pipeline: the entities layer must read the country words, the
institutions and the people for the credits layer to resolve an office to its seat.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

OWN = Path(__file__).with_name("credits_articles.yaml")


def credited(pipeline, text: str, lang: str) -> list[tuple[str, str]]:
    """(name, the words that credit it) for every credit but the publisher."""
    record = pipeline.analyze(text, language=lang, title="Titolo")
    return [(c.name, record.text[c.start:c.end]) for c in record.credits if c.role != "publisher"]


# -- an officeholder's office, named by description ------------------------------------------
@pytest.mark.parametrize("lang, text, expected", [
    ("it", "Roma – Lo ha reso noto lo staff del presidente del Consiglio.",
     [("Palazzo Chigi", "staff del presidente del Consiglio")]),
    ("it", "Londra – Il vertice è confermato, secondo l'ufficio del primo ministro britannico.",
     [("Downing Street", "ufficio del primo ministro britannico")]),
    ("en", "Athens – The Greek prime minister's office said the talks would go ahead.",
     [("Office of the Prime Minister of Greece", "Greek prime minister's office")]),
    ("en", "Budapest – The visit was postponed, the office of the Hungarian prime minister announced.",
     [("Office of the Prime Minister of Hungary", "office of the Hungarian prime minister")]),
    ("fr", "Kiev – Le cabinet du président ukrainien a annoncé que les négociations reprendraient.",
     [("Office of the President of Ukraine", "cabinet du président ukrainien")]),
    ("fr", "Paris – La réforme sera présentée mercredi, ont indiqué les services du Premier ministre.",
     [("Hôtel Matignon", "services du Premier ministre")]),
    ("de", "Budapest – Das Büro des ungarischen Ministerpräsidenten teilte mit, dass der Besuch verschoben wird.",
     [("Office of the Prime Minister of Hungary", "Büro des ungarischen Ministerpräsidenten")]),
    ("de", "Kiew – Die Gespräche werden fortgesetzt, teilte das Büro des Präsidenten mit.",
     [("Office of the President of Ukraine", "Büro des Präsidenten")]),
    ("es", "Jerusalén – La oficina del primer ministro israelí informó de que la delegación viajará a El Cairo.",
     [("Office of the Prime Minister of Israel", "oficina del primer ministro israelí")]),
    ("es", "París – La cumbre se aplaza, según informó el gabinete del presidente francés.",
     [("Élysée Palace", "gabinete del presidente francés")]),
    ("ru", "Будапешт – В аппарате премьер-министра Венгрии сообщили, что визит перенесен.",
     [("Office of the Prime Minister of Hungary", "аппарате премьер-министра Венгрии")]),
    ("ru", "Киев – Как сообщили в офисе президента Украины, переговоры возобновятся.",
     [("Office of the President of Ukraine", "офисе президента Украины")]),
])
def test_an_office_named_by_description_is_credited_to_its_institution(pipeline, lang, text, expected):
    assert credited(pipeline, text, lang) == expected


def test_an_office_without_a_seat_is_linked_to_who_held_it_on_the_day(pipeline):
    record = pipeline.analyze("Atene, 3 maggio 2023 – L'incontro è rinviato, ha fatto sapere l'ufficio del premier greco.",
                              language="it", title="Rinvio")
    assert [(c.name, c.actor) for c in record.credits] == [
        ("Office of the Prime Minister of Greece", "kyriakos-mitsotakis")]


@pytest.mark.parametrize("lang, text", [
    ("en", "Athens – The office of the former prime minister said the book would be published in May."),
    ("it", "Roma – L'ufficio del premier era chiuso per lavori."),  # no verb of saying: not a source
    ("fr", "Paris – Selon les services du Premier ministre, la réforme sera présentée mercredi."),  # a claim
    ("de", "Budapest – Das Büro des Ministerpräsidenten Viktor Orbán teilte mit, der Besuch sei verschoben."),
    pytest.param("it", "Roma – L'ufficio del presidente della Regione ha comunicato che le scuole resteranno chiuse.",
                 marks=pytest.mark.xfail(strict=False, reason="the retrained Italian model names 'Regione' an organisation inside the subject phrase, and the release-verb rule credits it")),
    ("es", "Madrid – La oficina del presidente del club informó de que el entrenador seguirá."),
])
def test_descriptions_that_do_not_name_a_source(pipeline, lang, text):
    assert [name for name, _ in credited(pipeline, text, lang)] == []


def test_the_seat_of_an_office_is_data_a_user_file_can_add(tmp_path):
    from dispacci import Pipeline

    mine = tmp_path / "actors.yaml"
    mine.write_text("- kind: organization\n  id: maximos-mansion\n  name: Maximos Mansion\n  type: seat\n"
                    "  country: GRC\n  seat_of: [head_of_government]\n", encoding="utf-8")
    record = Pipeline(actors=[str(mine)], language="it").analyze(
        "Atene – L'incontro è rinviato, ha fatto sapere l'ufficio del premier greco.", title="Rinvio")
    assert [(c.name, c.actor) for c in record.credits] == [("Maximos Mansion", "maximos-mansion")]


# -- spokespeople --------------------------------------------------------------------------------
@pytest.mark.parametrize("lang, text, expected", [
    ("it", "Roma – La portavoce di Palazzo Chigi ha spiegato che il vertice è confermato.",
     [("Palazzo Chigi", "portavoce di Palazzo Chigi")]),
    ("it", "Pechino – Il portavoce del ministero degli Esteri cinese ha dichiarato che la visita è confermata.",
     [("Ministry of Foreign Affairs of China", "portavoce del ministero degli Esteri cinese")]),
    ("it", "Roma – «Nessun accordo», ha detto il portavoce del governo.", [("Government of Italy", "portavoce del governo")]),
    ("en", "Moscow – A Kremlin spokesman said the call had been productive.", [("Kremlin", "Kremlin spokesman")]),
    ("en", "Washington – The spokeswoman for the State Department said the embassy would stay open.",
     [("US Department of State", "spokeswoman for the State Department")]),
    ("fr", "Paris – Le porte-parole du gouvernement a annoncé un nouveau plan.",
     [("Government of France", "porte-parole du gouvernement")]),
    ("fr", "Moscou – Les discussions ont été constructives, a déclaré la porte-parole de la diplomatie russe.",
     [("Ministry of Foreign Affairs of Russia", "porte-parole de la diplomatie russe")]),
    ("de", "Berlin – Der Regierungssprecher sagte, der Kanzler werde nach Kiew reisen.",
     [("Federal Government of Germany", "Regierungssprecher")]),
    ("de", "Berlin – Ein Sprecher des Auswärtigen Amts sagte, die Botschaft bleibe geöffnet.",
     [("Federal Foreign Office of Germany", "Sprecher des Auswärtigen Amts")]),
    ("es", "Madrid – El portavoz del Gobierno ha señalado que el plan sigue adelante.",
     [("Government of Spain", "portavoz del Gobierno")]),
    ("es", "Washington – Un portavoz del Pentágono confirmó que los ejercicios continuarán.",
     [("US Department of Defense", "portavoz del Pentágono")]),
    ("ru", "Москва – Пресс-секретарь президента России заявил, что встреча не планируется.",
     [("Kremlin", "Пресс-секретарь президента России")]),
    ("ru", "Москва – Встреча не планируется, заявил пресс-секретарь Кремля.", [("Kremlin", "пресс-секретарь Кремля")]),
    ("ru", "Москва – Официальный представитель МИД России заявила, что посол будет вызван.",
     [("Ministry of Foreign Affairs of Russia", "Официальный представитель МИД России")]),
])
def test_a_spokesperson_credits_the_institution_it_speaks_for(pipeline, lang, text, expected):
    assert credited(pipeline, text, lang) == expected


def test_the_chain_runs_from_the_spokesperson_to_the_institution(pipeline):
    record = pipeline.analyze("Roma, 9 lug. (askanews) – La portavoce di Palazzo Chigi ha spiegato che il vertice "
                              "è confermato.", language="it", title="Vertice")
    assert record.credits[0].chain == ["Palazzo Chigi spokesperson", "Palazzo Chigi", "askanews"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Moscow – Dmitry Peskov, the Kremlin spokesman, said the call had been productive."),
    ("es", "Moscú – El portavoz del Kremlin, Dmitri Peskov, afirmó que no habrá reunión."),
    ("de", "Berlin – Scholz telefonierte, teilte Regierungssprecher Steffen Hebestreit mit."),
    ("it", "Mosca – Dmitry Peskov ha parlato ai giornalisti. Il portavoce del Cremlino ha detto che non ci sono piani."),
])
def test_a_named_spokesperson_is_a_person_not_a_credit(pipeline, lang, text):
    assert credited(pipeline, text, lang) == []


# -- agencies and the sources they cite --------------------------------------------------------------
@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Moscou – Le Kremlin n'a pas commenté, selon l'agence TASS.", ["TASS"]),
    ("fr", "Kiev – Deux drones ont été abattus, rapporte l'agence Reuters.", ["Reuters"]),
    ("de", "Moskau – Das bestätigte die Agentur Interfax unter Berufung auf das Verteidigungsministerium.",
     ["Interfax", "Ministry of Defence of Russia"]),
    ("es", "Kiev – Dos drones fueron derribados, informó la agencia Reuters citando a fuentes militares.", ["Reuters"]),
    ("ru", "Москва – Об этом сообщило агентство Рейтер.", ["Reuters"]),
    ("ru", "Москва – Как сообщает «Интерфакс» со ссылкой на Минобороны, ночью были сбиты шесть дронов.",
     ["Interfax", "Ministry of Defence of Russia"]),
    ("ru", "Москва – По данным «Интерфакса», переговоры продолжатся.", ["Interfax"]),
    ("en", "London – The minister resigned on Monday, the Associated Press reported.", ["Associated Press"]),
    ("en", "London – Reuters said the minister had resigned.", ["Reuters"]),
    ("en", "London – Reuters reported the attack on Monday.", ["Reuters"]),
    ("it", "Roma – Lo hanno riferito fonti di Palazzo Chigi al termine della riunione.", ["Palazzo Chigi"]),
    ("es", "Madrid – Fuentes de Moncloa consultadas por esta agencia añadieron que el texto llegará en abril.", ["Moncloa"]),
    ("en", "London – The talks collapsed on Friday, Bloomberg reported.", ["Bloomberg"]),  # a word-like name after its verb
    ("it", "Kiev – Sputnik, citando fonti militari, ha scritto che il ponte è chiuso.", ["Sputnik"]),
    ("es", "Washington – Bloomberg, que cita a dos funcionarios, asegura que el acuerdo está cerca.", ["Bloomberg"]),
    ("fr", "Moscou – Sputnik, citant le ministère de la Défense, affirme que trois drones ont été abattus.",
     ["Sputnik", "Ministry of Defence of Russia"]),
])
def test_agencies_in_running_text_and_the_sources_they_cite(pipeline, lang, text, expected):
    assert [name for name, _ in credited(pipeline, text, lang)] == expected


@pytest.mark.parametrize("lang, text", [
    ("it", "Roma – Reuters ha annunciato la chiusura della redazione di Milano."),
    ("fr", "Paris – Reuters a supprimé deux cents postes en Europe."),
    pytest.param("de", "London – Reuters hat zweihundert Stellen gestrichen.",
                 marks=pytest.mark.xfail(strict=False, reason="the retrained German model makes 'Reuters' an expletive, not the subject the news-about-an-outlet veto reads")),
    ("es", "Londres – Reuters despidió a doscientos empleados."),
    ("ru", "Лондон – Агентство Reuters объявило о сокращении штата."),
])
def test_news_about_an_outlet_is_not_a_credit(pipeline, lang, text):
    assert credited(pipeline, text, lang) == []


@pytest.mark.xfail(strict=False, reason="the English model parses 'London – Reuters announced job cuts' as a noun "
                                         "phrase ('announced' an adjective of 'cuts'), so no subject-verb is seen")
def test_news_about_an_outlet_after_an_english_dateline(pipeline):
    assert credited(pipeline, "London – Reuters announced job cuts on Tuesday.", "en") == []


@pytest.mark.xfail(strict=False, reason="the retrained German model parses 'Berlin – Reuters hat …' with the "
                   "outlet as an expletive, not the subject the news-about-an-outlet veto reads")
def test_an_outlet_right_after_a_dateline_is_not_the_datelines_tag(pipeline):
    record = pipeline.analyze("Berlin – Reuters hat zweihundert Stellen gestrichen.", language="de", title="Stellen")
    assert record.credits == []
    record = pipeline.analyze("NUR-SULTAN. KAZINFORM – The President held a meeting.", language="en", title="Meeting")
    assert [c.name for c in record.credits] == ["Kazinform"]


# -- the made-up articles as a whole ----------------------------------------------------------------
def _articles() -> list[dict]:
    return yaml.safe_load(OWN.read_text(encoding="utf-8"))["articles"]


def test_own_articles_credits_f1_stays_above_its_floor(pipeline):
    """A floor, not a goal: the made-up articles were written before the rules for described
    institutions and spokespeople, and are scored like the owners' reference articles."""
    right = predicted = reference = 0
    for article in _articles():
        record = pipeline.analyze(article["text"], title=article["title"], language=article["lang"])
        got = {c.name for c in record.credits if c.role != "publisher"}
        want = set(article["credits"])
        right, predicted, reference = right + len(got & want), predicted + len(got), reference + len(want)
    precision, recall = right / predicted, right / reference
    assert 2 * precision * recall / (precision + recall) >= 0.93
