"""Long work off the GUI thread (issue #15): the demo button's failure is one sentence and the
button works again; while a worker is held at a midpoint the GUI thread answers, and the
window does not close under it without a question."""
from __future__ import annotations

import errno
import threading

import pytest

pytest.importorskip("PySide6")


@pytest.fixture
def boxes(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    return told


def _demo_window(qtbot, home):
    from ui.main_window import MainWindow

    w = MainWindow(home)
    qtbot.addWidget(w)
    w.load_portfolio()  # no profile yet: the demo page
    return w


def test_a_failed_demo_is_one_sentence_and_the_button_works_again(qtbot, home, boxes, monkeypatch, own_qsettings):
    from btdesk.services import demo

    real = demo.create_demo
    calls: list[int] = []

    def refused_once(where, *a, **k):
        calls.append(1)
        if len(calls) == 1:
            raise OSError(errno.EACCES, "Permission denied", str(where))
        return real(where, *a, **k)

    monkeypatch.setattr(demo, "create_demo", refused_once)
    w = _demo_window(qtbot, home)
    button = w.startup.demo_button
    button.click()
    qtbot.waitUntil(lambda: bool(boxes), timeout=60000)
    sentence = (f"btdesk får inte använda {home} (åtkomst nekad); kontrollera behörigheterna och försök igen "
                "— ingenting ändrades.")
    assert boxes == [f"{sentence}\n\nLoggen finns i {home / 'logs' / 'btdesk.log'}."]
    assert w.status.text() == sentence and button.isEnabled() and w.portfolio is None
    with qtbot.waitSignal(w.portfolio_loaded, timeout=120000):
        button.click()  # the retry works
    assert w.portfolio is not None and w.portfolio.profile.name
    w.close()


def test_the_window_answers_and_asks_before_closing_while_the_demo_is_held(qtbot, home, monkeypatch, own_qsettings):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from btdesk.services import demo

    real = demo.create_demo
    held, release = threading.Event(), threading.Event()

    def held_midway(where, *a, **k):
        held.set()
        release.wait()  # the test lets it go on
        return real(where, *a, **k)

    monkeypatch.setattr(demo, "create_demo", held_midway)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.No)
    w = _demo_window(qtbot, home)
    w.show()
    w.startup.demo_button.click()
    qtbot.waitUntil(held.is_set)
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(not release.is_set()))  # posted to the GUI thread
    qtbot.waitUntil(lambda: bool(ran))
    assert ran == [True]  # the GUI thread ran it while the worker was held
    assert not w.close() and w.isVisible()  # the question was answered No: the window stays
    assert len(asked) == 1 and "arbetar fortfarande" in asked[0]
    with qtbot.waitSignal(w.portfolio_loaded, timeout=120000):
        release.set()
    assert w.close() and len(asked) == 1  # nothing runs now: no question


def test_a_cancelled_demo_leaves_nothing_and_can_be_made_again(qtbot, home, monkeypatch, own_qsettings):
    from PySide6.QtCore import QTimer

    from btdesk.services import demo

    real = demo.fill_doctor
    held, release = threading.Event(), threading.Event()

    def held_midway(*a, **k):
        held.set()
        release.wait()  # the test lets it go on
        return real(*a, **k)

    monkeypatch.setattr(demo, "fill_doctor", held_midway)
    w = _demo_window(qtbot, home)
    button = w.startup.demo_button
    button.click()
    qtbot.waitUntil(held.is_set)
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(not release.is_set()))  # the GUI thread runs it while held
    qtbot.waitUntil(lambda: bool(ran))
    dialog = w.startup.demo_job.dialog
    dialog.cancel_button.click()
    assert dialog.note.text() == "Avbryter; det pågående arbetet sparas inte, och ingenting ändras."
    with qtbot.waitSignal(w.startup.demo_job.stopped, timeout=60000):
        release.set()
    assert w.status.text() == "Avbrutet; ingenting ändrades." and button.isEnabled() and w.portfolio is None
    assert not (home / "portfolio.sqlite").exists() and ran == [True]
    monkeypatch.setattr(demo, "fill_doctor", real)
    with qtbot.waitSignal(w.portfolio_loaded, timeout=120000):
        button.click()  # nothing of the stopped one stands in the way
    assert w.portfolio is not None
    w.close()
