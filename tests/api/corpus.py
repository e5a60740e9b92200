"""A small hand-written corpus of records for the API and web tests.

The articles are short texts written for these tests; every layer is placed by
finding its surface text, so offsets are right by construction. One article is
hostile: markup and script in its title, names, quotes and source URL.
"""
from __future__ import annotations

from dispacci.pipeline import record_id
from dispacci.record import Record

__all__ = ["sample_records", "variant", "HOSTILE_TITLE", "HOSTILE_NAME", "HOSTILE_SPEAKER", "HOSTILE_ACTOR", "HOSTILE_URL"]

HOSTILE_TITLE = '<script>alert("title")</script> Breaking "><img src=x onerror=alert(1)>'
HOSTILE_NAME = "<img src=x onerror=alert('name')>"
HOSTILE_SPEAKER = "</script><script>alert('speaker')</script>"
HOSTILE_ACTOR = '"><svg onload=alert(5)>'
HOSTILE_URL = "javascript:alert('url')"


def _at(text: str, surface: str, after: int = 0) -> dict:
    start = text.index(surface, after)
    return {"start": start, "end": start + len(surface)}


def _record(title: str, body: str, *, language: str, published: str, url: str | None, publisher: str | None,
            dateline: tuple | None = None, entities=(), quotes=(), credits=(), events=(), not_body=()) -> Record:
    text = f"{title}\n\n{body}"
    data: dict = {"id": record_id(title, body), "text": text, "language": language, "title": title,
                  "source": {"url": url, "publisher": publisher, "published": published}}
    if dateline:
        surface, place, country, date = dateline
        data["dateline"] = {**_at(text, surface), "place": place, "country": country, "date": date}
    data["entities"] = [{**_at(text, surface), "text": surface, "kind": kind, "canonical": canonical,
                         "actor": actor, "country": country, "roles": list(roles)}
                        for surface, kind, canonical, actor, country, roles in entities]
    data["quotes"] = [{**_at(text, surface), "text": surface, "speaker": speaker, "speaker_actor": actor, "cue": cue}
                      for surface, speaker, actor, cue in quotes]
    data["credits"] = [{**_at(text, surface), "name": name, "role": role, "actor": actor, "chain": list(chain)}
                       for surface, name, role, actor, chain in credits]
    data["events"] = [{"source": source, "target": target, "cameo": cameo, "plover": plover, "date": date,
                       "hypothetical": hypothetical, "evidence": _at(text, surface)}
                      for surface, source, target, cameo, plover, date, hypothetical in events]
    data["not_body"] = [{**_at(text, surface), "why": why} for surface, why in not_body]
    return Record.model_validate(data)


PUTIN = {"name": "Vladimir Putin", "actor": "vladimir-putin", "country": "RUS", "code": "RUSGOV"}
TOKAYEV = {"name": "Kassym-Jomart Tokayev", "actor": "kassym-jomart-tokayev", "country": "KAZ", "code": "KAZGOV"}
UKRAINE = {"name": "Ukraine", "actor": "UKR", "country": "UKR", "code": "UKR"}

IT_BODY = ("Mosca, 2 aprile 2022 – Il presidente russo Vladimir Putin ha parlato al telefono con il presidente "
           "del Kazakistan Kassym-Jomart Tokayev, riferisce il servizio stampa del Cremlino.\n"
           "«Abbiamo discusso la cooperazione economica», ha detto Putin. Secondo l'agenzia RIA Novosti, "
           "i due leader si incontreranno a maggio.\nFoto: archivio")
EN_BODY = ("MOSCOW, April 3 (Wire) – Russian President Vladimir Putin and Kazakh President Kassym-Jomart Tokayev "
           "discussed trade by phone, the Kremlin said.\n\"We agreed to deepen our partnership,\" Tokayev said. "
           "Putin also accused Ukraine of dragging out the negotiations.")
HOSTILE_BODY = (f"Rome, 5 May 2022 – {HOSTILE_NAME} met officials today. "
                f"\"<b>bold</b> and <script>alert('quote')</script>\", said {HOSTILE_SPEAKER}. "
                "Nothing else happened & that is all.")


