"""pytest-qt drives each view of the doctor's window on a real portfolio, as a user would."""
from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _own_settings(own_qsettings):
    """QSettings caches its file per process: point it at this test's folder."""


@pytest.fixture
def window(doctor_window):
    return doctor_window


def in_dialog(qtbot, w, interact):
    """Run interact(dialog) once the modal dialog the next call opens is showing."""
    done = []

    def step():
        dlg = QApplication.activeModalWidget()
        if dlg is None or not dlg.isVisible():
            QTimer.singleShot(10, step)
            return
        try:
            interact(dlg)
        finally:
            done.append(True)
            if dlg.isVisible():
                dlg.done(0)  # closed by the test, past Esc's question about changes

    QTimer.singleShot(0, step)
    return done


def rows(view) -> list[list[str]]:
    m = view.table.model()
    return [[m.index(r, c).data() or "" for c in range(m.columnCount())] for r in range(m.rowCount())]


def titles(view) -> list[str]:
    return [r[2] for r in rows(view)]


def add_activity_by_keyboard(qtbot, w, title="ALS-kurs", hours="6"):
    def type_it(dlg):
        assert dlg.windowTitle() == "Ny aktivitet"
        qtbot.keyClick(dlg.type, Qt.Key.Key_Tab)  # type (Kurs) → title
        qtbot.keyClicks(dlg.focusWidget(), title)
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)  # → date
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)  # → hours
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dlg.focusWidget(), hours)
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)  # → placement
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)  # → BT1
        assert dlg.focusWidget() is dlg.delmal.boxes["BT1"]
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Space)
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert not dlg.isVisible()  # Ctrl+Enter saved and closed it

    done = in_dialog(qtbot, w, type_it)
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert done


def test_ctrl_n_adds_an_activity_by_keyboard_then_edit_undo_redo(qtbot, window):
    w = window
    add_activity_by_keyboard(qtbot, w)
    view = w.go_to("Aktiviteter")
    (row,) = [r for r in rows(view) if r[2] == "ALS-kurs"]
    assert row[1] == "Kurs" and row[3] == "6" and row[4] == "BT1"
    assert row[0] == date.today().isoformat()  # Swedish short date

    view.select_record(view.model.rows[0].id)
    done = in_dialog(qtbot, w, lambda dlg: (dlg.title.selectAll(), qtbot.keyClicks(dlg.title, "ALS, repetition"),
                                            qtbot.keyClick(dlg.title, Qt.Key.Key_Return,
                                                           Qt.KeyboardModifier.ControlModifier)))
    view.edit_selected()
    assert done
    assert titles(view) == ["ALS, repetition"]

    w.undo_action.trigger()
    assert titles(view) == ["ALS-kurs"]
    w.undo_action.trigger()
    assert titles(view) == []
    assert view.count.text() == "0 av 0 aktiviteter"
    w.redo_action.trigger()
    assert titles(view) == ["ALS-kurs"]
    w.redo_action.trigger()
    assert titles(view) == ["ALS, repetition"]
    # every step was a new version in the store, nothing erased
    assert [v.version for v in w.portfolio.history(view.model.rows[0].id)] == [1, 2, 3, 4, 5, 6]


def test_delete_and_undo_restores_the_activity(qtbot, window):
    from btdesk.services.entries import save_activity

    save_activity(window.portfolio, type="course", title="Sepsis", date="2027-02-01", delmal=["BT1"])
    view = window.go_to("Aktiviteter")
    window.refresh()
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert titles(view) == []
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(view) == ["Sepsis"]


def test_personnummer_in_notes_is_warned_about_before_saving(qtbot, window):
    def check(dlg):
        qtbot.keyClicks(dlg.notes, "Patient 19121212-1212 med smarta")
        assert "personnummer" in dlg.warning.text().lower()

    done = in_dialog(qtbot, window, check)
    window.edits.activity(None)
    assert done


def test_filter_by_delmal_placement_type_and_text(qtbot, window):
    from btdesk.services import bt
    from btdesk.services.entries import save_activity

    p = window.portfolio
    akut = bt.placements(p)[0]
    save_activity(p, type="course", title="ALS", date="2027-01-10", hours=8, delmal=["BT1"], placement=akut.id)
    save_activity(p, type="seminar", title="Etik i vården", date="2027-02-10", delmal=["BT8"])
    save_activity(p, type="course", title="Suicidrisk", date="2027-03-10", delmal=["BT2", "BT8"],
                  notes="Bra kurs om riskbedömning")
    view = window.go_to("Aktiviteter")
    window.refresh()
    assert sorted(titles(view)) == ["ALS", "Etik i vården", "Suicidrisk"]
    view.delmal.setCurrentIndex(view.delmal.findData("BT8"))
    assert sorted(titles(view)) == ["Etik i vården", "Suicidrisk"]
    qtbot.keyClicks(view.text, "riskbed")  # found in the notes (QTest types ASCII only)
    assert titles(view) == ["Suicidrisk"]
    assert view.count.text() == "1 av 3 aktiviteter"
    view.text.clear()
    view.delmal.setCurrentIndex(0)
    view.type.setCurrentIndex(view.type.findData("course"))
    assert sorted(titles(view)) == ["ALS", "Suicidrisk"]
    view.placement.setCurrentIndex(view.placement.findData(akut.id))
    assert titles(view) == ["ALS"]


