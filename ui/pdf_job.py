"""Build a PDF off the GUI thread with a progress bar: the dossier and the certificates.

The work gets a progress callback it may call from the worker; each call becomes a queued
signal, so the bar moves while the window stays responsive. The result (one sentence) or the
error (one sentence) comes back on the GUI thread.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.worker import run_in_background

Work = Callable[[Callable[[int, int], None]], str]


class PdfJob(QObject):
    progressed = Signal(int)  # 0–100
    finished = Signal(str)  # what was made, in one sentence
    failed = Signal(str)  # why not, in one sentence

    def __init__(self, parent: QWidget, label: str) -> None:
        super().__init__(parent)
        self.seen: list[int] = []
        self.bar = QProgressDialog(parent, labelText=label, minimum=0, maximum=100)
        self.bar.setCancelButton(None)  # a PDF is made whole or not at all
        self.bar.setWindowModality(Qt.WindowModality.WindowModal)
        self.bar.setMinimumDuration(300)
        self.progressed.connect(self._show)

    def _show(self, value: int) -> None:
        self.seen.append(value)
        self.bar.setValue(value)

    def report(self, done: int, total: int) -> None:  # called on the worker thread
        self.progressed.emit(int(100 * done / max(total, 1)))

    def start(self, work: Work) -> None:
        from ui import errors

        def done(message: str) -> None:
            self._show(100)
            self.bar.close()
            self.finished.emit(message)

        def error(e: BaseException) -> None:
            self.bar.close()
            self.failed.emit(errors.describe(e))  # a bug is logged there with its traceback

        run_in_background(self, lambda: work(self.report), on_done=done, on_error=error)
