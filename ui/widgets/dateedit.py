"""A date field where Tab goes to the next field (QDateEdit's Tab walks its own sections).

Typing still moves through day, month and year; Tab is for the form, as in every other field.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QWidget


class DateEdit(QDateEdit):
    def __init__(self, date=None, parent=None):
        super().__init__(parent) if date is None else super().__init__(date, parent)
        self.setCalendarPopup(True)

    def focusNextPrevChild(self, next_: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next_)
