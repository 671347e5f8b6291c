"""Editing through the undo stack: every change is a service call pushed as an undoable command
(ui.undo), its warnings shown, the views told that records changed."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio
    from btdesk.store.records import RecordView
    from ui.views.activity_dialog import ActivityDialog


def is_frozen(portfolio: Portfolio, record: RecordView) -> bool:
    """Signed by someone else: the store refuses a new version (SignedRecordFrozen)."""
    return bool(record.signed) and record.author != portfolio.profile.fingerprint


class EditController(QObject):
    """Undoable edits for one window. `portfolio` and `say` (the status line) come from the frame."""

    def __init__(self, parent: QWidget, portfolio: Callable[[], Portfolio | None], say: Callable[[str], None],
                 changed: Callable[[], None]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self._portfolio, self.say, self.changed = portfolio, say, changed
        self.undo_stack = QUndoStack(self)
        self.keep_draft: Callable[..., None] = lambda *_a: None  # set by the window (ui.drafts)

    @property
    def portfolio(self) -> Portfolio | None:
        return self._portfolio()

    def _doctor(self) -> Portfolio | None:
        p = self.portfolio
        return p if p is not None and p.profile.role == "doctor" else None

    def push_edit(self, text: str, action: Callable[[Portfolio], Any]) -> list[str]:
        """Run a service call as an undoable command; returns the service's warnings."""
        from ui.undo import RecordCommand

        cmd = RecordCommand(self.portfolio, text, action, self.changed)
        self.undo_stack.push(cmd)
        if cmd.warnings:
            self.say(" ".join(cmd.warnings))
            QMessageBox.warning(self.parent_widget, "btdesk", "\n".join(cmd.warnings))
        else:
            self.say(self.tr("Sparat: %1").replace("%1", text))
        return list(cmd.warnings)

    def delete_record(self, record_id: str, text: str) -> None:
        from btdesk.errors import BtdeskError
        from ui.undo import DeleteCommand

        try:
            self.undo_stack.push(DeleteCommand(self.portfolio, text, record_id, self.changed))
        except BtdeskError as e:
            QMessageBox.warning(self.parent_widget, "btdesk", str(e))
            return
        self.say(self.tr("Borttaget; Ctrl+Z ångrar."))

    # -- activities --------------------------------------------------------------------------
    def make_activity_dialog(self, record: RecordView | None = None,
                             draft: dict[str, Any] | None = None) -> ActivityDialog:
        """The activity dialog, wired to save through the undo stack and to keep a crash draft."""
        from btdesk.services import bt
        from btdesk.services.entries import save_activity
        from ui.views.activity_dialog import ActivityDialog

        p = self.portfolio
        assert p is not None
        cur = bt.current_placement(p, date.today())
        dlg = ActivityDialog(p, self.parent_widget, record=record, placements=bt.placements(p),
                             current_placement=cur.id if cur else None)
        rid = record.id if record else None
        text = self.tr("Ändra aktivitet") if record else self.tr("Ny aktivitet")
        dlg.on_save = lambda v: self.push_edit(text, lambda p: save_activity(p, record_id=rid, **v))
        self.keep_draft(dlg, "activity", rid, draft)
        return dlg

    def activity(self, record: RecordView | None, draft: dict[str, Any] | None = None) -> None:
        if self._doctor() is None:
            return
        self.make_activity_dialog(record, draft).exec()

    def edit_activity(self, record_id: str | None) -> None:
        p = self._doctor()
        if p is not None:
            self.activity(p.get(record_id) if record_id else None)

    # -- reflections and signed records ------------------------------------------------------
    def write_reflection(self, link_id: str | None = None, delmal: list[str] | None = None) -> None:
        """A reflection on link_id (an entry, a signed assessment) or on delmål; undoable."""
        p = self._doctor()
        if p is None:
            return
        from btdesk.services.entries import save_reflection
        from ui.views.reflection_dialog import ReflectionDialog

        link = p.get(link_id) if link_id else None
        if delmal is None:
            delmal = list(link.body.get("delmal") or []) if link is not None else []
        dlg = ReflectionDialog(p, self.parent_widget, link=link, delmal=delmal)
        dlg.on_save = lambda v: self.push_edit(self.tr("Ny reflektion"), lambda p: save_reflection(p, **v))
        dlg.exec()

    def explain_signed(self, record_id: str) -> None:
        """Editing a signed assessment is refused up front, with the way forward: a reflection."""
        p = self.portfolio
        if p is None:
            return
        rec = p.get(record_id)
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("btdesk")
        box.setText(self.tr("Bedömningen är signerad av %1 och kan inte ändras – då skulle signaturen "
                            "inte längre stämma.").replace("%1", rec.author_name or self.tr("bedömaren")))
        box.setInformativeText(self.tr("Du kan skriva en egen reflektion till den i stället."))
        write = box.addButton(self.tr("Skriv reflektion …"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Stäng"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(write)
        box.exec()
        if box.clickedButton() is write:
            self.write_reflection(record_id)
