"""Checklist status per item: the one rule for when a placement's checklist item is done.

An item is done when the doctor ticked it for that placement (matched by placement and item
id, never by text); an assessment item is also done when the placement holds at least its
minimum number of assessments with its instrument. Progress, the dossier and the window's
Checklistor view all ask here.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from btdesk.programme import ChecklistItem, PlacementKind
from btdesk.services.bt import Records
from btdesk.store.records import RecordView


@dataclass(frozen=True)
class ItemStatus:
    item: ChecklistItem
    done: bool
    tick: RecordView | None  # the doctor's checklist record for this item, ticked or not
    have: int  # assessments with the item's instrument in the placement (assessment items)
    counted: int  # of those, how many count towards the minimum: at most min_count

    @property
    def ticked(self) -> bool:
        return bool(self.tick is not None and self.tick.body.get("done"))


def checklist_status(kind: PlacementKind, placement_id: str, checklist: Iterable[RecordView],
                     assessments: Iterable[RecordView]) -> list[ItemStatus]:
    """Each item of `kind`'s checklist for one placement, in the programme's order.

    `checklist`: the portfolio's checklist records (any placement); `assessments`: the
    assessment records that count as evidence (any placement) — the caller decides which count.
    """
    ticks = {c.body.get("item"): c for c in checklist if c.body.get("placement") == placement_id}
    counts = Counter(a.body.get("instrument") for a in assessments if a.body.get("placement") == placement_id)
    out = []
    for item in kind.checklist:
        tick = ticks.get(item.id)
        ticked = bool(tick is not None and tick.body.get("done"))
        have = counts.get(item.instrument, 0) if item.type == "assessment" and item.instrument else 0
        counted = min(have, item.min_count) if item.instrument else 0
        done = ticked or (item.type == "assessment" and item.instrument is not None and have >= item.min_count)
        out.append(ItemStatus(item, done, tick, have, counted))
    return out


def counted_assessments(p: Records) -> list[RecordView]:
    """The assessments that count as evidence in progress, in phase, the checklists and the
    cohort. The one place that decides it, so that a rule about which count (e.g. only trusted
    signatures) applies everywhere at once."""
    return p.records("assessment")
