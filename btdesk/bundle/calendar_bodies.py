"""The calendar records a bundle may carry (bt, placement, leave), checked for what time served reads.

A JSON Schema can say "a string like 2027-02-30"; only a calendar can say that day does not
exist. Time served parses every date and percent of these records, at the doctor and at the
unit, so one unreadable record from one sender would stop the whole cohort. Such a record is
refused when its bundle is read, with the same rules the window and the command line apply
(services.bt.placement_body, services.leave.leave_body): real dates, an end not before its
start, a whole percent 1–100.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from btdesk.i18n import _

# each kind: its date fields (required ones first), whether a percent is required
_DATES = {"placement": (("start", "end"), ()), "leave": (("start", "end"), ()), "bt": ((), ("start",))}
_PERCENT_REQUIRED = {"placement": False, "leave": True, "bt": False}


def _date(value: Any) -> date | None:
    if type(value) is not str or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _percent_ok(value: Any) -> bool:
    return type(value) is int and 1 <= value <= 100


def calendar_error(kind: str, body: Any) -> str | None:
    """Why time served could not read this record (one clause), or None when it can or the
    kind is not a calendar record."""
    if kind not in _DATES:
        return None
    if not isinstance(body, dict):
        return _("innehållet är inget objekt")
    required, optional = _DATES[kind]
    days: dict[str, date] = {}
    for key in (*required, *optional):
        if key not in body and key in optional:
            continue
        d = _date(body.get(key))
        if d is None:
            return _("{key} är inget datum ÅÅÅÅ-MM-DD som finns").format(key=key)
        days[key] = d
    if "start" in days and "end" in days and days["end"] < days["start"]:
        return _("perioden slutar före sin start")
    percent = body.get("percent")
    if (percent is not None or _PERCENT_REQUIRED[kind]) and not _percent_ok(percent):
        return _("omfattningen är inte ett heltal 1–100 procent")
    if kind == "placement" and type(body.get("kind")) is not str:
        return _("placeringstypen saknas")
    return None
