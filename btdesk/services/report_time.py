"""Placements with what has been served of them by a date, for the dossier and Bilaga 3.

This is the reports' one seam to the calendar: the figures come from
btdesk.services.time_served (placements, their percent or the BT's, leave subtracted).
"""
from __future__ import annotations

from datetime import date

from btdesk.reports.data import PlacementRow
from btdesk.services.portfolio import Portfolio
from btdesk.services.time_served import time_served


def placement_rows(p: Portfolio, today: date) -> list[PlacementRow]:
    """Every placement, in date order, with its planned and served full-time months (leave subtracted)."""
    rows = []
    for r in time_served(p, today).placements:
        pl = r.placement
        until = min(pl.end, today) if pl.start <= today else None
        rows.append(PlacementRow(pl.id, pl.kind, pl.kind_name, pl.site, pl.supervisor, pl.start, pl.end,
                                 pl.percent, float(r.planned), float(r.served), until))
    return rows
