"""Unique events: one real-world event reported by N articles is one event with N mentions.

Event data counted per article inflates whatever many outlets report (GDELT's known
problem): a phone call told by six outlets in five languages is six "events". Here the
mentions of one event are grouped by what they share in every language: the two sides
(actor ids, else countries, in either order), the CAMEO root, and dates no more than
``WINDOW_DAYS`` apart (or, undated, the same story). Each unique event says who, what and
when, lists its mentions with their outlets and languages, and names the earliest report.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from .stories import WINDOW_DAYS, day_ordinal, event_key

__all__ = ["group_mentions", "UniqueEventsMixin"]

_MENTION_FIELDS = ("e.record_id, e.n, e.date, e.source_name, e.source_actor, e.source_country, e.target_name, "
                   "e.target_actor, e.target_country, e.cameo, e.root, e.plover, e.mode, e.evidence, "
                   "r.title, r.language, r.outlet, r.published, r.date AS record_date, sm.story")


def group_mentions(rows: Iterable[dict], *, window: int = WINDOW_DAYS) -> list[dict]:
    """Unique events from event rows (one row per mention), newest first."""
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        key = event_key(row["source_actor"], row["source_country"], row["target_actor"], row["target_country"],
                        row["root"])
        if key is None:  # a one-sided event: its own unique event
            key = ("record", row["record_id"], row["n"])
        by_key[key].append(row)
    found = []
    for key, mentions in by_key.items():
        for cluster in _by_date(mentions, window):
            found.append(_summary(key, cluster))
    found.sort(key=lambda u: (u["date"] or u["first_report"]["published"] or "", u["id"]), reverse=True)
    return found


def _by_date(mentions: list[dict], window: int) -> list[list[dict]]:
    """Mentions whose dates chain within ``window`` days; undated ones join their story's
    cluster, else stand alone."""
    dated = sorted((m for m in mentions if day_ordinal(m["date"] or m["record_date"]) is not None),
                   key=lambda m: day_ordinal(m["date"] or m["record_date"]))
    clusters: list[list[dict]] = []
    last = None
    for mention in dated:
        day = day_ordinal(mention["date"] or mention["record_date"])
        if clusters and last is not None and day - last <= window:
            clusters[-1].append(mention)
        else:
            clusters.append([mention])
        last = day
    for mention in (m for m in mentions if day_ordinal(m["date"] or m["record_date"]) is None):
        home = next((c for c in clusters if mention["story"] and any(m["story"] == mention["story"] for m in c)), None)
        if home is not None:
            home.append(mention)
        else:
            clusters.append([mention])
    return clusters


def _summary(key: tuple, mentions: list[dict]) -> dict:
    first = min(mentions, key=lambda m: (m["published"] or m["record_date"] or "9999", m["record_id"]))
    dates = Counter(m["date"] for m in mentions if m["date"])
    codes = Counter(m["cameo"] for m in mentions)
    side = Counter((m["source_name"], m["source_actor"], m["source_country"]) for m in mentions).most_common(1)[0][0]
    other = Counter((m["target_name"], m["target_actor"], m["target_country"]) for m in mentions).most_common(1)[0][0]
    return {
        "id": f"u{first['record_id']}-{first['n']}",
        "source": {"name": side[0], "actor": side[1], "country": side[2]},
        "target": {"name": other[0], "actor": other[1], "country": other[2]} if any(other) else None,
        "cameo": codes.most_common(1)[0][0], "root": mentions[0]["root"],
        "plover": Counter(m["plover"] for m in mentions).most_common(1)[0][0],
        "date": dates.most_common(1)[0][0] if dates else None,
        "mentions": [{"record_id": m["record_id"], "outlet": m["outlet"], "language": m["language"],
                      "published": m["published"], "date": m["date"], "cameo": m["cameo"], "title": m["title"],
                      "evidence": m["evidence"]} for m in sorted(mentions, key=lambda m: m["published"] or "9999")],
        "languages": sorted({m["language"] for m in mentions if m["language"]}),
        "outlets": sorted({m["outlet"] for m in mentions if m["outlet"]}),
        "first_report": {"record_id": first["record_id"], "outlet": first["outlet"], "language": first["language"],
                         "published": first["published"] or first["record_date"]},
    }


class UniqueEventsMixin:
    """``unique_events()`` for ``SQLStoreBase`` subclasses."""

    def unique_events(self, *, actor=None, country=None, code=None, plover=None, since=None, until=None,
                      limit=100, offset=0, records: list[str] | None = None) -> list[dict]:
        """Unique events among the stored events matching the filters (hypothetical and negated ones
        left out); ``records`` keeps the events of those records only."""
        where, params = self._event_filters(actor=actor, country=country, code=code, plover=plover, since=since,
                                            until=until)
        narrative = "e.negated = 0 AND e.hypothetical = 0"
        if records is not None:
            narrative += f" AND e.record_id IN ({', '.join('?' * len(records))})" if records else " AND 1 = 0"
            params = [*params, *records]
        where = f"{where} AND {narrative}" if where else f"WHERE {narrative}"
        rows = self._fetch(f"SELECT {_MENTION_FIELDS} FROM events e JOIN records r ON r.id = e.record_id "
                           f"LEFT JOIN story_members sm ON sm.record_id = e.record_id {where}", params)
        return group_mentions([dict(row) for row in rows])[offset:offset + limit]

    def story(self, story: str) -> dict | None:
        """One story: its articles in publication order, each marked as an original or a reprint
        (with the original it copies), and the unique events its articles report."""
        found = self._fetch("SELECT story, key, first_seen, size FROM stories WHERE story = ?", (story,))
        if not found:
            return None
        rows = self._fetch("SELECT r.id, r.title, r.language, r.outlet, r.published, r.date, d.grp, d.earliest "
                           "FROM story_members sm JOIN records r ON r.id = sm.record_id "
                           "LEFT JOIN duplicates d ON d.record_id = r.id WHERE sm.story = ?", (story,))
        originals = {row["grp"]: row["id"] for row in rows if row["grp"] and row["earliest"]}
        members = sorted(({"id": row["id"], "title": row["title"], "language": row["language"],
                           "outlet": row["outlet"], "published": row["published"] or row["date"],
                           "reprint_of": originals.get(row["grp"]) if row["grp"] and not row["earliest"] else None}
                          for row in rows), key=lambda m: (m["published"] or "9999", m["id"]))
        events = self.unique_events(records=[m["id"] for m in members], limit=50)
        return {**dict(found[0]), "members": members, "events": events,
                "languages": sorted({m["language"] for m in members if m["language"]}),
                "outlets": sorted({m["outlet"] for m in members if m["outlet"]}),
                "first_report": members[0] if members else None}
