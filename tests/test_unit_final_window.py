"""The BT administrator plans a final assessment in the window, as she would with `unit final
schedule`: picks the BT-läkare by name and short fingerprint, a date, types the extern bedömare,
saves with Ctrl+Enter and saves the request file the assessors judge from."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from journey_kit import choose, own_settings, save, type_into, when_modal


def test_the_unit_plans_a_final_assessment_and_saves_its_request(qtbot, tmp_path, monkeypatch):
    from btdesk.services.demo import create_demo
    from btdesk.services.final.schedule import read_request
    from ui.main_window import MainWindow
    from ui.unit.final_page import ScheduleDialog

    own_settings(tmp_path)
    p = create_demo(tmp_path / "enheten", role="unit")
    w = MainWindow(tmp_path / "enheten", portfolio=p)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    page = w.go_to("Slutbedömning")
    assert page.empty.isVisible() and page.table.rowCount() == 0
    johan = next(fp for fp, name, _a in page.doctors if name == "Johan Lindqvist")
    out = tmp_path / "till-bedomarna.btfinalreq"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    def plan(dlg: ScheduleDialog) -> None:
        dlg.assessor.setFocus()
        save(qtbot, dlg)  # no assessor yet: refused with a sentence, the dialog stays
        assert dlg.isVisible() and "externa bedömaren" in dlg.error.text()
        choose(qtbot, dlg.doctor, (johan, ""))
        type_into(qtbot, dlg.assessor, "Dr Anna Svensson")
        save(qtbot, dlg)

    answered = when_modal(plan, ScheduleDialog)
    qtbot.mouseClick(page.schedule_button, Qt.MouseButton.LeftButton)
    assert answered
    assert page.table.rowCount() == 1 and not page.empty.isVisible()
    cells = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert cells[0].startswith("Johan Lindqvist (") and cells[2] == "Dr Anna Svensson" and cells[3] == "0 av 2"
    req = read_request(out)
    assert req["doctor_fingerprint"] == johan and req["assessor"] == "Dr Anna Svensson"
    assert date.fromisoformat(req["date"]) > date.today() and len(req["delmal"]) == 18
    assert out.name in page.result.text()
    w.close()
