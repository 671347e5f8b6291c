"""Reflections from the window: on a delmål's evidence, and instead of editing a signed assessment."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


@pytest.fixture(autouse=True)
def _own_settings(tmp_path):
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings("btdesk", "btdesk").clear()


def _when_modal(w, kind, interact, done):
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


def test_reflection_on_a_delmal_evidence_is_linked_listed_and_undoable(qtbot, home, doctor):
    from btdesk.services.entries import save_activity
    from ui.main_window import MainWindow
    from ui.views.reflection_dialog import ReflectionDialog

    act, _ = save_activity(doctor, type="course", title="ALS", date="2027-01-10", delmal=["BT1"])
    w = MainWindow(home, portfolio=doctor)
    qtbot.addWidget(w)
    w.show()
    view = w.go_to("Delmål")
    view.list.setCurrentRow(0)
    view.linked.selectRow(0)
    seen = {}

    def write(dlg):
        seen["about"] = dlg.about.text()
        seen["ticked"] = dlg.delmal.selected()
        qtbot.keyClicks(dlg.text, "Jag ledde HLR for forsta gangen")
        qtbot.keyClick(dlg.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    done = []
    _when_modal(w, ReflectionDialog, write, done)
    view.reflect.click()
    assert done
    assert seen["about"] == "Om: Aktivitet – ALS" and seen["ticked"] == ["BT1"]
    kinds = sorted(view.linked.item(r, 1).text() for r in range(view.linked.rowCount()))
    assert kinds == ["Aktivitet", "Reflektion"]
    (ref,) = doctor.records("reflection")
    assert ref.body["links"] == [act.id] and ref.body["text"] == "Jag ledde HLR for forsta gangen"
    w.undo_action.trigger()
    assert view.linked.rowCount() == 1
    w.portfolio = None


def test_editing_a_signed_assessment_explains_and_offers_a_reflection(qtbot, tmp_path):
    from btdesk.services.demo import create_demo
    from ui.main_window import MainWindow
    from ui.views.reflection_dialog import ReflectionDialog

    home = tmp_path / "demo"
    create_demo(home).close()
    w = MainWindow(home)
    qtbot.addWidget(w)
    w.show()
    w.load_portfolio()
    view = w.go_to("Bedömningar")
    assert view.table.rowCount() > 0
    view.table.selectRow(0)
    rid = view.selected_record_id()
    before = w.portfolio.get(rid)
    seen = {}

    def explained(box):
        seen["text"] = box.text()
        (button,) = [b for b in box.buttons() if b.text() == "Skriv reflektion …"]
        button.click()

    def write(dlg):
        seen["about"] = dlg.about.text()
        seen["ticked"] = dlg.delmal.selected()
        qtbot.keyClicks(dlg.text, "Bra aterkoppling om anamnesen")
        qtbot.keyClick(dlg.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    done = []
    _when_modal(w, QMessageBox, explained, [])
    _when_modal(w, ReflectionDialog, write, done)
    view.edit()
    assert done
    assert "signerad av " + before.author_name in seen["text"] and "kan inte ändras" in seen["text"]
    assert seen["about"].startswith("Om: Bedömning")
    assert seen["ticked"] == list(before.body.get("delmal", []))
    (ref,) = [r for r in w.portfolio.records("reflection") if rid in r.body["links"]]
    assert ref.body["text"] == "Bra aterkoppling om anamnesen"
    assert w.portfolio.get(rid).version == before.version  # the signed record is untouched
    w.close()
