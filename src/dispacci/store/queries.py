"""Queries over the layer tables: events, quotes, actors, duplicates, stories.

Every method returns plain JSON-serialisable dicts (see ``store_interface``);
booleans and JSON lists stored as text are turned back into Python values.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict

from ..errors import ConfigError, Errors
from .base import check_date

__all__ = ["QueriesMixin", "country_code", "EVENT_FIELDS", "QUOTE_FIELDS"]

EVENT_FIELDS = ("e.record_id, e.date, e.source_name, e.source_actor, e.source_country, e.source_code, "
                "e.target_name, e.target_actor, e.target_country, e.target_code, e.cameo, e.root, e.plover, "
                "e.mode, e.quad_class, e.goldstein, e.location, e.topics, e.negated, e.hypothetical, "
                "e.evidence, e.evidence_start, e.evidence_end, r.url, r.title, r.language")
QUOTE_FIELDS = ("q.record_id, q.text, q.speaker, q.speaker_actor, q.cue, q.direct, q.start, q.end_ AS \"end\", "
                "r.title, r.date")
_CAMEO = re.compile(r"^\d{2,4}$")


def country_code(value: str) -> str:
    """ISO 3166-1 alpha-3 for an alpha-2 or alpha-3 code (case-insensitive)."""
    import pycountry

    code = value.strip().upper()
    found = pycountry.countries.get(alpha_3=code) if len(code) == 3 else (
        pycountry.countries.get(alpha_2=code) if len(code) == 2 else None)
    if found is None:
        raise ConfigError("E312", Errors.E312.format(value=value))
    return found.alpha_3


def _event(row: dict) -> dict:
    row["topics"] = json.loads(row["topics"]) if row.get("topics") else []
    row["negated"] = bool(row["negated"])
    row["hypothetical"] = bool(row["hypothetical"])
    return row


def _quote(row: dict) -> dict:
    row["direct"] = bool(row["direct"])
    return row


class QueriesMixin:
    """Query methods for ``SQLStoreBase`` subclasses."""

    # -- events -----------------------------------------------------------------
    def events(self, *, actor=None, country=None, code=None, plover=None, since=None, until=None,
               record_id=None, limit=100, offset=0) -> list[dict]:
        where, params = self._event_filters(actor=actor, country=country, code=code, plover=plover, since=since,
                                            until=until, record_id=record_id)
        # The page's row keys first (events only, by index); the record join and
        # the wide columns then run for the page, not for every skipped row.
        order = "ORDER BY e.date DESC NULLS LAST, e.record_id, e.n"
        page = f"SELECT e.{self.row_key} AS k FROM events e {where} {order} LIMIT ? OFFSET ?"
        rows = self._fetch(f"SELECT {EVENT_FIELDS} FROM ({page}) p JOIN events e ON e.{self.row_key} = p.k "
                           f"JOIN records r ON r.id = e.record_id {order}", (*params, limit, offset))
        return [_event(row) for row in rows]

    def _event_filters(self, *, actor=None, country=None, code=None, plover=None, since=None, until=None,
                       record_id=None) -> tuple[str, list]:
        """The WHERE clause over ``events e`` for the filters given, and its parameters."""
        clauses, params = [], []
        if actor:
            clause, more = self._actor_match(actor)
            clauses.append(clause)
            params += more
        if country:
            iso = country_code(country)
            clauses.append("(e.source_country = ? OR e.target_country = ?)")
            params += [iso, iso]
        if code:
            if not _CAMEO.match(str(code).strip()):
                raise ConfigError("E311", Errors.E311.format(value=code))
            clauses.append("e.cameo LIKE ?")
            params.append(f"{str(code).strip()}%")
        if plover:
            clauses.append("upper(e.plover) = ?")
            params.append(plover.strip().upper())
        if (since := check_date(since, "--since")):
            clauses.append("e.date >= ?")
            params.append(since)
        if (until := check_date(until, "--until")):
            clauses.append("e.date <= ?")
            params.append(until)
        if record_id:
            clauses.append("e.record_id = ?")
            params.append(record_id)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def _actor_ids(self, name_or_id: str) -> list[str]:
        """Actor ids whose id, canonical name or surface form matches (by index)."""
        needle = name_or_id.strip()
        rows = self._fetch("SELECT actor FROM actor_stats WHERE actor = ? UNION "
                           "SELECT DISTINCT actor FROM entities WHERE lower(canonical) = ? AND actor IS NOT NULL UNION "
                           "SELECT DISTINCT actor FROM entities WHERE lower(text) = ? AND actor IS NOT NULL",
                           (needle, needle.lower(), needle.lower()))
        return sorted(row["actor"] for row in rows if row["actor"])[:50]

    def _actor_match(self, name_or_id: str) -> tuple[str, list]:
        """Events of an actor: by the ids the name resolves to and the exact name, by
        index; a name that resolves to no actor is looked for inside event names."""
        needle = name_or_id.strip().lower()
        ids = self._actor_ids(name_or_id)
        if not ids:
            pattern = f"%{needle}%"
            return "(lower(e.source_name) LIKE ? OR lower(e.target_name) LIKE ? OR e.source_actor = ? " \
                   "OR e.target_actor = ?)", [pattern, pattern, name_or_id.strip(), name_or_id.strip()]
        marks = ", ".join("?" * len(ids))
        clause = (f"(e.source_actor IN ({marks}) OR e.target_actor IN ({marks}) "
                  "OR lower(e.source_name) = ? OR lower(e.target_name) = ?)")
        return clause, [*ids, *ids, needle, needle]

    # -- quotes -------------------------------------------------------------------
    def quotes(self, *, speaker=None, record_id=None, limit=100, offset=0) -> list[dict]:
        where, params = self._quote_filters(speaker=speaker, record_id=record_id)
        # Records in listing order, then their quotes. The first pages, unfiltered, walk the
        # records by their date index (CROSS JOIN keeps SQLite from sorting every quote
        # first): 20 -> 4 ms on 10,000 records. Deeper, the walk visits a record per probe
        # even where few records have quotes, and sorting the narrow keys costs less.
        order = "ORDER BY r.date DESC NULLS LAST, r.seq DESC, q.start"
        joined = ("records r CROSS JOIN quotes q WHERE q.record_id = r.id" if not where and offset + limit <= 2000
                  else f"quotes q JOIN records r ON r.id = q.record_id {where}")
        page = f"SELECT q.{self.row_key} AS k FROM {joined} {order} LIMIT ? OFFSET ?"
        rows = self._fetch(f"SELECT {QUOTE_FIELDS} FROM ({page}) p JOIN quotes q ON q.{self.row_key} = p.k "
                           f"JOIN records r ON r.id = q.record_id {order}", (*params, limit, offset))
        return [_quote(row) for row in rows]

    def _quote_filters(self, *, speaker=None, record_id=None) -> tuple[str, list]:
        """The WHERE clause over ``quotes q`` for the filters given, and its parameters."""
        clauses, params = [], []
        if speaker:
            ids = self._actor_ids(speaker)
            if ids:
                marks = ", ".join("?" * len(ids))
                clauses.append(f"(q.speaker_actor IN ({marks}) OR lower(q.speaker) = ?)")
                params += [*ids, speaker.strip().lower()]
            else:
                clauses.append("(lower(q.speaker) LIKE ? OR q.speaker_actor = ?)")
                params += [f"%{speaker.strip().lower()}%", speaker.strip()]
        if record_id:
            clauses.append("q.record_id = ?")
            params.append(record_id)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    # -- entities -----------------------------------------------------------------
    def entities(self, *, actor=None, kind=None, record_id=None, limit=100, offset=0) -> list[dict]:
        clauses, params = [], []
        if actor:
            clauses.append("(actor = ? OR lower(canonical) = ? OR lower(text) = ?)")
            params += [actor.strip(), actor.strip().lower(), actor.strip().lower()]
        if kind:
            clauses.append("kind = ?")
            params.append(kind)
        if record_id:
            clauses.append("record_id = ?")
            params.append(record_id)
        where = "WHERE " + " AND ".join(clauses) if clauses else ""
        rows = self._fetch("SELECT record_id, start, end_ AS \"end\", text, kind, canonical, actor, country, roles "
                           f"FROM entities {where} ORDER BY record_id, start LIMIT ? OFFSET ?", (*params, limit, offset))
        for row in rows:
            row["roles"] = json.loads(row["roles"] or "[]")
        return rows

    # -- actors -------------------------------------------------------------------
    def actors(self, *, top=50, kind=None) -> list[dict]:
        where, params = "", []
        if kind:
            where, params = "WHERE kind = ?", [kind]
        return self._fetch("SELECT actor, canonical, kind, country, mentions, records FROM actor_stats "
                           f"{where} ORDER BY mentions DESC, actor LIMIT ?", (*params, top))

    def actor(self, actor_id_or_name: str, *, limit: int = 200) -> dict | None:
        """One actor, aggregated in SQL: a busy actor has tens of thousands of
        mentions, so lists (records, events, quotes) hold the ``limit`` newest with
        their totals beside them, and roles, counterparts and timeline are grouped."""
        needle = actor_id_or_name.strip()
        known = self._fetch("SELECT actor AS key, canonical, kind, country, mentions, records, "
                            "EXISTS (SELECT 1 FROM entities e WHERE e.actor = actor_stats.actor) AS by_id FROM actor_stats "
                            "WHERE actor = ? OR lower(canonical) = ? ORDER BY actor = ? DESC, mentions DESC LIMIT 1",
                            (needle, needle.lower(), needle))
        # a key of actor_stats (actor id, else canonical name) is the actor; otherwise
        # the key the needle names most often, as an id, a canonical name or a surface form
        keys = known or self._fetch(
            "SELECT key, max(CASE WHEN actor = key THEN 1 ELSE 0 END) AS by_id, count(*) AS n FROM ("
            "SELECT coalesce(actor, canonical) AS key, actor FROM entities WHERE actor = ? UNION ALL "
            "SELECT coalesce(actor, canonical), actor FROM entities WHERE lower(canonical) = ? UNION ALL "
            "SELECT coalesce(actor, canonical), actor FROM entities WHERE lower(text) = ?) found "
            "WHERE key IS NOT NULL GROUP BY key ORDER BY n DESC, key LIMIT 1",
            (needle, needle.lower(), needle.lower()))
        if not keys:
            return None
        key, by_id = keys[0]["key"], bool(keys[0]["by_id"])
        mine = "e.actor = ?" if by_id else "e.actor IS NULL AND e.canonical = ?"
        about = known[0] if known else self._fetch(f"SELECT count(*) AS mentions, count(DISTINCT e.record_id) AS records, "
                            f"max(e.canonical) AS canonical, max(e.kind) AS kind, max(e.country) AS country "
                            f"FROM entities e WHERE {mine}", (key,))[0]
        records = self._fetch(f"SELECT p.record_id FROM (SELECT DISTINCT e.record_id FROM entities e WHERE {mine}) p "
                              "JOIN records r ON r.id = p.record_id ORDER BY r.date DESC NULLS LAST, r.seq DESC LIMIT ?",
                              (key, limit))
        actor_id = key if by_id else None
        name = about["canonical"] or key
        needle = actor_id or name
        events_where, events_params = self._event_filters(actor=needle)
        quotes_where, quotes_params = self._quote_filters(speaker=needle)
        history = self._role_history(mine, key)
        return {
            "actor": key, "canonical": name, "kind": about["kind"], "country": about["country"],
            "resolved": by_id,  # False: a name no actor stands for (entities with actor null)
            "roles": sorted(item["role"] for item in history),
            "role_history": history,
            "mentions": about["mentions"], "records": [row["record_id"] for row in records],
            "records_total": about["records"],
            "events": self.events(actor=needle, limit=limit),
            "events_total": self._count(f"SELECT count(*) AS n FROM events e {events_where}", events_params),
            "quotes": self.quotes(speaker=needle, limit=limit),
            "quotes_total": self._count(f"SELECT count(*) AS n FROM quotes q {quotes_where}", quotes_params),
            "counterparts": self._counterparts(needle, limit),
            "timeline": self._fetch(
                "SELECT e.date, e.cameo, e.root, e.plover, e.quad_class, count(*) AS events "
                f"FROM events e {events_where} GROUP BY e.date, e.cameo, e.root, e.plover, e.quad_class "
                "ORDER BY e.date NULLS FIRST, e.cameo", events_params),
        }

    def _count(self, sql: str, params) -> int:
        return int(self._fetch(sql, tuple(params))[0]["n"])

    def _role_history(self, mine: str, key: str) -> list[dict]:
        """Each role with the first and last date of the articles it was seen in."""
        seen: dict[str, dict] = {}
        for row in self._fetch("SELECT e.roles, min(r.date) AS first, max(r.date) AS last, "
                               "count(DISTINCT e.record_id) AS records FROM entities e "
                               f"JOIN records r ON r.id = e.record_id WHERE {mine} AND e.roles IS NOT NULL "
                               "AND e.roles <> '[]' GROUP BY e.roles", (key,)):
            for role in json.loads(row["roles"] or "[]"):
                item = seen.setdefault(role, {"role": role, "first": row["first"], "last": row["last"], "records": 0})
                item["records"] += row["records"]
                item["first"] = min(filter(None, (item["first"], row["first"])), default=None)
                item["last"] = max(filter(None, (item["last"], row["last"])), default=None)
        return sorted(seen.values(), key=lambda r: (r["first"] or "9999", r["role"]))

    def _counterparts(self, needle: str, limit: int) -> list[dict]:
        """Who the actor's events involve on the other side, with counts by quad class."""
        source, source_params = self._side_match(needle, "source")
        target, target_params = self._side_match(needle, "target")
        return self._fetch(
            "SELECT max(other_actor) AS actor, max(other_name) AS canonical, max(other_country) AS country, "
            "count(*) AS events, sum(CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperation, "
            "sum(CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict FROM ("
            "SELECT e.target_actor AS other_actor, e.target_name AS other_name, e.target_country AS other_country, "
            f"e.quad_class FROM events e WHERE {source} UNION ALL "
            "SELECT e.source_actor, e.source_name, e.source_country, e.quad_class FROM events e "
            f"WHERE {target} AND NOT coalesce({source}, FALSE)) other "
            "WHERE coalesce(other_actor, other_name) IS NOT NULL GROUP BY coalesce(other_actor, other_name) "
            "ORDER BY count(*) DESC, max(other_name) LIMIT ?",
            (*source_params, *target_params, *source_params, limit))

    def _side_match(self, name_or_id: str, side: str) -> tuple[str, list]:
        """The actor on one side of an event: by its ids or exact name, else inside the name."""
        needle = name_or_id.strip().lower()
        ids = self._actor_ids(name_or_id)
        if not ids:
            return (f"(lower(e.{side}_name) LIKE ? OR e.{side}_actor = ?)", [f"%{needle}%", name_or_id.strip()])
        marks = ", ".join("?" * len(ids))
        return f"(e.{side}_actor IN ({marks}) OR lower(e.{side}_name) = ?)", [*ids, needle]

    # -- duplicates and stories ------------------------------------------------------
    def duplicates(self, *, limit=100, offset=0, members: int | None = None) -> list[dict]:
        """Groups, largest first, each with its earliest copy first; ``members`` caps the
        copies listed per group (a wire story can have hundreds), ``size`` counts them all."""
        groups = self._fetch("SELECT grp, count(*) AS n FROM duplicates GROUP BY grp ORDER BY n DESC, grp "
                             "LIMIT ? OFFSET ?", (limit, offset))
        if not groups:
            return []
        # the earliest copy, then the closest copies: ranked on the duplicates table alone,
        # so only the listed members' record rows are read
        rows = self._ranked_members(
            "SELECT d.grp, d.record_id, d.similarity, d.containment, d.earliest, row_number() OVER (PARTITION BY "
            "d.grp ORDER BY d.earliest DESC, d.similarity DESC, d.record_id) AS rank_ FROM duplicates d "
            "WHERE d.grp IN ({marks})", "r.id, r.title, r.outlet, r.published, r.date",
            [g["grp"] for g in groups], "grp", members)
        result = []
        for group in groups:
            listed = rows.get(group["grp"], [])
            earliest = next((row["id"] for row in listed if row["earliest"]), listed[0]["id"] if listed else None)
            result.append({"group": group["grp"], "earliest": earliest, "size": group["n"], "members": [
                {"id": row["id"], "title": row["title"], "outlet": row["outlet"], "published": row["published"] or row["date"],
                 "similarity": row["similarity"], "containment": row["containment"]} for row in listed]})
        return result

    def links(self, record_id: str) -> dict:
        """The record's near-duplicate group (with its earliest copy) and story."""
        found: dict = {"group": None, "earliest": None, "copies": [], "story": None, "story_members": []}
        group = self._fetch("SELECT grp FROM duplicates WHERE record_id = ?", (record_id,))
        if group:
            rows = self._fetch("SELECT record_id, earliest FROM duplicates WHERE grp = ?", (group[0]["grp"],))
            found.update(group=group[0]["grp"], copies=sorted(r["record_id"] for r in rows if r["record_id"] != record_id),
                         earliest=next((r["record_id"] for r in rows if r["earliest"]), None))
        story = self._fetch("SELECT story FROM story_members WHERE record_id = ?", (record_id,))
        if story:
            rows = self._fetch("SELECT record_id FROM story_members WHERE story = ?", (story[0]["story"],))
            found.update(story=story[0]["story"],
                         story_members=sorted(r["record_id"] for r in rows if r["record_id"] != record_id))
        return found

    def stories(self, *, limit=100, offset=0, members: int | None = None) -> list[dict]:
        """Stories, largest first; ``members`` caps the articles listed per story
        (``size`` counts them all; languages and outlets are over all of them)."""
        stories = self._fetch("SELECT story, key, first_seen, size FROM stories ORDER BY size DESC, first_seen DESC, "
                              "story LIMIT ? OFFSET ?", (limit, offset))
        if not stories:
            return []
        keys = [s["story"] for s in stories]
        rows = self._ranked_members(
            "SELECT sm.story, sm.record_id, row_number() OVER (PARTITION BY sm.story ORDER BY r.date, r.id) AS rank_ "
            "FROM story_members sm JOIN records r ON r.id = sm.record_id WHERE sm.story IN ({marks})",
            "r.id, r.title, r.language, r.outlet, r.published, r.date", keys, "story", members)
        spread = self._members("SELECT sm.story, r.language, r.outlet FROM story_members sm "
                               "JOIN records r ON r.id = sm.record_id WHERE sm.story IN ({marks}) "
                               "GROUP BY sm.story, r.language, r.outlet", keys, "story")
        result = []
        for story in stories:
            listed, seen = rows.get(story["story"], []), spread.get(story["story"], [])
            result.append({
                "story": story["story"], "key": story["key"],
                "languages": sorted({row["language"] for row in seen if row["language"]}),
                "outlets": sorted({row["outlet"] for row in seen if row["outlet"]}),
                "first_seen": story["first_seen"], "size": story["size"],
                "members": [{"id": row["id"], "title": row["title"], "language": row["language"],
                             "outlet": row["outlet"], "published": row["published"] or row["date"]} for row in listed]})
        return result

    def _ranked_members(self, ranked: str, columns: str, keys: list[str], by: str,
                        cap: int | None) -> dict[str, list[dict]]:
        """The first ``cap`` members of each cluster (all without a cap) in ``rank_`` order:
        ``ranked`` numbers the members (``record_id``, ``rank_``) and the record ``columns``
        are read for the kept ones only."""
        where, params = ("WHERE rank_ <= ?", [cap]) if cap else ("", [])
        marks = ", ".join("?" * len(keys))
        found: dict[str, list[dict]] = defaultdict(list)
        for row in self._fetch(f"SELECT m.*, {columns} FROM (SELECT * FROM ({ranked.format(marks=marks)}) w {where}) m "
                               f"JOIN records r ON r.id = m.record_id ORDER BY m.{by}, m.rank_", (*keys, *params)):
            found[row[by]].append(row)
        return found

    def _members(self, sql: str, keys: list[str], by: str) -> dict[str, list[dict]]:
        found: dict[str, list[dict]] = defaultdict(list)
        marks = ", ".join("?" * len(keys))
        for row in self._fetch(sql.format(marks=marks), tuple(keys)):
            found[row[by]].append(row)
        return found

