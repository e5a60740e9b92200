"""The actor base: countries, organisations, people and places, loaded, checked and cached.

The bundled files live in ``resources/data/actors/`` (``countries.yaml``,
``organizations.yaml``, ``places.yaml``, ``people/*.yaml`` and the office
vocabulary ``offices.yaml``). Users add entries in the same format from

- files given to ``load_actor_base(extra_files=...)`` / ``--actors FILE`` (YAML or
  JSON: a list of entries, or a mapping of lists such as ``{people: [...]}``),
- files listed in ``DISPACCI_ACTORS`` (``os.pathsep``-separated),
- an ``actors/`` folder inside any resource folder (``--resources``,
  ``DISPACCI_RESOURCES``), mirroring the bundled layout.

An entry's kind is its ``kind:`` key, or the file it sits in, or its fields.
An entry whose ``id`` already exists extends it: alias lists and roles are
added, single values replaced. Every entry is validated (``actor_models``);
a bad one raises ``ResourceError`` naming the file, entry, field and fix.
The compiled base (models, indexes, per-language alias tables with Russian
case forms) is pickled in the cache folder, keyed on the files' sizes and
modification times, so a warm start is one unpickle.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError

from .actor_files import actor_files, store, validated_actors, validation_error
from .actor_models import Actor, Country, Office, Organization, Person, Place, Role
from .loader import load_resource, resource_dirs
from .cache import cache_dir, read_cached

__all__ = ["ActorBase", "load_actor_base", "actor_files", "LANGUAGES", "Candidate"]

LANGUAGES = ("it", "en", "fr", "de", "es", "ru")
_FORMAT_VERSION = "7"  # bump when the compiled form changes
_MILITARY_OFFICES = {"military_chief"}
_ORG_CAMEO_SUFFIX = {"seat": "GOV", "ministry": "GOV", "agency": "GOV", "military": "MIL", "media": "MED",
                     "party": "PTY", "court": "JUD", "company": "BUS"}

# (tag, actor or office id, extra): tag is person | organization | country | demonym |
# capital | location | office | counterpart; extra is the country an office cue implies.
Candidate = tuple[str, str, str | None]


def _day(on) -> dt.date | None:
    if on is None or isinstance(on, dt.date):
        return on
    try:
        return dt.date.fromisoformat(str(on)[:10])
    except ValueError:
        return None


class _LazyActors(Mapping):
    """id → actor model, each unpickled on first use: a warm start reads bytes, not 3,000 models."""

    def __init__(self, actors: dict[str, Actor]):
        self._blobs = {key: pickle.dumps(actor, protocol=pickle.HIGHEST_PROTOCOL) for key, actor in actors.items()}
        self._kinds = {key: actor.kind for key, actor in actors.items()}
        self._loaded: dict[str, Actor] = {}

    def __getstate__(self):
        return {"_blobs": self._blobs, "_kinds": self._kinds}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._loaded = {}

    def __getitem__(self, key: str) -> Actor:
        actor = self._loaded.get(key)
        if actor is None:
            actor = self._loaded[key] = pickle.loads(self._blobs[key])
        return actor

    def __iter__(self):
        return iter(self._blobs)

    def __len__(self) -> int:
        return len(self._blobs)

    def of_kind(self, kind: str) -> list:
        return [self[key] for key, value in self._kinds.items() if value == kind]


class ActorBase:
    """Look-ups over the compiled actor base. Build with ``load_actor_base()``."""

    def __init__(self, actors: dict[str, Actor], offices: dict[str, Office], words: dict[str, dict[str, list[str]]]):
        self.actors = _LazyActors(actors)
        self.offices = offices
        self.words = words  # counterpart / locative / generic word lists per language
        countries = [a for a in actors.values() if isinstance(a, Country)]
        self._by_iso2 = {c.iso2: c.id for c in countries if c.iso2}
        self._country_ids = {c.id for c in countries}
        # office → (country, org, first day, last day as ordinals, person id): plain tuples load fast
        self._roles: dict[str, list[tuple]] = {}
        for actor in actors.values():
            if isinstance(actor, Person):
                for role in actor.roles:
                    self._roles.setdefault(role.office, []).append((
                        role.country, role.org, role.start.toordinal() if role.start else 0,
                        role.end.toordinal() if role.end else 10**7, actor.id))
        self._surfaces: dict[str, dict[str, tuple[Candidate, ...]]] = {}
        self._surface_blobs: dict[str, bytes] = {}

    def __getstate__(self):
        state = dict(self.__dict__)
        blobs = dict(self._surface_blobs)
        for lang, table in self._surfaces.items():
            blobs.setdefault(lang, pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
        state["_surface_blobs"], state["_surfaces"] = blobs, {}
        return state

    # -- look-ups -------------------------------------------------------------------------
    def get(self, actor_id: str | None) -> Actor | None:
        return self.actors.get(actor_id) if actor_id else None

    def country(self, code: str | None) -> Country | None:
        """A country by alpha-3 (or alpha-2) code."""
        if not code:
            return None
        code = code.upper()
        code = code if code in self._country_ids else self._by_iso2.get(code, "")
        return self.actors.get(code) if code else None

    def countries(self) -> list[Country]:
        return self.actors.of_kind("country")

    def people(self) -> list[Person]:
        return self.actors.of_kind("person")

    def organizations(self) -> list[Organization]:
        return self.actors.of_kind("organization")

    def places(self) -> list[Place]:
        return self.actors.of_kind("location")

    def holders(self, office: str, country: str | None = None, org: str | None = None, on=None) -> list[Person]:
        """Who held ``office`` (of ``country`` or ``org``) on ``on`` (a date; None = today)."""
        day = (_day(on) or dt.date.today()).toordinal()
        found: list[str] = []
        for role_country, role_org, first, last, person_id in self._roles.get(office, ()):
            if (country and role_country != country) or (org and role_org != org):
                continue
            if first <= day <= last and person_id not in found:
                found.append(person_id)
        return [self.actors[person_id] for person_id in found]

    def seat(self, office: str, country: str | None) -> Organization | None:
        """The institution that speaks for ``office`` of ``country`` (its ``seat_of``), if any."""
        if not country:
            return None
        return next((o for o in self.organizations() if o.country == country and office in o.seat_of), None)

    def roles_on(self, person_id: str, on=None) -> list[Role]:
        """The roles ``person_id`` held on ``on`` (None = today)."""
        person = self.actors.get(person_id)
        if not isinstance(person, Person):
            return []
        day = _day(on) or dt.date.today()
        return [role for role in person.roles if role.valid_on(day)]

    def role_title(self, role: Role) -> str:
        """"President of Russia": the role's own title, else office label + country/org."""
        if role.title:
            return role.title
        office = self.offices.get(role.office)
        label = office.label if office else role.office.replace("_", " ").capitalize()
        owner = self.get(role.org) if role.org else self.country(role.country)
        return f"{label} of {owner.name}" if owner else label

    def cameo_code(self, actor_id: str, date=None) -> str | None:
        """CAMEO actor code: RUSGOV for Putin in 2022, KAZ for Kazakhstan, the org's own code."""
        actor = self.actors.get(actor_id)
        if actor is None:
            return None
        if isinstance(actor, Country):
            return actor.cameo or actor.id
        if isinstance(actor, Organization):
            if actor.cameo:
                return actor.cameo
            country = self.country(actor.country)
            base = (country.cameo or country.id) if country else "IGO"
            return base + _ORG_CAMEO_SUFFIX.get(actor.type, "") if country else base
        if isinstance(actor, Person):
            for role in self.roles_on(actor.id, date):
                if role.cameo:
                    return role.cameo
                if role.org:
                    code = self.cameo_code(role.org, date)
                    if code:
                        return code
                country = self.country(role.country)
                if country:
                    military = role.office in _MILITARY_OFFICES or (
                        self.offices.get(role.office) is not None and self.offices[role.office].military)
                    return (country.cameo or country.id) + ("MIL" if military else "GOV")
            country = self.country(actor.country)
            return (country.cameo or country.id) if country else None
        country = self.country(getattr(actor, "country", None))
        return (country.cameo or country.id) if country else None

    # -- alias tables ---------------------------------------------------------------------
    def surfaces(self, lang: str) -> dict[str, tuple[Candidate, ...]]:
        """Surface form → candidates, for the aliases of ``lang`` plus ``any``."""
        table = self._surfaces.get(lang)
        if table is None:
            blob = self._surface_blobs.get(lang)
            table = pickle.loads(blob) if blob else _surface_table(self, lang)
            self._surfaces[lang] = table
        return table

    def aliases(self, lang: str) -> dict[str, tuple[str, ...]]:
        """Surface form → actor ids (persons, organisations, countries, places) in ``lang``."""
        return {form: tuple(c[1] for c in cands if c[0] not in ("office", "counterpart"))
                for form, cands in self.surfaces(lang).items()}

    def generic_org(self, key: str, country: str | None) -> Organization | None:
        """The organisation a generic name ("le Forze Armate") means for ``country``."""
        spec = self.words.get("generic_organizations", {}).get(key)
        if not spec or not country:
            return None
        hints = spec.get("name_contains", [])
        found = [o for o in self.organizations() if o.country == country and o.type == spec.get("type")]
        found.sort(key=lambda o: not any(hint.lower() in o.name.lower() for hint in hints))
        return found[0] if found and (not hints or any(h.lower() in found[0].name.lower() for h in hints)) else None

    def word_list(self, key: str, lang: str) -> list[str]:
        table = self.words.get(key, {})
        return [*table.get("any", []), *table.get(lang, [])]


