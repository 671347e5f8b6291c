"""Slutbedömning: each doctor's final assessment — when, by whom, which judgements have come, the
outcome — and planning one from the window: choose the BT-läkare, the date and the extern
bedömare, then save the request file that the two assessors judge from."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.unit.pages import doctor_label, unit_store
from ui.views.base import View, heading, set_rows, table
from ui.widgets.dateedit import DateEdit
from ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio
    from ui.host import ViewHost


class ScheduleDialog(FormDialog):
    """The doctor (name and short fingerprint: two may share a name), the date, the extern bedömare."""

    def __init__(self, parent: QWidget | None, doctors: list[tuple[str, str, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Planera slutbedömning"))
        self.doctor = QComboBox()
        for fp, name, assessor in doctors:
            self.doctor.addItem(doctor_label(name, fp), (fp, assessor))
        self.when = DateEdit(QDate.currentDate().addDays(30))
        self.when.setCalendarPopup(True)
        self.assessor = QLineEdit()
        self.assessor.setPlaceholderText(self.tr("t.ex. Dr Anna Svensson, Region Skåne"))
        self.doctor.currentIndexChanged.connect(self._known_assessor)
        note = QLabel(self.tr("Efter att du sparat sparar du begäran som fil och skickar den till den externa "
                              "bedömaren och huvudhandledaren."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&BT-läkare"), self.doctor)
        form.addRow(self.tr("&Datum"), self.when)
        form.addRow(self.tr("&Extern bedömare"), self.assessor)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(self.error)
        lay.addWidget(self.save_buttons())
        self._known_assessor()
        self.watch_keys()

    def _known_assessor(self, *_args: object) -> None:
        data = self.doctor.currentData()
        if data and data[1]:  # moving a planned assessment: its assessor stays unless changed
            self.assessor.setText(data[1])

    def problem(self) -> tuple[str, QWidget] | None:
        if self.doctor.count() == 0:
            return self.tr("Ingen BT-läkare har skickat något till enheten än."), self.doctor
        if not self.assessor.text().strip():
            return self.tr("Ange den externa bedömaren."), self.assessor
        return None

    def values(self) -> dict[str, Any]:
        d = self.when.date()
        data = self.doctor.currentData()
        return {"doctor": data[0] if data else "", "date": date(d.year(), d.month(), d.day()),
                "assessor": self.assessor.text().strip()}


class FinalPage(View):
    def __init__(self, host: ViewHost) -> None:
        super().__init__(host)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Slutbedömning")))
        self.empty = QLabel(self.tr("Ingen slutbedömning är planerad. Planera en med Planera slutbedömning …, "
                                    "när en BT-läkare närmar sig slutet av sin BT."))
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        self.table = table([self.tr("BT-läkare"), self.tr("Datum"), self.tr("Extern bedömare"),
                            self.tr("Bedömningar inkomna"), self.tr("Utfall")], stretch=0)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.schedule_button = QPushButton(self.tr("&Planera slutbedömning …"))
        self.schedule_button.clicked.connect(self.schedule)
        row.addWidget(self.schedule_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.result = QLabel()
        self.result.setWordWrap(True)
        lay.addWidget(self.result)
        self.doctors: list[tuple[str, str, str]] = []  # (fingerprint, name, assessor) from the last refresh

    def refresh(self, portfolio: Portfolio) -> None:
        from btdesk.services.cohort import doctors_of_store
        from btdesk.services.final import codes, judgement

        outcomes = {"uppnatt": self.tr("Uppnått"), "ej_uppnatt": self.tr("Ej uppnått"),
                    "ej_bedomt": self.tr("Ej bedömt")}
        rows: list[list[str]] = []
        self.doctors = []
        with unit_store(portfolio) as store:
            for d in doctors_of_store(store):
                sched = codes.scheduled(store, d.fingerprint)
                assessor = str(sched.body.get("assessor", "")) if sched else ""
                self.doctors.append((d.fingerprint, d.profile.name, assessor))
                if sched is None:
                    continue
                by_role = judgement.judgements(store, d.fingerprint)
                rows.append([doctor_label(d.profile.name, d.fingerprint), str(sched.body.get("date", "")),
                             str(sched.body.get("assessor", "")),
                             self.tr("%1 av 2").replace("%1", str(len(by_role))),
                             outcomes.get(codes.outcome(by_role), "–")])
        set_rows(self.table, rows)
        self.empty.setVisible(not rows)

    def schedule(self) -> None:
        from btdesk.services import unit_import
        from btdesk.services.final.schedule import schedule, write_request

        dialog = ScheduleDialog(self, self.doctors)
        planned: dict[str, Any] = {}

        def save(v: dict[str, Any]) -> None:
            target = unit_import.target_for(self.p)
            try:
                planned["record"] = schedule(target, v["doctor"], v["date"], v["assessor"])
            finally:
                if target is not self.p:
                    target.close()  # type: ignore[union-attr]

        dialog.on_save = save
        if not dialog.exec():
            return
        body = planned["record"].body
        self.refresh(self.p)
        self.host.records_changed()
        name = f"slutbedomning-{body['doctor']}-{body['date']}".replace(" ", "-")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Spara begäran om slutbedömning"), name,
                                                    self.tr("Begäran om slutbedömning (*.btfinalreq)"))
        if not path:
            self.result.setText(self.tr("Slutbedömningen är planerad; begäran kan sparas senare."))
            return
        with unit_store(self.p) as store:
            out = write_request(store, body["doctor_fingerprint"], Path(path))
        self.result.setText(self.tr("Slutbedömningen är planerad. Skicka %1 till den externa bedömaren och "
                                    "huvudhandledaren.").replace("%1", out.name))
