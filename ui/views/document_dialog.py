"""A document's details: title, date, delmål and the activity it belongs to (a course
certificate to its course). Linked to delmål, it counts as evidence as activities do."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.widgets.dateedit import DateEdit
from ui.widgets.delmal_picker import DelmalPicker
from ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio
    from btdesk.store.records import RecordView


class DocumentDialog(FormDialog):
    ASK_FAR_DATES = True
    def __init__(self, portfolio: Portfolio, parent: QWidget | None = None, *, filename: str,
                 values: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        v = values or {}
        self.setWindowTitle(self.tr("Dokument"))
        self.file = QLabel(filename)
        self.file.setWordWrap(True)
        self.title = QLineEdit(str(v.get("title") or ""))
        when = v.get("date")
        self.date = DateEdit(QDate.fromString(str(when), "yyyy-MM-dd") if when else QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.delmal = DelmalPicker(portfolio.programme.delmal)
        self.delmal.set_selected(v.get("delmal") or [])
        self.activity = QComboBox()
        self.activity.addItem(self.tr("(ingen)"), None)
        acts: list[RecordView] = sorted(portfolio.records("activity"), key=lambda r: str(r.body.get("date")),
                                        reverse=True)
        for a in acts:
            self.activity.addItem(f"{a.body.get('date', '')} {a.body.get('title', '')}", a.id)
            self.activity.setItemData(self.activity.count() - 1, a.body.get("title", ""), 3)  # tooltip role
        if v.get("activity"):
            self.activity.setCurrentIndex(max(0, self.activity.findData(v["activity"])))
        self.activity.currentIndexChanged.connect(lambda _i: self._take_activity_delmal())
        form = QFormLayout()
        form.addRow(self.tr("Fil"), self.file)
        form.addRow(self.tr("T&itel"), self.title)
        form.addRow(self.tr("&Datum"), self.date)
        form.addRow(self.tr("&Aktivitet"), self.activity)
        form.addRow(self.tr("Delmål"), self.delmal)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.save_buttons())
        self._portfolio = portfolio
        self._take_activity_delmal()
        self.watch_keys()
        from ui.widgets.type_ahead import type_ahead

        type_ahead(self.activity)

    def _take_activity_delmal(self) -> None:
        """A certificate belongs to its activity: its delmål are a good first guess."""
        rid = self.activity.currentData()
        if rid and not self.delmal.selected():
            self.delmal.set_selected(self._portfolio.get(rid).body.get("delmal") or [])

    def problem(self) -> tuple[str, QWidget] | None:
        if not self.title.text().strip():
            return self.tr("Ge dokumentet en titel."), self.title
        return None

    def values(self) -> dict[str, Any]:
        d = self.date.date().toString("yyyy-MM-dd")
        return {"title": self.title.text().strip(), "date": d, "delmal": self.delmal.selected(),
                "activity": self.activity.currentData()}