def sample_records() -> list[Record]:
    italian = _record(
        "Telefonata tra Putin e Tokayev", IT_BODY, language="it", published="2022-04-02",
        url="https://example.it/esteri/putin-tokayev", publisher="Esempio Notizie",
        dateline=("Mosca, 2 aprile 2022", "Mosca", "RUS", "2022-04-02"),
        entities=[("Vladimir Putin", "person", "Vladimir Putin", "vladimir-putin", "RUS", ["president"]),
                  ("Kazakistan", "country", "Kazakhstan", "KAZ", "KAZ", []),
                  ("Kassym-Jomart Tokayev", "person", "Kassym-Jomart Tokayev", "kassym-jomart-tokayev", "KAZ", ["president"]),
                  ("Cremlino", "organization", "Kremlin", "kremlin", "RUS", [])],
        quotes=[("Abbiamo discusso la cooperazione economica", "Vladimir Putin", "vladimir-putin", "ha detto")],
        credits=[("servizio stampa del Cremlino", "Kremlin press service", "origin", "kremlin", []),
                 ("RIA Novosti", "RIA Novosti", "wire", None, ["RIA Novosti", "Esempio Notizie"])],
        events=[("ha parlato al telefono", PUTIN, TOKAYEV, "040", "CONSULT", "2022-04-02", False),
                ("si incontreranno", PUTIN, TOKAYEV, "036", "CONSULT", "2022-05-01", True)],
        not_body=[("Foto: archivio", "photo caption or credit")])
    english = _record(
        "Putin and Tokayev discuss trade by phone", EN_BODY, language="en", published="2022-04-03",
        url="https://wire.example.com/world/putin-tokayev", publisher="Example Wire",
        dateline=("MOSCOW, April 3", "Moscow", "RUS", "2022-04-03"),
        entities=[("Vladimir Putin", "person", "Vladimir Putin", "vladimir-putin", "RUS", ["president"]),
                  ("Kassym-Jomart Tokayev", "person", "Kassym-Jomart Tokayev", "kassym-jomart-tokayev", "KAZ", ["president"]),
                  ("Ukraine", "country", "Ukraine", "UKR", "UKR", [])],
        quotes=[("We agreed to deepen our partnership", "Kassym-Jomart Tokayev", "kassym-jomart-tokayev", "said")],
        credits=[("the Kremlin said", "Kremlin", "origin", "kremlin", [])],
        events=[("discussed trade by phone", PUTIN, TOKAYEV, "040", "CONSULT", "2022-04-03", False),
                ("accused Ukraine", PUTIN, UKRAINE, "112", "ACCUSE", "2022-04-03", False)])
    reprint = _record(
        "Putin, Tokayev talk trade", EN_BODY, language="en", published="2022-04-04",
        url="https://copy.example.org/putin", publisher="Copy Daily",
        dateline=("MOSCOW, April 3", "Moscow", "RUS", "2022-04-03"),
        entities=[("Vladimir Putin", "person", "Vladimir Putin", "vladimir-putin", "RUS", ["president"])])
    hostile = _record(
        HOSTILE_TITLE, HOSTILE_BODY, language="en", published="2022-05-05", url=HOSTILE_URL,
        publisher="<i>Evil</i> Times",
        entities=[(HOSTILE_NAME, "person", HOSTILE_NAME, HOSTILE_ACTOR, None, ["<u>role</u>"])],
        quotes=[("<b>bold</b> and <script>alert('quote')</script>", HOSTILE_SPEAKER, HOSTILE_ACTOR, "said")],
        events=[("met officials", {"name": HOSTILE_NAME, "actor": HOSTILE_ACTOR}, {"name": "officials"},
                 "040", "CONSULT", "2022-05-05", False)])
    return [italian, english, reprint, hostile]


def variant(record: Record, tag: str) -> Record:
    """Another article made from ``record``: ``tag`` ends its text, and the id is that content's."""
    from dispacci.pipeline import content_id

    changed = record.model_copy(update={"text": f"{record.text} [{tag}]"})
    return changed.model_copy(update={"id": content_id(changed)})
