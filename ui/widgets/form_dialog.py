"""A dialog that saves on Ctrl+Enter from any field, text boxes included, through the caller's
`on_save` (a service call that may refuse with a BtdeskError sentence, shown in the dialog).

An event filter on every field, not a QShortcut: a text box would otherwise take the key for a
new line, and a shortcut needs the dialog to be the active window.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QWidget

_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FormDialog(QDialog):
    ASK_FAR_DATES = False  # entries of what happened: a date over a year ahead is asked about
    FAR_DAYS = 366

    def __init__(self, parent=None):
        super().__init__(parent)
        self.on_save = None  # callable(values) that may raise BtdeskError; set by the caller
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.opened_with: dict | None = None  # the values when shown: what counts as a change
        self.changed_from_start = False  # a resumed draft is a change even before any key

    def showEvent(self, event) -> None:  # Qt's name
        if self.opened_with is None:
            self.opened_with = self._snapshot()
        super().showEvent(event)

    def _snapshot(self) -> dict:
        try:
            return {k: str(v) for k, v in self.values().items()}
        except NotImplementedError:
            return {}

    def has_changes(self) -> bool:
        return self.changed_from_start or (self.opened_with is not None and self._snapshot() != self.opened_with)

    def reject(self) -> None:
        """Esc or Avbryt on a changed form: keep a draft, throw the changes away, or go on."""
        from PySide6.QtWidgets import QMessageBox

        if not self.has_changes():
            super().reject()
            return
        keeper = getattr(self, "draft_keeper", None)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.windowTitle())
        box.setText(self.tr("Du har ändrat i formuläret. Vad vill du göra med ändringarna?"))
        keep = box.addButton(self.tr("Behåll utkast"), QMessageBox.ButtonRole.AcceptRole) if keeper else None
        drop = box.addButton(self.tr("Kasta"), QMessageBox.ButtonRole.DestructiveRole)
        go_on = box.addButton(self.tr("Fortsätt skriva"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go_on)
        box.setEscapeButton(go_on)
        box.exec()
        if box.clickedButton() is keep and keeper is not None:
            keeper.keep()  # saved now, and offered again the next time this form is opened
            super().reject()
        elif box.clickedButton() is drop:
            super().reject()

    def far_date(self) -> QDateEdit | None:
        """A date field more than a year ahead, for entries of what has happened."""
        from PySide6.QtCore import QDate

        limit = QDate.currentDate().addDays(self.FAR_DAYS)
        return next((d for d in self.findChildren(QDateEdit) if d.date() > limit), None) if self.ASK_FAR_DATES else None

    def save_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Spara (Ctrl+Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def problem(self) -> tuple[str, QWidget] | None:
        """What must be fixed before saving, and the field to go to; None when all is well."""
        return None

    def values(self) -> dict:
        raise NotImplementedError

    def accept(self) -> None:
        if (found := self.problem()) is not None:
            self.error.setText(found[0])
            found[1].setFocus()
            return
        if (far := self.far_date()) is not None and not self._far_date_meant(far):
            far.setFocus()
            return
        if self.on_save is not None:
            from btdesk.errors import BtdeskError

            try:
                self.on_save(self.values())
            except BtdeskError as e:
                self.error.setText(str(e))
                return
        super().accept()

    def _far_date_meant(self, field: QDateEdit) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, self.windowTitle(), self.tr(
            "Datumet %1 ligger mer än ett år fram i tiden. Stämmer det?").replace(
            "%1", field.date().toString("yyyy-MM-dd")))
        return answer == QMessageBox.StandardButton.Yes

    def watch_keys(self) -> None:
        """Call once the fields exist."""
        for w in self.findChildren(QWidget):
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)  # both are key events
                and isinstance(event, QKeyEvent) and event.key() in _KEYS
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            if event.type() == QEvent.Type.KeyPress:
                self.accept()
            else:
                event.accept()  # claim the key before any shortcut does
            return True
        return super().eventFilter(obj, event)
