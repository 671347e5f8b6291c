"""Times are stored as ISO-8601 UTC strings with a Z; dates as ISO dates."""
from __future__ import annotations

import calendar
from datetime import date, datetime, timezone


def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


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
