"""A small corpus written for the analyst's tests: sanctions and talks, in six languages.

Every article is short and written for these tests; layers are placed by
finding their surface text, so offsets are right by construction. What an
analyst asks of it: "all sanctions by the United States against Russia in
2022" are the events marked ``US_RU_2022`` below (one of them hypothetical,
one negated); the others differ in one respect each (year, source, target).
"""
from __future__ import annotations

from dispacci.pipeline import record_id
from dispacci.record import Record

__all__ = ["analyst_records", "US_RU_2022", "US_RU_2022_ASSERTED", "GUESSED_TITLE", "UNRESOLVED_NAME"]

USA = {"name": "United States", "actor": "USA", "country": "USA", "code": "USA"}
RUS = {"name": "Russia", "actor": "RUS", "country": "RUS", "code": "RUS"}
IRN = {"name": "Iran", "actor": "IRN", "country": "IRN", "code": "IRN"}
EU = {"name": "European Union", "actor": "eu", "country": None, "code": "IGOEU"}
PUTIN = {"name": "Vladimir Putin", "actor": "vladimir-putin", "country": "RUS", "code": "RUSGOV"}
TOKAYEV = {"name": "Kassym-Jomart Tokayev", "actor": "kassym-jomart-tokayev", "country": "KAZ", "code": "KAZGOV"}
TREASURY = {"name": "US Treasury", "actor": "us-treasury", "country": "USA", "code": "USAGOV"}
UNRESOLVED_NAME = "Marlon Vaskovich"
GUESSED_TITLE = "Путин провёл переговоры с Токаевым"
US_RU_2022 = 5           # events coded SANCTION, source USA, target RUS, dated 2022
US_RU_2022_ASSERTED = 3  # of which neither hypothetical nor negated


def _at(text: str, surface: str) -> dict:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface)}


def _article(title, body, *, lang, published, outlet, dateline, entities=(), quotes=(), events=()) -> Record:
    text = f"{title}\n\n{body}"
    data = {"id": record_id(title, body), "text": text, "language": lang, "title": title,
            "source": {"url": f"https://{outlet}/{lang}/{record_id(title, body)[:8]}", "publisher": outlet,
                       "published": published},
            "dateline": _dateline(text, dateline),
            "entities": [{**_at(text, s), "text": s, "kind": kind, "canonical": canonical, "actor": actor,
                          "country": country, "roles": []} for s, kind, canonical, actor, country in entities],
            "quotes": [{**_at(text, s), "text": s, "speaker": speaker, "speaker_actor": actor, "cue": cue,
                        "direct": direct} for s, speaker, actor, cue, direct in quotes],
            "events": [{"source": source_, "target": target, "cameo": cameo, "plover": plover, "date": day,
                        "mode": mode, "negated": negated, "hypothetical": hypothetical, "evidence": _at(text, s)}
                       for s, source_, target, cameo, plover, mode, day, negated, hypothetical in events]}
    return Record.model_validate(data)


def _dateline(text: str, dateline) -> dict | None:
    if dateline is None:
        return None
    surface, place, country, date, source, guessed = dateline
    return {**_at(text, surface), "place": place, "country": country, "date": date, "date_source": source,
            "year_guessed": guessed}


