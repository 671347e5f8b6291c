"""Plan checks from HSLF-FS 2021:8 and months of service.

Everything here warns, never refuses: BT is goal-driven and the BT unit decides. Messages are
Swedish because the doctor and the BT unit read them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Iterable

from btdesk.timeutil import fte_months

from .model import Programme, ProgrammeError

MIN_TOTAL_MONTHS = 6
MIN_AKUT_MONTHS = 3
MIN_PRIMARVARD_MONTHS = 3
MAX_SITES = 4
REGULATION = "HSLF-FS 2021:8"


@dataclass(frozen=True)
class PlanWarning:
    code: str
    message: str
    # the figures and names in the message, in order, so another language can say the same
    args: tuple = field(default=(), compare=False)


def sv_months(value: Fraction | float) -> str:
    """Months in Swedish notation: "3", "2,5", "1 månad". Truncated, never rounded up, so
    2,96 months is never shown as the "3" it falls short of."""
    tenths = int(Fraction(value) * 10)  # int() truncates towards zero
    whole, frac = divmod(tenths, 10)
    number = str(whole) if frac == 0 else f"{whole},{frac}"
    return f"{number} {'månad' if tenths == 10 else 'månader'}"


def _describe(p: Any, programme: Programme) -> str:
    try:
        kind_name = programme.kind(p.kind).name
    except ProgrammeError:
        kind_name = str(p.kind)
    site = str(getattr(p, "site", "") or "").strip()
    return f"{kind_name} ({site})" if site else kind_name


def _months_arg(months: Fraction) -> str:
    """Months as a plain number (truncated to one decimal like sv_months) for other languages."""
    return f"{int(months * 10) / 10:g}"


def check_plan(programme: Programme, placements: Iterable[Any], bt_percent: int = 100) -> list[PlanWarning]:
    """Warnings for a planned (or served) BT.

    Each placement needs ``kind``, ``site``, ``start``, ``end`` (inclusive) and ``percent`` of
    full time; a placement whose ``percent`` is missing or None is taken to run at
    ``bt_percent``, the doctor's employment rate for the whole BT.
    """
    placements = list(placements)
    warnings: list[PlanWarning] = []

    def warn(code: str, message: str, *args) -> None:
        warnings.append(PlanWarning(code, message, tuple(str(a) for a in args)))

    kind_ids = {k.id for k in programme.placement_kinds}
    total = akut = primarvard = Fraction(0)
    valid: list[tuple[Any, Fraction]] = []  # (placement, percent) with sane dates

    for p in placements:
        percent = getattr(p, "percent", None)
        percent = bt_percent if percent is None else percent
        label = _describe(p, programme)
        if p.kind not in kind_ids:
            known = ", ".join(k.name for k in programme.placement_kinds)
            warn("unknown_kind",
                 f'Placeringen {label} har typen "{p.kind}", som inte finns i programmet '
                 f"{programme.name} (där finns: {known}).", label, p.kind, programme.name, known)
        if p.end < p.start:
            warn("end_before_start",
                 f"Placeringen {label} slutar {p.end.isoformat()}, före sin start {p.start.isoformat()}.",
                 label, p.end.isoformat(), p.start.isoformat())
            continue
        if not 0 < percent <= 100:
            warn("bad_percent",
                 f"Placeringen {label} har omfattningen {percent} %; den ska vara mer än 0 och högst 100 %.",
                 label, percent)
            continue
        fte = fte_months(p.start, p.end, percent)
        valid.append((p, Fraction(percent)))
        total += fte
        if p.kind in kind_ids:
            counts = programme.kind(p.kind).counts_as
            if "akut" in counts:
                akut += fte
            if "primarvard" in counts:
                primarvard += fte

    if total < MIN_TOTAL_MONTHS:
        warn("total_too_short",
             f"Planen motsvarar {sv_months(total)} på heltid; bastjänstgöringen ska omfatta "
             f"minst {MIN_TOTAL_MONTHS} månader ({REGULATION}).", _months_arg(total), MIN_TOTAL_MONTHS, REGULATION)
    if akut < MIN_AKUT_MONTHS:
        warn("akut_too_short",
             f"Planen har {sv_months(akut)} akut sjukvård; minst {MIN_AKUT_MONTHS} krävs ({REGULATION}).",
             _months_arg(akut), MIN_AKUT_MONTHS, REGULATION)
    if primarvard < MIN_PRIMARVARD_MONTHS:
        warn("primarvard_too_short",
             f"Planen har {sv_months(primarvard)} primärvård; minst {MIN_PRIMARVARD_MONTHS} krävs ({REGULATION}).",
             _months_arg(primarvard), MIN_PRIMARVARD_MONTHS, REGULATION)

    # "Bolli Södersjukhuset" and "bolli södersjukhuset " are one site.
    sites = {" ".join(str(p.site).split()).casefold() for p in placements if str(p.site or "").strip()}
    if len(sites) > MAX_SITES:
        warn("too_many_sites",
             f"Planen har {len(sites)} tjänstgöringsställen; högst {MAX_SITES} rekommenderas ({REGULATION}).",
             len(sites), MAX_SITES, REGULATION)

    # Two half-time placements side by side are a legitimate part-time split; only more than
    # full time at once is a conflict.
    for i, (a, pa) in enumerate(valid):
        for b, pb in valid[i + 1:]:
            first, last = max(a.start, b.start), min(a.end, b.end)
            if first <= last and pa + pb > 100:
                warn("overlap",
                     f"Placeringarna {_describe(a, programme)} och {_describe(b, programme)} "
                     f"överlappar {first.isoformat()}–{last.isoformat()}.",
                     _describe(a, programme), _describe(b, programme), first.isoformat(), last.isoformat())

    planned = {p.kind for p in placements}
    for k in programme.placement_kinds:
        if k.id not in planned:
            warn("kind_missing", f"Planen saknar placeringen {k.name}, som ingår i programmet {programme.name}.",
                 k.name, programme.name)

    if programme.order == "fixed":
        rank = {k.id: i for i, k in enumerate(programme.placement_kinds)}
        ordered = sorted((p for p, _ in valid if p.kind in rank), key=lambda p: p.start)
        for a, b in zip(ordered, ordered[1:]):
            if rank[b.kind] < rank[a.kind]:
                warn("order",
                     f"Placeringen {_describe(b, programme)} ligger efter {_describe(a, programme)}, "
                     f"men programmet {programme.name} har en fast ordning.",
                     _describe(b, programme), _describe(a, programme), programme.name)
                break
    return warnings
