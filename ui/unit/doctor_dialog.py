"""One doctor's portfolio as the unit received it: the doctor's own Översikt view, read-only
(it only reads), and the placements with their checklists, assessments and talks."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout

from ui.views.base import set_rows, table


def doctor_view(portfolio, fingerprint: str):
    from btdesk.services import unit_import
    from btdesk.services.doctor_view import DoctorView

    target = unit_import.target_for(portfolio)
    try:
        store = unit_import.store_of(target)
        return DoctorView(fingerprint, store.records(fingerprint, include_deleted=True))
    finally:
        if target is not portfolio:
            target.close()


class DoctorDialog(QDialog):
    def __init__(self, portfolio, fingerprint: str, parent=None):
        from btdesk.services.progress import progress
        from ui.views.overview import OverviewView

        super().__init__(parent)
        self.doctor = doctor_view(portfolio, fingerprint)
        self.setWindowTitle(self.tr("%1 – skrivskyddad").replace("%1", self.doctor.profile.name))
        self.resize(1000, 680)
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("Portföljen som BT-enheten tagit emot den. Bara BT-läkaren kan ändra den, "
                              "genom att skicka ett nytt paket."))
        note.setWordWrap(True)
        lay.addWidget(note)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        if self.doctor.latest("bt") is None:
            self.tabs.addTab(QLabel(self.tr("Inget BT-underlag har kommit ännu.")), self.tr("Översikt"))
        else:
            pr = progress(self.doctor)
            self.overview = OverviewView(None)
            self.overview.refresh(self.doctor, pr)
            self.tabs.addTab(self.overview, self.tr("Översikt"))
            self.placements = table([self.tr("Placering"), self.tr("Ort"), self.tr("Period"), self.tr("Checklista"),
                                     self.tr("Bedömningar"), self.tr("Samtal")], stretch=1)
            of = self.tr("%1 av %2")
            set_rows(self.placements, [[pl.name, pl.site, f"{pl.start} – {pl.end}",
                                        of.replace("%1", str(pl.checklist_done)).replace("%2", str(pl.checklist_total)),
                                        of.replace("%1", str(pl.assessments_done))
                                        .replace("%2", str(pl.assessments_required)),
                                        of.replace("%1", str(pl.talks_held))
                                        .replace("%2", str(pl.talks_expected_by_now))] for pl in pr.placements])
            self.tabs.addTab(self.placements, self.tr("Placeringar"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
