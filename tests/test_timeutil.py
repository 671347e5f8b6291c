"""timeutil.add_months: the one month arithmetic the demo, the benches and the plan use."""
from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from btdesk.timeutil import add_months, fte_months, months_tenths, months_text


@pytest.mark.parametrize("day, n, want", [
    (date(2027, 1, 1), 4, date(2027, 5, 1)),
    (date(2027, 11, 1), 2, date(2028, 1, 1)),
    (date(2027, 3, 1), -5, date(2026, 10, 1)),
    (date(2027, 1, 31), 1, date(2027, 2, 28)),  # February has no 31st: its last day
    (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
    (date(2027, 5, 15), 0, date(2027, 5, 15)),
    (date(2027, 12, 31), -12, date(2026, 12, 31)),
])
def test_add_months_worked_examples(day, n, want):
    assert add_months(day, n) == want


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 28)), st.integers(-240, 240))
def test_first_of_month_goes_there_and_back(day, n):
    first = day.replace(day=1)
    there = add_months(first, n)
    assert there.day == 1
    assert (there.year - first.year) * 12 + there.month - first.month == n
    assert add_months(there, -n) == first


# --- FTE months: exact fractions, one rule ------------------------------------------------------

@pytest.mark.parametrize("start,end,percent,months", [
    (date(2027, 1, 1), date(2027, 4, 30), 100, Fraction(4)),
    (date(2027, 1, 1), date(2027, 4, 30), 50, Fraction(2)),
    (date(2027, 1, 1), date(2027, 12, 31), 75, Fraction(9)),  # 75 % for 12 months is 9 FTE months
    (date(2028, 2, 1), date(2028, 2, 29), 100, Fraction(1)),  # leap February is one month
    (date(2027, 2, 1), date(2027, 2, 28), 100, Fraction(1)),
    (date(2027, 11, 1), date(2028, 2, 29), 100, Fraction(4)),  # across the year end
    (date(2027, 1, 1), date(2027, 1, 1), 100, Fraction(1, 31)),  # one day
    (date(2027, 2, 14), date(2027, 2, 14), 100, Fraction(1, 28)),
    (date(2027, 1, 16), date(2027, 2, 15), 100, Fraction(16, 31) + Fraction(15, 28)),
    (date(2027, 3, 1), date(2027, 2, 28), 100, Fraction(0)),  # empty period
    (date(2027, 3, 1), date(2027, 1, 1), 100, Fraction(0)),  # reversed
])
def test_fte_months(start, end, percent, months):
    assert fte_months(start, end, percent) == months


dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@given(dates, dates, st.integers(min_value=0, max_value=900), st.integers(min_value=1, max_value=100))
def test_fte_months_is_exactly_additive_over_any_split(a, b, offset, percent):
    start, end = min(a, b), max(a, b)
    split = start + timedelta(days=offset % ((end - start).days + 1))
    parts = fte_months(start, split - timedelta(days=1), percent) + fte_months(split, end, percent)
    assert parts == fte_months(start, end, percent)


@given(dates, dates, st.integers(min_value=1, max_value=100))
def test_fte_months_scales_exactly_with_percent(a, b, percent):
    start, end = min(a, b), max(a, b)
    assert fte_months(start, end, percent) == fte_months(start, end, 100) * percent / 100


@pytest.mark.parametrize("value, text", [
    (Fraction(4), "4,0"), (Fraction(296, 100), "2,9"), (2.9, "2,9"), (0.3, "0,3"), (Fraction(1, 31), "0,0"),
    (Fraction(119, 10), "11,9"), (Fraction(-5, 2), "-2,5"),
])
def test_months_are_shown_with_one_decimal_cut_never_rounded_up(value, text):
    assert months_text(value) == text
    assert months_text(months_tenths(value)) == text  # a figure already cut stays the same


@given(st.fractions(min_value=0, max_value=100))
def test_cutting_twice_changes_nothing(x):
    cut = months_tenths(x)
    # the figure a reader sees is the float's shortest decimal ("0.2"), never more than the months served
    assert months_tenths(cut) == cut and Fraction(str(cut)) <= x
