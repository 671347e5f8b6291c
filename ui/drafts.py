"""Draft recovery: entry dialogs keep a crash draft while open (ui.widgets.draft_keeper), and a
dialog left open by a crash is offered again at the next start (Återuppta or Kasta)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio
    from btdesk.store.records import RecordView
    from ui.widgets.form_dialog import FormDialog


def draft_summary(values: dict[str, Any]) -> str:
    """A line that lets the user recognise the draft: its title or first words, and its date."""
    text = values.get("title") or values.get("site") or values.get("notes") or " ".join(values.get("topics") or [])
    text = " ".join(str(text).split())
    when = values.get("date") or values.get("start") or ""
    return f"{text[:80]} {when}".strip()


class DraftRecovery(QObject):
    """resume: kind → how to reopen that dialog with (record or None, the draft's values)."""

    def __init__(self, parent: QWidget, portfolio: Callable[[], Portfolio | None],
                 resume: dict[str, Callable[[RecordView | None, dict[str, Any]], None]]) -> None:
        super().__init__(parent)
        self.parent_widget, self._portfolio, self.resume = parent, portfolio, resume

    def keep_draft(self, dlg: FormDialog, kind: str, record_id: str | None, draft: dict[str, Any] | None) -> None:
        """Pre-fill dlg from a draft being resumed, then keep its draft while it is open."""
        from ui.widgets.draft_keeper import DraftKeeper, pending

        p = self._portfolio()
        if p is None:
            return
        if draft is None:  # a draft kept with Esc comes back when the same form opens again
            draft = next((d["values"] for d in pending(p.home)
                          if d["kind"] == kind and d.get("record_id") == record_id), None)
        if draft is not None:
            dlg.set_values(draft)  # type: ignore[attr-defined]
            dlg.changed_from_start = True
        dlg.draft_keeper = DraftKeeper(dlg, p.home, kind, record_id)  # type: ignore[attr-defined]

    def offer_drafts(self) -> None:
        """A dialog left open by a crash: offer to reopen it as it was (Återuppta) or drop it."""
        from ui.views.labels import draft_kinds
        from ui.widgets.draft_keeper import discard, pending

        p = self._portfolio()
        if p is None or p.profile.role != "doctor":
            return
        for d in pending(p.home):
            box = QMessageBox(self.parent_widget)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle("btdesk")
            box.setText(self.tr("btdesk stängdes innan %1 sparades. Vill du återuppta utkastet?")
                        .replace("%1", draft_kinds()[d["kind"]]))
            box.setInformativeText(draft_summary(d["values"]))
            resume = box.addButton(self.tr("Återuppta"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Kasta"), QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(resume)
            box.exec()
            if box.clickedButton() is resume:
                self.resume_draft(d)
            else:
                discard(p.home, d["kind"])

    def resume_draft(self, d: dict[str, Any]) -> None:
        from btdesk.errors import BtdeskError

        p = self._portfolio()
        if p is None or d["kind"] not in self.resume:
            return
        rid, record = d.get("record_id"), None
        if rid:
            try:
                record = p.get(rid)
            except (BtdeskError, LookupError):
                record = None  # the record is gone: the draft becomes a new entry rather than lost
        self.resume[d["kind"]](record, d["values"])
