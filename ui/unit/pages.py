"""The BT unit's window: Kullen, Import (the inbox with progress), Slutbedömning, Certifikat (the
unit's CA) and Statistik. Pages that list several doctors show a doctor column (name and short
fingerprint) and let nothing be edited there."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ui.unit.cohort_view import CohortView, _Progress, start_unit_import, stopped_text
from ui.views.base import View, heading, set_rows, table
from ui.widgets.fmt import months_text

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio
    from btdesk.services.unit_store import UnitStore
    from ui.host import ViewHost


def doctor_label(name: str, fingerprint: str) -> str:
    """A doctor as the unit shows one: two people may share a name, never a fingerprint."""
    from btdesk.short_ids import short_fingerprint

    return f"{name} ({short_fingerprint(fingerprint)})"


@contextmanager
def unit_store(portfolio: Portfolio) -> Iterator[UnitStore]:
    from btdesk.services import unit_import

    target = unit_import.target_for(portfolio)
    try:
        yield unit_import.store_of(target)
    finally:
        if target is not portfolio:
            target.close()  # type: ignore[attr-defined]


class CohortPage(CohortView):
    """Kullen, with the way back for a doctor who lost her laptop (journey 7)."""

    def __init__(self, host: ViewHost) -> None:
        super().__init__(host)
        self.return_button = QPushButton(self.tr("Lämna tillbaka paket …"))
        self.return_button.setToolTip(self.tr("BT-läkarens egna signerade paket, som enheten tagit emot dem, "
                                              "t.ex. till en ny dator"))
        row = QHBoxLayout()
        row.addWidget(self.return_button)
        row.addStretch(1)
        self.layout().addLayout(row)  # type: ignore[union-attr]
        self.return_button.clicked.connect(lambda: self.return_selected())
        self.loaded.connect(self._say_what_first)

    def _say_what_first(self) -> None:
        if self.model.rowCount() == 0:
            self.status.setText(self.tr("Inga BT-läkares paket har kommit ännu. Importera inkorgen, eller välj "
                                        "paket med Importera paket …"))

    def return_selected(self, folder: str | None = None) -> list[Path]:
        """The selected doctor's bundles into a new folder inside `folder` (asked when None)."""
        from btdesk.errors import BtdeskError
        from btdesk.services.unit_return import return_bundles

        row = self.selected_row()
        if row is None or self.portfolio is None:
            QMessageBox.information(self, "btdesk", self.tr("Markera först en BT-läkare i listan."))
            return []
        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("Spara paketen i"), str(Path.home()))
        if not folder:
            return []
        out = Path(folder) / f"btdesk-{row.fingerprint[:8]}"
        try:
            paths = return_bundles(self.portfolio.home, row.fingerprint, out)
        except BtdeskError as e:
            QMessageBox.warning(self, "btdesk", str(e))
            return []
        QMessageBox.information(self, "btdesk", self.tr(
            "%1 paket från %2 sparade i mappen %3. När hon återställt sin identitet på den nya datorn "
            "importerar hon dem, så kommer allt hon synkat tillbaka.")
            .replace("%1", str(len(paths))).replace("%2", row.name).replace("%3", out.name))
        return paths


