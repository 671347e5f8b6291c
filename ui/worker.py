"""Run a service call off the GUI thread and hand the result back on it (Anki's CollectionOp).

    run_in_background(parent, lambda: import_bundle(p, path),
                      on_done=lambda result: ..., on_error=lambda exc: ..., changes=True)

The call must not touch widgets; the callbacks run on the GUI thread. The parent keeps the
job alive and a parent that is gone gets no callback.

`changes`: the job changes data (an import, an export, a PDF written, a demo made). Only such
jobs make closing the window ask; a read-only one (loading the cohort, a preview) is simply
stopped and waited for. `job.cancel()` asks the job to stop: the job's own check (`job.check`,
handed to the service as its progress or check callback) then raises `Cancelled` between two
units of work.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from btdesk.errors import Cancelled


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], changes: bool) -> None:
        super().__init__()
        self.fn, self.changes = fn, changes
        self.signals = _Signals()
        self.ended = threading.Event()  # set on the worker thread when fn has returned or raised
        self._stop = threading.Event()
        self.abandoned = False  # its window closed: no callback runs, a result is discarded

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def check(self, *_progress: object) -> None:
        """The service's check between units of work (also usable as a progress callback)."""
        if self._stop.is_set():
            raise Cancelled()

    def run(self) -> None:  # runs in a pool thread
        try:
            try:
                result = self.fn()
            except BaseException as e:  # noqa: BLE001 - handed to the GUI thread to report
                self._emit(self.signals.failed, e)
            else:
                self._emit(self.signals.done, result)
        finally:
            self.ended.set()

    def _emit(self, signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the parent (and its signals object) is gone: nobody to tell
            pass


_running: set[Job] = set()


def _jobs_of(window: QObject) -> set[Job]:
    return window.__dict__.setdefault("_btdesk_jobs", set())


def running(window: QObject | None = None, *, changes_only: bool = False) -> int:
    """How many jobs have not finished (in `window`, or anywhere; with `changes_only`, only the
    jobs that change data): the window asks before it closes under one of its own; a job of a
    window already gone never holds up another."""
    jobs = _running if window is None else window.__dict__.get("_btdesk_jobs", set())
    return sum(1 for j in jobs if j.changes or not changes_only)


def stop_all(window: QObject) -> None:
    """The window closes: every job of it is asked to stop and, when it has ended, is forgotten
    without its callback. Waits for them, so nothing still works on a portfolio being closed;
    a job that needs the GUI thread meanwhile (a passphrase prompt) still gets it, but no user
    input reaches the closing window."""
    jobs = list(window.__dict__.get("_btdesk_jobs", ()))
    for job in jobs:
        job.abandoned = True
        job.cancel()
    for job in jobs:
        while not job.ended.wait(0.05):
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # its discard
        _jobs_of(window).discard(job)
        _running.discard(job)


def _window_of(obj: QObject) -> QObject:
    o: QObject | None = obj
    while o is not None and not isinstance(o, QWidget):
        o = o.parent()
    return o.window() if isinstance(o, QWidget) else obj


def run_in_background(parent: QObject, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None, *, changes: bool = False,
                      discard: Callable[[Any], None] | None = None) -> Job:
    """`discard(result)`: what to do with a result nobody will take (its window closed), e.g.
    close a portfolio that was opened for it."""
    job = Job(fn, changes)
    job.setAutoDelete(False)
    # signals are queued to the signals object's thread (the GUI thread): callbacks run there
    job.signals.setParent(parent)
    owner = _window_of(parent)  # the window that asks before it closes
    jobs = _jobs_of(owner)
    jobs.add(job)
    _running.add(job)

    def finish(result: Any, cb: Callable[[Any], None] | None, ok: bool) -> None:
        jobs.discard(job)
        _running.discard(job)
        if job.abandoned:
            if ok and discard is not None:
                discard(result)
            return
        if cb is not None:
            cb(result)

    job.signals.done.connect(lambda r: finish(r, on_done, True))
    job.signals.failed.connect(lambda e: finish(e, on_error, False))
    QThreadPool.globalInstance().start(job)
    return job
