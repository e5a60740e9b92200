"""Near-duplicate groups and stories: recomputed over the whole store, or joined one record at a time.

``cluster()`` reads the fingerprints and the layer tables (not the texts), so
it costs seconds for 100,000 records; it replaces the previous groups and
stories in one transaction, and records when it ran so that callers can tell
whether it is stale.

``join(ids)`` places newly stored records without re-clustering: each is compared
with the records dated within the story window only, under the corpus's own
actor weights (``actor_stats``), and joins the story (and the copy group) of
what it links to; two stories it bridges become one, keeping the earlier
story's id, so story pages stay where they were. Records with no date, and
short copies found only by containment across the window, wait for the next
``cluster()``.
"""
from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Sequence

from .dedup import Fingerprint, copy_likeness, find_duplicates
from .stories import WINDOW_DAYS, StoryItem, day_ordinal, find_stories, idf, links_of

__all__ = ["ClustersMixin"]

_CHRONOLOGICAL = "ORDER BY coalesce(r.published, r.date, '9999-12-31'), r.seq"


class ClustersMixin:
    """``cluster()`` for ``SQLStoreBase`` subclasses."""

    def cluster(self, *, duplicates: bool = True, stories: bool = True) -> dict:
        """Group near-duplicates and link stories; returns counts and seconds."""
        summary: dict = {}
        if duplicates:
            started = time.perf_counter()
            rows = self._fetch("SELECT f.record_id, f.shingles, f.minhash, f.sample FROM fingerprints f "
                               f"JOIN records r ON r.id = f.record_id {_CHRONOLOGICAL}")
            items = [(row["record_id"], Fingerprint(row["shingles"], bytes(row["minhash"]), bytes(row["sample"])))
                     for row in rows]
            groups = find_duplicates(items)
            with self._lock, self._transaction() as cursor:
                self._execute(cursor, "DELETE FROM duplicates")
                self._executemany(cursor, "INSERT INTO duplicates (grp, record_id, similarity, containment, earliest) "
                                  "VALUES (?, ?, ?, ?, ?)",
                                  # the earliest copy's whole id: each record is in one group only,
                                  # so it names one group (a 12-character prefix could name two)
                                  [(f"d{group.earliest}", member, similarity, containment,
                                    int(member == group.earliest))
                                   for group in groups for member, similarity, containment in group.members])
            summary["duplicate_groups"] = len(groups)
            summary["duplicate_records"] = sum(len(group.members) for group in groups)
            summary["duplicates_seconds"] = round(time.perf_counter() - started, 3)
        if stories:
            started = time.perf_counter()
            found = find_stories(self._story_items())
            with self._lock, self._transaction() as cursor:
                self._execute(cursor, "DELETE FROM story_members")
                self._execute(cursor, "DELETE FROM stories")
                self._executemany(cursor, "INSERT INTO stories (story, key, first_seen, size) VALUES (?, ?, ?, ?)",
                                  [(s.id, s.key, s.first_seen, len(s.members)) for s in found])
                self._executemany(cursor, "INSERT INTO story_members (story, record_id) VALUES (?, ?)",
                                  [(s.id, member) for s in found for member in s.members])
            summary["stories"] = len(found)
            summary["story_records"] = sum(len(s.members) for s in found)
            summary["stories_seconds"] = round(time.perf_counter() - started, 3)
        self._mark_clustered()
        return summary

    def _mark_clustered(self) -> None:
        self.set_meta("clustered_count", str(self.count()))
        last = self._fetch("SELECT max(seq) AS seq FROM records")
        self.set_meta("clustered_seq", str(last[0]["seq"] or 0) if last else "0")

    def join(self, record_ids: Sequence[str], *, window: int = WINDOW_DAYS) -> dict:
        """Place newly stored records in their copy groups and stories without re-clustering
        the corpus; returns what joined and the seconds it took."""
        started = time.perf_counter()
        # the groups and stories stay current when every record stored since they were last
        # brought up to date is among those joined now
        since = self._fetch("SELECT id FROM records WHERE seq > ?", (int(self.meta("clustered_seq") or 0),))
        current = {row["id"] for row in since} <= set(record_ids)
        summary = {"joined_stories": 0, "new_stories": 0, "joined_copies": 0, "undated": 0}
        for record_id in record_ids:
            found = self._story_items("r.id = ?", (record_id,))
            if not found:
                continue
            item = found[0]
            day = day_ordinal(item.date)
            if day is None:
                summary["undated"] += 1
                continue
            scope = ("r.date >= ? AND r.date < ?",
                     (dt.date.fromordinal(day - window).isoformat(), dt.date.fromordinal(day + window + 1).isoformat()))
            neighbours = [n for n in self._story_items(*scope) if n.id != record_id]
            if self._join_copies(item, neighbours, scope):
                summary["joined_copies"] += 1
            links = links_of(item, neighbours, self._corpus_weights([item, *neighbours]), window=window)
            outcome = self._join_story(item, links) if links else None
            if outcome:
                summary[f"{outcome}_stories"] += 1
        if current:  # nothing else was waiting for a full cluster()
            self._mark_clustered()
        summary["duplicate_groups"] = self._fetch("SELECT count(DISTINCT grp) AS n FROM duplicates")[0]["n"]
        summary["stories"] = self._fetch("SELECT count(*) AS n FROM stories")[0]["n"]
        summary["join_seconds"] = round(time.perf_counter() - started, 3)
        return summary

    def _corpus_weights(self, items: Sequence[StoryItem]) -> dict[tuple[str, str], float]:
        """Rarity weights of the actors and countries of ``items`` in the whole corpus (``actor_stats``)."""
        keys = {("a", x) for i in items for x in i.actors} | {("c", x) for i in items for x in i.countries}
        names = sorted({x for _, x in keys})
        counts: dict[str, int] = {}
        for start in range(0, len(names), 500):
            chunk = names[start:start + 500]
            for row in self._fetch(f"SELECT actor, records FROM actor_stats WHERE actor IN ({', '.join('?' * len(chunk))})",
                                   tuple(chunk)):
                counts[row["actor"]] = int(row["records"] or 1)
        total = self.count()
        return {(kind, x): idf(counts.get(x, 1), total, kind) for kind, x in keys}

    def _join_copies(self, item: StoryItem, neighbours: Sequence[StoryItem], scope: tuple) -> bool:
        """Put ``item`` in the copy group of the first neighbour it copies (or that copies it);
        the earlier of the two by date, then storing order, is the group's earliest copy."""
        if item.group:
            return False
        prints = {row["record_id"]: Fingerprint(row["shingles"], bytes(row["minhash"]), bytes(row["sample"]))
                  for row in self._fetch("SELECT f.record_id, f.shingles, f.minhash, f.sample FROM fingerprints f "
                                         f"WHERE f.record_id = ? OR f.record_id IN (SELECT r.id FROM records r "
                                         f"WHERE {scope[0]})", (item.id, *scope[1]))}
        own = prints.get(item.id)
        other = next((n for n in neighbours if n.id in prints and copy_likeness(prints[n.id], own)), None) \
            if own is not None else None
        if other is None:
            return False
        similarity, contained = copy_likeness(prints[other.id], own)
        members = [other.id] if not other.group else [r["record_id"] for r in self._fetch(
            "SELECT record_id FROM duplicates WHERE grp = ?", (other.group,))]
        first = self._earliest([item.id, *members])
        group = other.group or f"d{first}"
        with self._lock, self._transaction() as cursor:
            if not other.group:
                self._execute(cursor, "INSERT INTO duplicates (grp, record_id, similarity, containment, earliest) "
                              "VALUES (?, ?, 1.0, 1.0, ?)", (group, other.id, int(other.id == first)))
            elif first == item.id:  # an earlier copy arrived late: it becomes the group's earliest
                self._execute(cursor, "UPDATE duplicates SET earliest = 0 WHERE grp = ?", (group,))
            self._execute(cursor, "INSERT INTO duplicates (grp, record_id, similarity, containment, earliest) "
                          "VALUES (?, ?, ?, ?, ?)", (group, item.id, similarity, contained, int(item.id == first)))
        item.group = group
        return True

    def _join_story(self, item: StoryItem, links: list[tuple[str, str]]) -> str | None:
        """Join ``item`` and what it links to into one story: "new", "joined", or None (nothing to do)."""
        ids = [item.id, *(other for other, _ in links)]
        marks = ", ".join("?" * len(ids))
        member_of = {row["record_id"]: row["story"] for row in
                     self._fetch(f"SELECT record_id, story FROM story_members WHERE record_id IN ({marks})", tuple(ids))}
        if item.id in member_of:
            return None
        stories = sorted(set(member_of.values()))
        home = None
        if stories:
            rows = self._fetch(f"SELECT story, first_seen FROM stories WHERE story IN ({', '.join('?' * len(stories))})",
                               tuple(stories))
            home = min(rows, key=lambda r: (r["first_seen"] or "9999", r["story"]))["story"]
        else:
            groups = {row["record_id"]: row["grp"] for row in
                      self._fetch(f"SELECT record_id, grp FROM duplicates WHERE record_id IN ({marks})", tuple(ids))}
            if len({groups.get(i, i) for i in ids}) < 2:
                return None  # copies of one article are a copy group, not a story
        earliest = self._earliest(ids)
        with self._lock, self._transaction() as cursor:
            if home:
                for other in stories:
                    if other != home:
                        self._execute(cursor, "UPDATE story_members SET story = ? WHERE story = ?", (home, other))
                        self._execute(cursor, "DELETE FROM stories WHERE story = ?", (other,))
                outcome = "joined"
            else:
                home, outcome = f"s{earliest}", "new"
                self._execute(cursor, "INSERT INTO stories (story, key, first_seen, size) VALUES (?, ?, NULL, 0)",
                              (home, links[0][1]))
            self._executemany(cursor, "INSERT INTO story_members (story, record_id) VALUES (?, ?)",
                              [(home, i) for i in ids if i not in member_of])
            self._execute(cursor, "UPDATE stories SET size = (SELECT count(*) FROM story_members m WHERE m.story = ?), "
                          "first_seen = (SELECT min(r.date) FROM story_members m JOIN records r ON r.id = m.record_id "
                          "WHERE m.story = ?) WHERE story = ?", (home, home, home))
        return outcome

    def _earliest(self, ids: Sequence[str]) -> str:
        rows = self._fetch(f"SELECT r.id FROM records r WHERE r.id IN ({', '.join('?' * len(ids))}) "
                           f"{_CHRONOLOGICAL} LIMIT 1", tuple(ids))
        return rows[0]["id"] if rows else ids[0]

    def clusters_stale(self) -> bool:
        """True when records were added since the last ``cluster()``."""
        return self.meta("clustered_count") != str(self.count())

    def _story_items(self, scope: str = "", params: tuple = ()) -> list[StoryItem]:
        """Story evidence of every record, or of the records ``scope`` selects: a condition on
        records ``r`` (``r.id = ?``, ``r.date BETWEEN ? AND ?``) with its ``params``."""
        where = f"WHERE {scope} " if scope else ""
        records = self._fetch("SELECT r.id, r.date, d.grp FROM records r "
                              f"LEFT JOIN duplicates d ON d.record_id = r.id {where}{_CHRONOLOGICAL}", params)
        within = f" AND record_id IN (SELECT r.id FROM records r WHERE {scope})" if scope else ""
        events: dict[str, list] = defaultdict(list)
        for row in self._fetch("SELECT record_id, source_actor, source_country, target_actor, target_country, "
                               "root, date FROM events WHERE root IS NOT NULL AND negated = 0 AND hypothetical = 0"
                               + within, params):
            events[row["record_id"]].append((row["source_actor"], row["source_country"], row["target_actor"],
                                             row["target_country"], row["root"], row["date"]))
        quotes: dict[str, list] = defaultdict(list)
        for row in self._fetch("SELECT record_id, text FROM quotes" + within.replace(" AND", " WHERE", 1), params):
            quotes[row["record_id"]].append(row["text"] or "")
        actors: dict[str, set] = defaultdict(set)
        for row in self._fetch("SELECT DISTINCT record_id, actor FROM entities WHERE actor IS NOT NULL "
                               "AND kind IN ('person', 'organization')" + within, params):
            actors[row["record_id"]].add(row["actor"])
        countries: dict[str, set] = defaultdict(set)
        for row in self._fetch("SELECT DISTINCT record_id, country FROM entities WHERE kind = 'country' "
                               "AND country IS NOT NULL" + within, params):
            countries[row["record_id"]].add(row["country"])
        return [StoryItem(id=row["id"], date=row["date"], group=row["grp"], events=events.get(row["id"], []),
                          quotes=quotes.get(row["id"], []), actors=actors.get(row["id"], set()),
                          countries=countries.get(row["id"], set()))
                for row in records]
