"""Recomputing near-duplicate groups and stories over the whole store.

Clustering reads the fingerprints and the layer tables (not the texts), so
it costs seconds for 100,000 records; it replaces the previous groups and
stories in one transaction, and records when it ran so that callers can tell
whether it is stale.
"""
from __future__ import annotations

import time
from collections import defaultdict

from .dedup import Fingerprint, find_duplicates
from .stories import StoryItem, find_stories

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
        self.set_meta("clustered_count", str(self.count()))
        return summary

    def clusters_stale(self) -> bool:
        """True when records were added since the last ``cluster()``."""
        return self.meta("clustered_count") != str(self.count())

    def _story_items(self) -> list[StoryItem]:
        records = self._fetch("SELECT r.id, r.date, d.grp FROM records r "
                              f"LEFT JOIN duplicates d ON d.record_id = r.id {_CHRONOLOGICAL}")
        events: dict[str, list] = defaultdict(list)
        for row in self._fetch("SELECT record_id, source_actor, source_country, target_actor, target_country, "
                               "root, date FROM events WHERE root IS NOT NULL AND negated = 0 AND hypothetical = 0"):
            events[row["record_id"]].append((row["source_actor"], row["source_country"], row["target_actor"],
                                             row["target_country"], row["root"], row["date"]))
        quotes: dict[str, list] = defaultdict(list)
        for row in self._fetch("SELECT record_id, text FROM quotes"):
            quotes[row["record_id"]].append(row["text"] or "")
        actors: dict[str, set] = defaultdict(set)
        for row in self._fetch("SELECT DISTINCT record_id, actor FROM entities WHERE actor IS NOT NULL "
                               "AND kind IN ('person', 'organization')"):
            actors[row["record_id"]].add(row["actor"])
        countries: dict[str, set] = defaultdict(set)
        for row in self._fetch("SELECT DISTINCT record_id, country FROM entities WHERE kind = 'country' "
                               "AND country IS NOT NULL"):
            countries[row["record_id"]].add(row["country"])
        return [StoryItem(id=row["id"], date=row["date"], group=row["grp"], events=events.get(row["id"], []),
                          quotes=quotes.get(row["id"], []), actors=actors.get(row["id"], set()),
                          countries=countries.get(row["id"], set()))
                for row in records]
