"""Queries over the claims and techniques layers (record/3), for both back-ends."""
from __future__ import annotations

__all__ = ["ClaimsTechniquesMixin", "CLAIM_FIELDS", "TECHNIQUE_FIELDS"]

CLAIM_FIELDS = ("c.record_id, c.text, c.claimant, c.claimant_actor, c.cue, c.summary, c.stance, c.direct, c.start, "
                "c.end_ AS \"end\", r.title, r.date, r.language")
TECHNIQUE_FIELDS = ("t.record_id, t.technique, t.score, t.source, t.text, t.start, t.end_ AS \"end\", r.title, r.date, "
                    "r.language")
_ORDER = "ORDER BY r.date DESC NULLS LAST, r.seq DESC, {alias}.start"


class ClaimsTechniquesMixin:
    """``claims()`` and ``techniques()`` for ``SQLStoreBase`` subclasses."""

    def claims(self, *, claimant=None, record_id=None, stance=None, limit=100, offset=0) -> list[dict]:
        """Claims, newest records first: by claimant (actor id or name), record, or stance."""
        clauses, params = [], []
        if claimant:
            ids = self._actor_ids(claimant)
            marks = ", ".join("?" * len(ids))
            clauses.append(f"(c.claimant_actor IN ({marks}) OR lower(c.claimant) = ?)" if ids
                           else "(lower(c.claimant) LIKE ? OR c.claimant_actor = ?)")
            params += [*ids, claimant.strip().lower()] if ids else [f"%{claimant.strip().lower()}%", claimant.strip()]
        if record_id:
            clauses.append("c.record_id = ?")
            params.append(record_id)
        if stance:
            clauses.append("c.stance = ?")
            params.append(stance)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._fetch(f"SELECT {CLAIM_FIELDS} FROM claims c JOIN records r ON r.id = c.record_id {where} "
                           f"{_ORDER.format(alias='c')} LIMIT ? OFFSET ?", (*params, limit, offset))
        for row in rows:
            row["direct"] = bool(row["direct"])
        return rows

    def techniques(self, *, technique=None, record_id=None, source=None, limit=100, offset=0) -> list[dict]:
        """Persuasion-technique spans, newest records first: by SemEval label, record, or source."""
        clauses, params = [], []
        for column, value in (("technique", technique), ("record_id", record_id), ("source", source)):
            if value:
                clauses.append(f"t.{column} = ?")
                params.append(value)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return self._fetch(f"SELECT {TECHNIQUE_FIELDS} FROM techniques t JOIN records r ON r.id = t.record_id {where} "
                           f"{_ORDER.format(alias='t')} LIMIT ? OFFSET ?", (*params, limit, offset))

    def technique_counts(self, *, record_id=None) -> list[dict]:
        """How many spans and records each technique has."""
        where, params = ("WHERE record_id = ?", (record_id,)) if record_id else ("", ())
        return self._fetch(f"SELECT technique, count(*) AS spans, count(DISTINCT record_id) AS records "
                           f"FROM techniques {where} GROUP BY technique ORDER BY count(*) DESC, technique", params)
