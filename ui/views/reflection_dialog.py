"""A reflection: the doctor's own words on an entry or a delmål. It is the way to respond to a
signed assessment, which cannot be edited (journey 3)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout

from ui.widgets.dateedit import DateEdit
from ui.widgets.delmal_picker import DelmalPicker
from ui.widgets.form_dialog import FormDialog


class ReflectionDialog(FormDialog):
    def __init__(self, portfolio, parent=None, link=None, delmal=()):
        """link: the record reflected on (shown, and stored in links); delmal: ticked at start."""
        super().__init__(parent)
        self.p, self.link = portfolio, link
        self.setWindowTitle(self.tr("Skriv reflektion"))
        self.about = QLabel()
        self.about.setWordWrap(True)
        if link is not None:
            from btdesk.services.search import record_title
            from ui.views.labels import record_kinds

            self.about.setText(self.tr("Om: %1 – %2").replace("%1", record_kinds().get(link.kind, link.kind))
                               .replace("%2", record_title(link)))
        else:
            self.about.hide()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.fontMetrics().height() * 8)
        self.text.setPlaceholderText(self.tr("Vad lärde du dig, vad gör du annorlunda nästa gång?"))
        self.date = DateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.delmal = DelmalPicker(portfolio.programme.delmal)
        self.delmal.set_selected(list(delmal))
        form = QFormLayout()
        form.addRow(self.tr("&Reflektion"), self.text)
        form.addRow(self.tr("&Datum"), self.date)
        form.addRow(self.tr("Delmål"), self.delmal)
        buttons = self.save_buttons()
        lay = QVBoxLayout(self)
        lay.addWidget(self.about)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.watch_keys()
        self.text.setFocus()

    def values(self) -> dict:
        d = self.date.date()
        return {"text": self.text.toPlainText(), "date": date(d.year(), d.month(), d.day()),
                "links": [self.link.id] if self.link is not None else [], "delmal": self.delmal.selected()}

    def problem(self):
        if not self.text.toPlainText().strip():
            return self.tr("Skriv något först."), self.text
        return None
