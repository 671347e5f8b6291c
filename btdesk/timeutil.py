"""Times are stored as ISO-8601 UTC strings with a Z; dates as ISO dates."""
from __future__ import annotations

from datetime import date, datetime, timezone


def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_date(value: str | date) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(value)
