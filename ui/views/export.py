"""Export: sync, a signed bundle to a file, and the final-assessment dossier as PDF."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ui.views.base import View, heading


def ask_passphrase(parent):
    """The key prompt as a dialog; cancel is a one-sentence refusal from the core's view."""
    from btdesk.errors import BtdeskError

    def prompt(text: str) -> str:
        value, ok = QInputDialog.getText(parent, "btdesk", text, QLineEdit.EchoMode.Password)
        if not ok:
            from PySide6.QtCore import QCoreApplication

            raise BtdeskError(QCoreApplication.translate("Passphrase", "Ingen lösenfras angavs; inget signerades."))
        return value
    return prompt


class _GuiPrompt(QObject):
    """The passphrase prompt asked for from a worker (sync runs in one) is shown on the GUI
    thread, the only one that may open a dialog; the worker waits for the answer."""
    asked = Signal(str, object)

    def __init__(self, parent, prompt):
        super().__init__(parent)
        self.prompt = prompt
        self.asked.connect(self._ask, Qt.ConnectionType.BlockingQueuedConnection)

    def _ask(self, text: str, box: list) -> None:
        try:
            box.append(("ok", self.prompt(text)))
        except BaseException as e:  # noqa: BLE001 - re-raised in the worker
            box.append(("error", e))

    def __call__(self, text: str) -> str:
        if QThread.currentThread() is self.thread():
            return self.prompt(text)
        box: list = []
        self.asked.emit(text, box)
        kind, value = box[0]
        if kind == "error":
            raise value
        return value


class ExportView(View):
    done = Signal(str)  # an export or a dossier finished: its sentence

    def __init__(self, host):
        super().__init__(host)
        self.lay = QVBoxLayout(self)
        self.lay.addWidget(heading(self.tr("Export")))
        self.note = note = QLabel(self.tr("Skicka en signerad bunt till BT-enheten eller handledaren, via "
                                          "synkmappen eller som fil, och skriv ut slutbedömningens underlag som PDF."))
        note.setWordWrap(True)
        self.lay.addWidget(note)
        self.sync_slot = QVBoxLayout()
        self.lay.addLayout(self.sync_slot)
        self.sync = None
        self.export_button = QPushButton(self.tr("Exportera bunt till fil …"))
        self.dossier_button = QPushButton(self.tr("Skriv ut underlag för slutbedömning (PDF) …"))
        self.certificates_button = QPushButton(self.tr("Intyg till Socialstyrelsen …"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.export_button, self.dossier_button, self.certificates_button, self.result):
            self.lay.addWidget(w)
        self.lay.addStretch(1)
        # lambdas: clicked(bool) would hand its False to the optional path and the button did nothing
        self.export_button.clicked.connect(lambda: self.export_bundle())
        self.dossier_button.clicked.connect(lambda: self.print_dossier())
        self.certificates_button.clicked.connect(self.open_certificates)

    def refresh(self, portfolio) -> None:
        if self.sync is None:
            from ui.sync_button import SyncButton

            self.sync = SyncButton(portfolio, passphrase=_GuiPrompt(self, ask_passphrase(self)),
                                   on_synced=lambda _s: self.host.records_changed())
            self.sync_slot.addWidget(self.sync)
        self.sync.portfolio = portfolio
        self.dossier_button.setVisible(portfolio.profile.role == "doctor")
        self.certificates_button.setVisible(portfolio.profile.role == "doctor")
        if portfolio.profile.role == "supervisor":  # what he sends is what he signed, to the doctor or the unit
            self.note.setText(self.tr("Skicka dina signerade bedömningar och samtal till BT-läkaren eller "
                                      "BT-enheten, via synkmappen eller som fil."))

    def _start(self, label: str, work) -> None:
        """Work off the GUI thread behind the progress dialog (ui/progress_dialog.py); its
        sentence, or why it failed or stopped, in the result line."""
        from ui.progress_dialog import ProgressJob, Stop

        self.job = ProgressJob(self, label, Stop.WHOLE)
        self.progress_seen = self.job.seen
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.stopped.connect(self.result.setText)
        self.job.start(work)

    def _finished(self, message: str) -> None:
        from ui.progress_dialog import late_text

        if self.job.finished_after_cancel:
            message += " " + late_text()
        self.result.setText(message)
        self.done.emit(message)

    def export_bundle(self, path: str | None = None) -> None:
        p = self.host.portfolio
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Exportera bunt"),
                                                  str(Path.home() / "portfolj.btbundle"),
                                                  self.tr("btdesk-paket (*.btbundle)"))
        if not path:
            return
        from btdesk.services.exchange import export_bundle

        prompt = _GuiPrompt(self, ask_passphrase(self))  # the worker asks through the GUI thread

        def work(step) -> str:  # off the GUI thread; cancel takes effect before the file is written
            r = export_bundle(p, Path(path), passphrase=prompt, check=lambda: step(0, 1))
            if r is None:  # only with skip_empty, which is not asked for here
                return ""
            return self.tr("Bunten %1 sparad: %2 poster, %3 bilagor.").replace("%1", r.path.name) \
                .replace("%2", str(r.records)).replace("%3", str(r.attachments))
        self._start(self.tr("Exporterar bunten …"), work)

    def print_dossier(self, path: str | None = None) -> None:
        p = self.host.portfolio
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Skriv ut underlag"), str(Path.home() / "underlag.pdf"),
                                                  "PDF (*.pdf)")
        if not path:
            return
        from btdesk.services.dossier import build_dossier

        def work(step) -> str:  # off the GUI thread; each step may stop it, before the file is written
            pages = build_dossier(p, Path(path), progress=step)
            return self.tr("Underlaget sparat i %1 (%2 sidor).").replace("%1", str(path)).replace("%2", str(pages))
        self._start(self.tr("Sammanställer underlaget …"), work)

    def _failed(self, message: str) -> None:
        from ui import errors

        self.result.setText(message)
        errors.tell(self, message)

    def open_certificates(self) -> None:
        """Export → Intyg till Socialstyrelsen (ui/views/certificates_dialog.py)."""
        from ui.views.certificates_dialog import CertificatesDialog

        self.certificates = CertificatesDialog(self, self.host.portfolio)
        self.certificates.open()
