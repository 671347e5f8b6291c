"""Add or edit a leave period (föräldraledighet, sjukfrånvaro, tjänstledighet, other)."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ui.widgets.dateedit import DateEdit
from ui.widgets.fmt import qdate
from ui.widgets.form_dialog import FormDialog


def _py(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def leave_type_names() -> dict[str, str]:
    from PySide6.QtCore import QCoreApplication as T

    return {"foraldraledighet": T.translate("Leave", "Föräldraledighet"),
            "sjukfranvaro": T.translate("Leave", "Sjukfrånvaro"),
            "tjanstledighet": T.translate("Leave", "Tjänstledighet"),
            "other": T.translate("Leave", "Annan ledighet")}


class LeaveDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None, leave: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ändra ledighet") if leave else self.tr("Ny ledighet"))
        self.type = QComboBox()
        for tid, name in leave_type_names().items():
            self.type.addItem(name, tid)
        self.start = DateEdit(QDate.currentDate())
        self.end = DateEdit(QDate.currentDate().addDays(6))
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
        self.percent = QSpinBox()
        self.percent.setRange(1, 100)
        self.percent.setValue(100)
        self.percent.setSuffix(" %")
        note = QLabel(self.tr("Ledighet räknas inte som tjänstgöring. Ange ingen orsak eller diagnos."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Typ"), self.type)
        form.addRow(self.tr("&Från"), self.start)
        form.addRow(self.tr("&Till och med"), self.end)
        form.addRow(self.tr("&Omfattning"), self.percent)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(self.error)
        lay.addWidget(self.save_buttons())
        self.watch_keys()
        if leave is not None:
            self.set_values({"type": leave.type, "start": leave.start, "end": leave.end, "percent": leave.percent})

    def set_values(self, v: dict[str, Any]) -> None:
        self.type.setCurrentIndex(max(0, self.type.findData(v.get("type"))))
        for edit, key in ((self.start, "start"), (self.end, "end")):
            if v.get(key):
                edit.setDate(qdate(str(v[key])[:10]))
        self.percent.setValue(int(v.get("percent") or 100))

    def values(self) -> dict[str, Any]:
        return {"type": self.type.currentData(), "start": _py(self.start.date()).isoformat(),
                "end": _py(self.end.date()).isoformat(), "percent": self.percent.value()}