def test_sorting_by_a_column(qtbot, window):
    from btdesk.services.entries import save_activity

    for t, h in (("B", 2), ("A", 10), ("C", 1)):
        save_activity(window.portfolio, type="course", title=t, date="2027-01-10", hours=h)
    view = window.go_to("Aktiviteter")
    window.refresh()
    view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # hours, numerically
    assert titles(view) == ["C", "B", "A"]
    view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert titles(view) == ["C", "B", "A"]
    view.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert titles(view) == ["A", "B", "C"]


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_dropping_a_file_attaches_it_and_open_copies_it_under_its_name(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices, QDragEnterEvent

    pdf = tmp_path / "Kursintyg ALS.pdf"
    pdf.write_bytes(b"%PDF-1.4 certificate")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf))])
    enter = QDragEnterEvent(QPointF(200, 200).toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    # QApplication only delivers a drop during a real drag; hand it to the window as Qt would
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    from ui.views.document_dialog import DocumentDialog

    def details(dlg):  # the attached file's details: a date, delmål; the title is the file's name
        assert isinstance(dlg, DocumentDialog) and dlg.title.text() == "Kursintyg ALS"
        qtbot.keyClick(dlg.delmal.boxes["BT1"], Qt.Key.Key_Space)
        qtbot.keyClick(dlg.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    done = in_dialog(qtbot, window, details)
    window.dropEvent(event)
    assert done
    view = window.views["Dokument"]
    assert window.stack.currentWidget() is view
    assert view.table.rowCount() == 1
    assert view.table.item(0, 0).text() == "Kursintyg ALS"
    assert view.table.item(0, 1).text() == "Kursintyg ALS.pdf" and view.table.item(0, 4).text() == "BT1"

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    view.table.selectRow(0)
    view.open_selected()
    assert opened and opened[0].endswith("/Kursintyg ALS.pdf")
    assert open(opened[0], "rb").read() == b"%PDF-1.4 certificate"
    window.undo_action.trigger()
    assert view.table.rowCount() == 0


def test_history_dialog_shows_every_version(qtbot, window):
    from btdesk.services.entries import save_activity

    p = window.portfolio
    r, _ = save_activity(p, type="course", title="Första", date="2027-01-10")
    save_activity(p, type="course", title="Andra", date="2027-01-10", record_id=r.id)
    save_activity(p, type="course", title="Tredje", date="2027-01-10", record_id=r.id)
    view = window.go_to("Aktiviteter")
    window.refresh()
    view.select_record(r.id)
    seen = {}

    def look(dlg):
        seen["rows"] = [dlg.table.item(i, 0).text() for i in range(dlg.table.rowCount())]
        seen["newest"] = dlg.body.toPlainText()
        dlg.table.selectRow(2)
        seen["oldest"] = dlg.body.toPlainText()

    done = in_dialog(qtbot, window, look)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert done
    assert seen["rows"] == ["3", "2", "1"]
    assert "Tredje" in seen["newest"] and "Första" in seen["oldest"]


def test_search_finds_an_entry_and_jumps_to_it(qtbot, window):
    from btdesk.services.entries import save_activity, save_talk

    p = window.portfolio
    r, _ = save_activity(p, type="course", title="Akut internmedicin", date="2027-01-10")
    save_talk(p, date="2027-01-14", notes="Inget om kursen")
    window.refresh()

    def find(dlg):
        qtbot.keyClicks(dlg.query, "internmedicin")
        qtbot.keyClick(dlg.query, Qt.Key.Key_Return)

    done = in_dialog(qtbot, window, find)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert done
    view = window.views["Aktiviteter"]
    assert window.stack.currentWidget() is view
    assert view.selected_record_id() == r.id


def test_worker_delivers_result_and_error_on_the_gui_thread(qtbot, window):
    import threading

    from ui.worker import run_in_background

    gui = threading.get_ident()
    got = []
    run_in_background(window, lambda: (threading.get_ident(), 42),
                      on_done=lambda r: got.append((r, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    (worker_thread, value), thread = got[0]
    assert value == 42 and thread == gui and worker_thread != gui
    errors = []
    run_in_background(window, lambda: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)
