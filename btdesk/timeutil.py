"""Times are stored as ISO-8601 UTC strings with a Z; dates as ISO dates."""
from __future__ import annotations

import calendar
from datetime import UTC, date, datetime
from fractions import Fraction
from functools import lru_cache


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_date(value: str | date) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(value)


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later (earlier when negative).

    A day the target month lacks becomes its last day: 2027-01-31 + 1 month is 2027-02-28,
    the way a placement "from 31 January, one month" is read.
    """
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@lru_cache(maxsize=16384)
def fte_months(start: date, end: date, percent: int | Fraction = 100) -> Fraction:
    """Full-time-equivalent months in start..end (inclusive) at `percent` of full time, exactly.

    Each day weighs 1/(days in its month), so a whole calendar month is exactly 1 whatever its
    length, a partial month is its day fraction, and cutting a period anywhere never changes the
    sum (the BT unit adds periods up on Bilaga 3; the total must not depend on the cuts).
    2027-01-01..2027-04-30 at 100 is 4; at 50 it is 2. An empty or reversed period is 0.
    Cached: a cohort of hundreds of doctors asks for the same few periods thousands of times.
    """
    if end < start:
        return Fraction(0)
    total = Fraction(0)
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        days_in_month = calendar.monthrange(y, m)[1]
        first = start.day if (y, m) == (start.year, start.month) else 1
        last = end.day if (y, m) == (end.year, end.month) else days_in_month
        total += Fraction(last - first + 1, days_in_month)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return total * Fraction(percent) / 100


def _exact(value: Fraction | float) -> Fraction:
    # a float through its shortest decimal form: 2.9 is 29/10, not the binary 2.8999…
    return Fraction(str(value)) if isinstance(value, float) else Fraction(value)


def months_tenths(value: Fraction | float) -> float:
    """FTE months cut to one decimal (never rounded up): 2.96 is 2.9, never the 3 it falls
    short of. Every figure of months served or planned that a person reads goes through this."""
    return int(_exact(value) * 10) / 10


def months_text(value: Fraction | float) -> str:
    """FTE months with one decimal and a decimal comma, cut like months_tenths: "4,0", "2,9"."""
    exact = _exact(value)
    if exact < 0:
        return f"-{months_text(-exact)}"
    tenths = int(exact * 10)
    return f"{tenths // 10},{tenths % 10}"
