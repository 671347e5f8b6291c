"""Kullen in the window: import with a progress bar, filters, sorting, CSV, a read-only doctor."""
from __future__ import annotations

import csv
from datetime import date

from btdesk.services.portfolio import Portfolio
from test_unit_import import DOCTORS, make_cohort, tamper


def test_cohort_view_imports_filters_exports_and_opens_a_doctor(qtbot, tmp_path):
    from ui.unit.cohort_view import CohortView

    world = make_cohort(tmp_path)
    unit = Portfolio.open(world.unit)
    try:
        view = CohortView(today=date(2027, 3, 1))
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.loaded, timeout=20000):
            view.refresh(unit)
        assert view.proxy.rowCount() == 0

        moves = []
        view._progress.moved.connect(lambda d, t: moves.append((d, t)))
        bad = tamper(world.bundles[1], tmp_path / "damaged.btbundle")
        with qtbot.waitSignal(view.imported, timeout=30000) as got:
            view.start_import([*world.bundles, bad])
        summary = got.args[0]
        assert len(summary.imported) == 3 and len(summary.rejected) == 1
        qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=20000)
        assert moves[-1] == (4, 4) and view.inbox_button.isEnabled()
        assert sorted(r.name for r in view.proxy.visible_rows()) == list(DOCTORS)
        assert "3 BT-läkare visas" in view.status.text() or "refused" in view.status.text()

        # sorting by name descending, by the value and not the text
        view.table.sortByColumn(0, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.DescendingOrder)
        assert [r.name for r in view.proxy.visible_rows()] == sorted(DOCTORS, reverse=True)
        # filters: one start cohort, behind in phase, nothing sent for a while
        assert [view.cohort_box.itemData(i) for i in range(view.cohort_box.count())] == ["", "2027 VT"]
        view.cohort_box.setCurrentIndex(1)
        assert view.proxy.rowCount() == 3
        view.phase_box.setCurrentIndex(view.phase_box.findData("in"))
        in_phase = view.proxy.rowCount()
        view.phase_box.setCurrentIndex(view.phase_box.findData("behind"))
        assert in_phase + view.proxy.rowCount() == 3
        view.phase_box.setCurrentIndex(0)
        view.stale_box.setChecked(True)
        assert view.proxy.rowCount() == 3  # on 2027-03-01 the bundles, sent today, are months old
        view.stale_box.setChecked(False)

        out = tmp_path / "kullen.csv"
        assert view.export_csv(out) == 3
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
        assert sorted(r["name"] for r in rows) == list(DOCTORS) and rows[0]["cohort"] == "2027 VT"

        view.table.selectRow(0)
        dlg = view.open_selected()
        qtbot.addWidget(dlg)
        assert dlg.doctor.profile.name == view.selected_row().name
        assert "skrivskyddad" in dlg.windowTitle()
        assert dlg.overview.title.text() == dlg.doctor.profile.name
        assert dlg.placements.rowCount() == 1 and dlg.placements.item(0, 1).text() == "Södersjukhuset"
    finally:
        unit.close()


def test_bundles_dropped_in_the_inbox_are_imported_by_themselves(qtbot, tmp_path):
    import shutil

    from btdesk.services.sync import FOLDER_KEY
    from ui.unit.cohort_view import CohortView

    world = make_cohort(tmp_path)
    unit = Portfolio.open(world.unit)
    try:
        folder = tmp_path / "share"
        unit.set_setting(FOLDER_KEY, str(folder))
        view = CohortView(today=date(2027, 3, 1))
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.loaded, timeout=20000):
            view.refresh(unit)
        assert view.watched == folder / "inbox" and view.model.rowCount() == 0
        for b in world.bundles:
            shutil.copy(b, folder / "inbox" / b.name)  # as a cloud client would deliver them
        with qtbot.waitSignal(view.imported, timeout=30000) as got:
            pass
        assert len(got.args[0].imported) == 3
        qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=20000)
        assert sorted(p.name for p in (folder / "inbox" / "done").iterdir()) == sorted(b.name for b in world.bundles)
    finally:
        unit.close()


def test_kullen_hands_a_doctor_her_own_bundles_back(qtbot, tmp_path, monkeypatch):
    """Journey 7 in the unit's window: the bundles come back byte for byte, the doctor's only."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from ui.main_window import MainWindow
    from ui.unit.pages import CohortPage

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    world = make_cohort(tmp_path)
    unit = Portfolio.open(world.unit)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    w = MainWindow(world.unit, portfolio=unit)
    qtbot.addWidget(w)
    page = w.go_to("Kullen")
    assert isinstance(page, CohortPage)
    with qtbot.waitSignal(page.imported, timeout=30000):
        page.start_import(list(world.bundles))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=20000)
    page.table.selectRow(0)
    row = page.selected_row()
    back = page.return_selected(str(tmp_path))
    assert len(back) == 1 and told and row.name in told[-1]
    (mine,) = [b for b in world.bundles if b.read_bytes() == back[0].read_bytes()]
    assert back[0].parent.name == f"btdesk-{row.fingerprint[:8]}"
    w.close()
