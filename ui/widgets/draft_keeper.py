"""Crash drafts for the window's entry dialogs (activity, talk, placement).

While a dialog is open its fields are written to home/drafts/window.<kind>.json every few
seconds (btdesk.forms.drafts: atomic, so a crash never leaves half a file). Saving or cancelling
removes the draft; only a dialog that never closed — a crash, a killed process, a flat battery —
leaves one, and the window offers it again at the next start (MainWindow.offer_drafts).

A dialog that keeps a draft has values() (the service's keyword arguments) and set_values(v).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 3000  # a few seconds of typing is the most a crash can lose
KINDS = ("activity", "talk", "placement")


def draft_key(kind: str) -> str:
    return f"window.{kind}"


def to_json(values: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


def pending(home: Path) -> list[dict]:
    """Drafts left by dialogs that never closed, in KINDS order."""
    from btdesk.forms.drafts import load_draft

    found = []
    for kind in KINDS:
        d = load_draft(home, draft_key(kind))
        if d and isinstance(d.get("values"), dict):
            found.append({**d, "kind": kind})
    return found


def discard(home: Path, kind: str) -> None:
    from btdesk.forms.drafts import discard_draft

    discard_draft(home, draft_key(kind))


class DraftKeeper(QObject):
    """Attach to a dialog: saves its values while they differ from how it opened."""

    def __init__(self, dialog, home: Path, kind: str, record_id: str | None = None):
        super().__init__(dialog)
        self.dialog, self.home, self.kind, self.record_id = dialog, Path(home), kind, record_id
        self._last: dict | None = to_json(dialog.values())  # an untouched dialog leaves no draft
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.save)
        self.timer.start()
        self.kept = False
        dialog.finished.connect(self._finished)

    def _finished(self, _result: int) -> None:
        if not self.kept:
            self.discard()

    def save(self) -> None:
        from btdesk.forms.drafts import save_draft

        values = to_json(self.dialog.values())
        if values == self._last:
            return
        try:
            save_draft(self.home, draft_key(self.kind), {"record_id": self.record_id, "values": values})
        except OSError:
            return  # a full or read-only disk must not interrupt typing; the next tick tries again
        self._last = values

    def keep(self) -> None:
        """The user chose to keep the draft: saved now and left for the next time."""
        self._last = None
        self.save()
        self.kept = True
        self.timer.stop()

    def discard(self) -> None:
        self.timer.stop()
        discard(self.home, self.kind)
