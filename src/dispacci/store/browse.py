"""Browsing the event and quote layers: filters, facet counts, volume over time.

What the explorer's ``/events`` and ``/quotes`` pages read. Every filter is a
column of the layer table or of its record (language, outlet, date); facets
count the rows that match the current filters, grouped by one column each, so
a reader sees how many rows each value would keep. An actor filter takes an
actor id or any name the store resolved to one; a name no actor stands for
matches the rows that carry it without an actor (``actor: null``).
"""
from __future__ import annotations

import json
import re

from ..errors import ConfigError, Errors
from .base import check_date

__all__ = ["BrowseMixin", "EVENT_FACETS", "QUOTE_FACETS", "EVENT_SORTS", "QUOTE_SORTS", "EXPORT_CAP", "LAYERS"]

LAYERS = ("entities", "quotes", "events", "credits", "claims", "techniques")  # absent layers count 0
EXPORT_CAP = 10_000  # rows one download carries at most

# facet name → (value expression, label expression)
EVENT_FACETS = {
    "source": ("coalesce(e.source_actor, e.source_name)", "max(e.source_name)"),
    "target": ("coalesce(e.target_actor, e.target_name)", "max(e.target_name)"),
    "source_country": ("e.source_country", None),
    "target_country": ("e.target_country", None),
    "root": ("e.root", None),
    "plover": ("e.plover", None),
    "quad": ("e.quad_class", None),
    "mode": ("e.mode", None),
    "lang": ("r.language", None),
    "outlet": ("r.outlet", None),
    "year": ("substr(e.date, 1, 4)", None),
}
QUOTE_FACETS = {
    "speaker": ("coalesce(q.speaker_actor, q.speaker)", "max(q.speaker)"),
    "country": ("a.country", None),
    "direct": ("q.direct", None),
    "lang": ("r.language", None),
    "outlet": ("r.outlet", None),
    "year": ("substr(r.date, 1, 4)", None),
}
EVENT_SORTS = {"date": "e.date DESC NULLS LAST, e.record_id, e.n", "date_asc": "e.date ASC NULLS LAST, e.record_id, e.n",
               "goldstein": "e.goldstein ASC NULLS LAST, e.date DESC, e.record_id, e.n",
               "goldstein_desc": "e.goldstein DESC NULLS LAST, e.date DESC, e.record_id, e.n",
               "code": "e.cameo, e.date DESC, e.record_id, e.n"}
QUOTE_SORTS = {"date": "r.date DESC NULLS LAST, q.record_id, q.start", "date_asc": "r.date ASC NULLS LAST, q.record_id, q.start",
               "speaker": "coalesce(q.speaker, '~') , r.date DESC, q.record_id, q.start"}
_ROOT = re.compile(r"^\d{2}$")
_CAMEO = re.compile(r"^\d{2,4}$")
_EVENT_COLUMNS = ("e.record_id, e.n, e.date, e.source_name, e.source_actor, e.source_country, e.target_name, "
                  "e.target_actor, e.target_country, e.cameo, e.root, e.plover, e.mode, e.quad_class, e.goldstein, "
                  "e.location, e.negated, e.hypothetical, e.evidence, e.evidence_start, e.evidence_end, "
                  "r.title, r.language, r.outlet, r.date AS record_date")
_QUOTE_COLUMNS = ("q.record_id, q.start, q.end_ AS \"end\", q.text, q.speaker, q.speaker_actor, q.cue, q.direct, "
                  "a.country AS speaker_country, r.title, r.language, r.outlet, r.date")
_EVENTS_FROM = "events e JOIN records r ON r.id = e.record_id"
_QUOTES_FROM = "quotes q JOIN records r ON r.id = q.record_id LEFT JOIN actor_stats a ON a.actor = q.speaker_actor"


