"""The shape of an actor-base entry: countries, organisations, people, places, offices.

These pydantic models are the documented format of the files in
``resources/data/actors/`` (see ``docs`` in the actors folder README and
``ACTORS_FORMAT`` below); whatever a user adds with ``--actors`` is checked
against them, so a typo in a field name or a date is reported, not ignored.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "AliasMap",
    "Capital",
    "Country",
    "Organization",
    "Role",
    "Person",
    "Place",
    "Office",
    "Actor",
    "ORG_TYPES",
    "KIND_MODELS",
]

# language code (it, en, fr, de, es, ru, ... or "any") → surface forms as written
AliasMap = dict[str, list[str]]

ORG_TYPES = ("seat", "igo", "eu", "ministry", "agency", "military", "media", "party", "court",
             "company", "other")


class _Entry(BaseModel):
    # A misspelt field is an error, not silently dropped data; free-text notes are allowed.
    model_config = ConfigDict(extra="forbid", frozen=False)

    note: str | None = Field(None, description="free text for maintainers, ignored")

    @field_validator("aliases", "names", "demonyms", "context", mode="before", check_fields=False)
    @classmethod
    def _alias_map(cls, value):
        if value is None:
            return {}
        if isinstance(value, list):  # a bare list means "any language"
            return {"any": value}
        if isinstance(value, dict):
            fixed = {}
            for lang, forms in value.items():
                if isinstance(forms, str):
                    forms = [forms]
                if not isinstance(forms, list):
                    raise ValueError(f"aliases for {lang!r} must be a list of strings")
                fixed[str(lang)] = [str(form) for form in forms if form is not None and str(form).strip()]
            return fixed
        raise ValueError("must be a mapping of language code to a list of names, e.g. {any: [Putin], ru: [Путин]}")


class Capital(_Entry):
    name: str
    aliases: AliasMap = Field(default_factory=dict)


class Country(_Entry):
    kind: Literal["country"] = "country"
    id: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3")
    iso2: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    name: str
    cameo: str | None = None
    names: AliasMap = Field(default_factory=dict)
    demonyms: AliasMap = Field(default_factory=dict)
    capital: Capital | None = None
    wikidata: str | None = None


class Organization(_Entry):
    kind: Literal["organization"] = "organization"
    id: str
    name: str
    type: Literal[ORG_TYPES] = "other"  # type: ignore[valid-type]
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    cameo: str | None = None
    stands_for: Literal["government"] | None = None
    aliases: AliasMap = Field(default_factory=dict)
    wikidata: str | None = None
    parent: str | None = None
    # offices of its country this institution speaks for ("les services du Premier ministre" →
    # Matignon), read by the credits layer; `government` for the government as a whole
    seat_of: list[str] = Field(default_factory=list)


class Role(_Entry):
    office: str
    title: str | None = None
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    org: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    cameo: str | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        """True when the role was held on ``day`` (None: held now)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Person(_Entry):
    kind: Literal["person"] = "person"
    id: str
    name: str
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    wikidata: str | None = None
    aliases: AliasMap = Field(default_factory=dict)
    roles: list[Role] = Field(default_factory=list)


class Place(_Entry):
    """A region or sub-national place (Donbass, Crimea, Georgia the US state).

    ``context`` lists words that, seen in the same sentence, favour this place
    over another actor sharing an alias ("Atlanta" for Georgia the state).
    """

    kind: Literal["location"] = "location"
    id: str
    name: str
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    aliases: AliasMap = Field(default_factory=dict)
    context: AliasMap = Field(default_factory=dict)
    wikidata: str | None = None


class Office(_Entry):
    """An office key with the English label role titles are built from and its cue phrases."""

    id: str
    label: str
    cues: AliasMap = Field(default_factory=dict)
    # cue phrases that name the country too ("Bundeskanzler" → DEU): phrase → alpha-3
    national_cues: dict[str, str] = Field(default_factory=dict)
    military: bool = False


Actor = Union[Country, Organization, Person, Place]

KIND_MODELS: dict[str, type[_Entry]] = {
    "country": Country,
    "organization": Organization,
    "person": Person,
    "location": Place,
}
