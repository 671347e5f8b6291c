"""Small formatting helpers for Swedish documents."""
from __future__ import annotations

from datetime import date

from btdesk.timeutil import parse_date


def fmt_months(x: float) -> str:
    """FTE months with up to two decimals and a decimal comma: 4, 2,5, 3,23."""
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def sv_date(value) -> str:
    if not value:
        return "–"
    return parse_date(value).isoformat()


def yymmdd(value: date | str) -> str:
    """Socialstyrelsen's forms write dates as ååmmdd."""
    return parse_date(value).strftime("%y%m%d")


def period(start, end) -> str:
    return f"{yymmdd(start)}–{yymmdd(end)}"


def iso_period(start, end) -> str:
    return f"{sv_date(start)} – {sv_date(end)}"
