"""timeutil.add_months: the one month arithmetic the demo, the benches and the plan use."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from btdesk.timeutil import add_months


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