class ImportPage(View):
    """The sync folder's inbox, or chosen bundles, imported in a worker with a progress bar."""

    def __init__(self, host: ViewHost) -> None:
        super().__init__(host)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Import")))
        self.where = QLabel()
        self.where.setWordWrap(True)
        lay.addWidget(self.where)
        row = QHBoxLayout()
        self.inbox_button = QPushButton(self.tr("Importera inkorgen"))
        self.files_button = QPushButton(self.tr("Välj paket …"))
        row.addWidget(self.inbox_button)
        row.addWidget(self.files_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        lay.addWidget(self.bar)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.log = QListWidget()
        self.log.setWordWrap(True)
        self.log.setEditTriggers(QListWidget.EditTrigger.NoEditTriggers)  # what happened: shown, not edited
        lay.addWidget(self.log, 1)
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self.inbox_button.clicked.connect(lambda: self.start_import(None))
        self.files_button.clicked.connect(self._choose)

    def refresh(self, portfolio: Portfolio) -> None:
        from btdesk.services.sync import FOLDER_KEY

        folder = portfolio.setting(FOLDER_KEY)
        self.where.setText(self.tr("Inkorg: %1").replace("%1", str(Path(folder) / "inbox")) if folder else
                           self.tr("Ingen synkmapp är vald ännu. Välj den under Inställningar → Synkmapp, "
                                   "eller importera paket som du väljer själv."))
        self.inbox_button.setEnabled(bool(folder))
        if not self.log.count():
            self.status.setText(self.tr("Inga paket importerade i den här sessionen ännu."))

    def _choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Importera paket"), "", self.tr("btdesk-paket "
                                                                                              "(*.btbundle)"))
        if files:
            self.start_import([Path(f) for f in files])

    def start_import(self, paths: list[Path] | None) -> None:
        p = self.p
        if p is None:
            return
        for b in (self.inbox_button, self.files_button):
            b.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.status.setText(self.tr("Importerar …"))
        # a signal: safe from the worker thread
        self.job = start_unit_import(self, p, paths, self._progress.moved.emit, self._done, self._failed)

    def _moved(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(self.tr("%v av %m paket"))

    def _done(self, summary: Any) -> None:
        self.bar.setVisible(False)
        self.files_button.setEnabled(True)
        self.status.setText(summary.message if summary.stopped_after is None else stopped_text(summary))
        self.log.addItems(summary.lines())
        self.host.records_changed()

    def _failed(self, sentence: str) -> None:
        from ui import errors

        self.bar.setVisible(False)
        self.files_button.setEnabled(True)
        self.status.setText(sentence)
        errors.tell(self, sentence)


class CertificatesPage(View):
    """The unit's CA: the certificates it issued, issuing one from a CSR, revoking one."""

    def __init__(self, host: ViewHost) -> None:
        super().__init__(host)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Certifikat")))
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        self.table = table([self.tr("Namn"), self.tr("Serienummer"), self.tr("Status"), self.tr("Utfärdat"),
                            self.tr("Giltigt till")], stretch=0)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.issue_button = QPushButton(self.tr("Utfärda från begäran (CSR) …"))
        self.revoke_button = QPushButton(self.tr("Återkalla markerat …"))
        row.addWidget(self.issue_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.issue_button.clicked.connect(self.issue)
        self.revoke_button.clicked.connect(self.revoke)

    def refresh(self, portfolio: Portfolio) -> None:
        from btdesk.identity.ca import ca_list
        from btdesk.identity.errors import IdentityError

        status = {"valid": self.tr("giltigt"), "revoked": self.tr("återkallat"), "expired": self.tr("utgånget")}
        try:
            certs = ca_list(portfolio.home)
        except IdentityError:
            certs = None
        if certs is None:
            self.empty.setText(self.tr("Enheten har ingen certifikatutfärdare ännu. Skapa den med "
                                       "btdesk unit init-ca."))
        else:
            self.empty.setText(self.tr("Inga certifikat utfärdade ännu. Utfärda ett från en BT-läkares "
                                       "eller handledares certifikatbegäran (CSR)."))
        for b in (self.issue_button, self.revoke_button):
            b.setEnabled(certs is not None)
        certs = certs or []
        self.empty.setVisible(not certs)
        set_rows(self.table, [[str(c.get("name", "")), f"{c['serial']:x}"[:12], status.get(c["status"], c["status"]),
                               str(c.get("issued", ""))[:10], str(c.get("not_after", ""))[:10]] for c in certs],
                 ids=[str(c["serial"]) for c in certs])

    def _passphrase(self) -> Callable[[str], str]:
        from ui.views.export import ask_passphrase

        return ask_passphrase(self)

    def issue(self) -> None:
        from btdesk.errors import BtdeskError
        from btdesk.fileutil import atomic_write
        from btdesk.identity.ca import ca_issue

        csr, _ = QFileDialog.getOpenFileName(self, self.tr("Certifikatbegäran"), "", self.tr("CSR (*.csr *.pem)"))
        if not csr:
            return
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Spara certifikatet"), str(Path(csr).with_suffix(".crt")),
                                             self.tr("Certifikat (*.crt *.pem)"))
        if not out:
            return
        try:
            atomic_write(Path(out), ca_issue(self.p.home, Path(csr).read_bytes(), self._passphrase()))
        except (BtdeskError, OSError) as e:
            QMessageBox.warning(self, "btdesk", str(e))
            return
        self.refresh(self.p)

    def revoke(self) -> None:
        from btdesk.errors import BtdeskError
        from btdesk.identity.ca import ca_revoke
        from ui.views.base import selected_id

        serial = selected_id(self.table)
        if serial is None:
            QMessageBox.information(self, "btdesk", self.tr("Markera först ett certifikat i listan."))
            return
        reason, ok = QInputDialog.getText(self, self.tr("Återkalla"), self.tr("Skäl (visas för alla som kontrollerar "
                                                                             "certifikatet):"))
        if not ok:
            return
        try:
            ca_revoke(self.p.home, serial, reason)
        except BtdeskError as e:
            QMessageBox.warning(self, "btdesk", str(e))
            return
        self.refresh(self.p)


class StatisticsPage(View):
    """Completion within 12, 14 and 18 months, leavers, and supervision kept per placement kind."""

    def __init__(self, host: ViewHost) -> None:
        super().__init__(host)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Statistik")))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.table = table([self.tr("Placeringstyp"), self.tr("Rytm"), self.tr("Placeringar"),
                            self.tr("Samtal hållna/väntade"), self.tr("Uppnått")], stretch=0)
        lay.addWidget(self.table, 1)

    def refresh(self, portfolio: Portfolio) -> None:
        from btdesk.services.cohort import MILESTONES, doctors_of_store, statistics

        with unit_store(portfolio) as store:
            st = statistics(doctors_of_store(store))
        if not st.doctors:
            self.summary.setText(self.tr("Ingen BT-läkares paket har importerats ännu. Importera paket under Import."))
            set_rows(self.table, [])
            return
        lines = [self.tr("%1 BT-läkare; %2 har börjat BT, %3 har tjänstgjort programmets tid, %4 har fullgjort BT "
                         "(tid, HSLF-FS 2021:8:s minimum och slutbedömning), %5 har slutat.")
                 .replace("%1", str(st.doctors)).replace("%2", str(st.started)).replace("%3", str(st.time_served))
                 .replace("%4", str(st.completed)).replace("%5", str(st.leavers))]
        for m in MILESTONES:
            k = str(m)
            lines.append(self.tr("Klara inom %1 kalendermånader: %2 av %3 som började för minst %1 månader sedan; "
                                 "%4 av de %3 hade ledighet (%5 månader på heltid).")
                         .replace("%1", k).replace("%2", str(st.within[k])).replace("%3", str(st.eligible[k]))
                         .replace("%4", str(st.eligible_with_leave.get(k, 0)))
                         .replace("%5", months_text(st.eligible_leave_months.get(k, 0.0))))
        self.summary.setText("\n".join(lines))
        set_rows(self.table, [[r.name, self.tr("%1 d").replace("%1", str(r.interval_days)), str(r.placements),
                               f"{r.talks_held}/{r.talks_due}",
                               f"{100 * r.achieved:.0f} %" if r.achieved is not None else "–"] for r in st.supervision])