def _forms(alias_map: dict[str, list[str]], lang: str) -> list[str]:
    forms = [*alias_map.get("any", []), *alias_map.get(lang, [])]
    if lang == "ru":
        from .actor_forms import russian_forms

        # A list that already spells out case forms ("Путин, Путина, Путину…") needs only its
        # phrases declined ("Владимир Путин" → "Владимира Путина"); a short one gets everything.
        spelled_out = len(alias_map.get("ru", [])) >= 4
        forms = [f for form in forms
                 for f in (russian_forms(form) if _cyrillic(form) and not (spelled_out and " " not in form)
                           else (form,))]
    return forms


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _surface_table(base: ActorBase, lang: str) -> dict[str, tuple[Candidate, ...]]:
    table: dict[str, list[Candidate]] = {}

    def add(forms: Iterable[str], candidate: Candidate) -> None:
        for form in forms:
            form = " ".join(form.split())
            if form and candidate not in table.setdefault(form, []):
                table[form].append(candidate)

    for actor in base.actors.values():
        if isinstance(actor, Country):
            add(_forms(actor.names, lang), ("country", actor.id, None))
            add(_forms(actor.demonyms, lang), ("demonym", actor.id, None))
            if actor.capital:
                add(_forms(actor.capital.aliases, lang) + [actor.capital.name], ("capital", actor.id, None))
        elif isinstance(actor, Person):
            add(_forms(actor.aliases, lang) + [actor.name], ("person", actor.id, None))
        elif isinstance(actor, Organization):
            add(_forms(actor.aliases, lang) + [actor.name], ("organization", actor.id, None))
        elif isinstance(actor, Place):
            add(_forms(actor.aliases, lang) + [actor.name], ("location", actor.id, None))
    for office in base.offices.values():
        add(_forms(office.cues, lang), ("office", office.id, None))
        for phrase, country in office.national_cues.items():
            add([phrase], ("office", office.id, country))
    add(_forms(base.words.get("counterpart", {}), lang), ("counterpart", "", None))
    for key, generic in base.words.get("generic_organizations", {}).items():
        add(_forms(generic.get("cues", {}), lang), ("generic", key, None))
    return {form: tuple(cands) for form, cands in table.items()}


