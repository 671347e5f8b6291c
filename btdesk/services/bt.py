"""A doctor's BT: programme, start, percent of full time, huvudhandledare, placements."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from btdesk.errors import BtdeskError
from btdesk.programme import ProgrammeError
from btdesk.services.portfolio import Portfolio
from btdesk.store.records import RecordView
from btdesk.timeutil import parse_date


@dataclass(frozen=True)
class Placement:
    id: str
    kind: str
    kind_name: str
    site: str
    supervisor: str
    start: date
    end: date
    percent: int

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def bt_record(p: Portfolio) -> RecordView | None:
    return p.latest("bt")


def set_bt(p: Portfolio, *, start: date | str, percent: int = 100, huvudhandledare: str = "",
           programme: str | None = None) -> RecordView:
    if programme:
        p.set_programme(programme)
    prog = p.programme
    if not 1 <= int(percent) <= 100:
        raise BtdeskError(f"Percent of full time must be between 1 and 100, not {percent}.")
    body = {
        "programme": prog.id, "start": parse_date(start).isoformat(), "percent": int(percent),
        "huvudhandledare": huvudhandledare, "doctor": p.profile.name,
    }
    cur = bt_record(p)
    return p.put("bt", body, cur.id if cur else None)


def _to_placement(p: Portfolio, r: RecordView) -> Placement:
    b = r.body
    try:
        kind_name = p.programme.kind(b["kind"]).name
    except ProgrammeError:  # a kind from another programme version: show its id
        kind_name = b["kind"]
    return Placement(r.id, b["kind"], kind_name, b.get("site", ""), b.get("supervisor", ""),
                     parse_date(b["start"]), parse_date(b["end"]), int(b.get("percent", 100)))


def placements(p: Portfolio) -> list[Placement]:
    return sorted((_to_placement(p, r) for r in p.records("placement")), key=lambda x: x.start)


def _placement_body(p: Portfolio, kind: str, site: str, supervisor: str, start, end, percent) -> dict:
    prog = p.programme
    known = [k.id for k in prog.placement_kinds]
    if kind not in known:
        raise BtdeskError(f"Unknown placement kind {kind!r}; the programme has {', '.join(known)}.")
    s, e = parse_date(start), parse_date(end)
    if e < s:
        raise BtdeskError(f"The placement ends ({e}) before it starts ({s}).")
    if not 1 <= int(percent) <= 100:
        raise BtdeskError(f"Percent of full time must be between 1 and 100, not {percent}.")
    return {"kind": kind, "site": site.strip(), "supervisor": supervisor.strip(),
            "start": s.isoformat(), "end": e.isoformat(), "percent": int(percent)}


def add_placement(p: Portfolio, *, kind: str, site: str, start, end, supervisor: str = "",
                  percent: int = 100) -> Placement:
    body = _placement_body(p, kind, site, supervisor, start, end, percent)
    return _to_placement(p, p.put("placement", body))


def update_placement(p: Portfolio, placement_id: str, **changes) -> Placement:
    cur = p.get(placement_id).body
    merged = {**cur, **changes}
    body = _placement_body(p, merged["kind"], merged.get("site", ""), merged.get("supervisor", ""),
                           merged["start"], merged["end"], merged.get("percent", 100))
    return _to_placement(p, p.put("placement", body, placement_id))


def plan_warnings(p: Portfolio):
    from btdesk.programme import check_plan

    bt = bt_record(p)
    return check_plan(p.programme, placements(p), bt.body.get("percent", 100) if bt else 100)


def current_placement(p: Portfolio, today: date) -> Placement | None:
    pls = placements(p)
    for pl in pls:
        if pl.contains(today):
            return pl
    past = [pl for pl in pls if pl.end < today]
    return past[-1] if past else None
