"""Progress: time served, per placement, per delmål, and whether the doctor is in phase.

The months come from btdesk.services.time_served (served and planned kept apart, leave
subtracted) and in phase from btdesk.services.in_phase; this module puts them side by side
with the checklists, the talks and the delmål. Every months figure here is cut to one decimal
(btdesk.timeutil.months_tenths), as it is shown.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Protocol

from btdesk.i18n import language
from btdesk.services import bt as btsvc
from btdesk.services.bt import Records
from btdesk.services.checklist_status import checklist_status, counted_assessments
from btdesk.services.completion import completion
from btdesk.services.in_phase import Phase, PhaseInput, phase
from btdesk.services.progress_model import DelmalProgress as DelmalProgress  # re-exported: callers import them here
from btdesk.services.progress_model import PlacementProgress as PlacementProgress
from btdesk.services.progress_model import Progress as Progress
from btdesk.services.time_served import PlacementTime, TimeServed, plan_warnings, time_served
from btdesk.timeutil import months_tenths

EVIDENCE_KINDS = ("activity", "assessment", "document", "reflection", "talk")


class Span(Protocol):
    """A placement's dates, all the talk rhythm needs."""

    @property
    def start(self) -> date: ...
    @property
    def end(self) -> date: ...


def talk_schedule(interval_days: int, pl: Span, intro_days: int = 0) -> list[date]:
    """The programme's rhythm: a talk every interval after any introduction; the hand-over
    talk ends the placement."""
    days, d = [], pl.start + timedelta(days=intro_days + interval_days - 1)
    while d < pl.end - timedelta(days=interval_days // 2):
        days.append(d)
        d += timedelta(days=interval_days)
    days.append(pl.end)  # the hand-over talk
    return days


def _intro_days(p: Records, pls: list[btsvc.Placement]) -> dict[str, int]:
    """The regional introduction (Stockholm: 2.5 weeks) opens the first placement."""
    intro = p.programme.introduction
    return {pls[0].id: intro.days} if intro and pls else {}


def introduction_days(p: Records, placement_id: str) -> int:
    """Days of regional introduction at the start of this placement (0 unless it is the first)."""
    return _intro_days(p, btsvc.placements(p)).get(placement_id, 0)


def placement_talk_schedule(p: Records, pl: btsvc.Placement) -> list[date]:
    """The talks one placement should have: the programme's rhythm after any introduction."""
    return talk_schedule(p.programme.kind(pl.kind).supervision_interval_days, pl, introduction_days(p, pl.id))


def _placement_row(p: Records, row: PlacementTime, by_kind: dict[str, list[Any]], today: date,
                   intro: int) -> tuple[PlacementProgress, Phase, PhaseInput]:
    pl = row.placement
    kind = p.programme.kind(pl.kind)
    status = checklist_status(kind, pl.id, by_kind["checklist"], by_kind["assessment"])
    inp = PhaseInput(kind, row.share, status)
    ph = phase(p.programme, [inp])
    talks = [t for t in by_kind["talk"] if t.body.get("placement") == pl.id]
    sched = talk_schedule(kind.supervision_interval_days, pl, intro)
    out = PlacementProgress(
        pl.id, pl.kind, kind.name_in(language()), pl.site, pl.start.isoformat(), pl.end.isoformat(),
        months_tenths(row.planned), round(float(row.share), 3),
        sum(st.done for st in status), len(kind.checklist), sum(st.counted for st in status),
        sum(st.item.min_count for st in status if st.item.type == "assessment" and st.item.instrument),
        len(talks), sum(1 for d in sched if d <= today), len(sched),
        [st.item.text_in(language()) for st in status if not st.done],
        months_tenths(row.served), months_tenths(row.leave), pl.percent, row.state, ph.in_phase,
        ph.explanation_sv())
    return out, ph, inp


def _next_talk(p: Records, pls: list[btsvc.Placement], intro: dict[str, int], today: date) -> str | None:
    for pl in pls:
        if pl.start <= today <= pl.end:
            sched = talk_schedule(p.programme.kind(pl.kind).supervision_interval_days, pl, intro.get(pl.id, 0))
            upcoming = [d for d in sched if d > today]
            return upcoming[0].isoformat() if upcoming else None
    return None


def done_by(r: Any, today: date) -> bool:
    """A record dated after today (a course booked, a seminar planned) is not yet evidence."""
    day = str(r.body.get("date") or "")[:10]
    return not day or day <= today.isoformat()


def _delmal_rows(p: Records, by_kind: dict[str, list[Any]], today: date) -> list[DelmalProgress]:
    chosen_by = {e.body["delmal"]: len(e.body.get("records", [])) for e in by_kind["evidence"]}
    done = {k: [r for r in by_kind[k] if done_by(r, today)] for k in EVIDENCE_KINDS}
    rows = []
    for d in p.programme.delmal:
        linked = [r for k in EVIDENCE_KINDS for r in done[k] if d.id in r.body.get("delmal", [])]
        n_assess = sum(1 for r in linked if r.kind == "assessment")
        status = "none" if not linked else ("evidenced" if n_assess and len(linked) >= 3 else "started")
        rows.append(DelmalProgress(d.id, d.title_in(language()), len(linked), n_assess, chosen_by.get(d.id, 0), status))
    return rows


def _leave_dicts(ts: TimeServed) -> list[dict[str, Any]]:
    return [{"id": lv.id, "type": lv.type, "type_name": lv.type_name, "start": lv.start.isoformat(),
             "end": lv.end.isoformat(), "percent": lv.percent} for lv in ts.leave]


def progress(p: Records, today: date | None = None) -> Progress:
    today = today or date.today()
    prog = p.programme
    ts = time_served(p, today)
    pls = [row.placement for row in ts.placements]
    by_kind = {k: p.records(k) for k in EVIDENCE_KINDS + ("checklist", "evidence")}
    by_kind["assessment"] = counted_assessments(p)
    intro = _intro_days(p, pls)
    rows, inputs = [], []
    for row in ts.placements:
        out, _ph, inp = _placement_row(p, row, by_kind, today, intro.get(row.placement.id, 0))
        rows.append(out)
        inputs.append(inp)
    overall = phase(prog, inputs)
    warns = plan_warnings(p, today)
    done = completion(p, ts)
    bt = btsvc.bt_record(p)
    cur = next((pl for pl in pls if pl.contains(today)), None)
    return Progress(
        doctor=p.profile.name, programme=prog.name_in(language()), start=bt.body["start"] if bt else None,
        months_served=months_tenths(ts.served), months_planned=months_tenths(ts.planned),
        primarvard_months=months_tenths(ts.primarvard), akut_months=months_tenths(ts.akut),
        in_phase=overall.in_phase, phase_reasons=list(overall.reasons),
        current_placement=cur.id if cur else None, next_talk=_next_talk(p, pls, intro, today),
        delmal=_delmal_rows(p, by_kind, today), placements=rows,
        warnings=[w.message for w in warns], plan_warnings=warns,
        programme_months=months_tenths(ts.programme_months),
        primarvard_planned=months_tenths(ts.primarvard_planned), akut_planned=months_tenths(ts.akut_planned),
        leave_months=months_tenths(ts.leave_taken), leave_planned_months=months_tenths(ts.leave_planned),
        leave=_leave_dicts(ts), bt_percent=ts.bt_percent,
        expected_end=_iso(ts.expected_end), expected_end_presumed=ts.expected_end_presumed,
        completed_on=_iso(ts.completed_on),
        summary=ts.summary_sv(), minimums_on=_iso(ts.minimums_on),
        phase={**overall.to_dict(), "uncounted_assessments": _uncounted(prog, by_kind["assessment"], overall, today)},
        final_outcome=done.outcome, completion_date=_iso(done.on),
    )


def _uncounted(prog: Any, counted: list[Any], overall: Phase, today: date) -> int:
    """Trusted assessments with a checklist instrument that in phase does not count: not on their own
    placement's checklist, or beyond what its item asks. Said beside the figures, so that "DOPS 0 av 2"
    next to a signed DOPS from another placement explains itself."""
    instruments = {it.instrument for k in prog.placement_kinds for it in k.checklist if it.instrument}
    held = sum(1 for a in counted if a.body.get("instrument") in instruments
               and str(a.body.get("date") or "") <= today.isoformat())
    return max(0, held - overall.assessments_done)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
