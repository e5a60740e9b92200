"""An in-memory store that follows the agreed store interface, for API tests
that must not depend on a database (size limit, tokens, error shapes)."""
from __future__ import annotations

from collections import Counter, defaultdict
from urllib.parse import urlsplit

from dispacci.record import Record

__all__ = ["FakeStore"]

QUAD = {"04": 1, "03": 1, "11": 3, "12": 3, "19": 4, "05": 2}


def _outlet(record: Record) -> str | None:
    return record.source.publisher or (urlsplit(record.source.url or "").hostname or None)


def _date(record: Record) -> str | None:
    return (record.dateline.date if record.dateline and record.dateline.date else record.source.published)


class FakeStore:
    def __init__(self, records=()):
        self._records: dict[str, Record] = {}
        self.closed = False
        self.add(records)

    def add(self, records, *, failures=()) -> dict:
        stored = duplicates = 0
        for record in records:
            if record.id in self._records:
                duplicates += 1
            else:
                self._records[record.id] = record
                stored += 1
        return {"stored": stored, "duplicates": duplicates, "failed": len(list(failures))}

    def count(self) -> int:
        return len(self._records)

    def get(self, record_id):
        return self._records.get(record_id)

    def _row(self, r: Record) -> dict:
        return {"id": r.id, "title": r.title, "language": r.language, "published": r.source.published,
                "date": _date(r), "outlet": _outlet(r), "url": r.source.url, "path": r.source.path,
                "group": None, "story": None}

    def records(self, *, lang=None, since=None, until=None, outlet=None, limit=50, offset=0):
        rows = [self._row(r) for r in self._records.values()]
        rows = [row for row in rows if (not lang or row["language"] == lang) and (not outlet or row["outlet"] == outlet)
                and (not since or (row["date"] or "") >= since) and (not until or (row["date"] or "9") <= until)]
        rows.sort(key=lambda row: row["date"] or "", reverse=True)
        return rows[offset:offset + limit]

    def search(self, query, *, limit=50, offset=0, **filters):
        words = query.lower().split()
        rows = [dict(row, snippet=self._records[row["id"]].text[:80], score=1.0)
                for row in self.records(**filters, limit=10_000)
                if all(w in self._records[row["id"]].text.lower() for w in words)]
        return rows[offset:offset + limit]

    def _events(self):
        for r in self._records.values():
            for e in r.events:
                t = e.target
                yield {"record_id": r.id, "date": e.date or _date(r), "source_name": e.source.name,
                       "source_actor": e.source.actor, "source_country": e.source.country, "source_code": e.source.code,
                       "target_name": t.name if t else None, "target_actor": t.actor if t else None,
                       "target_country": t.country if t else None, "target_code": t.code if t else None,
                       "cameo": e.cameo, "root": e.cameo[:2], "plover": e.plover, "mode": e.mode,
                       "quad_class": QUAD.get(e.cameo[:2]), "goldstein": None, "location": e.location,
                       "topics": e.topics, "negated": e.negated, "hypothetical": e.hypothetical,
                       "evidence": r.text[e.evidence.start:e.evidence.end], "evidence_start": e.evidence.start,
                       "evidence_end": e.evidence.end, "url": r.source.url, "title": r.title, "language": r.language}

    def events(self, *, actor=None, country=None, code=None, plover=None, since=None, until=None, limit=100, offset=0):
        rows = [e for e in self._events()
                if (not actor or actor in (e["source_actor"], e["target_actor"]))
                and (not country or country in (e["source_country"], e["target_country"]))
                and (not code or e["cameo"].startswith(code)) and (not plover or e["plover"] == plover)
                and (not since or (e["date"] or "") >= since) and (not until or (e["date"] or "9") <= until)]
        return rows[offset:offset + limit]

    def quotes(self, *, speaker=None, record_id=None, limit=100, offset=0):
        rows = [{"record_id": r.id, "text": q.text, "speaker": q.speaker, "speaker_actor": q.speaker_actor,
                 "cue": q.cue, "direct": q.direct, "start": q.start, "end": q.end, "title": r.title, "date": _date(r)}
                for r in self._records.values() for q in r.quotes]
        rows = [q for q in rows if (not speaker or speaker in (q["speaker"], q["speaker_actor"]))
                and (not record_id or q["record_id"] == record_id)]
        return rows[offset:offset + limit]

    def actors(self, *, top=50, kind=None):
        found: dict[str, dict] = {}
        for r in self._records.values():
            for e in r.entities:
                key = e.actor or e.canonical or e.text
                if kind and e.kind != kind:
                    continue
                row = found.setdefault(key, {"actor": e.actor, "canonical": e.canonical or e.text, "kind": e.kind,
                                             "country": e.country, "mentions": 0, "records": set()})
                row["mentions"] += 1
                row["records"].add(r.id)
        rows = [dict(row, records=len(row["records"])) for row in found.values()]
        return sorted(rows, key=lambda row: -row["mentions"])[:top]

    def actor(self, actor_id_or_name):
        summary = next((a for a in self.actors(top=10_000) if actor_id_or_name in (a["actor"], a["canonical"])), None)
        if summary is None:
            return None
        key = summary["actor"] or summary["canonical"]
        records = sorted({r.id for r in self._records.values() for e in r.entities if (e.actor or e.canonical) == key})
        roles = sorted({role for r in self._records.values() for e in r.entities if (e.actor or e.canonical) == key
                        for role in e.roles})
        events = self.events(actor=key, limit=10_000)
        partners: dict[str, dict] = {}
        for e in events:
            side = "target" if e["source_actor"] == key else "source"
            other = e[f"{side}_actor"] or e[f"{side}_name"]
            if not other:
                continue
            item = partners.setdefault(other, {"actor": e[f"{side}_actor"], "canonical": e[f"{side}_name"],
                                               "country": e[f"{side}_country"], "events": 0,
                                               "cooperation": 0, "conflict": 0})
            item["events"] += 1
            item["cooperation" if (e["quad_class"] or 1) <= 2 else "conflict"] += 1
        return {**summary, "roles": roles, "records": records, "events": events,
                "quotes": self.quotes(speaker=key, limit=10_000), "counterparts": list(partners.values()),
                "timeline": [{k: e[k] for k in ("date", "cameo", "root", "plover", "quad_class")} for e in events]}

    def duplicates(self, *, limit=100):
        groups = defaultdict(list)
        for r in self._records.values():
            groups[r.text[len(r.title or "") + 2:]].append(r)
        out = []
        for members in groups.values():
            if len(members) > 1:
                members.sort(key=lambda r: r.source.published or "")
                out.append({"group": members[0].id, "earliest": members[0].id,
                            "members": [{"id": r.id, "title": r.title, "outlet": _outlet(r),
                                         "published": r.source.published, "similarity": 1.0, "containment": 1.0}
                                        for r in members]})
        return out[:limit]

    def stories(self, *, limit=100):
        groups = defaultdict(list)
        for r in self._records.values():
            pairs = Counter(tuple(sorted(filter(None, (e.source.actor, e.target.actor if e.target else None))))
                            for e in r.events)
            if pairs:
                groups[pairs.most_common(1)[0][0]].append(r)
        return [{"story": i, "key": " – ".join(key), "languages": sorted({r.language for r in rs}),
                 "outlets": sorted({_outlet(r) or "" for r in rs}), "first_seen": min(_date(r) or "" for r in rs),
                 "members": [{"id": r.id, "title": r.title, "language": r.language, "outlet": _outlet(r),
                              "published": r.source.published} for r in rs]}
                for i, (key, rs) in enumerate(groups.items())][:limit]

    def close(self):
        self.closed = True
