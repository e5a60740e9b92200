"""Search by word forms and by linked actors, with the total and facets of the matches.

The explorer's search (``web/search_terms.py``) turns a query into groups of
alternative word forms (each group must match) and actor ids (the record's
entities must link one of them); this mixin runs that against the full-text
index of the back-end (SQLite FTS5 or PostgreSQL tsvector) and the entities
table, and counts the matches by language, outlet and year.
"""
from __future__ import annotations

import re

from .base import RECORD_SUMMARY

__all__ = ["FinderMixin"]

_SAFE = re.compile(r"[^\w]+")
_FACETS = {"lang": "r.language", "outlet": "r.outlet", "year": "substr(r.date, 1, 4)"}


class FinderMixin:
    """``find_records``: the page, the total and facets for word-form groups and actor ids."""

    def _text_match(self, groups, phrases) -> tuple[str, str] | None:
        """The full-text condition over ``records r`` and its one parameter, or None."""
        if not groups and not phrases:
            return None
        if self.placeholder == "?":
            parts = ["(" + " OR ".join(f'"{_clean(t)}"' + ("*" if prefix else "") for t, prefix in group
                                       if _clean(t)) + ")" for group in groups]
            parts += ['"' + " ".join(_clean(w) for w in phrase if _clean(w)) + '"' for phrase in phrases]
            match = " AND ".join(p for p in parts if p not in ("()", '""')) or '""'
            return "r.seq IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)", match
        parts = ["(" + " | ".join(_clean(t).replace(" ", " <-> ") + (":*" if prefix else "") for t, prefix in group if _clean(t)) + ")"
                 for group in groups]
        parts += ["(" + " <-> ".join(_clean(w) for w in phrase if _clean(w)) + ")" for phrase in phrases]
        match = " & ".join(p for p in parts if p != "()") or "''"
        return "r.search @@ to_tsquery('simple', ?)", match

    def _finder_where(self, groups, phrases, actor_ids, filters) -> tuple[str, list]:
        where, params = self._record_filters(lang=filters.get("lang"), since=filters.get("since"),
                                             until=filters.get("until"), outlet=filters.get("outlet"))
        clauses = [where.removeprefix("WHERE ")] if where else []
        params = list(params)
        text = self._text_match(groups, phrases)
        if text:
            clauses.append(text[0])
            params.append(text[1])
        if actor_ids:
            marks = ", ".join("?" * len(actor_ids))
            clauses.append(f"r.id IN (SELECT record_id FROM entities WHERE actor IN ({marks}))")
            params += list(actor_ids)
        if not text and not actor_ids:
            clauses.append("1 = 0")
        return "WHERE " + " AND ".join(clauses), params

    def find_records(self, groups, phrases, actor_ids, filters: dict, *, limit: int = 50,
                     offset: int = 0) -> dict:
        """``{"rows", "total", "facets"}``: records newest first, each with the names that
        linked it to the actors asked for (``via``)."""
        where, params = self._finder_where(groups, phrases, actor_ids, filters)
        page = (f"SELECT r.seq FROM records r {where} ORDER BY r.date DESC NULLS LAST, r.seq DESC "
                "LIMIT ? OFFSET ?")
        rows = self._fetch(f"SELECT {RECORD_SUMMARY} FROM ({page}) p JOIN records r ON r.seq = p.seq "
                           "LEFT JOIN duplicates d ON d.record_id = r.id LEFT JOIN story_members sm "
                           "ON sm.record_id = r.id ORDER BY r.date DESC NULLS LAST, r.seq DESC",
                           (*params, limit, offset))
        if actor_ids and rows:
            ids = [row["id"] for row in rows]
            marks, actor_marks = ", ".join("?" * len(ids)), ", ".join("?" * len(actor_ids))
            names: dict[str, list[str]] = {}
            for row in self._fetch(f"SELECT DISTINCT record_id, text FROM entities WHERE record_id IN ({marks}) "
                                   f"AND actor IN ({actor_marks}) ORDER BY record_id, text", (*ids, *actor_ids)):
                names.setdefault(row["record_id"], []).append(row["text"])
            for row in rows:
                row["via"] = ", ".join(names.get(row["id"], []))
        total = int(self._fetch(f"SELECT count(*) AS n FROM records r {where}", tuple(params))[0]["n"])
        facets = {name: self._fetch(f"SELECT {column} AS value, count(*) AS n FROM records r {where} "
                                    f"GROUP BY {column} ORDER BY n DESC, value LIMIT 12", tuple(params))
                  for name, column in _FACETS.items()}
        return {"rows": rows, "total": total,
                "facets": {k: [r for r in v if r["value"] not in (None, "")] for k, v in facets.items()}}

    def snippets(self, groups, phrases, ids: list[str]) -> dict[str, str]:
        """A snippet around the matches of each record (SQLite; other back-ends: none)."""
        text = self._text_match(groups, phrases)
        if not text or not ids or self.placeholder != "?":
            return {}
        marks = ", ".join("?" * len(ids))
        rows = self._fetch("SELECT r.id, snippet(records_fts, 1, '[', ']', '…', 16) AS snippet FROM records_fts "
                           "JOIN records r ON r.seq = records_fts.rowid WHERE records_fts MATCH ? "
                           f"AND r.id IN ({marks})", (text[1], *ids))
        return {row["id"]: row["snippet"] for row in rows}


def _clean(text: str) -> str:
    """A term with nothing the full-text syntax could read as an operator."""
    return " ".join(_SAFE.sub(" ", text).split()) if text else ""
