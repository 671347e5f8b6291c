"""Each role's home as a person sees it: grabbed at 1280×800 and saved by the run (under
BTDESK_SCREENSHOT_DIR when set, else the test's tmp folder) for a person to look at; the home's
page is filled, not half empty; and every view still fits a 1280×800 screen at 200 % scaling
(640×400 logical pixels), scrolling where it must instead of pushing the window off the screen."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from journey_kit import own_settings

HOMES = {"doctor": "Översikt", "supervisor": "Mina BT-läkare", "unit": "Kullen"}


def _window(qtbot, tmp_path: Path, role: str):
    from btdesk.services.demo import create_demo
    from ui.main_window import MainWindow

    own_settings(tmp_path)
    p = create_demo(tmp_path / role, role=role)
    w = MainWindow(tmp_path / role, portfolio=p)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("BTDESK_SCREENSHOT_DIR") or tmp_path / "screens")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _filled(view: QWidget) -> QRect:
    """The part of the view that its visible widgets cover."""
    covered = QRect()
    for child in view.findChildren(QWidget):
        if child.isVisibleTo(view) and child.width() > 0 and child.height() > 0:
            covered = covered.united(QRect(child.mapTo(view, child.rect().topLeft()), child.size()))
    return covered


@pytest.mark.parametrize("role", list(HOMES))
def test_each_home_fills_its_page_at_1280x800(qtbot, tmp_path, role):
    w = _window(qtbot, tmp_path, role)
    try:
        assert w.current_key() == HOMES[role]
        home = w.views[HOMES[role]]
        for _ in range(3):
            QApplication.processEvents()
        shot = w.grab()
        path = _shots(tmp_path) / f"home-{role}-1280x800.png"
        assert shot.save(str(path)) and path.stat().st_size > 10_000
        assert (shot.width(), shot.height()) == (1280, 800)  # the window fits the screen as asked
        page, covered = home.rect(), _filled(home)
        assert home.width() > 1280 * 0.7 and home.height() > 800 * 0.7, home.size()
        assert covered.width() >= page.width() * 0.9, (covered, page)
        assert covered.height() >= page.height() * 0.85, (covered, page)  # no empty lower half
    finally:
        w.close()


@pytest.mark.parametrize("role", list(HOMES))
def test_every_view_fits_a_1280x800_screen_at_200_percent(qtbot, tmp_path, role):
    w = _window(qtbot, tmp_path, role)
    try:
        for i in range(w.sidebar.count()):
            w.sidebar.setCurrentRow(i)  # every view built: the widest one sets the window's minimum
        w.resize(640, 400)
        QApplication.processEvents()
        assert w.width() <= 640 and w.height() <= 400, (w.views.current_key(), w.size(), w.minimumSizeHint())
        w.grab().save(str(_shots(tmp_path) / f"{role}-640x400-logical.png"))
    finally:
        w.close()


def test_nothing_the_unit_lists_can_be_edited(qtbot, tmp_path):
    """Kullen, Import, Slutbedömning, Certifikat, Statistik list records from many doctors:
    every table there shows and never edits."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    w = _window(qtbot, tmp_path, "unit")
    try:
        for i, key in enumerate(w.views.keys()):
            w.sidebar.setCurrentRow(i)
            tables = [t for t in w.views[key].findChildren(QAbstractItemView) if not isinstance(t, QHeaderView)]
            editable = [t for t in tables if t.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers]
            assert not editable, (key, editable)
    finally:
        w.close()


def test_texts_stay_readable_at_200_percent(qtbot, tmp_path):
    """At 640×400 logical pixels a checklist item and a delmål title keep a readable share of
    their table (they wrap), instead of shrinking to a few letters between wide columns."""
    w = _window(qtbot, tmp_path, "doctor")
    try:
        w.resize(640, 400)
        for key, attr, column in (("Checklistor", "table", 1), ("Översikt", "delmal", 1)):
            w.sidebar.setCurrentRow(list(w.views.keys()).index(key))
            QApplication.processEvents()
            t = getattr(w.views[key], attr)
            assert t.rowCount() > 0, key
            room = t.viewport().width()
            assert t.columnWidth(column) >= room * 0.4, (key, t.columnWidth(column), room)
            text = t.item(0, column).text()
            assert t.fontMetrics().horizontalAdvance(text.split()[0]) < t.columnWidth(column), (key, text)
    finally:
        w.close()
