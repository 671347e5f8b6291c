"""Time served: the one place that says how much of BT a doctor has served, and how much is planned.

    ts = time_served(p, today)       # p: a Portfolio, or a DoctorView at the BT unit
    ts.served                        # Fraction: FTE months served up to today, leave subtracted
    months_text(ts.served)           # "4,0" — one decimal, cut, never rounded up (btdesk.timeutil)
    ts.summary_sv()                  # "4,0 av 12 månader tjänstgjorda · planerat: 12,0"
    for row in ts.placements:        # per placement: served, planned, leave, state
        row.state                    # "served" (ended), "current" or "planned" (not begun)

Rules (btdesk.programme.service_time): a placement runs at its own percent of full time, or
the BT's when it has none; leave takes its percent away from the days it covers; every figure
is an exact fraction until it is shown. "Planned" always means the whole plan (what is served
plus what is to come); it is never shown as served. The programme's length is the sum of its
placement kinds' months (full time). The expected end date is the day the plan, with leave,
reaches that length; past the last placement the doctor is presumed to go on at the BT's percent
(`expected_end_presumed`).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from btdesk.i18n import _, months_shown
from btdesk.programme import ProgrammeError
from btdesk.programme.model import MIN_AKUT_MONTHS, MIN_PRIMARVARD_MONTHS, MIN_TOTAL_MONTHS
from btdesk.programme.service_time import Served, Span, day_reaching, leave_taken, served, served_periods
from btdesk.services.bt import Placement, Records, bt_percent, bt_record, placements
from btdesk.services.leave import Leave, leave_periods
from btdesk.timeutil import add_months, parse_date

PRESUMED_YEARS = 10  # how far past the plan the expected end is looked for


@dataclass(frozen=True)
class PlacementTime:
    placement: Placement
    served: Fraction  # FTE months served up to as_of, leave subtracted
    planned: Fraction  # FTE months over the whole placement, leave subtracted
    leave: Fraction  # FTE months that leave takes from the whole placement
    state: str  # "served" (ended by as_of), "current", "planned" (not begun)
    counts_as: frozenset[str]
    periods: tuple[Served, ...] = ()  # what was served up to as_of, period by period, leave taken out

    @property
    def share(self) -> Fraction:
        """How much of the placement's own service is done (0..1), leave excluded."""
        return min(Fraction(1), self.served / self.planned) if self.planned else Fraction(0)


