"""The dispacci record: the one declaration of what an analysed article is.

Every layer is a list of items carrying ``start``/``end`` offsets into
``Record.text``; ``Record.text[start:end]`` is always the item's span. The JSON
Schema served by ``dispacci schema`` and the API is exported from these models.
"""
from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "SCHEMA_VERSION",
    "Source",
    "Span",
    "NotBodyWhy",
    "Dateline",
    "Credit",
    "Entity",
    "Quote",
    "EventActor",
    "Evidence",
    "Event",
    "Claim",
    "Technique",
    "TECHNIQUES",
    "TEXT_LAYERS",
    "NotBody",
    "Record",
    "record_json_schema",
]

SCHEMA_VERSION = "dispacci.record/4"
_VERSION = re.compile(r"dispacci\.record/(\d+)")
# Layers whose items carry the words of their span: ``item.text == record.text[item.start:item.end]``.
TEXT_LAYERS = ("entities", "quotes", "claims", "techniques")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A stretch of ``Record.text``."""

    start: int = Field(ge=0, description="offset of the first character in `text`")
    end: int = Field(ge=0, description="offset after the last character in `text`")

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Source(_Model):
    """Where the article came from; null where unknown."""

    path: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = Field(None, description="ISO 8601 publication date")


DateSource = Literal["dateline", "stamp", "footer", "sentence", "url", "metadata", "published", "guessed"]


class Dateline(Span):
    """The place and date that open a dispatch, e.g. `Mosca, 2 aprile 2022 –`."""

    place: str | None = Field(None, description="the place as written; null when no dateline opens the text "
                                               "and the article's date came from elsewhere")
    country: str | None = Field(None, description="ISO 3166-1 alpha-3 of the place")
    date: str | None = Field(None, description="ISO 8601 date: the date the report is dated")
    date_text: str | None = Field(None, description="the date as written, if any")
    date_source: DateSource | None = Field(
        None, description="where the date came from: the opening dateline, a page stamp under the headline, "
                          "a footer or signature line, a sentence dating the report, the page URL, the page "
                          "metadata, the publication date the user gave, or guessed (a year no anchor gave)")
    year_guessed: bool = Field(False, description="true when the year was not written and no anchor gave it")


class Credit(Span):
    """A source the text names for its information."""

    name: str = Field(description="canonical name of the credited source")
    role: Literal["origin", "wire", "publisher"]
    actor: str | None = None
    chain: list[str] = Field(default_factory=list)


class Entity(Span):
    """A mention of a person, organisation, country or place."""

    text: str
    kind: Literal["person", "organization", "country", "location"]
    canonical: str | None = None
    actor: str | None = None
    country: str | None = None
    roles: list[str] = Field(default_factory=list)


class Quote(Span):
    """Words attributed to a speaker; `start`/`end` cover the quoted text."""

    text: str = Field(description="the quoted words as written, line breaks and all: `text[start:end]` "
                                  "(before record/4, with whitespace collapsed)")
    speaker: str | None = None
    speaker_actor: str | None = None
    cue: str | None = None
    direct: bool = True


class EventActor(_Model):
    name: str | None = None
    actor: str | None = None
    country: str | None = None
    code: str | None = None


class Evidence(Span):
    pass


class Event(_Model):
    source: EventActor
    target: EventActor | None = None
    cameo: str
    plover: str | None = None
    mode: str | None = None
    date: str | None = None
    location: str | None = None
    topics: list[str] = Field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    evidence: Evidence


Stance = Literal["distanced", "unsupported", "disputed"]


class Claim(Span):
    """A statement the text presents as true on someone's authority; `start`/`end` cover the claim."""

    text: str = Field(description="the claim as written: `text[start:end]`")
    claimant: str | None = Field(None, description="canonical name of who makes the claim; null when unnamed")
    claimant_actor: str | None = None
    cue: str | None = Field(None, description="the words that attribute it: 'secondo', 'said that', 'laut'")
    summary: str | None = Field(None, description="a short normalised phrase: the claim's predicate with "
                                                  "its subject and object, in lemmas")
    stance: Stance | None = Field(None, description="where the text marks its distance from the claim: "
                                                    "'distanced' (so-called, presunto, angeblich), 'unsupported' "
                                                    "(without evidence), 'disputed' (falsely, contested)")
    stance_cue: str | None = Field(None, description="the words that mark the stance")
    direct: bool = Field(False, description="true when the claim is a quotation-mark quote")


