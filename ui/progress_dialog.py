"""The one progress dialog for long work (issue #15): export, import, the dossier, certificates,
the demo and the unit's cohort import run in a worker (ui/worker.py) behind it.

Cancel is honest about what it can do. The services' work is all-or-nothing per unit (a bundle,
a PDF, a portfolio), so cancel either
- `Stop.BETWEEN`: stops after the unit in hand; the units already done stay (a folder of
  bundles: the dialog's result says how many were imported), or
- `Stop.WHOLE`: abandons the job at its next check; nothing is changed.
The dialog says which as soon as cancel is pressed. The work gets a `step(done, total)` callback
to report progress; once cancel is pressed, the step raises `btdesk.errors.Cancelled` (the
service's own check between units of work). Work that finishes before it reaches a check is
finished: `finished_after_cancel` says so, and the caller tells it.
"""
from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from btdesk.errors import Cancelled
from ui.worker import Job, run_in_background

Step = Callable[..., None]  # step(done, total, *details): progress, and the place cancel takes effect
SHOW_AFTER_MS = 300  # quick work finishes without a dialog flashing up


class Stop(Enum):
    BETWEEN = "between"  # stop after the unit in hand; finished units stay
    WHOLE = "whole"  # abandon the whole job; nothing changes


class ProgressDialog(QDialog):
    """A label, a bar, what cancel will do, and the cancel button."""

    def __init__(self, parent: QWidget, label: str, stop: Stop) -> None:
        super().__init__(parent)
        self.setWindowTitle("btdesk")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.stop = stop
        lay = QVBoxLayout(self)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the work says how far it is
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        for w in (self.label, self.bar, self.note, self.cancel_button):
            lay.addWidget(w)

    def cancelling_text(self) -> str:
        if self.stop is Stop.BETWEEN:
            return self.tr("Avbryter efter det som pågår just nu; det som redan är klart behålls.")
        return self.tr("Avbryter; det pågående arbetet sparas inte, och ingenting ändras.")

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.note.setText(self.cancelling_text())

    def show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def reject(self) -> None:  # Esc or the window's close button: the same as Avbryt
        self.cancel_button.click()


class ProgressJob(QObject):
    """finished(result), failed(one sentence), stopped(one sentence): exactly one of them, on the
    GUI thread. `seen` holds each percentage shown (tests)."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    stopped = Signal(str)

    def __init__(self, parent: QWidget, label: str, stop: Stop, *, changes: bool = True,
                 where: Path | None = None) -> None:
        """changes: the work changes data (closing the window asks); where: the place a failure's
        sentence names (btdesk.failures.explain)."""
        super().__init__(parent)
        self.parent_widget, self.changes, self.where = parent, changes, where
        self.seen: list[int] = []
        self.stop = stop
        self.dialog = ProgressDialog(parent, label, stop)
        self.dialog.cancel_button.clicked.connect(self.cancel)
        self.progressed.connect(self._move)
        self.job: Job | None = None
        self.finished_after_cancel = False

    def _move(self, done: int, total: int) -> None:
        self.seen.append(int(100 * done / max(total, 1)))
        self.dialog.show_progress(done, total)

    def step(self, done: int, total: int, *_details: object) -> None:  # on the worker thread
        if self.job is not None:
            self.job.check()
        self.progressed.emit(done, total)

    def cancel(self) -> None:
        if self.job is not None and not self.job.cancel_requested:
            self.job.cancel()
            self.dialog.cancelling()

    @property
    def cancel_requested(self) -> bool:
        return self.job is not None and self.job.cancel_requested

    def start(self, work: Callable[[Step], Any], discard: Callable[[Any], None] | None = None) -> Job:
        """discard(result): for a result nobody takes because the window closed (ui.worker)."""
        self.job = run_in_background(self, lambda: work(self.step), on_done=self._done, on_error=self._error,
                                     changes=self.changes, discard=discard)
        QTimer.singleShot(SHOW_AFTER_MS, self.dialog, self._show_if_running)
        return self.job

    def _show_if_running(self) -> None:
        if self.job is not None and not self.job.ended.is_set():
            self.dialog.open()

    def _close(self) -> None:
        self.dialog.hide()
        self.dialog.deleteLater()

    def _done(self, result: Any) -> None:
        self._move(1, 1)  # the bar at its end, whatever the work reported last
        self._close()
        self.finished_after_cancel = self.cancel_requested
        self.finished.emit(result)

    def _error(self, e: BaseException) -> None:
        from ui import errors

        self._close()
        if isinstance(e, Cancelled):
            self.stopped.emit(stopped_text(self.stop))
        else:
            self.failed.emit(errors.describe(e, where=self.where))  # a bug is logged there with its traceback


def stopped_text(stop: Stop) -> str:
    from PySide6.QtCore import QCoreApplication

    if stop is Stop.BETWEEN:
        return QCoreApplication.translate("ProgressDialog", "Avbrutet; det som blev klart innan är sparat.")
    return QCoreApplication.translate("ProgressDialog", "Avbrutet; ingenting ändrades.")


def late_text() -> str:
    """Cancel came after the work's last check: it was finished, whole."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ProgressDialog", "Arbetet hann bli klart innan det kunde avbrytas.")
