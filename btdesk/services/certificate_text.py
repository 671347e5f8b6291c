"""The texts Bilaga 2 and Bilaga 3 print, made from the evidence that counts.

Bilaga 2 lists, per delmål, the learning activities (with dates; repeats merged) and the
checks: trusted assessments with instrument, date and assessor. Nothing internal: no
fingerprints, record ids, reflections or pointers to the portfolio. Text beyond what a form
field holds continues on an attachment page that the field refers to.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from btdesk.reports.data import EvidenceItem, PlacementRow
from btdesk.reports.util import fmt_months, yymmdd
from btdesk.timeutil import fte_months

FIELD_LINES = 12  # what one of Bilaga 2's two large fields holds, at the form's size
SEE_ATTACHMENT = "Fortsättning på bilagd sida (”Bilaga till intyget”)."


@dataclass(frozen=True)
class Fitted:
    shown: str  # what goes in the field
    rest: str  # what continues on the attachment page ("" when it all fits)


def _span(dates: list[str]) -> str:
    first, last = min(dates), max(dates)
    return first if first == last else f"{first[:7]}–{last[:7]}"


def activity_lines(items: list[EvidenceItem]) -> list[str]:
    """One line per activity; the same activity held several times is one line with ×N and its months."""
    groups: dict[tuple[str, str], list[str]] = {}
    for it in sorted(items, key=lambda x: (x.date, x.title)):
        groups.setdefault((it.kind_label, it.title), []).append(it.date)
    out = []
    for (label, title), dates in groups.items():
        plain = (not label or label in ("Undervisning", "Klinisk aktivitet")
                 or title.casefold().startswith(label.casefold()))
        name = title if plain else f"{label}: {title}"
        out.append(f"{name} ×{len(dates)}, {_span(dates)}" if len(dates) > 1 else f"{name}, {dates[0]}")
    return out


def check_lines(items: list[EvidenceItem]) -> list[str]:
    """Trusted assessments: instrument, date and assessor; an identical line is counted, not repeated."""
    lines = Counter(f"{it.title} {it.date}, bedömare {it.signer}" for it in sorted(items, key=lambda x: x.date))
    return [line if n == 1 else f"{line} (×{n})" for line, n in lines.items()]


def per_delmal(blocks: list[tuple[str, list[str]]], several: bool) -> list[str]:
    """Lines under a "BT1:" heading per delmål when the certificate covers more than one."""
    out: list[str] = []
    for delmal, lines in blocks:
        if several:
            out.append(f"{delmal}:")
        out += [f"• {x}" for x in lines] or ["• –"]
    return out


def fit(lines: list[str], limit: int = FIELD_LINES) -> Fitted:
    if len(lines) <= limit:
        return Fitted("\n".join(lines), "")
    return Fitted("\n".join(lines[: limit - 1] + [SEE_ATTACHMENT]), "\n".join(lines[limit - 1:]))


def form_months(x: Fraction) -> Fraction:
    """Months as Bilaga 3 writes them ("3,75"): two decimals, cut, so a row never shows more than served."""
    return Fraction(math.floor(x * 100), 100)


def form_months_text(x: Fraction) -> str:
    hundredths = int(form_months(x) * 100)
    return f"{hundredths // 100},{hundredths % 100:02d}"


def served_sum(rows: list[PlacementRow]) -> str:
    """Bilaga 3's Summa: the sum of the rows as printed, so the column adds up on paper."""
    return form_months_text(sum((form_months(pl.served_months) for pl in rows if pl.served_until), Fraction(0)))


def served_rows(rows: list[PlacementRow]) -> list[tuple[str, str, str, str]]:
    """Bilaga 3's service list: only what has been served; a placement not begun is left out and
    one under way ends on the last day served."""
    out = []
    for pl in rows:
        if pl.served_until is None:
            continue
        place = f"{pl.site} ({pl.kind_name})" if pl.site else pl.kind_name
        # leave is not service: the months are net of it, and the row says so, so that period and
        # percent do not seem to promise more than the months show
        away = fte_months(pl.start, pl.served_until, pl.percent) - pl.served_months
        if away > 0:
            place += f"; frånvaro {fmt_months(away)} mån avräknad"
        out.append((place, f"{yymmdd(pl.start)}-{yymmdd(pl.served_until)}", str(pl.percent),
                    form_months_text(pl.served_months)))
    return out


def part_text(rows: list[PlacementRow], counts_as: dict[str, frozenset[str]], tag: str) -> str:
    """Which served parts count as primärvård (or akut sjukvård), with their months on full time."""
    parts = [f"{pl.site or pl.kind_name}, {yymmdd(pl.start)}-{yymmdd(pl.served_until)}, "
             f"{fmt_months(pl.served_months)} månader på heltid"
             for pl in rows if pl.served_until is not None and tag in counts_as.get(pl.kind, frozenset())]
    return "; ".join(parts)
