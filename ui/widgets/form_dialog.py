"""A dialog that saves on Ctrl+Enter from any field, text boxes included, through the caller's
`on_save` (a service call that may refuse with a BtdeskError sentence, shown in the dialog).

An event filter on every field, not a QShortcut: a text box would otherwise take the key for a
new line, and a shortcut needs the dialog to be the active window.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FormDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.on_save = None  # callable(values) that may raise BtdeskError; set by the caller
        self.error = QLabel()
        self.error.setWordWrap(True)

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
        if self.on_save is not None:
            from btdesk.errors import BtdeskError

            try:
                self.on_save(self.values())
            except BtdeskError as e:
                self.error.setText(str(e))
                return
        super().accept()

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
