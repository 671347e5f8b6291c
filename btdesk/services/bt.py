"""A doctor's BT: programme, start, percent of full time, huvudhandledare, placements.

A placement without a percent of its own runs at the BT's percent, so a doctor who works
75 % sets it once (`set_bt(percent=75)`) and every such placement follows it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.programme import Programme, ProgrammeError
from btdesk.services.portfolio import Portfolio
from btdesk.store.records import RecordView
from btdesk.timeutil import parse_date


class Records(Protocol):
    """The reading side of a portfolio: a Portfolio, or a doctor's records at the BT unit."""

    @property
    def programme(self) -> Programme: ...

    @property
    def profile(self) -> Any: ...  # has .name and .fingerprint

    def records(self, kind: str | None = None, *, include_deleted: bool = False,
                uncounted: bool = False) -> list[RecordView]: ...

    def latest(self, kind: str) -> RecordView | None: ...


@dataclass(frozen=True)
class Placement:
    id: str
    kind: str
    kind_name: str
    site: str
    supervisor: str
    start: date
    end: date
    percent: int  # the percent it runs at: its own, or the BT's
    own_percent: bool = True  # False: no percent of its own; it follows the BT's

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def bt_record(p: Records) -> RecordView | None:
    return p.latest("bt")


def bt_percent(p: Records) -> int:
    """The doctor's percent of full time for the whole BT (100 until a BT record says)."""
    bt = bt_record(p)
    return int(bt.body.get("percent") or 100) if bt else 100


def check_percent(percent: Any) -> int:
    try:
        value = int(percent)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= 100 or value != percent and str(value) != str(percent).strip():
        raise BtdeskError(_("Omfattningen ska vara 1–100 % av heltid, inte {percent}.").format(percent=percent))
    return value


def set_bt(p: Portfolio, *, start: date | str, percent: int = 100, huvudhandledare: str = "",
           programme: str | None = None) -> RecordView:
    value = check_percent(percent)
    if programme:
        p.set_programme(programme)
    prog = p.programme
    body = {
        "programme": prog.id, "start": parse_date(start).isoformat(), "percent": value,
        "huvudhandledare": huvudhandledare, "doctor": p.profile.name,
    }
    cur = bt_record(p)
    return p.put("bt", body, cur.id if cur else None)


def _to_placement(p: Records, r: RecordView, default_percent: int) -> Placement:
    b = r.body
    try:
        kind_name = p.programme.kind(b["kind"]).name
    except ProgrammeError:  # a kind from another programme version: show its id
        kind_name = b["kind"]
    own = b.get("percent") is not None
    return Placement(r.id, b["kind"], kind_name, b.get("site", ""), b.get("supervisor", ""),
                     parse_date(b["start"]), parse_date(b["end"]),
                     int(b["percent"]) if own else default_percent, own)


def placements(p: Records) -> list[Placement]:
    default = bt_percent(p)
    return sorted((_to_placement(p, r, default) for r in p.records("placement")), key=lambda x: x.start)


def check_date(value: Any, what_sv: str, what_en: str) -> date:
    try:
        return parse_date(value)
    except (TypeError, ValueError):
        raise BtdeskError(_("{what} ska vara ett datum ÅÅÅÅ-MM-DD, inte {value!r}.").format(
            what=_(what_sv), value=value)) from None


def placement_body(programme: Programme, *, kind: str, site: str, supervisor: str = "",
                   start: Any, end: Any, percent: Any = None) -> dict[str, Any]:
    """The one validation of a placement, for the window and the command line alike.

    percent None: no percent of its own (it runs at the BT's percent).
    """
    known = [k.id for k in programme.placement_kinds]
    if kind not in known:
        raise BtdeskError(_("Programmet har ingen placeringstyp {kind!r}; det har {known}.").format(
            kind=kind, known=", ".join(known)))
    s, e = check_date(start, "Startdagen", "The start"), check_date(end, "Slutdagen", "The end")
    if e < s:
        raise BtdeskError(_("Placeringen slutar {end} före sin start {start}.").format(end=e, start=s))
    body: dict[str, Any] = {"kind": kind, "site": (site or "").strip(), "supervisor": (supervisor or "").strip(),
                            "start": s.isoformat(), "end": e.isoformat()}
    if percent is not None:
        body["percent"] = check_percent(percent)
    return body


def add_placement(p: Portfolio, *, kind: str, site: str, start: Any, end: Any, supervisor: str = "",
                  percent: int | None = None) -> Placement:
    body = placement_body(p.programme, kind=kind, site=site, supervisor=supervisor, start=start, end=end,
                          percent=percent)
    return _to_placement(p, p.put("placement", body), bt_percent(p))


def placement_record(p: Records, placement_id: str) -> RecordView:
    rec = next((r for r in p.records("placement") if r.id == placement_id), None)
    if rec is None:
        raise BtdeskError(_("Det finns ingen placering {id}.").format(id=placement_id))
    return rec


def update_placement(p: Portfolio, placement_id: str, **changes: Any) -> Placement:
    merged = {**placement_record(p, placement_id).body, **changes}
    body = placement_body(p.programme, kind=merged["kind"], site=merged.get("site", ""),
                          supervisor=merged.get("supervisor", ""), start=merged["start"], end=merged["end"],
                          percent=merged.get("percent"))
    return _to_placement(p, p.put("placement", body, placement_id), bt_percent(p))


def remove_placement(p: Portfolio, placement_id: str) -> None:
    placement_record(p, placement_id)
    p.delete(placement_id)


def plan_warnings(p: Records, today: date | None = None) -> list[Any]:
    from btdesk.services.time_served import plan_warnings as warnings

    return warnings(p, today)


def current_placement(p: Records, today: date) -> Placement | None:
    pls = placements(p)
    for pl in pls:
        if pl.contains(today):
            return pl
    past = [pl for pl in pls if pl.end < today]
    return past[-1] if past else None
