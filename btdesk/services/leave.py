"""Leave (ledighet): föräldraledighet, sjukfrånvaro, tjänstledighet or other leave.

A leave period is a record like any other (kind "leave"): versioned, undoable, and it travels
in bundles. It has a date range and a percent of full time, since partial leave is common.
Leave is not service: btdesk.services.time_served subtracts it. No reason or diagnosis is
recorded — a portfolio holds no health data.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from btdesk.errors import BtdeskError
from btdesk.i18n import N_, _
from btdesk.services.bt import Records, check_date, check_percent
from btdesk.services.portfolio import Portfolio
from btdesk.store.records import RecordView
from btdesk.timeutil import parse_date

KIND = "leave"
# type id -> Swedish name; the ids are stored in records and never change
LEAVE_TYPES = {
    "foraldraledighet": N_("Föräldraledighet"),
    "sjukfranvaro": N_("Sjukfrånvaro"),
    "tjanstledighet": N_("Tjänstledighet"),
    "other": N_("Annan ledighet"),
}


@dataclass(frozen=True)
class Leave:
    id: str
    type: str
    type_name: str
    start: date
    end: date
    percent: int

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def _to_leave(r: RecordView) -> Leave:
    b = r.body
    t = str(b.get("type") or "other")
    return Leave(r.id, t, _(LEAVE_TYPES[t]) if t in LEAVE_TYPES else t, parse_date(b["start"]), parse_date(b["end"]),
                 int(b.get("percent") or 100))


def leave_periods(p: Records) -> list[Leave]:
    return sorted((_to_leave(r) for r in p.records(KIND)), key=lambda x: (x.start, x.end))


def leave_type(text: str) -> str:
    """A type id from its id or Swedish name, any case: "sjukfranvaro", "Sjukfrånvaro"."""
    folded = text.strip().casefold()
    for tid, name in LEAVE_TYPES.items():
        if folded in (tid, name.casefold(), _(name).casefold()):
            return tid
    known = ", ".join(LEAVE_TYPES)
    raise BtdeskError(_("Ledighet av typen {text!r} finns inte; välj {known}.").format(text=text, known=known))


def leave_body(*, type: str, start: Any, end: Any, percent: Any = 100) -> dict[str, Any]:
    """The one validation of a leave period, for the window and the command line alike."""
    s, e = check_date(start, "Startdagen", "The start"), check_date(end, "Slutdagen", "The end")
    if e < s:
        raise BtdeskError(_("Ledigheten slutar {end} före sin start {start}.").format(end=e, start=s))
    return {"type": leave_type(type), "start": s.isoformat(), "end": e.isoformat(),
            "percent": check_percent(percent)}


def leave_record(p: Records, leave_id: str) -> RecordView:
    rec = next((r for r in p.records(KIND) if r.id == leave_id), None)
    if rec is None:
        raise BtdeskError(_("Det finns ingen ledighet {id}.").format(id=leave_id))
    return rec


def add_leave(p: Portfolio, *, type: str, start: Any, end: Any, percent: Any = 100) -> Leave:
    return _to_leave(p.put(KIND, leave_body(type=type, start=start, end=end, percent=percent)))


def update_leave(p: Portfolio, leave_id: str, **changes: Any) -> Leave:
    merged = {**leave_record(p, leave_id).body, **changes}
    body = leave_body(type=merged["type"], start=merged["start"], end=merged["end"],
                      percent=merged.get("percent", 100))
    return _to_leave(p.put(KIND, body, leave_id))


def remove_leave(p: Portfolio, leave_id: str) -> None:
    leave_record(p, leave_id)
    p.delete(leave_id)
