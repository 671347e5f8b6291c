"""A dialog that saves on Ctrl+Enter from any field, text boxes included.

An event filter on every field, not a QShortcut: a text box would otherwise take the key for a
new line, and a shortcut needs the dialog to be the active window.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FormDialog(QDialog):
    def watch_keys(self) -> None:
        """Call once the fields exist."""
        for w in self.findChildren(QWidget):
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and event.key() in _KEYS
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            if event.type() == QEvent.Type.KeyPress:
                self.accept()
            else:
                event.accept()  # claim the key before any shortcut does
            return True
        return super().eventFilter(obj, event)
