"""Time served: properties of the calendar, and worked examples a study director checks by hand."""
from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from btdesk.programme.service_time import Span, day_reaching, leave_taken, served, served_periods
from btdesk.services import bt
from btdesk.services.leave import add_leave
from btdesk.services.time_served import time_served
from btdesk.timeutil import fte_months, months_text

days = st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31))
percents = st.integers(min_value=1, max_value=100)


@st.composite
def period(draw, within: Span | None = None):
    lo, hi = (within.start, within.end) if within else (date(2026, 1, 1), date(2030, 12, 31))
    a = draw(st.dates(min_value=lo, max_value=hi))
    b = draw(st.dates(min_value=lo, max_value=hi))
    return min(a, b), max(a, b)


# --- properties --------------------------------------------------------------------------------

@given(period(), percents, st.integers(min_value=0, max_value=2000),
       st.lists(st.tuples(period(), percents), max_size=3))
def test_service_is_additive_over_any_split(pl, percent, offset, leaves):
    start, end = pl
    split = start + timedelta(days=offset % ((end - start).days + 1))
    leave = [Span(a, b, Fraction(p)) for (a, b), p in leaves]
    whole = sum(served([Span(start, end, Fraction(percent))], leave))
    if split == start:
        parts = whole
    else:
        parts = sum(served([Span(start, split - timedelta(days=1), Fraction(percent)),
                            Span(split, end, Fraction(percent))], leave))
    assert parts == whole


@given(st.lists(st.tuples(period(), percents), min_size=1, max_size=3),
       st.lists(st.tuples(period(), percents), max_size=3), days)
def test_served_periods_are_the_time_served_period_by_period(pls, leaves, until):
    """Bilaga 3's rows: apart, in order, no day of full leave, and adding up to `served` exactly."""
    spans = [Span(a, b, Fraction(p)) for (a, b), p in pls]
    leave = [Span(a, b, Fraction(p)) for (a, b), p in leaves]
    for rows, total in zip(served_periods(spans, leave, until), served(spans, leave, until), strict=True):
        assert sum((r.months for r in rows), Fraction(0)) == total
        assert all(r.start <= r.end <= until and 0 < r.percent <= 100 for r in rows)
        assert all(x.end < y.start for x, y in zip(rows, rows[1:], strict=False))
        full_leave = [lv for lv in leave if lv.percent == 100]
        assert not any(lv.start <= r.start <= lv.end for r in rows for lv in full_leave)


@given(st.data(), percents)
def test_leave_inside_a_placement_subtracts_exactly(data, percent):
    start, end = data.draw(period())
    pl = Span(start, end, Fraction(percent))
    a, b = data.draw(period(pl))
    away = data.draw(st.integers(min_value=1, max_value=percent))
    leave = [Span(a, b, Fraction(away))]
    assert served([pl], []) [0] - served([pl], leave)[0] == fte_months(a, b, away)
    assert leave_taken([pl], leave) == fte_months(a, b, away)


@given(period(), percents)
def test_service_scales_with_percent(pl, percent):
    start, end = pl
    full = served([Span(start, end, Fraction(100))], [])[0]
    assert served([Span(start, end, Fraction(percent))], [])[0] == full * percent / 100


@given(period(), percents, st.fractions(min_value=Fraction(1, 100), max_value=Fraction(60)))
def test_the_day_reaching_a_target_is_the_first_such_day(pl, percent, target):
    spans = [Span(pl[0], pl[1], Fraction(percent))]
    day = day_reaching(spans, [], target)
    if day is None:
        assert sum(served(spans, [])) < target
    else:
        assert sum(served(spans, [], day)) >= target
        assert day == pl[0] or sum(served(spans, [], day - timedelta(days=1))) < target


# --- worked examples ---------------------------------------------------------------------------

def _year(p, percent=None):
    """The Stockholm year: akut, allmänmedicin 4 months each, geriatrik, psykiatri 2 each."""
    for kind, s, e in (("akut_sjukvard", "2027-01-01", "2027-04-30"), ("allmanmedicin", "2027-05-01", "2027-08-31"),
                       ("geriatrik", "2027-09-01", "2027-10-31"), ("psykiatri", "2027-11-01", "2027-12-31")):
        bt.add_placement(p, kind=kind, site="X", start=s, end=e, percent=percent)
    return bt.placements(p)


def _doctor(home, percent=100):
    import os

    from btdesk.services.portfolio import Portfolio

    p = Portfolio.create(home, name="Amira Haddad", role="doctor", programme_id="stockholm",
                         passphrase=lambda _: os.environ["BTDESK_PASSPHRASE"])
    bt.set_bt(p, start="2027-01-01", percent=percent)
    return p


def test_75_percent_for_twelve_months_is_nine_months_full_time(home):
    with _doctor(home, percent=75) as p:
        _year(p)  # no percent of their own: they run at the BT's 75 %
        ts = time_served(p, date(2027, 12, 31))
        assert ts.served == 9 and months_text(ts.served) == "9,0"
        assert ts.summary_sv() == "9,0 av 12,0 månader tjänstgjorda · planerat: 9,0"
        # the rest presumed at 75 %: 3 months full time take 4 calendar months
        assert (ts.expected_end, ts.expected_end_presumed) == (date(2028, 4, 30), True)
        assert ts.completed_on is None


def test_four_months_of_half_time_parental_leave_inside_allmanmedicin(home):
    with _doctor(home) as p:
        am = _year(p)[1]
        add_leave(p, type="foraldraledighet", start=am.start, end=am.end, percent=50)
        ts = time_served(p, date(2027, 12, 31))
        row = next(r for r in ts.placements if r.placement.id == am.id)
        assert (row.served, row.planned, row.leave) == (2, 2, 2)
        assert (ts.served, ts.primarvard, ts.leave_taken) == (10, 2, 2)
        assert ts.expected_end == date(2028, 2, 29)  # two more months at full time
        codes = {w.code for w in bt.plan_warnings(p)}
        assert {"primarvard_too_short", "kind_shorter"} <= codes


def test_three_weeks_of_sick_leave(home):
    with _doctor(home) as p:
        akut = _year(p)[0]
        add_leave(p, type="sjukfranvaro", start="2027-02-01", end="2027-02-21")
        ts = time_served(p, akut.end)
        assert ts.leave_taken == Fraction(21, 28) == Fraction(3, 4)
        assert ts.served == 4 - Fraction(3, 4) and months_text(ts.served) == "3,2"
        # 0,75 months more at full time from 2028-01-01: 24 of January's 31 days
        assert time_served(p, date(2028, 1, 1)).expected_end == date(2028, 1, 24)


def test_future_placements_are_planned_never_served(home):
    with _doctor(home) as p:
        _year(p)
        ts = time_served(p, date(2027, 3, 1))
        assert [r.state for r in ts.placements] == ["current", "planned", "planned", "planned"]
        assert ts.primarvard == 0 and ts.primarvard_planned == 4
        assert ts.served == 2 + Fraction(1, 31) and ts.planned == 12
        assert ts.expected_end == date(2027, 12, 31) and not ts.expected_end_presumed
