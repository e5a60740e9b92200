"""Geometry of the actor page's charts, drawn as plain SVG by the templates.

The timeline places each event on a date axis in the row of its type, coloured
by its quad class; the network puts the actor in the middle and its
counterparts on a ring, edges as thick as their number of events and coloured
by whether they cooperate or fight. Only numbers and names leave this module;
the template escapes the names.
"""
from __future__ import annotations

import datetime as dt
import math

from .highlight import QUAD_NAMES
from .links import actor_link

__all__ = ["timeline_chart", "network_chart", "QUAD_COLOURS"]

QUAD_COLOURS = {1: "#2e8b57", 2: "#1f6fb4", 3: "#e08a00", 4: "#c62828", None: "#777777"}
_PLOVER_OF_ROOT = {"01": "STATEMENT", "02": "APPEAL", "03": "INTEND", "04": "CONSULT", "05": "COOPERATE",
                   "06": "AID", "07": "AID", "08": "YIELD", "09": "INVESTIGATE", "10": "DEMAND",
                   "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
                   "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "FIGHT", "20": "ASSAULT"}


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def _quad(value) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def timeline_chart(timeline: list[dict], *, width: int = 760, row_height: int = 26, left: int = 120) -> dict | None:
    """Rows (event types) and dots (events) of the timeline, or None without dated events."""
    dated = [(day, item) for item in timeline if (day := _day(item.get("date")))]
    if not dated:
        return None
    kind_of = lambda item: item.get("plover") or _PLOVER_OF_ROOT.get(str(item.get("root") or item.get("cameo") or "")[:2], "OTHER")
    kinds = sorted({kind_of(item) for _, item in dated})
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((last - first).days, 1)
    plot = width - left - 20
    rows = [{"label": kind, "y": 20 + i * row_height} for i, kind in enumerate(kinds)]
    y_of = {row["label"]: row["y"] for row in rows}
    # One dot per day, type and quad class, sized by how many events it stands for,
    # so a busy actor's chart stays a few hundred shapes.
    counts: dict[tuple, list] = {}
    for day, item in dated:
        key = (day, kind_of(item), _quad(item.get("quad_class")))
        # a timeline row may stand for several events (the store groups them by day and code)
        counts.setdefault(key, []).extend([str(item.get("cameo") or "?")] * max(int(item.get("events") or 1), 1))
    dots = []
    for (day, kind, quad), codes in sorted(counts.items(), key=lambda pair: (pair[0][0], pair[0][1], pair[0][2] or 0)):
        x = left + 10 + plot * ((day - first).days / span if first != last else 0.5)
        many = f"{len(codes)} events" if len(codes) > 1 else "1 event"
        dots.append({"x": round(x, 1), "y": y_of[kind], "day": day.isoformat(), "colour": QUAD_COLOURS.get(quad, QUAD_COLOURS[None]),
                     "r": round(min(4 + 2 * math.log2(len(codes)), 11), 1),
                     "title": f"{day.isoformat()} · {kind} · {many} · CAMEO {', '.join(sorted(set(codes))[:5])} · "
                              f"{QUAD_NAMES.get(quad, 'unclassified')}"})
    height = 20 + len(rows) * row_height + 30
    ticks = [{"x": left + 10, "label": first.isoformat(), "anchor": "start"}]
    if first != last:
        ticks.append({"x": left + 10 + plot, "label": last.isoformat(), "anchor": "end"})
        x_of = lambda day: left + 10 + plot * (day - first).days / span
        for mark in _calendar_marks(first, last):
            x = x_of(mark)
            if left + 90 < x < left + plot - 70:  # keep clear of the end labels
                ticks.append({"x": round(x, 1), "label": mark.isoformat()[:7 if mark.month != 1 else 4],
                              "anchor": "middle"})
    return {"width": width, "height": height, "left": left, "rows": rows, "dots": dots,
            "axis_y": height - 24, "ticks": ticks, "right": width - 10}


def _calendar_marks(first: dt.date, last: dt.date) -> list[dt.date]:
    """Year starts for long spans, month starts for short ones (at most ~12 marks)."""
    if (last - first).days > 500:
        return [dt.date(year, 1, 1) for year in range(first.year + 1, last.year + 1)][:12]
    marks, year, month = [], first.year, first.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        mark = dt.date(year, month, 1)
        if mark > last:
            return marks[::max(1, len(marks) // 12 + 1)] if len(marks) > 12 else marks
        marks.append(mark)


def network_chart(name: str, counterparts: list[dict], *, size: int = 520, limit: int = 24) -> dict | None:
    """Nodes and edges of the counterpart network, or None without counterparts."""
    if not counterparts:
        return None
    chosen = sorted(counterparts, key=lambda c: -int(c.get("events") or 0))[:limit]
    most = max(int(c.get("events") or 0) for c in chosen) or 1
    centre = size / 2
    radius = size / 2 - 70
    nodes, edges = [], []
    for i, item in enumerate(chosen):
        angle = 2 * math.pi * i / len(chosen) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        count = int(item.get("events") or 0)
        coop, conflict = int(item.get("cooperation") or 0), int(item.get("conflict") or 0)
        colour = QUAD_COLOURS[1] if coop > conflict else QUAD_COLOURS[4] if conflict > coop else QUAD_COLOURS[None]
        label = item.get("canonical") or item.get("actor") or "?"
        edges.append({"x1": centre, "y1": centre, "x2": round(x, 1), "y2": round(y, 1), "colour": colour,
                      "other": item.get("actor") or item.get("canonical"),
                      "width": round(1 + 7 * count / most, 1),
                      "title": f"{name} – {label}: {count} events ({coop} cooperation, {conflict} conflict)"})
        nodes.append({"x": round(x, 1), "y": round(y, 1), "label": label, "country": item.get("country"),
                      "href": actor_link(item.get("actor") or item.get("canonical")),
                      "anchor": "start" if x > centre + 1 else "end" if x < centre - 1 else "middle",
                      "dx": 10 if x > centre + 1 else -10 if x < centre - 1 else 0,
                      "dy": 4 if abs(x - centre) > 1 else (-14 if y < centre else 24)})
    # room beside the ring for the longest label, so no name is cut at the edge
    margin = min(max((len(n["label"]) + 6) * 7 - 60 for n in nodes), 220) if nodes else 0
    margin = max(margin, 0)
    return {"size": size, "centre": centre, "name": name, "nodes": nodes, "edges": edges,
            "margin": margin, "view_x": -margin, "view_width": size + 2 * margin}
