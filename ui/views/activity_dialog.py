"""Quick entry of a learning activity: Tab through the fields, Ctrl+Enter saves."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from ui.widgets.dateedit import DateEdit
from ui.widgets.delmal_picker import DelmalPicker
from ui.widgets.fmt import qdate
from ui.widgets.form_dialog import FormDialog


class ActivityDialog(FormDialog):
    ASK_FAR_DATES = True
    def __init__(self, portfolio, parent=None, record=None, placements=(), current_placement=None):
        super().__init__(parent)
        from ui.views.labels import activity_types

        self.p = portfolio
        self.record = record
        self.setWindowTitle(self.tr("Ändra aktivitet") if record else self.tr("Ny aktivitet"))
        self.type = QComboBox()
        for key, label in activity_types().items():
            self.type.addItem(label, key)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("t.ex. ALS-kurs"))
        self.date = DateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 1000)
        self.hours.setDecimals(1)
        self.hours.setSpecialValueText(self.tr("–"))
        self.placement = QComboBox()
        self.placement.addItem(self.tr("(ingen)"), None)
        for pl in placements:
            self.placement.addItem(f"{pl.kind_name} – {pl.site}", pl.id)
        self.delmal = DelmalPicker(portfolio.programme.delmal)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 5)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("warning")

        form = QFormLayout()
        form.addRow(self.tr("&Typ"), self.type)
        form.addRow(self.tr("T&itel"), self.title)
        form.addRow(self.tr("&Datum"), self.date)
        form.addRow(self.tr("T&immar"), self.hours)
        form.addRow(self.tr("&Placering"), self.placement)
        form.addRow(self.tr("Delmål"), self.delmal)
        form.addRow(self.tr("&Anteckningar"), self.notes)
        buttons = self.save_buttons()
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.warning)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.watch_keys()
        from ui.widgets.type_ahead import type_ahead

        type_ahead(self.type, self.placement)

        if record is not None:
            self.set_values(record.body)
        elif current_placement:
            self.placement.setCurrentIndex(max(0, self.placement.findData(current_placement)))
        self.title.textChanged.connect(self._check_privacy)
        self.notes.textChanged.connect(self._check_privacy)
        (self.title if record else self.type).setFocus()

    def set_values(self, b: dict) -> None:
        """Fill from a record's body or a draft (the same keys as values())."""
        self.type.setCurrentIndex(max(0, self.type.findData(b.get("type"))))
        self.title.setText(b.get("title", "") or "")
        if b.get("date"):
            self.date.setDate(qdate(str(b["date"])))
        self.hours.setValue(float(b.get("hours") or 0))
        self.placement.setCurrentIndex(max(0, self.placement.findData(b.get("placement"))))
        self.delmal.set_selected(b.get("delmal"))
        self.notes.setPlainText(b.get("notes", "") or "")

    def _check_privacy(self) -> None:
        from btdesk.services.privacy import privacy_warnings

        warns = privacy_warnings(self.title.text(), self.notes.toPlainText())
        self.warning.setText(" ".join(warns))

    def values(self) -> dict:
        d = self.date.date()
        return {"type": self.type.currentData(), "title": self.title.text(),
                "date": date(d.year(), d.month(), d.day()),
                "hours": self.hours.value() or None, "delmal": self.delmal.selected(),
                "placement": self.placement.currentData(), "notes": self.notes.toPlainText()}

    def eventFilter(self, obj, event) -> bool:
        """A minus in Timmar is refused with a sentence (the field would silently drop it)."""
        from PySide6.QtCore import QEvent, Qt

        if obj is self.hours and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Minus:
            self.error.setText(self.tr("Antalet timmar kan inte vara negativt."))
            return True
        return super().eventFilter(obj, event)

    def problem(self):
        if not self.title.text().strip():
            return self.tr("Skriv en titel."), self.title
        return None
