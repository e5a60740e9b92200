"""The volume-over-time chart of the events and quotes browsers, as plain SVG numbers.

One bar per period (year, month or day, whichever keeps the bars readable),
each a link that narrows the page to its period; rows without a date are
counted beside the chart, never dropped. Only numbers and periods leave this
module; the template escapes them.
"""
from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["volume_chart", "granularity", "period_bounds"]


def granularity(since: str | None, until: str | None) -> str:
    """Days for a range of two months or less, else months (years when the store says so)."""
    try:
        first, last = dt.date.fromisoformat(since), dt.date.fromisoformat(until)
    except (TypeError, ValueError):
        return "month"
    return "day" if 0 <= (last - first).days <= 62 else "month"


def period_bounds(period: str) -> tuple[str, str]:
    """The first and last day of a year ``2022``, a month ``2022-03`` or a day."""
    if len(period) == 4:
        return f"{period}-01-01", f"{period}-12-31"
    if len(period) == 7:
        year, month = int(period[:4]), int(period[5:7])
        return f"{period}-01", f"{period}-{calendar.monthrange(year, month)[1]:02d}"
    return period, period


def volume_chart(volume: list[dict], link, *, width: int = 760, height: int = 150) -> dict | None:
    """Bars of ``volume`` (``period``, ``n``); ``link(since, until)`` is each bar's page."""
    dated = [row for row in volume if row.get("period")]
    undated = sum(int(row["n"]) for row in volume if not row.get("period"))
    if not dated:
        return {"bars": [], "undated": undated, "width": width, "height": height} if undated else None
    dated = _continuous(dated)
    most = max(int(row["n"]) for row in dated) or 1
    left, bottom, top = 40, height - 28, 12
    slot = (width - left - 10) / len(dated)
    bars = []
    for i, row in enumerate(dated):
        count = int(row["n"])
        tall = (bottom - top) * count / most
        since, until = period_bounds(str(row["period"]))
        bars.append({"x": round(left + i * slot + slot * 0.1, 1), "y": round(bottom - tall, 1),
                     "w": round(max(slot * 0.8, 1), 1), "h": round(max(tall, 1), 1) if count else 0, "period": row["period"],
                     "n": count, "href": link(since, until), "label_x": round(left + i * slot + slot / 2, 1)})
    every = max(1, len(bars) // 10)
    for i, bar in enumerate(bars):
        bar["labelled"] = i % every == 0 or i == len(bars) - 1 and len(bars) <= 12
    return {"bars": bars, "undated": undated, "width": width, "height": height, "bottom": bottom, "left": left,
            "most": most, "top": top}


def _next(period: str) -> str:
    if len(period) == 4:
        return f"{int(period) + 1:04d}"
    if len(period) == 7:
        year, month = int(period[:4]), int(period[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return (dt.date.fromisoformat(period) + dt.timedelta(days=1)).isoformat()


def _continuous(dated: list[dict], cap: int = 400) -> list[dict]:
    """Every period from the first to the last, empty ones at zero, so gaps show as gaps."""
    counts = {str(row["period"]): int(row["n"]) for row in dated}
    periods, last = [str(dated[0]["period"])], str(dated[-1]["period"])
    try:
        while periods[-1] < last and len(periods) < cap:
            periods.append(_next(periods[-1]))
    except ValueError:  # a malformed date in the store: show what is there
        return dated
    if periods[-1] != last:
        return dated
    return [{"period": p, "n": counts.get(p, 0)} for p in periods]