def compile_actor_base(files: list[tuple[Path, str | None]], extra_dirs: tuple[str, ...] = ()) -> ActorBase:
    """Read, merge by id, validate and index every actor file."""
    actors = validated_actors(files)
    _complete_country_names(actors)
    offices, words = _offices(extra_dirs)
    base = ActorBase(actors, offices, words)
    from .actor_forms import load_forms_memo, save_forms_memo

    memo = cache_dir() / "russian-forms.pickle"
    load_forms_memo(memo)
    for lang in LANGUAGES:
        base.surfaces(lang)
    save_forms_memo(memo)
    return base


def _offices(extra_dirs: tuple[str, ...]) -> tuple[dict[str, Office], dict]:
    table = load_resource("actors/offices.yaml", extra_dirs) or {}
    offices = {}
    for key, value in (table.get("offices") or {}).items():
        try:
            offices[key] = Office.model_validate({"id": key, **(value or {})})
        except ValidationError as error:
            raise validation_error(error, Path("actors/offices.yaml"), key, Office) from None
    words = {key: value for key, value in table.items() if key != "offices" and isinstance(value, dict)}
    return offices, words


def _complete_country_names(actors: dict[str, Actor]) -> None:
    """Country names per language from babel (CLDR) where the data leaves them out."""
    import babel

    for lang in LANGUAGES:
        territories = babel.Locale(lang).territories
        for actor in actors.values():
            if isinstance(actor, Country) and actor.iso2 and actor.iso2 in territories:
                names = actor.names.setdefault(lang, [])
                name = territories[actor.iso2]
                if name not in names and "(" not in name:
                    names.append(name)


# -- caching ------------------------------------------------------------------------------
_lock = threading.Lock()
_memo: dict[str, ActorBase] = {}


def _cache_key(files: list[tuple[Path, str | None]], extra_dirs: tuple[str, ...]) -> str:
    import babel
    import pymorphy3

    parts = [_FORMAT_VERSION, babel.__version__, getattr(pymorphy3, "__version__", "")]
    offices = [folder / "actors" / "offices.yaml" for folder in resource_dirs(extra_dirs)]
    for path in [p for p, _ in files] + [p for p in offices if p.is_file()]:
        stat = path.stat()
        parts.append(f"{path.resolve()}|{stat.st_mtime_ns}|{stat.st_size}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def load_actor_base(extra_files: Iterable[str] = (), extra_dirs: Iterable[str] = (), *,
                    use_cache: bool = True) -> ActorBase:
    """The actor base: bundled files plus the user's, compiled once and cached."""
    extra_files, extra_dirs = tuple(map(str, extra_files)), tuple(map(str, extra_dirs))
    files = actor_files(extra_files, extra_dirs)
    key = _cache_key(files, extra_dirs)
    with _lock:
        if use_cache and key in _memo:
            return _memo[key]
        path = cache_dir() / f"actors-{key}.pickle"
        base = read_cached(path) if use_cache else None
        if base is None:
            base = compile_actor_base(files, extra_dirs)
            if use_cache:
                store(path, base)
        _memo[key] = base
        return base
