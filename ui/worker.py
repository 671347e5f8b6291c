"""Run a service call off the GUI thread and hand the result back on it (Anki's CollectionOp).

    run_in_background(parent, lambda: import_bundle(p, path),
                      on_done=lambda result: ..., on_error=lambda exc: ...)

The call must not touch widgets; the callbacks run on the GUI thread. The parent keeps the
job alive and a parent that is gone gets no callback.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:  # runs in a pool thread
        try:
            result = self.fn()
        except BaseException as e:  # noqa: BLE001 - handed to the GUI thread to report
            self.signals.failed.emit(e)
        else:
            self.signals.done.emit(result)


_running: set[_Job] = set()


def running(window: QObject | None = None) -> int:
    """How many jobs have not finished (in `window`, or anywhere): the window asks before it
    closes under one of its own; a job of a window already gone never holds up another."""
    if window is None:
        return len(_running)
    return len(window.__dict__.get("_btdesk_jobs", ()))


def _window_of(obj: QObject) -> QObject:
    o: QObject | None = obj
    while o is not None and not isinstance(o, QWidget):
        o = o.parent()
    return o.window() if isinstance(o, QWidget) else obj


def run_in_background(parent: QObject, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None) -> _Job:
    job = _Job(fn)
    job.setAutoDelete(False)
    # signals are queued to the signals object's thread (the GUI thread): callbacks run there
    job.signals.setParent(parent)
    owner = _window_of(parent)  # the window that asks before it closes
    jobs = owner.__dict__.setdefault("_btdesk_jobs", set())
    jobs.add(job)
    _running.add(job)

    def finish(result, cb) -> None:
        jobs.discard(job)
        _running.discard(job)
        if cb is not None:
            cb(result)

    job.signals.done.connect(lambda r: finish(r, on_done))
    job.signals.failed.connect(lambda e: finish(e, on_error))
    QThreadPool.globalInstance().start(job)
    return job
