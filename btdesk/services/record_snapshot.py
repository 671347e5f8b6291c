"""A portfolio's current records read once for a report that asks for them many times.

Gathering a dossier asks the portfolio for the same kinds again and again: the progress
figures, the time served, the checklists and the dossier's own sections each read placements,
assessments, talks and the BT record, counted and with the uncounted. A `Snapshot` reads each
kind once, with the uncounted and in the order the portfolio gives them, and answers the counted
ones from that by their `counted` mark (what `Portfolio.records` filters on), so every caller
sees the records it saw before, from one query per kind instead of several.
"""
from __future__ import annotations

from typing import Any

from btdesk.store.records import RecordView


class Snapshot:
    """The reading side of a `Portfolio` (btdesk.services.bt.Records), each kind read once; what a
    snapshot does not keep (deleted records, other methods) goes to the portfolio itself."""

    def __init__(self, portfolio: Any) -> None:
        self._p = portfolio
        self._kinds: dict[str | None, list[RecordView]] = {}

    def __getattr__(self, name: str) -> Any:  # programme, profile, engine, home, attachments, get …
        return getattr(self._p, name)

    def records(self, kind: str | None = None, *, include_deleted: bool = False, everyone: bool = False,
                uncounted: bool = False) -> list[RecordView]:
        if include_deleted or everyone:
            return list(self._p.records(kind, include_deleted=include_deleted, everyone=everyone,
                                        uncounted=uncounted))
        rows = self._kinds.get(kind)
        if rows is None:
            rows = self._kinds[kind] = list(self._p.records(kind, uncounted=True))
        return list(rows) if uncounted else [r for r in rows if r.counted]

    def latest(self, kind: str) -> RecordView | None:
        """As `Portfolio.latest`: the counted record of `kind` updated last."""
        items = self.records(kind)
        return max(items, key=lambda r: r.updated) if items else None


def snapshot(p: Any) -> Any:
    """A `Snapshot` of a doctor's own Portfolio; anything else as it is (the unit's DoctorView
    already holds its records in memory, and its `uncounted` means something else)."""
    from btdesk.services.portfolio import Portfolio

    return Snapshot(p) if isinstance(p, Portfolio) else p
