"""The entry forms by keyboard, as the new user met them (issue 14, item 8): Esc on a changed
form asks (keep a draft, throw away, go on); "K" in Typ is Kurs; a date years ahead is asked
about; a minus in Timmar is refused with a sentence."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.views.activity_dialog import ActivityDialog


@pytest.fixture(autouse=True)
def _settings(own_qsettings):
    yield


def when_modal(qtbot, kind, interact):
    done: list[bool] = []

    def step() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, kind) or not dlg.isVisible():
            QTimer.singleShot(10, step)
            return
        interact(dlg)
        done.append(True)
    QTimer.singleShot(0, step)
    return done


def press(qtbot, box_text: str):
    """Press the button box_text in the question box that appears next."""
    seen: list[str] = []

    def click(box: QMessageBox) -> None:
        seen.append(box.text())
        (b,) = [b for b in box.buttons() if b.text() == box_text]
        qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    return seen, when_modal(qtbot, QMessageBox, click)


def test_esc_on_a_changed_activity_asks_and_a_kept_draft_comes_back(qtbot, doctor_window, home):
    w = doctor_window
    drafts = home / "drafts"

    def first(dlg: ActivityDialog) -> None:
        qtbot.keyClick(dlg.type, Qt.Key.Key_Tab)
        qtbot.keyClicks(dlg.focusWidget(), "Halvskriven ALS-kurs")
        asked, _ = press(qtbot, "Fortsätt skriva")
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Escape)
        assert asked and dlg.isVisible()  # went on: nothing lost
        press(qtbot, "Behåll utkast")
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Escape)
        assert not dlg.isVisible()

    assert when_modal(qtbot, ActivityDialog, first) is not None
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert (drafts / "window.activity.json").exists()
    assert w.portfolio.records("activity") == []

    def again(dlg: ActivityDialog) -> None:
        assert dlg.title.text() == "Halvskriven ALS-kurs"  # the kept draft, when the form opens again
        press(qtbot, "Kasta")
        qtbot.keyClick(dlg.title, Qt.Key.Key_Escape)
        assert not dlg.isVisible()

    done = when_modal(qtbot, ActivityDialog, again)
    w.activateWindow()  # offscreen gives the focus back to no one when a dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert done and not (drafts / "window.activity.json").exists()


def test_an_untouched_form_closes_on_esc_without_a_question(qtbot, doctor_window):
    done = when_modal(qtbot, ActivityDialog, lambda dlg: qtbot.keyClick(dlg.type, Qt.Key.Key_Escape))
    qtbot.keyClick(doctor_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert done  # returned: no question box was waiting


@pytest.mark.parametrize("typed, label", [("K", "Kurs"), ("Kl", "Klinisk aktivitet"), ("akt", "Klinisk aktivitet"),
                                          ("s", "Seminarium"), ("sj", "Självstudier")])
def test_typing_in_typ_finds_the_word_meant(qtbot, doctor, typed, label):
    dlg = ActivityDialog(doctor)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.type.setCurrentIndex(dlg.type.findText("Kurs"))
    qtbot.keyClicks(dlg.type, typed)
    assert dlg.type.currentText() == label


def test_a_date_years_ahead_is_asked_about_and_a_minus_is_refused(qtbot, doctor_window, real_message_boxes):
    from PySide6.QtCore import QDate

    w = doctor_window

    def fill(dlg: ActivityDialog) -> None:
        qtbot.keyClicks(dlg.title, "ALS-kurs")
        dlg.hours.setFocus()
        qtbot.keyClicks(dlg.hours, "-")
        assert dlg.error.text() == "Antalet timmar kan inte vara negativt."
        assert dlg.hours.value() == 0
        dlg.date.setDate(QDate(2031, 5, 1))
        asked, _ = press(qtbot, "&No")
        qtbot.keyClick(dlg.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert asked and "2031-05-01" in asked[0] and dlg.isVisible()  # not saved; back in the form
        asked2, _ = press(qtbot, "&Yes")
        qtbot.keyClick(dlg.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert asked2 and not dlg.isVisible()

    done = when_modal(qtbot, ActivityDialog, fill)
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert done
    (act,) = w.portfolio.records("activity")
    assert act.body["date"] == "2031-05-01"
