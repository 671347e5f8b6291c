"""Begär bedömning: the doctor asks a handledare for an assessment (Mini-CEX, DOPS, CbD …). The
request is a small signed file; ui.send_file then offers to save it or e-mail it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from ui.views.labels import form_name
from ui.widgets.delmal_picker import DelmalPicker
from ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio


class RequestDialog(FormDialog):
    def __init__(self, portfolio: Portfolio, parent: QWidget | None = None, to: str = "") -> None:
        super().__init__(parent)
        from btdesk.forms import list_templates

        self.setWindowTitle(self.tr("Begär bedömning"))
        self.instrument = QComboBox()
        for t in list_templates(portfolio.programme):
            if t.record_kind == "assessment":
                self.instrument.addItem(form_name(portfolio.programme, t), t.instrument or t.id)
        self.case = QLineEdit()
        self.case.setPlaceholderText(self.tr("t.ex. bröstsmärta"))
        self.delmal = DelmalPicker(portfolio.programme.delmal)
        self.to = QLineEdit(to)
        self.to.setPlaceholderText(self.tr("handledarens namn"))
        form = QFormLayout()
        form.addRow(self.tr("&Formulär"), self.instrument)
        form.addRow(self.tr("&Fall"), self.case)
        form.addRow(self.tr("Delmål"), self.delmal)
        form.addRow(self.tr("&Till"), self.to)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.save_buttons())
        self.watch_keys()
        from ui.widgets.type_ahead import type_ahead

        type_ahead(self.instrument)

    def problem(self) -> tuple[str, QWidget] | None:
        if self.instrument.currentData() is None:
            return self.tr("Programmet har inget bedömningsformulär."), self.instrument
        return None

    def values(self) -> dict[str, Any]:
        return {"instrument": self.instrument.currentData(), "case": self.case.text().strip(),
                "delmal": self.delmal.selected(), "to": self.to.text().strip()}