class BrowseMixin:
    """Browsing queries for ``SQLStoreBase`` subclasses that also mix in ``QueriesMixin``."""

    # -- the record's dateline, read from its stored JSON for the rows shown -------------
    def _dateline_field(self, name: str) -> str:
        if self.placeholder == "?":
            return f"json_extract(r.body, '$.dateline.{name}')"
        return f"(r.body::jsonb #>> '{{dateline,{name}}}')"

    def _trust_columns(self) -> str:
        return (f"{self._dateline_field('date_source')} AS date_source, "
                f"{self._dateline_field('year_guessed')} AS year_guessed, "
                f"{self._dateline_field('place')} AS dateline_place, "
                f"{self._dateline_field('country')} AS dateline_country")

    def record_trust(self, ids: list[str]) -> dict[str, dict]:
        """For each record id: where its date came from, whether its year or dateline
        country is uncertain, how many items each layer holds and how many names no actor stands for."""
        ids = [i for i in ids if i][:500]
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        counts = ", ".join(f"{self._layer_length(layer)} AS n_{layer}" for layer in LAYERS)
        found = {row["id"]: row for row in self._fetch(
            f"SELECT r.id, {self._trust_columns()}, {counts} FROM records r WHERE r.id IN ({marks})", tuple(ids))}
        for row in self._fetch("SELECT record_id, count(*) AS n FROM entities WHERE actor IS NULL "
                               f"AND record_id IN ({marks}) GROUP BY record_id", tuple(ids)):
            if row["record_id"] in found:
                found[row["record_id"]]["unresolved"] = int(row["n"])
        for row in found.values():
            _trust(row)
            row["layers"] = {layer: int(row.pop(f"n_{layer}") or 0) for layer in LAYERS}
            row.setdefault("unresolved", 0)
        return found

    def names_by_language(self, actor_id: str, *, resolved: bool = True, top: int = 60) -> list[dict]:
        """The surface forms articles used for an actor (or an unresolved name), by article language."""
        mine = "e.actor = ?" if resolved else "e.actor IS NULL AND e.canonical = ?"
        return self._fetch("SELECT r.language, e.text, count(*) AS n FROM entities e JOIN records r ON r.id = e.record_id "
                           f"WHERE {mine} GROUP BY r.language, e.text ORDER BY r.language, n DESC, e.text LIMIT ?",
                           (actor_id, top))

    def find_actors(self, name: str | None = None, *, kind: str | None = None, ids=(), limit: int = 50,
                    offset: int = 0) -> tuple[list[dict], int]:
        """Actors whose id, name or any surface form contains ``name``, busiest first, with
        ``resolved`` False for names no actor stands for; and how many there are."""
        clauses, params = [], []
        if kind:
            clauses.append("s.kind = ?")
            params.append(kind)
        if name and name.strip():
            # SQL lower() folds ASCII only: the name is also tried as typed and capitalised ("путин", "Путин")
            typed = name.strip()
            forms = list(dict.fromkeys(f"%{form}%" for form in (typed.lower(), typed, typed[:1].upper() + typed[1:])))
            known = f" OR s.actor IN ({', '.join('?' * len(ids))})" if ids else ""
            written = " OR ".join("e.text LIKE ?" for _ in forms)
            clauses.append("(lower(s.actor) LIKE ? OR lower(s.canonical) LIKE ? OR s.actor IN "
                           f"(SELECT coalesce(e.actor, e.canonical) FROM entities e WHERE {written}){known})")
            params += [forms[0], forms[0], *forms, *ids]
        where = "WHERE " + " AND ".join(clauses) if clauses else ""
        rows = self._fetch("SELECT s.actor, s.canonical, s.kind, s.country, s.mentions, s.records, "
                           "EXISTS (SELECT 1 FROM entities e WHERE e.actor = s.actor) AS resolved "
                           f"FROM actor_stats s {where} ORDER BY s.mentions DESC, s.actor LIMIT ? OFFSET ?",
                           (*params, limit, offset))
        for row in rows:
            row["resolved"] = bool(row["resolved"])
        total = int(self._fetch(f"SELECT count(*) AS n FROM actor_stats s {where}", tuple(params))[0]["n"])
        return rows, total

    def _layer_length(self, layer: str) -> str:
        if self.placeholder == "?":
            return f"json_array_length(r.body, '$.{layer}')"
        return f"jsonb_array_length(coalesce(r.body::jsonb -> '{layer}', '[]'::jsonb))"

    # -- events -----------------------------------------------------------------------
    def browse_events(self, filters: dict, *, sort: str = "date", limit: int = 50, offset: int = 0) -> list[dict]:
        where, params = self._browse_event_filters(filters)
        order = EVENT_SORTS.get(sort, EVENT_SORTS["date"])
        rows = self._fetch(f"SELECT {_EVENT_COLUMNS}, {self._trust_columns()} FROM {_EVENTS_FROM} {where} "
                           f"ORDER BY {order} LIMIT ? OFFSET ?", (*params, limit, offset))
        for row in rows:
            row["negated"], row["hypothetical"] = bool(row["negated"]), bool(row["hypothetical"])
            _trust(row)
        return rows

    def count_events(self, filters: dict) -> int:
        where, params = self._browse_event_filters(filters)
        return int(self._fetch(f"SELECT count(*) AS n FROM {_narrowest(_EVENTS_FROM, where)} {where}",
                               tuple(params))[0]["n"])

    def event_facets(self, filters: dict, *, top: int = 12) -> dict[str, list[dict]]:
        where, params = self._browse_event_filters(filters)
        return {name: self._facet(_EVENTS_FROM, where, params, value, label, top)
                for name, (value, label) in EVENT_FACETS.items()}

    def event_volume(self, filters: dict, *, by: str = "month") -> list[dict]:
        where, params = self._browse_event_filters(filters)
        width = {"year": 4, "month": 7, "day": 10}[by]
        return self._fetch(f"SELECT substr(e.date, 1, {width}) AS period, count(*) AS n FROM {_EVENTS_FROM} {where} "
                           "GROUP BY substr(e.date, 1, {0}) ORDER BY period NULLS FIRST".format(width), tuple(params))

    def _browse_event_filters(self, f: dict) -> tuple[str, list]:
        clauses, params = [], []

        def add(clause: str, *values) -> None:
            clauses.append(clause)
            params.extend(values)

        for either in ("actor", "other"):  # "other": a second actor on either side (an edge of the network)
            if f.get(either):
                clause, more = self._actor_match(f[either])
                add(clause, *more)
        for side in ("source", "target"):
            if f.get(side):
                clause, more = self._one_side(side, f[side])
                add(clause, *more)
            if f.get(f"{side}_country"):
                add(f"e.{side}_country = ?", _iso(f[f"{side}_country"]))
        if f.get("country"):
            iso = _iso(f["country"])
            add("(e.source_country = ? OR e.target_country = ?)", iso, iso)
        if f.get("root"):
            root = str(f["root"]).strip()
            if not _ROOT.match(root):
                raise ConfigError("E311", Errors.E311.format(value=root))
            add("e.root = ?", root)
        if f.get("code"):
            code = str(f["code"]).strip()
            if not _CAMEO.match(code):
                raise ConfigError("E311", Errors.E311.format(value=code))
            add("e.cameo LIKE ?", code + "%")
        if f.get("plover"):
            add("upper(e.plover) = ?", str(f["plover"]).strip().upper())
        if f.get("quad") not in (None, ""):
            add("e.quad_class = ?", int(f["quad"]))
        if f.get("mode"):
            add("e.mode = ?", str(f["mode"]).strip())
        status = f.get("status")
        if status == "asserted":
            add("e.negated = 0 AND e.hypothetical = 0")
        elif status == "negated":
            add("e.negated = 1")
        elif status == "hypothetical":
            add("e.hypothetical = 1")
        self._record_side(f, "e.date", add)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def _one_side(self, side: str, value: str) -> tuple[str, list]:
        """Events whose ``side`` is the actor ``value`` names, or, unresolved, carries that name."""
        ids = self._actor_ids(value)
        name = value.strip().lower()
        if ids:
            marks = ", ".join("?" * len(ids))
            return f"(e.{side}_actor IN ({marks}) OR (e.{side}_actor IS NULL AND lower(e.{side}_name) = ?))", [*ids, name]
        return f"(e.{side}_actor = ? OR (e.{side}_actor IS NULL AND lower(e.{side}_name) = ?))", [value.strip(), name]

    # -- quotes -----------------------------------------------------------------------
    def browse_quotes(self, filters: dict, *, sort: str = "date", limit: int = 50, offset: int = 0) -> list[dict]:
        where, params = self._browse_quote_filters(filters)
        order = QUOTE_SORTS.get(sort, QUOTE_SORTS["date"])
        rows = self._fetch(f"SELECT {_QUOTE_COLUMNS}, {self._trust_columns()} FROM {_QUOTES_FROM} {where} "
                           f"ORDER BY {order} LIMIT ? OFFSET ?", (*params, limit, offset))
        for row in rows:
            row["direct"] = bool(row["direct"])
            _trust(row)
        return rows

    def count_quotes(self, filters: dict) -> int:
        where, params = self._browse_quote_filters(filters)
        return int(self._fetch(f"SELECT count(*) AS n FROM {_narrowest(_QUOTES_FROM, where)} {where}",
                               tuple(params))[0]["n"])

    def quote_facets(self, filters: dict, *, top: int = 12) -> dict[str, list[dict]]:
        where, params = self._browse_quote_filters(filters)
        return {name: self._facet(_QUOTES_FROM, where, params, value, label, top)
                for name, (value, label) in QUOTE_FACETS.items()}

    def quote_volume(self, filters: dict, *, by: str = "month") -> list[dict]:
        where, params = self._browse_quote_filters(filters)
        width = {"year": 4, "month": 7, "day": 10}[by]
        return self._fetch(f"SELECT substr(r.date, 1, {width}) AS period, count(*) AS n FROM {_QUOTES_FROM} {where} "
                           "GROUP BY substr(r.date, 1, {0}) ORDER BY period NULLS FIRST".format(width), tuple(params))

    def _browse_quote_filters(self, f: dict) -> tuple[str, list]:
        clauses, params = [], []

        def add(clause: str, *values) -> None:
            clauses.append(clause)
            params.extend(values)

        if f.get("speaker"):
            clause, more = self._quote_filters(speaker=f["speaker"])
            add(clause.removeprefix("WHERE "), *more)
        if f.get("country"):
            add("a.country = ?", _iso(f["country"]))
        if f.get("direct") in ("1", "0", 1, 0, True, False):
            add("q.direct = ?", int(f["direct"] in ("1", 1, True)))
        self._record_side(f, "r.date", add)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    # -- shared -------------------------------------------------------------------------
    @staticmethod
    def _record_side(f: dict, date_column: str, add) -> None:
        if f.get("lang"):
            add("r.language = ?", str(f["lang"]).strip().lower())
        if f.get("outlet"):
            add("lower(r.outlet) = ?", str(f["outlet"]).strip().lower())
        if (since := check_date(f.get("since"), "since")):
            add(f"{date_column} >= ?", since)
        if (until := check_date(f.get("until"), "until")):
            add(f"{date_column} <= ?", until)

    def _facet(self, source: str, where: str, params: list, value: str, label: str | None, top: int) -> list[dict]:
        source = _narrowest(source, where + " " + value)
        labelled = f", {label} AS label" if label else ""
        unresolved = ""
        if value.startswith("coalesce("):  # an actor facet: say which values are names without an actor
            actor_column = value[len("coalesce("):].split(",")[0]
            unresolved = f", max(CASE WHEN {actor_column} IS NULL THEN 1 ELSE 0 END) AS unresolved"
        rows = self._fetch(f"SELECT {value} AS value, count(*) AS n{labelled}{unresolved} FROM {source} {where} "
                           f"GROUP BY {value} ORDER BY n DESC, value LIMIT ?", (*params, top))
        for row in rows:
            if isinstance(row["value"], bool):
                row["value"] = int(row["value"])
            row["unresolved"] = bool(row.get("unresolved"))
        return [row for row in rows if row["value"] not in (None, "")]


def _narrowest(source: str, uses: str) -> str:
    """The layer table alone when the query reads no column of the joined tables: facets
    and counts then scan one narrow table instead of joining every row to its record."""
    table, *joins = re.split(r"(?<!LEFT) (?=(?:LEFT )?JOIN )", source)
    uses = uses.replace("e.record_id", "").replace("q.record_id", "")
    return " ".join([table, *(join for join in joins if re.search(r"JOIN \w+ (\w+) ON", join).group(1) + "." in uses)])


def _iso(value: str) -> str:
    from .queries import country_code

    return country_code(str(value))


def _trust(row: dict) -> None:
    """What the reader should not take as fact, from the record's dateline."""
    guessed = row.get("year_guessed")
    if isinstance(guessed, str):
        guessed = json.loads(guessed) if guessed in ("true", "false") else bool(guessed)
    row["year_guessed"] = bool(guessed) or row.get("date_source") == "guessed"
    row["country_uncertain"] = bool(row.get("dateline_place")) and not row.get("dateline_country")
