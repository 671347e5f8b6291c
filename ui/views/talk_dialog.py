"""A supervision or hand-over talk; what was agreed last time is shown when it opens."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from ui.widgets.dateedit import DateEdit
from ui.widgets.delmal_picker import DelmalPicker
from ui.widgets.fmt import date_text, qdate
from ui.widgets.form_dialog import FormDialog


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [x.strip() for x in edit.toPlainText().splitlines() if x.strip()]


class TalkDialog(FormDialog):
    ASK_FAR_DATES = True
    def __init__(self, portfolio, parent=None, record=None, placements=(), placement_id=None, when=None):
        super().__init__(parent)
        from ui.views.labels import talk_types

        self.p, self.record = portfolio, record
        self.setWindowTitle(self.tr("Ändra samtal") if record else self.tr("Nytt samtal"))
        self.type = QComboBox()
        for k, v in talk_types().items():
            self.type.addItem(v, k)
        self.date = DateEdit(qdate(when.isoformat()) if when else QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.placement = QComboBox()
        self.placement.addItem(self.tr("(ingen)"), None)
        for pl in placements:
            self.placement.addItem(f"{pl.kind_name} – {pl.site}", pl.id)
        self.placement.setCurrentIndex(max(0, self.placement.findData(placement_id)))
        self.participants = QLineEdit()
        self.participants.setPlaceholderText(self.tr("kommaseparerade namn"))
        self.topics = QPlainTextEdit()
        self.notes = QPlainTextEdit()
        self.agreed = QPlainTextEdit()
        h = self.fontMetrics().height()
        for e in (self.topics, self.notes, self.agreed):
            e.setTabChangesFocus(True)
            e.setFixedHeight(h * 4)
        self.topics.setPlaceholderText(self.tr("ett ämne per rad"))
        self.agreed.setPlaceholderText(self.tr("en överenskommelse per rad"))
        self.delmal = DelmalPicker(portfolio.programme.delmal)

        last_box = self._last_time(portfolio, record)

        form = QFormLayout()
        form.addRow(self.tr("&Typ"), self.type)
        form.addRow(self.tr("&Datum"), self.date)
        form.addRow(self.tr("&Placering"), self.placement)
        form.addRow(self.tr("D&eltagare"), self.participants)
        form.addRow(self.tr("Ä&mnen"), self.topics)
        form.addRow(self.tr("&Anteckningar"), self.notes)
        form.addRow(self.tr("&Överenskommelser"), self.agreed)
        form.addRow(self.tr("Delmål"), self.delmal)
        buttons = self.save_buttons()
        lay = QVBoxLayout(self)
        lay.addWidget(last_box)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.watch_keys()
        from ui.widgets.type_ahead import type_ahead

        type_ahead(self.type)
        if record is not None:
            self.set_values(record.body)
        self.type.setFocus()


    def _last_time(self, portfolio, record) -> QGroupBox:
        """What was agreed at the talk before this one."""
        from btdesk.services.entries import last_agreed_actions

        last, agreed = last_agreed_actions(portfolio, before=record.body["date"] if record else None)
        self.last = QLabel()
        self.last.setWordWrap(True)
        if last is not None and agreed:
            self.last.setText(self.tr("Överenskommet %1:").replace("%1", date_text(last.body["date"]))
                              + "\n" + "\n".join(f"• {a}" for a in agreed))
        else:
            self.last.setText(self.tr("Inga överenskommelser från tidigare samtal."))
        box = QGroupBox(self.tr("Förra gången"))
        QVBoxLayout(box).addWidget(self.last)
        return box
    def set_values(self, b: dict) -> None:
        """Fill from a record's body or a draft (the same keys as values())."""
        self.type.setCurrentIndex(max(0, self.type.findData(b.get("type"))))
        if b.get("date"):
            self.date.setDate(qdate(str(b["date"])))
        self.placement.setCurrentIndex(max(0, self.placement.findData(b.get("placement"))))
        self.participants.setText(", ".join(b.get("participants", [])))
        self.topics.setPlainText("\n".join(b.get("topics", [])))
        self.notes.setPlainText(b.get("notes", "") or "")
        self.agreed.setPlainText("\n".join(b.get("agreed_actions", [])))
        self.delmal.set_selected(b.get("delmal"))

    def values(self) -> dict:
        d = self.date.date()
        return {"type": self.type.currentData(), "date": date(d.year(), d.month(), d.day()),
                "placement": self.placement.currentData(),
                "participants": [x.strip() for x in self.participants.text().split(",") if x.strip()],
                "topics": _lines(self.topics), "notes": self.notes.toPlainText(),
                "agreed_actions": _lines(self.agreed), "delmal": self.delmal.selected()}

