"""Dates and numbers in the user's locale (QLocale.setDefault is set by ui.i18n)."""
from __future__ import annotations

from PySide6.QtCore import QDate, QLocale


def qdate(iso: str | None) -> QDate:
    return QDate.fromString(iso or "", "yyyy-MM-dd")


def date_text(iso: str | None) -> str:
    d = qdate(iso)
    return QLocale().toString(d, QLocale.FormatType.ShortFormat) if d.isValid() else ""


def number_text(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        decimals = 0
    return QLocale().toString(float(value), "f", decimals)


def months_text(value: float | None) -> str:
    """Full-time months with one decimal in the locale's form, cut like the core's (4,0; 2,9)."""
    if value is None:
        return ""
    from btdesk.timeutil import months_tenths

    return QLocale().toString(months_tenths(value), "f", 1)
