"""Undo and redo over a versioned store: nothing is ever erased, undo is a new version.

Undo of a create is a tombstone (p.delete), undo of an edit puts the previous body back, undo
of a delete is p.restore. A command runs its service call before it is pushed, so a refused
change (a BtdeskError) never lands on the stack.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class RecordCommand(QUndoCommand):
    """A create or edit made by a service function that returns a record (or (record, warnings))."""

    def __init__(self, portfolio, text: str, action: Callable, on_change: Callable[[], None]):
        super().__init__(text)
        self.p, self.on_change = portfolio, on_change
        result = action(portfolio)
        rec, self.warnings = (result if isinstance(result, tuple) else (result, []))
        self.record_id, self.kind, self.body = rec.id, rec.kind, rec.body
        self.created = rec.version == 1
        self.prev_body = None
        if not self.created:
            before = [v for v in portfolio.history(rec.id) if v.version < rec.version]
            self.prev_body = max(before, key=lambda v: v.version).body
        self._first = True

    def redo(self) -> None:
        if self._first:  # the action already ran in __init__
            self._first = False
        elif self.created:
            self.p.restore(self.record_id)
        else:
            self.p.put(self.kind, self.body, self.record_id)
        self.on_change()

    def undo(self) -> None:
        if self.created:
            self.p.delete(self.record_id)
        else:
            self.p.put(self.kind, self.prev_body, self.record_id)
        self.on_change()


class DeleteCommand(QUndoCommand):
    def __init__(self, portfolio, text: str, record_id: str, on_change: Callable[[], None]):
        super().__init__(text)
        self.p, self.record_id, self.on_change = portfolio, record_id, on_change
        portfolio.delete(record_id)
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self.p.delete(self.record_id)
        self.on_change()

    def undo(self) -> None:
        self.p.restore(self.record_id)
        self.on_change()
