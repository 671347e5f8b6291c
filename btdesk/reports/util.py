"""Small formatting helpers for Swedish documents."""
from __future__ import annotations

from datetime import date
from fractions import Fraction

from btdesk.timeutil import months_text, parse_date


def fmt_months(x: Fraction | float) -> str:
    """FTE months as btdesk shows them everywhere: one decimal, cut, decimal comma ("4,0", "2,9")."""
    return months_text(x)


def sv_date(value: date | str | None) -> str:
    if not value:
        return "–"
    return parse_date(value).isoformat()


def yymmdd(value: date | str) -> str:
    """Socialstyrelsen's forms write dates as ååmmdd."""
    return parse_date(value).strftime("%y%m%d")


def period(start: date | str, end: date | str) -> str:
    return f"{yymmdd(start)}–{yymmdd(end)}"


def iso_period(start: date | str | None, end: date | str | None) -> str:
    return f"{sv_date(start)} – {sv_date(end)}"
