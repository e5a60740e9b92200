"""The actor base: the bundled data is consistent, users extend it, bad files are reported clearly."""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import pycountry
import pytest

from dispacci.errors import ResourceError
from dispacci.resources.actor_models import Country, Organization, Person, Place
from dispacci.resources.actors import LANGUAGES, load_actor_base

KOSOVO = "XKX"  # user-assigned code in common use; not in ISO 3166-1


@pytest.fixture(scope="module")
def base():
    return load_actor_base()


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("DISPACCI_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("DISPACCI_ACTORS", raising=False)


# -- the bundled data ------------------------------------------------------------------------
def test_every_iso_country_is_there_with_a_valid_code(base):
    ids = {c.id for c in base.countries()}
    iso = {c.alpha_3 for c in pycountry.countries}
    assert iso - ids == set(), "countries missing from countries.yaml"
    assert ids - iso - {KOSOVO} == set(), "country ids that are not ISO 3166-1 alpha-3"


def test_every_country_reference_is_a_known_country(base):
    countries = {c.id for c in base.countries()}
    bad = []
    for actor in base.actors.values():
        codes = [getattr(actor, "country", None)]
        if isinstance(actor, Person):
            codes += [role.country for role in actor.roles]
        bad += [(actor.id, code) for code in codes if code and code not in countries]
    assert bad == []


def test_every_organisation_reference_resolves(base):
    orgs = {o.id for o in base.organizations()}
    bad = [(p.id, r.org) for p in base.people() for r in p.roles if r.org and r.org not in orgs]
    bad += [(o.id, o.parent) for o in base.organizations() if o.parent and o.parent not in orgs]
    assert bad == []


def test_every_role_uses_an_office_of_the_vocabulary(base):
    bad = {(p.id, r.office) for p in base.people() for r in p.roles if r.office not in base.offices}
    assert bad == set()


def test_roles_end_after_they_start(base):
    bad = [(p.id, r.office, r.start, r.end) for p in base.people() for r in p.roles
           if r.start and r.end and r.end < r.start]
    assert bad == []


def test_no_person_holds_the_same_office_twice_at_once(base):
    overlaps = []
    for person in base.people():
        by_office = defaultdict(list)
        for role in person.roles:
            by_office[(role.office, role.country, role.org)].append(role)
        for (office, _, _), roles in by_office.items():
            roles = sorted(roles, key=lambda r: r.start or dt.date.min)
            for earlier, later in zip(roles, roles[1:]):
                if earlier.end is None or (later.start or dt.date.min) < earlier.end:
                    overlaps.append((person.id, office, earlier.start, later.start))
    assert overlaps == []


def test_no_alias_names_two_different_actors(base):
    """Ambiguous names are left out of the data; only places that declare context words
    to tell them apart (Georgia the US state) may share a name with another actor."""
    clashes = []
    for lang in LANGUAGES:
        owners = defaultdict(set)
        for actor in base.actors.values():
            if isinstance(actor, Place) and actor.context:
                continue
            for form in _written_aliases(actor, lang):
                owners[form].add(actor.id)
        clashes += [(lang, form, sorted(ids)) for form, ids in owners.items() if len(ids) > 1]
    assert clashes == []


def _written_aliases(actor, lang: str) -> set[str]:
    maps = [getattr(actor, "aliases", {})]
    if isinstance(actor, Country):
        maps = [actor.names, actor.demonyms]
    return {form for table in maps for key in ("any", lang) for form in table.get(key, [])}


def test_people_have_aliases_in_every_alphabet_they_are_written_in(base):
    putin = base.get("vladimir-putin")
    assert {"Putin", "Путин", "Путина"} <= {f for forms in putin.aliases.values() for f in forms} | set(
        base.surfaces("ru"))


# -- the API colleagues use ------------------------------------------------------------------
def test_office_holders_change_with_the_date(base):
    assert [p.name for p in base.holders("head_of_state", "RUS", on="2005-06-01")] == ["Vladimir Putin"]
    assert [p.name for p in base.holders("head_of_state", "RUS", on="2010-06-01")] == ["Dmitry Medvedev"]
    assert [p.name for p in base.holders("head_of_government", "RUS", on="2010-06-01")] == ["Vladimir Putin"]


def test_cameo_codes_follow_the_role_held_on_the_date(base):
    assert base.cameo_code("vladimir-putin", "2022-04-02") == "RUSGOV"
    assert base.cameo_code("kassym-jomart-tokayev", "2022-04-02") == "KAZGOV"
    assert base.cameo_code("KAZ") == "KAZ"
    assert [r.office for r in base.roles_on("vladimir-putin", dt.date(2010, 1, 1))] == ["head_of_government"]


def test_country_names_come_from_cldr_when_the_data_leaves_them_out(base):
    assert "Kasachstan" in base.country("KAZ").names["de"]
    assert base.country("KZ").id == "KAZ"


# -- user files --------------------------------------------------------------------------------
NEW_PERSON = """
- kind: person
  id: aurelia-bianchetti
  name: Aurelia Bianchetti
  country: ITA
  aliases: {any: [Aurelia Bianchetti, Bianchetti], ru: [Аурелия Бьянкетти]}
  roles:
    - {office: spokesperson, country: ITA, start: 2025-01-10, end: null}
- id: vladimir-putin
  aliases: {it: [lo zar del Cremlino]}
"""


def test_a_user_file_adds_a_person_and_extends_an_existing_one(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(NEW_PERSON, encoding="utf-8")
    base = load_actor_base([str(path)])
    person = base.get("aurelia-bianchetti")
    assert person.name == "Aurelia Bianchetti"
    assert [p.id for p in base.holders("spokesperson", "ITA", on="2025-06-01")] == ["aurelia-bianchetti"]
    putin = base.get("vladimir-putin")
    assert "lo zar del Cremlino" in putin.aliases["it"] and "Putin" in putin.aliases["any"]
    assert putin.roles, "extending an actor keeps its roles"
    assert "Аурелией Бьянкетти" in base.surfaces("ru"), "Russian case forms are generated"


def test_a_user_json_file_given_by_the_environment_is_read(tmp_path, monkeypatch):
    path = tmp_path / "extra.json"
    path.write_text(json.dumps({"organizations": [
        {"id": "ufficio-stampa-xyz", "name": "XYZ Press Office", "type": "agency", "country": "ITA",
         "aliases": {"it": ["Ufficio Stampa XYZ"]}}]}), encoding="utf-8")
    monkeypatch.setenv("DISPACCI_ACTORS", str(path))
    org = load_actor_base().get("ufficio-stampa-xyz")
    assert isinstance(org, Organization) and org.country == "ITA"


def test_an_edited_user_file_is_read_again(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(NEW_PERSON, encoding="utf-8")
    assert load_actor_base([str(path)]).get("aurelia-bianchetti").country == "ITA"
    path.write_text(NEW_PERSON.replace("country: ITA\n  aliases", "country: SMR\n  aliases"), encoding="utf-8")
    assert load_actor_base([str(path)]).get("aurelia-bianchetti").country == "SMR"


@pytest.mark.parametrize("content, words", [
    ("- {id: jane-roe, name: Jane Roe, roles: [{office: spokesperson, country: ITA, start: 'last May'}]}",
     ["E103", "jane-roe", "roles.0.start", "YYYY-MM-DD"]),
    ("- {id: jane-roe, name: Jane Roe, alias: {any: [Roe]}}", ["E103", "jane-roe", "alias", "valid fields", "aliases"]),
    ("- {id: jane-roe, name: Jane Roe, country: Italy}", ["E103", "jane-roe", "country", "alpha-3"]),
    ("- {name: Jane Roe}", ["E103", "no 'id'", "Jane Roe"]),
    ("jane: roe", ["E102", "list"]),
    ("- [unclosed", ["E101", "YAML"]),
])
def test_a_malformed_user_file_is_reported_with_file_entry_field_and_fix(tmp_path, content, words):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError) as caught:
        load_actor_base([str(path)])
    message = str(caught.value)
    assert str(path) in message
    for word in words:
        assert word in message


def test_a_missing_user_file_is_reported(tmp_path):
    with pytest.raises(ResourceError, match=r"E100.*not found"):
        load_actor_base([str(tmp_path / "nowhere.yaml")])


def test_the_compiled_base_is_cached_on_disk_and_read_back(tmp_path, monkeypatch):
    from pathlib import Path

    import dispacci.resources.actor_files as files
    import dispacci.resources.actors as actors

    mini = Path(__file__).parent / "data" / "mini_actors.yaml"
    monkeypatch.setenv("DISPACCI_CACHE", str(tmp_path))
    monkeypatch.setattr(files, "resource_dirs", lambda extra=(): ())  # the small file alone
    monkeypatch.setattr(actors, "_memo", {})
    first = load_actor_base([str(mini)])
    assert list(tmp_path.glob("actors-*.pickle"))
    monkeypatch.setattr(actors, "_memo", {})
    monkeypatch.setattr(actors, "compile_actor_base", lambda *a: pytest.fail("compiled again"))
    again = load_actor_base([str(mini)])
    assert again is not first and again.get("vladimir-putin").name == "Vladimir Putin"


def test_a_person_from_a_user_file_is_recognised_and_resolved_in_an_article(tmp_path):
    from dispacci import Pipeline

    path = tmp_path / "mine.yaml"
    path.write_text(NEW_PERSON, encoding="utf-8")
    pipeline = Pipeline(actors=[str(path)], language="it")
    article = ("Governo, la nota della portavoce\n\n"
               "Roma, 3 marzo 2025 - La portavoce del governo ha smentito le indiscrezioni. "
               "Bianchetti ha poi aggiunto che il premier era informato. "
               "Aurelia Bianchetti parlerà di nuovo domani.")
    record = pipeline.analyze(article)
    mentions = [e for e in record.entities if e.actor == "aurelia-bianchetti"]
    assert [e.text for e in mentions] == ["Bianchetti", "Aurelia Bianchetti"]
    assert all(e.canonical == "Aurelia Bianchetti" and e.kind == "person" for e in mentions)
    assert mentions[0].roles == ["Spokesperson of Italy"]
    assert mentions[0].country == "ITA"


def test_a_malformed_user_file_stops_the_pipeline_with_the_resource_error(tmp_path):
    from dispacci import Pipeline

    path = tmp_path / "bad.yaml"
    path.write_text("- {id: jane-roe, name: Jane Roe, roles: [{office: spokesperson, start: soon}]}",
                    encoding="utf-8")
    with pytest.raises(ResourceError, match="E103"):
        Pipeline(actors=[str(path)], language="it").analyze("Titolo\n\nUn testo qualsiasi su Roma.")


def test_the_cli_reads_user_actor_files_and_reports_bad_ones(tmp_path):
    from typer.testing import CliRunner

    from dispacci.cli import app

    actors = tmp_path / "mine.yaml"
    actors.write_text(NEW_PERSON, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Nota\n\nRoma, 3 marzo 2025 - Aurelia Bianchetti ha smentito le voci.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(article), "--json", "--actors", str(actors)])
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.stdout)
    assert [e["actor"] for e in record["entities"] if e["kind"] == "person"] == ["aurelia-bianchetti"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: x, name: X, roles: [{office: spokesperson, start: soon}]}", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(article), "--actors", str(bad)])
    assert result.exit_code != 0
    assert "E103" in result.output and "bad.yaml" in result.output
