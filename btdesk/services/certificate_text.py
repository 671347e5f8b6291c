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
from btdesk.reports.util import yymmdd
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


def service_lines(rows: list[PlacementRow]) -> list[str]:
    """Placements served (up to the certificate's date), as the form's "kliniska tjänstgöringar under handledning"."""
    return [f"Klinisk tjänstgöring under handledning: {pl.kind_name}"
            + (f", {pl.site}" if pl.site else "") + f", {pl.periods[0][0].isoformat()}–{pl.periods[-1][1].isoformat()}"
            for pl in rows if pl.periods]


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
    """Months as Bilaga 3 writes them ("3,75"): two decimals, cut, so the sum never shows more than served."""
    return Fraction(math.floor(x * 100), 100)


def form_months_text(x: Fraction) -> str:
    hundredths = int(form_months(x) * 100)
    return f"{hundredths // 100},{hundredths % 100:02d}"


def _percent_text(x: Fraction) -> str:
    """Percent as a number, as the form writes it: "100", "50"; a share of a day split between two
    overlapping placements is cut to one decimal ("33,3")."""
    if x.denominator == 1:
        return str(x.numerator)
    tenths = math.floor(x * 10)
    return f"{tenths // 10},{tenths % 10}"


def printed_months(rows: list[PlacementRow]) -> list[list[Fraction]]:
    """Each served period's months as Bilaga 3 prints them, in hundredths, placement by placement.

    The rows must add up on paper to the Summa, and the Summa is the time served cut to the
    hundredth (never more, and the same figure btdesk shows everywhere). Cutting each row alone
    would leave the column a few hundredths short of it, so the missing hundredths go to the rows
    that were cut the most (largest remainder): no row is off by a hundredth or more."""
    exact = [[fte_months(a, b, 100) * pct / 100 for a, b, pct in pl.periods] for pl in rows]
    flat = [x for xs in exact for x in xs]
    cut = [form_months(x) for x in flat]
    short = int((form_months(sum(flat, Fraction(0))) - sum(cut, Fraction(0))) * 100)
    for i in sorted(range(len(flat)), key=lambda i: flat[i] - cut[i], reverse=True)[:short]:
        cut[i] += Fraction(1, 100)
    out, at = [], 0
    for xs in exact:
        out.append(cut[at:at + len(xs)])
        at += len(xs)
    return out


def served_sum(rows: list[PlacementRow]) -> str:
    """Bilaga 3's Summa: the time served, cut to the hundredth; the printed rows add up to it."""
    return form_months_text(sum((m for ms in printed_months(rows) for m in ms), Fraction(0)))


def served_rows(rows: list[PlacementRow]) -> list[tuple[str, str, str, str]]:
    """Bilaga 3's service list: only what has been served, one row per period of the same percent.
    A placement not begun is left out; one under way ends on the last day served; leave is not
    service, so a full day's leave cuts the period and partial leave lowers its percent: every
    row is its period's calendar months times its percent, as a reader can check by hand."""
    out, printed = [], printed_months(rows)
    for pl, ms in zip(rows, printed, strict=True):
        place = f"{pl.site} ({pl.kind_name})" if pl.site else pl.kind_name
        for (a, b, pct), months in zip(pl.periods, ms, strict=True):
            out.append((place, f"{yymmdd(a)}-{yymmdd(b)}", _percent_text(pct), form_months_text(months)))
    return out


def part_text(rows: list[PlacementRow], counts_as: dict[str, frozenset[str]], tag: str) -> str:
    """Which served parts count as primärvård (or akut sjukvård), with their months on full time as
    the service list prints them (its rows added up), so the two parts of the form agree."""
    printed = printed_months(rows)
    parts = [f"{pl.site or pl.kind_name}, {yymmdd(pl.periods[0][0])}-{yymmdd(pl.periods[-1][1])}, "
             f"{form_months_text(sum(ms, Fraction(0)))} månader på heltid"
             for pl, ms in zip(rows, printed, strict=True) if pl.periods and tag in counts_as.get(pl.kind, frozenset())]
    return "; ".join(parts)
