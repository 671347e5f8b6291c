"""Plan checks from HSLF-FS 2021:8 and months of service.

Everything here warns, never refuses: BT is goal-driven and the BT unit decides. Messages are in
the run's language (btdesk.i18n), Swedish by default.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from btdesk.i18n import _, language, months_shown

from .model import MIN_AKUT_MONTHS, MIN_PRIMARVARD_MONTHS, MIN_TOTAL_MONTHS, REGULATION, Programme, ProgrammeError
from .service_time import Span, served

MAX_SITES = 4


@dataclass(frozen=True)
class PlanWarning:
    code: str
    message: str
    # the figures and names in the message, in order, so another language can say the same
    args: tuple[str, ...] = field(default=(), compare=False)


def sv_months(value: Fraction | float) -> str:
    """Months in Swedish notation with one decimal: "3,0 månader", "2,5 månader", "1,0 månad".
    Cut, never rounded up, so 2,96 months is never shown as the "3,0" it falls short of."""
    text = months_shown(value)
    return (_("{n} månad") if text in ("1,0", "1.0") else _("{n} månader")).format(n=text)


def _describe(p: Any, programme: Programme) -> str:
    try:
        kind_name = programme.kind(p.kind).name_in(language())
    except ProgrammeError:
        kind_name = str(p.kind)
    site = str(getattr(p, "site", "") or "").strip()
    return f"{kind_name} ({site})" if site else kind_name


def _months_arg(months: Fraction) -> str:
    """Months as a plain number (truncated to one decimal like sv_months) for other languages."""
    return f"{int(months * 10) / 10:g}"


def _percent(p: Any, bt_percent: int) -> Any:
    percent = getattr(p, "percent", None)
    return bt_percent if percent is None else percent


def _sane(programme: Programme, placements: list[Any], bt_percent: int,
          warn: Callable[..., None]) -> list[tuple[Any, Fraction]]:
    """(placement, percent) for the placements whose dates and percent make sense; a warning for the rest."""
    kind_ids = {k.id for k in programme.placement_kinds}
    valid: list[tuple[Any, Fraction]] = []
    for p in placements:
        percent = _percent(p, bt_percent)
        label = _describe(p, programme)
        if p.kind not in kind_ids:
            known = ", ".join(k.name_in(language()) for k in programme.placement_kinds)
            warn("unknown_kind", _('Placeringen {label} har typen "{kind}", som inte finns i programmet '
                                   "{programme} (där finns: {known}).").format(
                label=label, kind=p.kind, programme=programme.name, known=known), label, p.kind, programme.name, known)
        if p.end < p.start:
            warn("end_before_start", _("Placeringen {label} slutar {end}, före sin start {start}.").format(
                label=label, end=p.end.isoformat(), start=p.start.isoformat()),
                 label, p.end.isoformat(), p.start.isoformat())
            continue
        if not 0 < percent <= 100:
            warn("bad_percent", _("Placeringen {label} har omfattningen {percent} %; den ska vara mer än 0 och "
                                  "högst 100 %.").format(label=label, percent=percent), label, percent)
            continue
        valid.append((p, Fraction(percent)))
    return valid


def _minimums(programme: Programme, valid: list[tuple[Any, Fraction]], leave: list[Span],
              warn: Callable[..., None]) -> None:
    """HSLF-FS 2021:8's minimums and the programme's own lengths, on the whole plan with leave
    subtracted: a plan that cannot reach them by its end cannot reach them by the expected end."""
    months = served([Span(p.start, p.end, pc) for p, pc in valid], leave)
    kind_ids = {k.id for k in programme.placement_kinds}

    def total(tag: str | None = None, kind: str | None = None) -> Fraction:
        return sum((m for (p, _), m in zip(valid, months, strict=True) if p.kind in kind_ids
                    and (tag is None or tag in programme.kind(p.kind).counts_as) and kind in (None, p.kind)),
                   Fraction(0))

    everything = sum(months, Fraction(0))
    if everything < MIN_TOTAL_MONTHS:
        warn("total_too_short", _("Planen motsvarar {months} på heltid; bastjänstgöringen ska omfatta minst "
                                  "{minimum} månader ({regulation}).").format(
            months=sv_months(everything), minimum=MIN_TOTAL_MONTHS, regulation=REGULATION),
             _months_arg(everything), MIN_TOTAL_MONTHS, REGULATION)
    for tag, minimum, what in (("akut", MIN_AKUT_MONTHS, "akut sjukvård"),
                               ("primarvard", MIN_PRIMARVARD_MONTHS, "primärvård")):
        got = total(tag)
        if got < minimum:
            warn(f"{tag}_too_short", _("Planen har {months} {what}; minst {minimum} krävs ({regulation}).").format(
                months=sv_months(got), what=what, minimum=minimum, regulation=REGULATION),
                 _months_arg(got), minimum, REGULATION)
    length = sum((Fraction(k.months) for k in programme.placement_kinds), Fraction(0))
    if MIN_TOTAL_MONTHS <= everything < length:
        warn("plan_shorter", _("Planen motsvarar {months} på heltid; programmet {programme} omfattar {length}.").format(
            months=sv_months(everything), programme=programme.name, length=sv_months(length)),
             _months_arg(everything), programme.name, _months_arg(length))
    planned = {p.kind for p, _ in valid}
    for k in programme.placement_kinds:
        got = total(kind=k.id)
        if k.id in planned and got < Fraction(k.months):
            warn("kind_shorter", _("Placeringen {kind} motsvarar {months} på heltid; programmet anger "
                                   "{length}.").format(kind=k.name_in(language()), months=sv_months(got),
                                                       length=sv_months(Fraction(k.months))),
                 k.name_in(language()), _months_arg(got), _months_arg(Fraction(k.months)))


def _overlaps(programme: Programme, valid: list[tuple[Any, Fraction]], warn: Callable[..., None]) -> None:
    # Two half-time placements side by side are a legitimate part-time split; only more than
    # full time at once is a conflict.
    for i, (a, pa) in enumerate(valid):
        for b, pb in valid[i + 1:]:
            first, last = max(a.start, b.start), min(a.end, b.end)
            if first <= last and pa + pb > 100:
                warn("overlap", _("Placeringarna {a} och {b} överlappar {first}–{last}.").format(
                    a=_describe(a, programme), b=_describe(b, programme), first=first.isoformat(),
                    last=last.isoformat()),
                     _describe(a, programme), _describe(b, programme), first.isoformat(), last.isoformat())


def _order(programme: Programme, valid: list[tuple[Any, Fraction]], warn: Callable[..., None]) -> None:
    if programme.order != "fixed":
        return
    rank = {k.id: i for i, k in enumerate(programme.placement_kinds)}
    ordered = sorted((p for p, _ in valid if p.kind in rank), key=lambda p: p.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if rank[b.kind] < rank[a.kind]:
            warn("order", _("Placeringen {later} ligger efter {earlier}, men programmet {programme} har en fast "
                            "ordning.").format(later=_describe(b, programme), earlier=_describe(a, programme),
                                               programme=programme.name),
                 _describe(b, programme), _describe(a, programme), programme.name)
            return


def check_plan(programme: Programme, placements: Iterable[Any], bt_percent: int = 100,
               leave: Iterable[Any] = ()) -> list[PlanWarning]:
    """Warnings for a planned (or served) BT.

    Each placement needs ``kind``, ``site``, ``start``, ``end`` (inclusive) and ``percent`` of
    full time; a placement whose ``percent`` is missing or None is taken to run at
    ``bt_percent``, the doctor's employment rate for the whole BT. Each leave period needs
    ``start``, ``end`` and ``percent``; leave is not service and is subtracted.
    """
    placements = list(placements)
    warnings: list[PlanWarning] = []

    def warn(code: str, message: str, *args: Any) -> None:
        warnings.append(PlanWarning(code, message, tuple(str(a) for a in args)))

    valid = _sane(programme, placements, bt_percent, warn)
    spans = [Span(lv.start, lv.end, Fraction(lv.percent)) for lv in leave if lv.end >= lv.start]
    _minimums(programme, valid, spans, warn)
    # "Bolli Södersjukhuset" and "bolli södersjukhuset " are one site.
    sites = {" ".join(str(p.site).split()).casefold() for p in placements if str(p.site or "").strip()}
    if len(sites) > MAX_SITES:
        warn("too_many_sites", _("Planen har {sites} tjänstgöringsställen; högst {most} rekommenderas "
                                 "({regulation}).").format(sites=len(sites), most=MAX_SITES, regulation=REGULATION),
             len(sites), MAX_SITES, REGULATION)
    _overlaps(programme, valid, warn)
    planned = {p.kind for p in placements}
    for k in programme.placement_kinds:
        if k.id not in planned:
            warn("kind_missing", _("Planen saknar placeringen {kind}, som ingår i programmet {programme}.").format(
                kind=k.name_in(language()), programme=programme.name),
                 k.name_in(language()), programme.name)
    _order(programme, valid, warn)
    return warnings
