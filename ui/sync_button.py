"""One "Synkronisera" button: runs btdesk sync off the GUI thread and says what happened."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.worker import run_in_background


class SyncButton(QWidget):
    """`portfolio` is the open Portfolio; `passphrase` answers the key prompt (a dialog, usually).

    `on_synced(summary)` lets the window refresh its views after new records arrived.
    """

    def __init__(self, portfolio, passphrase=None, on_synced: Callable | None = None, parent=None):
        super().__init__(parent)
        self.portfolio, self.passphrase, self.on_synced = portfolio, passphrase, on_synced
        self.button = QPushButton(self.tr("Synkronisera"))
        self.button.setToolTip(self.tr("Skicka nya poster till synkmappen och importera det som kommit in"))
        self.status = QLabel("")
        self.status.setWordWrap(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.button)
        lay.addWidget(self.status, 1)
        self.button.clicked.connect(self.start)
        self.last_summary = None

    def start(self) -> None:
        from btdesk.services.sync import sync

        if not self.portfolio.setting("sync.folder"):
            self.status.setText(self.tr("Ingen synkmapp vald ännu; välj en under Inställningar."))
            return
        self.button.setEnabled(False)
        self.status.setText(self.tr("Synkroniserar …"))
        run_in_background(self, lambda: sync(self.portfolio, passphrase=self.passphrase),
                          on_done=self._done, on_error=self._failed, changes=True)

    def _done(self, summary) -> None:
        self.last_summary = summary
        self.button.setEnabled(True)
        self.status.setText(self.summary_text(summary))
        self.status.setToolTip("\n".join(summary.lines()))
        if self.on_synced:
            self.on_synced(summary)

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        from ui import errors

        self.status.setText(errors.report(self, exc))

    def summary_text(self, summary) -> str:
        """The window's sentence (the core's is English, for the command line)."""
        text = (self.tr("Synkat med %1: skickat %2, importerat %3.")
                .replace("%1", str(summary.folder)).replace("%2", str(len(summary.written)))
                .replace("%3", str(len(summary.imported))))
        if summary.already:
            text += " " + self.tr("%1 redan importerade.").replace("%1", str(len(summary.already)))
        if summary.rejected:
            text += " " + self.tr("%1 avvisade (se inbox/rejected).").replace("%1", str(len(summary.rejected)))
        return text
