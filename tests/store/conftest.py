"""Fixtures for the corpus store: records built by hand, where analysis is not the point."""
from __future__ import annotations

import pytest

from dispacci.pipeline import record_id
from dispacci.record import Entity, Event, EventActor, Evidence, Quote, Record, Source


def make_record(title: str, body: str, *, lang: str = "en", published: str | None = "2022-04-02",
                url: str | None = None, publisher: str | None = None, entities=(), quotes=(), events=()) -> Record:
    """A record whose layers are given as phrases of the body.

    ``entities``: (phrase, kind, actor, country); ``quotes``: (phrase, speaker, speaker_actor);
    ``events``: (phrase, (name, actor, country), (name, actor, country) | None, cameo, plover, date).
    """
    text = f"{title}\n\n{body}"

    def span(phrase: str) -> tuple[int, int]:
        start = text.index(phrase, len(title))
        return start, start + len(phrase)

    record = Record(
        id=record_id(title, body), text=text, language=lang, title=title,
        source=Source(url=url, publisher=publisher, published=published),
        entities=[Entity(start=s, end=e, text=p, kind=kind, canonical=actor and actor.replace("-", " ").title(),
                         actor=actor, country=country, roles=["head_of_state"] if kind == "person" else [])
                  for p, kind, actor, country in entities for s, e in [span(p)]],
        quotes=[Quote(start=s, end=e, text=p, speaker=speaker, speaker_actor=actor, cue="said")
                for p, speaker, actor in quotes for s, e in [span(p)]],
        events=[Event(source=EventActor(name=src[0], actor=src[1], country=src[2], code=f"{src[2]}GOV"),
                      target=EventActor(name=tgt[0], actor=tgt[1], country=tgt[2], code=f"{tgt[2]}GOV") if tgt else None,
                      cameo=cameo, plover=plover, date=date, evidence=Evidence(start=s, end=e))
                for p, src, tgt, cameo, plover, date in events for s, e in [span(p)]],
    )
    return record


PUTIN = ("Putin", "vladimir-putin", "RUS")
TOKAYEV = ("Tokayev", "kassym-jomart-tokayev", "KAZ")
ERDOGAN = ("Erdogan", "recep-tayyip-erdogan", "TUR")


@pytest.fixture
def call_records() -> list[Record]:
    """The Putin–Tokayev call reported in three languages, and an unrelated Erdogan visit."""
    return [
        make_record("Telefonata tra Putin e Tokayev", "Mosca. Putin ha avuto una conversazione telefonica con Tokayev. "
                    "Il Cremlino ha detto: «cooperazione commerciale reciprocamente vantaggiosa».",
                    lang="it", published="2022-04-02", publisher="Askanews",
                    entities=[("Putin", "person", "vladimir-putin", "RUS"), ("Tokayev", "person", "kassym-jomart-tokayev", "KAZ")],
                    quotes=[("cooperazione commerciale reciprocamente vantaggiosa", "Kremlin", "kremlin")],
                    events=[("conversazione telefonica", PUTIN, TOKAYEV, "041", "CONSULT", "2022-04-02")]),
        make_record("Putin and Tokayev hold phone call", "Putin held a phone call with Tokayev on Saturday, "
                    "discussing trade and the situation in Ukraine, the Kremlin said.",
                    lang="en", published="2022-04-03", url="https://www.example.com/news/1",
                    entities=[("Putin", "person", "vladimir-putin", "RUS"), ("Tokayev", "person", "kassym-jomart-tokayev", "KAZ")],
                    events=[("phone call", TOKAYEV, PUTIN, "040", "CONSULT", "2022-04-02")]),
        make_record("Путин провел телефонный разговор с Токаевым", "Владимир Путин провел телефонный разговор "
                    "с президентом Казахстана Касым-Жомартом Токаевым.",
                    lang="ru", published="2022-04-02", publisher="RIA Novosti",
                    entities=[("Владимир Путин", "person", "vladimir-putin", "RUS")],
                    quotes=[],
                    events=[("телефонный разговор", PUTIN, TOKAYEV, "041", "CONSULT", None)]),
        make_record("Erdogan visits Baku", "Erdogan met Aliyev in Baku to discuss energy and the corridor.",
                    lang="en", published="2022-04-02", publisher="Daily Sabah",
                    entities=[("Erdogan", "person", "recep-tayyip-erdogan", "TUR")],
                    events=[("met Aliyev", ERDOGAN, ("Aliyev", "ilham-aliyev", "AZE"), "042", "CONSULT", "2022-04-02")]),
    ]


@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway PostgreSQL server for the session; skips (saying why) where none can start."""
    pytest.importorskip("psycopg", reason="PostgreSQL back-end not tested: psycopg is not installed "
                                          "(pip install 'dispacci[postgres]')")
    from .postgres_server import TemporaryPostgres

    server = TemporaryPostgres()
    try:
        url = server.__enter__()
    except RuntimeError as error:
        pytest.skip(f"PostgreSQL back-end not tested: no server could start: {error}")
    yield url
    server.__exit__(None, None, None)


@pytest.fixture(params=["sqlite", "postgres"])
def new_store(request, tmp_path):
    """Opens a fresh, empty store on each back-end."""
    import uuid

    from dispacci.store import open_store

    opened = []

    def make():
        if request.param == "sqlite":
            store = open_store(tmp_path / f"corpus{len(opened)}.db")
        else:
            # Without the driver this back-end is skipped, not an error.
            psycopg = pytest.importorskip("psycopg", reason="PostgreSQL back-end not tested: pip install 'dispacci[postgres]'")
            url = request.getfixturevalue("postgres_url")
            name = f"dispacci_{uuid.uuid4().hex[:12]}"
            with psycopg.connect(url, autocommit=True) as admin:
                admin.execute(f"CREATE DATABASE {name}")
            store = open_store(f"{url.rsplit('/', 1)[0]}/{name}")
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()