def analyst_records() -> list[Record]:
    return [
        _article("Washington imposes sweeping sanctions on Russian banks",
                 "WASHINGTON, Feb. 24 – The United States imposed sanctions on Russia's largest banks on Thursday. "
                 "\"Putin chose this war,\" President Joe Biden said.",
                 lang="en", published="2022-02-24", outlet="example-wire.com",
                 dateline=("WASHINGTON, Feb. 24", "Washington", "USA", "2022-02-24", "dateline", False),
                 entities=[("United States", "country", "United States", "USA", "USA"),
                           ("Russia", "country", "Russia", "RUS", "RUS"),
                           ("Putin", "person", "Vladimir Putin", "vladimir-putin", "RUS"),
                           ("Joe Biden", "person", "Joe Biden", "joe-biden", "USA")],
                 quotes=[("Putin chose this war", "Joe Biden", "joe-biden", "said", True)],
                 events=[("imposed sanctions on Russia's largest banks", USA, RUS, "163", "SANCTION", "material",
                          "2022-02-24", False, False)]),
        _article("Nuove sanzioni americane contro Mosca",
                 "Roma, 11 marzo 2022 – Gli Stati Uniti hanno imposto nuove sanzioni alla Russia. "
                 "Le misure potrebbero colpire anche il settore energetico russo, secondo fonti diplomatiche.",
                 lang="it", published="2022-03-11", outlet="esempio-notizie.it",
                 dateline=("Roma, 11 marzo 2022", "Roma", "ITA", "2022-03-11", "dateline", False),
                 entities=[("Stati Uniti", "country", "United States", "USA", "USA"),
                           ("Russia", "country", "Russia", "RUS", "RUS")],
                 events=[("hanno imposto nuove sanzioni alla Russia", USA, RUS, "163", "SANCTION", "material",
                          "2022-03-11", False, False),
                         ("potrebbero colpire anche il settore energetico", USA, RUS, "163", "SANCTION", "material",
                          "2022-03-11", False, True)]),
        _article("Washington sanctionne les proches de Poutine",
                 "Paris, 6 avril 2022 – Les États-Unis ont sanctionné la Russie en visant les proches de Poutine, "
                 "a annoncé le Trésor américain.",
                 lang="fr", published="2022-04-06", outlet="exemple-journal.fr",
                 dateline=("Paris, 6 avril 2022", "Paris", "FRA", "2022-04-06", "dateline", False),
                 entities=[("États-Unis", "country", "United States", "USA", "USA"),
                           ("Russie", "country", "Russia", "RUS", "RUS"),
                           ("Poutine", "person", "Vladimir Putin", "vladimir-putin", "RUS")],
                 events=[("ont sanctionné la Russie", USA, RUS, "163", "SANCTION", "material", "2022-04-06",
                          False, False)]),
        _article("USA verhängen Sanktionen gegen Russland",
                 "Berlin, 15. April 2021 – Die Vereinigten Staaten verhängen Sanktionen gegen Russland, "
                 "teilte das Weiße Haus mit. Wladimir Putin kündigte eine Antwort an.",
                 lang="de", published="2021-04-15", outlet="beispiel-zeitung.de",
                 dateline=("Berlin, 15. April 2021", "Berlin", "DEU", "2021-04-15", "dateline", False),
                 entities=[("Vereinigten Staaten", "country", "United States", "USA", "USA"),
                           ("Russland", "country", "Russia", "RUS", "RUS"),
                           ("Wladimir Putin", "person", "Vladimir Putin", "vladimir-putin", "RUS")],
                 events=[("verhängen Sanktionen gegen Russland", USA, RUS, "163", "SANCTION", "material",
                          "2021-04-15", False, False)]),
        _article("La UE sanciona a Rusia",
                 "Bruselas, 28 de febrero de 2022 – La Unión Europea sancionó a Rusia por la invasión.",
                 lang="es", published="2022-02-28", outlet="ejemplo-diario.es",
                 dateline=("Bruselas, 28 de febrero de 2022", "Bruselas", "BEL", "2022-02-28", "dateline", False),
                 entities=[("Unión Europea", "organization", "European Union", "eu", None),
                           ("Rusia", "country", "Russia", "RUS", "RUS")],
                 events=[("sancionó a Rusia", EU, RUS, "163", "SANCTION", "material", "2022-02-28", False, False)]),
        _article("США ввели санкции против Ирана",
                 "Вашингтон, 2 августа 2022 – США ввели новые санкции против Ирана.",
                 lang="ru", published="2022-08-02", outlet="primer-novosti.ru",
                 dateline=("Вашингтон, 2 августа 2022", "Вашингтон", "USA", "2022-08-02", "dateline", False),
                 entities=[("США", "country", "United States", "USA", "USA"), ("Ирана", "country", "Iran", "IRN", "IRN")],
                 events=[("ввели новые санкции против Ирана", USA, IRN, "163", "SANCTION", "material", "2022-08-02",
                          False, False)]),
        _article(GUESSED_TITLE,
                 "Москва, 10 мая – Президент России Владимир Путин провёл переговоры с Касым-Жомартом Токаевым. "
                 "Стороны обсудили санкции. «Мы договорились о сотрудничестве», — заявил Путин.",
                 lang="ru", published=None, outlet="primer-novosti.ru",
                 dateline=("Москва, 10 мая", "Москва", "RUS", "2022-05-10", "guessed", True),
                 entities=[("Владимир Путин", "person", "Vladimir Putin", "vladimir-putin", "RUS"),
                           ("Касым-Жомартом Токаевым", "person", "Kassym-Jomart Tokayev", "kassym-jomart-tokayev", "KAZ")],
                 quotes=[("Мы договорились о сотрудничестве", "Vladimir Putin", "vladimir-putin", "заявил", True)],
                 events=[("провёл переговоры", PUTIN, TOKAYEV, "040", "CONSULT", "verbal", "2022-05-10", False, False)]),
        _article("Treasury holds off on new Russia measures",
                 "SPRINGFIELD, June 1, 2022 – The US Treasury did not sanction Russian exporters this week, "
                 f"said {UNRESOLVED_NAME}, a trade lawyer. He said the measures would come later.",
                 lang="en", published="2022-06-01", outlet="example-gazette.com",
                 dateline=("SPRINGFIELD, June 1, 2022", "Springfield", None, "2022-06-01", "dateline", False),
                 entities=[("US Treasury", "organization", "US Treasury", "us-treasury", "USA"),
                           ("Russian", "country", "Russia", "RUS", "RUS"),
                           (UNRESOLVED_NAME, "person", UNRESOLVED_NAME, None, None)],
                 quotes=[("the measures would come later", UNRESOLVED_NAME, None, "said", False)],
                 events=[("did not sanction Russian exporters", TREASURY, RUS, "163", "SANCTION", "material",
                          "2022-06-01", True, False),
                         ("said", {"name": UNRESOLVED_NAME, "actor": None, "country": None, "code": None}, None,
                          "010", "STATEMENT", "verbal", "2022-06-01", False, False)]),
        _article("Putin y Tokayev hablan de comercio",
                 "El presidente Putin habló por teléfono con Tokayev sobre el comercio, según el Kremlin.",
                 lang="es", published=None, outlet="ejemplo-diario.es", dateline=None,
                 entities=[("Putin", "person", "Vladimir Putin", "vladimir-putin", "RUS"),
                           ("Tokayev", "person", "Kassym-Jomart Tokayev", "kassym-jomart-tokayev", "KAZ")],
                 events=[("habló por teléfono con", PUTIN, TOKAYEV, "040", "CONSULT", "verbal", None, False, False)]),
    ]
