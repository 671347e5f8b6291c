"""Progress: per delmål, per placement, months served, and whether the doctor is in phase.

In phase is the BT unit's judgement made explicit: for each placement begun, what should be
done by now is its checklist's assessment minimums and the programme's talk rhythm, scaled by
the share of the placement served; a doctor is out of phase when fewer than 75 % of either is
done.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from btdesk.services import bt as btsvc
from btdesk.services.checklist_status import checklist_status
from btdesk.services.portfolio import Portfolio

PHASE_SHARE = 0.75
EVIDENCE_KINDS = ("activity", "assessment", "document", "reflection", "talk")


@dataclass
class DelmalProgress:
    id: str
    title: str
    evidence: int
    assessments: int
    chosen: int
    status: str  # none | started | evidenced


@dataclass
class PlacementProgress:
    id: str
    kind: str
    name: str
    site: str
    start: str
    end: str
    fte_months: float
    served_share: float
    checklist_done: int
    checklist_total: int
    assessments_done: int
    assessments_required: int
    talks_held: int
    talks_expected_by_now: int
    talks_expected_total: int
    missing: list[str] = field(default_factory=list)


@dataclass
class Progress:
    doctor: str
    programme: str
    start: str | None
    months_served: float
    months_planned: float
    primarvard_months: float
    akut_months: float
    in_phase: bool
    phase_reasons: list[str]
    current_placement: str | None
    next_talk: str | None
    delmal: list[DelmalProgress]
    placements: list[PlacementProgress]
    warnings: list[str]
    # the same warnings with their code and figures (btdesk.programme.PlanWarning), for translation
    plan_warnings: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def _served_share(pl: btsvc.Placement, today: date) -> float:
    if today < pl.start:
        return 0.0
    total = (pl.end - pl.start).days + 1
    return min(1.0, ((min(today, pl.end) - pl.start).days + 1) / total)


def talk_schedule(interval_days: int, pl: btsvc.Placement) -> list[date]:
    """The programme's rhythm: a talk every interval; the hand-over talk ends the placement."""
    days, d = [], pl.start + timedelta(days=interval_days - 1)
    while d < pl.end - timedelta(days=interval_days // 2):
        days.append(d)
        d += timedelta(days=interval_days)
    days.append(pl.end)  # the hand-over talk
    return days


def progress(p: Portfolio, today: date | None = None) -> Progress:
    from btdesk.timeutil import fte_months

    today = today or date.today()
    prog = p.programme
    pls = btsvc.placements(p)
    by_kind = {k: p.records(k) for k in EVIDENCE_KINDS + ("checklist", "evidence")}

    def placement_of(r):
        return r.body.get("placement")

    placement_rows, expected_a, done_a, expected_t, held_t = [], 0.0, 0, 0.0, 0
    next_talk = None
    for pl in pls:
        kind = prog.kind(pl.kind)
        share = _served_share(pl, today)
        status = checklist_status(kind, pl.id, by_kind["checklist"], by_kind["assessment"])
        done_items = sum(st.done for st in status)
        missing = [st.item.text for st in status if not st.done]
        required = sum(st.item.min_count for st in status if st.item.type == "assessment" and st.item.instrument)
        satisfied = sum(st.counted for st in status)
        talks = [t for t in by_kind["talk"] if placement_of(t) == pl.id]
        sched = talk_schedule(kind.supervision_interval_days, pl)
        due_now = sum(1 for d in sched if d <= today)
        if pl.start <= today <= pl.end:
            upcoming = [d for d in sched if d > today]
            next_talk = upcoming[0].isoformat() if upcoming else None
        placement_rows.append(PlacementProgress(
            pl.id, pl.kind, kind.name, pl.site, pl.start.isoformat(), pl.end.isoformat(),
            round(float(fte_months(pl.start, pl.end, pl.percent)), 2), round(share, 3),
            done_items, len(kind.checklist), satisfied, required, len(talks), due_now, len(sched),
            missing))
        expected_a += required * share
        done_a += satisfied
        expected_t += due_now
        held_t += min(len(talks), len(sched))

    reasons = []
    if done_a < PHASE_SHARE * int(expected_a):
        reasons.append(f"{done_a} bedömningar gjorda; {int(expected_a)} väntas vid det här laget.")
    if held_t < PHASE_SHARE * expected_t:
        reasons.append(f"{held_t} handledningssamtal hållna; {int(expected_t)} väntas vid det här laget.")

    chosen_by = {e.body["delmal"]: len(e.body.get("records", [])) for e in by_kind["evidence"]}
    delmal_rows = []
    for d in prog.delmal:
        linked = [r for k in EVIDENCE_KINDS for r in by_kind[k] if d.id in r.body.get("delmal", [])]
        n_assess = sum(1 for r in linked if r.kind == "assessment")
        status = "none" if not linked else ("evidenced" if n_assess and len(linked) >= 3 else "started")
        delmal_rows.append(DelmalProgress(d.id, d.title, len(linked), n_assess, chosen_by.get(d.id, 0), status))

    served = sum(fte_months(pl.start, min(pl.end, today), pl.percent) for pl in pls if pl.start <= today)
    planned = sum(fte_months(pl.start, pl.end, pl.percent) for pl in pls)

    def months_counting(tag):
        return sum(fte_months(pl.start, pl.end, pl.percent) for pl in pls
                   if tag in prog.kind(pl.kind).counts_as)

    plan_warns = btsvc.plan_warnings(p)
    bt = btsvc.bt_record(p)
    cur = next((pl for pl in pls if pl.contains(today)), None)
    return Progress(
        doctor=p.profile.name, programme=prog.name, start=bt.body["start"] if bt else None,
        months_served=round(float(served), 2), months_planned=round(float(planned), 2),
        primarvard_months=round(float(months_counting("primarvard")), 2),
        akut_months=round(float(months_counting("akut")), 2),
        in_phase=not reasons, phase_reasons=reasons,
        current_placement=cur.id if cur else None, next_talk=next_talk,
        delmal=delmal_rows, placements=placement_rows,
        warnings=[w.message for w in plan_warns], plan_warnings=plan_warns,
    )
