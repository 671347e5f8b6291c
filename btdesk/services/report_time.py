"""Placements with what has been served of them by a date, for the dossier and Bilaga 3.

This is the reports' one seam to the calendar: time served (placements, percent, leave) is
computed by the calendar's own function; until that lands, served time here is the part of
each placement up to the date, at its percent.
"""
from __future__ import annotations

from datetime import date

from btdesk.reports.data import PlacementRow
from btdesk.services import bt as btsvc
from btdesk.services.portfolio import Portfolio
from btdesk.timeutil import fte_months


def placement_rows(p: Portfolio, today: date) -> list[PlacementRow]:
    """Every placement, in date order, with its planned and served full-time months."""
    rows = []
    for pl in btsvc.placements(p):
        until = min(pl.end, today) if pl.start <= today else None
        served = float(fte_months(pl.start, until, pl.percent)) if until else 0.0
        rows.append(PlacementRow(pl.id, pl.kind, pl.kind_name, pl.site, pl.supervisor, pl.start, pl.end,
                                 pl.percent, float(fte_months(pl.start, pl.end, pl.percent)), served, until))
    return rows