@dataclass(frozen=True)
class TimeServed:
    as_of: date
    start: date | None  # the BT's start
    bt_percent: int
    programme_months: Fraction  # the programme's length, full time
    served: Fraction
    planned: Fraction  # the whole plan: served and to come
    primarvard: Fraction  # served in placements that count as primärvård
    akut: Fraction  # served in placements that count as akut sjukvård
    primarvard_planned: Fraction
    akut_planned: Fraction
    leave_taken: Fraction  # FTE months leave has taken from service up to as_of
    leave_planned: Fraction  # … over the whole plan
    leave: tuple[Leave, ...]
    placements: tuple[PlacementTime, ...]
    expected_end: date | None
    expected_end_presumed: bool  # the plan is too short: the rest presumed at the BT's percent
    completed_on: date | None  # the day service reached programme_months, if it has
    minimums_on: date | None = None  # the day HSLF-FS 2021:8's minimums were all served, if they have

    def summary_sv(self) -> str:
        return _("{served} av {months} månader tjänstgjorda · planerat: {planned}").format(
            served=months_shown(self.served), months=months_shown(self.programme_months),
            planned=months_shown(self.planned))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values: months cut to one decimal as shown, dates as ISO text."""
        from btdesk.timeutil import months_tenths

        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "as_of": self.as_of.isoformat(), "start": iso(self.start), "bt_percent": self.bt_percent,
            "programme_months": months_tenths(self.programme_months),
            "served": months_tenths(self.served), "planned": months_tenths(self.planned),
            "primarvard": months_tenths(self.primarvard), "akut": months_tenths(self.akut),
            "primarvard_planned": months_tenths(self.primarvard_planned),
            "akut_planned": months_tenths(self.akut_planned),
            "leave_taken": months_tenths(self.leave_taken), "leave_planned": months_tenths(self.leave_planned),
            "expected_end": iso(self.expected_end), "expected_end_presumed": self.expected_end_presumed,
            "completed_on": iso(self.completed_on), "minimums_on": iso(self.minimums_on),
        }


def _span(start: date, end: date, percent: int) -> Span:
    return Span(start, end, Fraction(percent))


def _state(pl: Placement, today: date) -> str:
    return "served" if pl.end < today else ("planned" if pl.start > today else "current")


def _counts_as(p: Records, kind: str) -> frozenset[str]:
    try:
        return p.programme.kind(kind).counts_as
    except ProgrammeError:
        return frozenset()


def programme_months(p: Records) -> Fraction:
    return sum((Fraction(k.months) for k in p.programme.placement_kinds), Fraction(0))


def _expected_end(pls: list[Placement], leave: list[Span], spans: list[Span], target: Fraction,
                  start: date | None, percent: int, today: date) -> tuple[date | None, bool]:
    day = day_reaching(spans, leave, target)
    if day is not None:
        return day, False
    # past the plan: presumed service at the BT's percent from the plan's end (or today)
    last = max((pl.end for pl in pls), default=None)
    begin = max(d for d in (last and last + timedelta(days=1), start, today) if d is not None)
    rest = [*spans, _span(begin, add_months(begin, 12 * PRESUMED_YEARS), percent)]
    return day_reaching(rest, leave, target), True


def _minimums_on(rows: tuple[PlacementTime, ...], leave: list[Span], today: date) -> date | None:
    """The day the last of HSLF-FS 2021:8's minimums (6 months in all, 3 primärvård, 3 akut
    sjukvård) was served, or None if one is not yet."""
    days = []
    for tag, minimum in ((None, MIN_TOTAL_MONTHS), ("primarvard", MIN_PRIMARVARD_MONTHS), ("akut", MIN_AKUT_MONTHS)):
        spans = [_span(r.placement.start, r.placement.end, r.placement.percent) for r in rows
                 if tag is None or tag in r.counts_as]
        day = day_reaching(spans, leave, Fraction(minimum), until=today) if spans else None
        if day is None:
            return None
        days.append(day)
    return max(days)


def time_served(p: Records, today: date | None = None) -> TimeServed:
    """Time served and planned for one doctor as of `today` (inclusive)."""
    today = today or date.today()
    pls = placements(p)
    leaves = leave_periods(p)
    bt = bt_record(p)
    start = parse_date(bt.body["start"]) if bt and bt.body.get("start") else None
    percent = bt_percent(p)
    spans = [_span(pl.start, pl.end, pl.percent) for pl in pls if pl.end >= pl.start]
    valid = [pl for pl in pls if pl.end >= pl.start]
    leave = [_span(lv.start, lv.end, lv.percent) for lv in leaves]
    done, whole = served(spans, leave, today), served(spans, leave)
    full, stretches = served(spans, []), served_periods(spans, leave, today)
    rows = tuple(PlacementTime(pl, done[i], whole[i], full[i] - whole[i], _state(pl, today), _counts_as(p, pl.kind),
                               tuple(stretches[i])) for i, pl in enumerate(valid))

    def total(tag: str | None, attr: str) -> Fraction:
        return sum((getattr(r, attr) for r in rows if tag is None or tag in r.counts_as), Fraction(0))

    target = programme_months(p)
    expected, presumed = _expected_end(valid, leave, spans, target, start, percent, today)
    return TimeServed(
        as_of=today, start=start, bt_percent=percent, programme_months=target,
        served=total(None, "served"), planned=total(None, "planned"),
        primarvard=total("primarvard", "served"), akut=total("akut", "served"),
        primarvard_planned=total("primarvard", "planned"), akut_planned=total("akut", "planned"),
        leave_taken=leave_taken(spans, leave, today), leave_planned=leave_taken(spans, leave),
        leave=tuple(leaves), placements=rows, expected_end=expected, expected_end_presumed=presumed,
        completed_on=day_reaching(spans, leave, target, until=today),
        minimums_on=_minimums_on(rows, leave, today),
    )


def plan_warnings(p: Records, today: date | None = None) -> list[Any]:
    """The plan checked against the programme and HSLF-FS 2021:8, leave subtracted."""
    from btdesk.programme import check_plan

    return check_plan(p.programme, placements(p), bt_percent(p), leave=leave_periods(p))