# SemEval-2023 Task 3 (subtask 3) persuasion-technique labels, spelled as the task spells them.
TECHNIQUES = (
    "Loaded_Language", "Name_Calling-Labeling", "Repetition", "Exaggeration-Minimisation", "Doubt",
    "Appeal_to_Fear-Prejudice", "Flag_Waving", "Causal_Oversimplification", "False_Dilemma-No_Choice",
    "Consequential_Oversimplification", "Slogans", "Conversation_Killer", "Appeal_to_Authority",
    "Appeal_to_Popularity", "Appeal_to_Values", "Appeal_to_Hypocrisy", "Guilt_by_Association",
    "Questioning_the_Reputation", "Whataboutism", "Red_Herring", "Straw_Man",
    "Obfuscation-Vagueness-Confusion", "Appeal_to_Time",
)
TechniqueName = Literal[TECHNIQUES]  # type: ignore[valid-type]


class Technique(Span):
    """A persuasion technique in a stretch of text (SemEval-2023 Task 3 label names)."""

    text: str
    technique: TechniqueName
    score: float = Field(ge=0.0, le=1.0, description="confidence: a lexicon entry's weight or a classifier's "
                                                     "probability")
    source: Literal["lexicon", "classifier"] = "lexicon"


NotBodyWhy = Literal[
    "headline repeated at the start of the body",
    "copyright line",
    "read-more prompt",
    "share prompt",
    "byline",
    "page timestamp",
    "photo caption or credit",
    "image caption left over from the web page",
    "caption debris (repeated word)",
]
COPYRIGHT, BYLINE, PHOTO = "copyright line", "byline", "photo caption or credit"  # the kinds other layers read


class NotBody(Span):
    """Text kept in `text` but judged not to be article body; ``why`` is one of a closed set."""

    why: NotBodyWhy


class Record(_Model):
    """One analysed article. See the record contract (`docs/record.md`)."""

    schema_: str = Field(SCHEMA_VERSION, alias="schema")
    id: str
    source: Source = Field(default_factory=Source)
    text: str
    language: str
    title: str | None = None
    dateline: Dateline | None = None
    credits: list[Credit] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    techniques: list[Technique] = Field(default_factory=list)
    not_body: list[NotBody] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self, *, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    def to_dict(self) -> dict:
        return self.model_dump(by_alias=True, mode="json")

    def spans(self) -> list[tuple[str, Span]]:
        """Every span of the record with the name of its layer."""
        found: list[tuple[str, Span]] = []
        if self.dateline:
            found.append(("dateline", self.dateline))
        for layer in ("credits", "entities", "quotes", "claims", "techniques", "not_body"):
            found.extend((layer, item) for item in getattr(self, layer))
        found.extend(("events", event.evidence) for event in self.events)
        return found

    @model_validator(mode="before")
    @classmethod
    def _exact_quotes_of_older_versions(cls, data: Any) -> Any:
        """Before record/4 a quote's text had its whitespace collapsed; such a text is given back
        its span as written, so every loaded record keeps the one rule of ``TEXT_LAYERS``."""
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            return data
        version = _VERSION.fullmatch(str(data.get("schema", SCHEMA_VERSION)))
        if version is None or int(version.group(1)) >= 4 or not isinstance(data.get("quotes"), list):
            return data
        return {**data, "quotes": [_exact_quote(quote, data["text"]) for quote in data["quotes"]]}

    @model_validator(mode="after")
    def _spans_inside_text(self) -> "Record":
        size = len(self.text)
        for layer, span in self.spans():
            if span.end > size:
                raise ValueError(f"{layer} span {span.start}:{span.end} ends past the text ({size})")
            quoted = getattr(span, "text", None)
            if layer in TEXT_LAYERS and quoted is not None and self.text[span.start:span.end] != quoted:
                raise ValueError(f"{layer} span {span.start}:{span.end} is not {quoted!r}")
        return self


def _exact_quote(quote: Any, text: str) -> Any:
    """An older quote whose text is its span with whitespace collapsed, with the span's own text."""
    if not isinstance(quote, dict) or not isinstance(quote.get("text"), str):
        return quote
    start, end = quote.get("start"), quote.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        return quote
    written = text[start:end]
    return {**quote, "text": written} if " ".join(written.split()) == " ".join(quote["text"].split()) else quote


def record_json_schema() -> dict:
    """The JSON Schema of the record, as served by `dispacci schema` and the API."""
    schema = Record.model_json_schema(by_alias=True)
    schema["$id"] = SCHEMA_VERSION
    return schema
