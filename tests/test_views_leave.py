"""Leave in the window's Placeringar view: added, edited and removed through dialogs, undoable,
and the months served and planned follow at once."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QDate, Qt

import test_views

# the views' tests' fixtures and helper: a doctor's window on a real portfolio
_own_settings, window, in_dialog = test_views._own_settings, test_views.window, test_views.in_dialog


def _planned(view, row: int) -> str:
    return view.table.item(row, 8).text()


def _fill(qtbot, dlg, kind: str, start: str, end: str, percent: int | None = None) -> None:
    dlg.type.setCurrentIndex(dlg.type.findData(kind))
    dlg.start.setDate(QDate.fromString(start, "yyyy-MM-dd"))
    dlg.end.setDate(QDate.fromString(end, "yyyy-MM-dd"))
    if percent is not None:
        dlg.percent.setValue(percent)
    qtbot.keyClick(dlg.percent, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_sick_leave_added_edited_and_undone_in_placeringar(qtbot, window):
    view = window.go_to("Plan")
    assert _planned(view, 0) == "4,0" and view.leave_table.rowCount() == 0
    done = in_dialog(qtbot, window, lambda dlg: _fill(qtbot, dlg, "sjukfranvaro", "2027-02-01", "2027-02-21"))
    view.edit_leave(new=True)
    assert done and view.leave_table.rowCount() == 1
    assert view.leave_table.item(0, 0).text() == "Sjukfrånvaro"
    # three weeks of February are 0,75 months: akut sjukvård is 3,25 months full time
    assert _planned(view, 0) == "3,2"
    assert "0,7 i hela planen" in view.leave_summary.text()
    view.leave_table.selectRow(0)
    done = in_dialog(qtbot, window, lambda dlg: _fill(qtbot, dlg, "sjukfranvaro", "2027-02-01", "2027-02-21", 50))
    view.edit_leave()
    assert done and view.leave_table.item(0, 3).text() == "50 %"
    assert _planned(view, 0) == "3,6"
    window.undo_action.trigger()  # the edit
    assert view.leave_table.item(0, 3).text() == "100 %" and _planned(view, 0) == "3,2"
    window.undo_action.trigger()  # the new leave
    assert view.leave_table.rowCount() == 0 and _planned(view, 0) == "4,0"


def test_leave_removed_and_restored(qtbot, window):
    from btdesk.services.leave import add_leave

    add_leave(window.portfolio, type="foraldraledighet", start="2027-05-01", end="2027-08-31", percent=50)
    view = window.go_to("Plan")
    window.refresh()
    assert _planned(view, 1) == "2,0"  # allmänmedicin at half time
    assert any("Allmänmedicin motsvarar 2,0 månader" in line for line in view.warnings.text().splitlines())
    view.leave_table.selectRow(0)
    view.delete_leave()
    assert view.leave_table.rowCount() == 0 and _planned(view, 1) == "4,0"
    window.undo_action.trigger()
    assert view.leave_table.rowCount() == 1 and _planned(view, 1) == "2,0"


def test_leave_ending_before_it_starts_is_refused_in_the_dialog(qtbot, window):
    view = window.go_to("Plan")
    seen = {}

    def bad(dlg):
        _fill(qtbot, dlg, "tjanstledighet", "2027-03-10", "2027-03-01")
        seen["visible"], seen["error"] = dlg.isVisible(), dlg.error.text()

    done = in_dialog(qtbot, window, bad)
    view.edit_leave(new=True)
    assert done and seen["visible"]
    assert "Ledigheten slutar 2027-03-01 före sin start 2027-03-10" in seen["error"]
    assert view.leave_table.rowCount() == 0 and window.portfolio.records("leave") == []
