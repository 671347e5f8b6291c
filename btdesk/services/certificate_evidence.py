"""The evidence a certificate may rest on, per delmål, by a date.

Checks are trusted assessments only (verified or confirmed signatures); activities are the
doctor's recorded learning activities. Nothing dated after the certificate's date counts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from btdesk.reports.data import EvidenceItem, PlacementRow
from btdesk.services import bt as btsvc
from btdesk.services.evidence_text import describe
from btdesk.services.portfolio import Portfolio
from btdesk.services.progress import progress
from btdesk.services.report_time import placement_rows
from btdesk.services.time_served import TimeServed, time_served


@dataclass(frozen=True)
class Evidence:
    items: list[EvidenceItem]  # assessments and activities, dated by the certificate's date
    status: dict[str, str]  # delmål -> none | started | evidenced, as progress counts it
    placements: list[PlacementRow]
    counts_as: dict[str, frozenset[str]]
    huvudhandledare: str
    time: TimeServed  # the calendar's one account of time served, as of the certificate's date
    kind_delmal: dict[str, frozenset[str]] = field(default_factory=dict)  # placement kind -> its checklist's delmål

    def assessments(self, delmal: str) -> list[EvidenceItem]:
        """Trusted assessments tagged with this delmål: the checks a certificate may list."""
        return [it for it in self.items if it.kind == "assessment" and it.trusted and delmal in it.delmal]

    def placements_for(self, delmal: str) -> list[PlacementRow]:
        """Clinical service under supervision aimed at this delmål (its kind's checklist names it), begun
        by the certificate's date: the form's first example of an activity."""
        return [pl for pl in self.placements if pl.periods and delmal in self.kind_delmal.get(pl.kind, frozenset())]

    def activities(self, delmal: str) -> list[EvidenceItem]:
        return [it for it in self.items if it.kind == "activity" and delmal in it.delmal]

    def evidenced(self, delmal: str) -> bool:
        """Achieved as far as the portfolio shows: progress counts it evidenced, and trusted
        assessments are among that evidence."""
        return self.status.get(delmal) == "evidenced" and bool(self.assessments(delmal))


def gather_evidence(p: Portfolio, today: date) -> Evidence:
    ts = time_served(p, today)
    rows = placement_rows(ts)
    names = {pl.id: f"{pl.kind_name}, {pl.site}" if pl.site else pl.kind_name for pl in rows}
    items = [describe(p, r, names) for kind in ("assessment", "activity") for r in p.records(kind)]
    items = [it for it in items if it.date <= today.isoformat()]
    bt = btsvc.bt_record(p)
    hh = str(bt.body.get("huvudhandledare") or "") if bt else ""
    return Evidence(items, {d.id: d.status for d in progress(p, today).delmal}, rows,
                    {k.id: frozenset(k.counts_as) for k in p.programme.placement_kinds}, hh.split(",")[0].strip(), ts,
                    {k.id: frozenset(d for it in k.checklist for d in it.delmal) for k in p.programme.placement_kinds})
