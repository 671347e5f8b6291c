"""Time served as exact arithmetic on periods: placements at a percent of full time, minus leave.

Pure functions on plain values (no store, no portfolio), so the plan checks here and the
services above use the same rule:

- A placement serves ``percent`` of full time on each of its days; two placements on the same
  day add up, to at most full time.
- Leave on a day takes its ``percent`` of full time away from that day's service, never more
  than there is. A day's remaining service is shared between the day's placements in
  proportion to their percent.
- A day weighs 1/(days in its month) (``timeutil.fte_months``), so a whole calendar month is
  exactly one month and cutting a period anywhere never changes a sum.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from btdesk.timeutil import add_months, fte_months

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Span:
    """start..end inclusive at `percent` of full time (a placement, or a leave period)."""

    start: date
    end: date
    percent: Fraction


@dataclass(frozen=True)
class Segment:
    """Days start..end on which the same placements and the same leave apply."""

    start: date
    end: date
    rates: tuple[Fraction, ...]  # per placement (in the order given): percent served on each day
    leave: Fraction  # percent of full time on leave, taken from service, on each day

    @property
    def months(self) -> Fraction:
        return fte_months(self.start, self.end, 100)


def segments(placements: Sequence[Span], leave: Sequence[Span], until: date | None = None) -> Iterator[Segment]:
    """The calendar cut where anything changes, with each placement's service per day.

    Only days inside some placement are yielded (leave outside service takes nothing away).
    `until` (inclusive) stops the walk early.
    """
    cuts = sorted({s.start for s in (*placements, *leave)} | {s.end + ONE_DAY for s in (*placements, *leave)})
    for a, b in zip(cuts, cuts[1:], strict=False):
        last = b - ONE_DAY
        if until is not None:
            if a > until:
                return
            last = min(last, until)
        work = [p.percent if p.start <= a <= p.end else Fraction(0) for p in placements]
        total = sum(work, Fraction(0))
        if total <= 0:
            continue
        # no day serves more than full time, whatever overlaps (check_plan warns of the overlap)
        worked = min(total, Fraction(100))
        away = min(worked, sum((lv.percent for lv in leave if lv.start <= a <= lv.end), Fraction(0)))
        kept = (worked - away) / total
        yield Segment(a, last, tuple(w * kept for w in work), away)


def served(placements: Sequence[Span], leave: Sequence[Span], until: date | None = None) -> list[Fraction]:
    """FTE months each placement has served up to `until` (inclusive; None: to its end)."""
    out = [Fraction(0)] * len(placements)
    for seg in segments(placements, leave, until):
        months = seg.months
        for i, rate in enumerate(seg.rates):
            if rate:
                out[i] += months * rate / 100
    return out


def leave_taken(placements: Sequence[Span], leave: Sequence[Span], until: date | None = None) -> Fraction:
    """FTE months that leave took away from service up to `until` (inclusive)."""
    return sum((seg.months * seg.leave / 100 for seg in segments(placements, leave, until)), Fraction(0))


def _first_day_reaching(start: date, end: date, rate: Fraction, need: Fraction) -> date | None:
    """The first day d in start..end with fte_months(start, d, rate) >= need: month by month,
    then day by day inside the month where it happens."""
    if rate <= 0:
        return None
    day, got = start, Fraction(0)
    while day <= end:
        month_end = min(end, add_months(day.replace(day=1), 1) - ONE_DAY)
        piece = fte_months(day, month_end, rate)
        if got + piece >= need:
            d = day
            while got + fte_months(day, d, rate) < need:
                d += ONE_DAY
            return d
        got += piece
        day = month_end + ONE_DAY
    return None


def day_reaching(placements: Sequence[Span], leave: Sequence[Span], target: Fraction,
                 until: date | None = None) -> date | None:
    """The day on which total service reaches `target` FTE months, or None if it does not by
    `until` (or by the end of the placements)."""
    if target <= 0:
        return min((p.start for p in placements), default=None)
    got = Fraction(0)
    for seg in segments(placements, leave, until):
        rate = sum(seg.rates, Fraction(0))
        piece = seg.months * rate / 100
        if got + piece >= target:
            return _first_day_reaching(seg.start, seg.end, rate, target - got)
        got += piece
    return None


@dataclass(frozen=True)
class Served:
    """A stretch of days start..end on which one placement served the same percent of full time."""

    start: date
    end: date
    percent: Fraction

    @property
    def months(self) -> Fraction:
        return fte_months(self.start, self.end, 100) * self.percent / 100


def served_periods(placements: Sequence[Span], leave: Sequence[Span], until: date | None = None) -> list[list[Served]]:
    """Per placement, the periods actually served up to `until`: leave taken out, a day off in
    full leaves a gap, partial leave lowers the percent. The months add up to `served` exactly
    (the same segments, and fte_months is additive), so Bilaga 3 can list them row by row."""
    out: list[list[Served]] = [[] for _ in placements]
    for seg in segments(placements, leave, until):
        for i, rate in enumerate(seg.rates):
            if not rate:
                continue
            rows = out[i]
            if rows and rows[-1].percent == rate and rows[-1].end + ONE_DAY == seg.start:
                rows[-1] = Served(rows[-1].start, seg.end, rate)
            else:
                rows.append(Served(seg.start, seg.end, rate))
    return out
