"""Översikt: who, which programme, months served against plan, in phase, the 18 delmål."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

STATUS = {"none": "Inget underlag", "started": "Påbörjat", "evidenced": "Underlag finns"}


class OverviewView(QWidget):
    def __init__(self):
        super().__init__()
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.phase = QLabel()
        self.phase.setWordWrap(True)
        self.delmal = QTableWidget(0, 4)
        self.delmal.setHorizontalHeaderLabels([self.tr("Delmål"), self.tr("Titel"), self.tr("Underlag"),
                                               self.tr("Status")])
        self.delmal.verticalHeader().setVisible(False)
        self.delmal.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.delmal.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for w in (self.title, self.summary, self.phase, self.delmal):
            lay.addWidget(w)

    def refresh(self, portfolio) -> None:
        from btdesk.services.progress import progress

        prof = portfolio.profile
        self.title.setText(prof.name)
        if prof.role != "doctor":
            self.summary.setText(self.tr("Profil: %1").replace("%1", prof.role))
            return
        pr = progress(portfolio)
        self.summary.setText(
            self.tr("%1 · start %2 · %3 av %4 månader (heltid) · primärvård %5 mån · akut sjukvård %6 mån")
            .replace("%1", pr.programme).replace("%2", pr.start or "–")
            .replace("%3", f"{pr.months_served:.1f}".replace(".", ","))
            .replace("%4", f"{pr.months_planned:.1f}".replace(".", ","))
            .replace("%5", f"{pr.primarvard_months:.1f}".replace(".", ","))
            .replace("%6", f"{pr.akut_months:.1f}".replace(".", ",")))
        if pr.in_phase:
            self.phase.setText(self.tr("I fas med programmet."))
        else:
            self.phase.setText(self.tr("Efter i fas: ") + " ".join(pr.phase_reasons))
        self.delmal.setRowCount(len(pr.delmal))
        for row, d in enumerate(pr.delmal):
            for col, text in enumerate((d.id, d.title, str(d.evidence), self.tr(STATUS[d.status]))):
                self.delmal.setItem(row, col, QTableWidgetItem(text))
        self.delmal.resizeColumnToContents(0)
