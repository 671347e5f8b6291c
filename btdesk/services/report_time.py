"""Placements with what has been served of them by a date, for the dossier and Bilaga 3:
read from the calendar's one computation of time served (services/time_served), never
computed again here."""
from __future__ import annotations

from datetime import date

from btdesk.reports.data import PlacementRow, TimeSummary
from btdesk.services.bt import Records
from btdesk.services.time_served import TimeServed, time_served


def placement_rows(ts: TimeServed) -> list[PlacementRow]:
    """Every placement, in date order, with its planned and served full-time months."""
    rows = []
    for t in ts.placements:
        pl = t.placement
        until = None if t.state == "planned" else min(pl.end, ts.as_of)
        rows.append(PlacementRow(pl.id, pl.kind, pl.kind_name, pl.site, pl.supervisor, pl.start, pl.end,
                                 pl.percent, t.planned, t.served, until, leave_months=t.leave,
                                 periods=tuple((s.start, s.end, s.percent) for s in t.periods)))
    return sorted(rows, key=lambda r: r.start)


def time_of(p: Records, today: date, warnings: list[str]) -> tuple[list[PlacementRow], TimeSummary]:
    ts = time_served(p, today)
    return placement_rows(ts), TimeSummary(ts.planned, ts.served, ts.primarvard, ts.akut, warnings,
                                           ts.summary_sv(), ts.leave_taken,
                                           ts.expected_end.isoformat() if ts.expected_end else None)
