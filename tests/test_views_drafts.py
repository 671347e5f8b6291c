"""A dialog left open by a crash comes back: the next window offers the draft and reopens it."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from ui.widgets import draft_keeper

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings("btdesk", "btdesk").clear()
    monkeypatch.setattr(draft_keeper, "INTERVAL_MS", 50)  # seconds in the app; a test need not wait


def _window(qtbot, home, doctor):
    from ui.main_window import MainWindow

    w = MainWindow(home, portfolio=doctor)
    qtbot.addWidget(w)
    w.show()
    return w


def _answer(qtbot, button: str) -> None:
    """Click button in the question box the next call shows (Esc on a changed form asks)."""
    def step():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, step)
            return
        (b,) = [b for b in box.buttons() if b.text() == button]
        b.click()
    QTimer.singleShot(0, step)


def _crash(dlg) -> None:
    """The process dies with the dialog open: it vanishes without accept or reject."""
    shiboken6.delete(dlg)


def _when_modal(qtbot, w, kind, interact, done):
    """Run interact(dialog) once w shows a modal dialog of this kind."""
    def step():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, kind) or not dlg.isVisible():
            QTimer.singleShot(10, step)
            return
        try:
            interact(dlg)
        finally:
            done.append(dlg)
    QTimer.singleShot(0, step)


def test_an_activity_typed_before_a_crash_is_offered_and_restored(qtbot, home, doctor):
    from ui.views.activity_dialog import ActivityDialog

    w = _window(qtbot, home, doctor)
    dlg = w.edits.make_activity_dialog()
    dlg.show()
    qtbot.keyClicks(dlg.title, "Halvskriven ALS-kurs")
    qtbot.keyClicks(dlg.notes, "Hjartstopp, scenario 2")
    drafts = home / "drafts"
    qtbot.waitUntil(lambda: any(drafts.glob("window.activity.json")), timeout=3000)
    _crash(dlg)
    w.portfolio = None  # the doctor fixture closes the portfolio
    w.close()

    seen, offered, reopened = {}, [], []

    def resume(box):
        seen["offer"] = box.text()
        seen["summary"] = box.informativeText()
        (button,) = [b for b in box.buttons() if b.text() == "Återuppta"]
        button.click()

    def check_and_save(d):
        seen["title"] = d.title.text()
        seen["notes"] = d.notes.toPlainText()
        qtbot.keyClick(d.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    w2 = _window(qtbot, home, doctor)
    _when_modal(qtbot, w2, QMessageBox, resume, offered)
    _when_modal(qtbot, w2, ActivityDialog, check_and_save, reopened)
    qtbot.waitUntil(lambda: bool(reopened), timeout=5000)
    assert "aktiviteten" in seen["offer"] and "Halvskriven ALS-kurs" in seen["summary"]
    assert seen["title"] == "Halvskriven ALS-kurs"
    assert seen["notes"] == "Hjartstopp, scenario 2"
    assert [r.body["title"] for r in doctor.records("activity")] == ["Halvskriven ALS-kurs"]
    assert not any(drafts.glob("*.json"))  # saved: the draft is gone, nothing is offered again
    w2.portfolio = None


def test_a_discarded_draft_is_gone_and_a_saved_dialog_leaves_none(qtbot, home, doctor):
    from ui.views.placement_dialog import PlacementDialog
    from ui.views.talk_dialog import TalkDialog

    w = _window(qtbot, home, doctor)
    view = w.go_to("Plan")
    view.table.selectRow(0)
    done = []

    def type_then_cancel(d):
        qtbot.keyClicks(d.site, " akutmottagning")
        qtbot.waitUntil(lambda: any((home / "drafts").glob("window.placement.json")), timeout=3000)
        _answer(qtbot, "Kasta")
        d.reject()  # cancelled, the changes thrown away: no draft remains

    _when_modal(qtbot, w, PlacementDialog, type_then_cancel, done)
    view.edit()
    assert done and not any((home / "drafts").glob("*.json"))

    # a talk draft from a crash, thrown away with Kasta: never offered again
    talks = w.go_to("Handledning")

    def crash(d):
        qtbot.keyClicks(d.topics, "Feedback")
        qtbot.waitUntil(lambda: any((home / "drafts").glob("window.talk.json")), timeout=3000)
        d.draft_keeper.timer.stop()
        d.finished.disconnect()  # as if the process died here: no close reaches the draft
        d.done(0)

    _when_modal(qtbot, w, TalkDialog, crash, [])
    talks.edit(new=True)
    assert (home / "drafts" / "window.talk.json").exists()
    offered = []

    def throw_away(box):
        offered.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == "Kasta"]
        button.click()

    _when_modal(qtbot, w, QMessageBox, throw_away, [])
    w.drafts.offer_drafts()
    assert offered and "samtalet" in offered[0]
    assert not (home / "drafts" / "window.talk.json").exists()
    w.portfolio = None
