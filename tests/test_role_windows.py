"""Each role's own window: its views and none of the others', each view filled or saying what
to do first; screenshots of each role's home at 1280×800 (saved under the test's tmp folder, or
BTDESK_SHOTS when set, for a person to look at)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QApplication, QLabel

ROLES = {
    "doctor": ["Översikt", "Plan", "Checklistor", "Aktiviteter", "Handledning", "Bedömningar", "Delmål",
               "Dokument", "Export"],
    "supervisor": ["Mina BT-läkare", "Begäranden", "Givna bedömningar", "Samtal", "Export/Synk"],
    "unit": ["Kullen", "Import", "Slutbedömning", "Certifikat", "Statistik"],
}


@pytest.fixture(autouse=True)
def _own_settings(tmp_path):
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings("btdesk", "btdesk").clear()


def _window(qtbot, home: Path, role: str):
    from btdesk.services.demo import create_demo
    from ui.main_window import MainWindow

    p = create_demo(home, role=role)
    w = MainWindow(home, portfolio=p)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("BTDESK_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_sees_its_own_views_each_filled_or_saying_what_to_do(qtbot, tmp_path, role):
    from ui.views.labels import role_names

    w = _window(qtbot, tmp_path / role, role)
    try:
        assert w.views.keys() == ROLES[role]
        assert [w.sidebar.item(i).text() for i in range(w.sidebar.count())] == ROLES[role]
        assert all(not w.sidebar.item(i).icon().isNull() for i in range(w.sidebar.count()))
        # the role in words in the status line, never its key
        assert role_names()[role] in w.status.text() and f"· {role}" not in w.status.text()
        for i, key in enumerate(ROLES[role]):
            w.sidebar.setCurrentRow(i)
            view = w.stack.currentWidget()
            assert view is w.views[key]
            shown = [lbl.text() for lbl in view.findChildren(QLabel) if lbl.isVisibleTo(view) and lbl.text()]
            assert shown, f"{key} shows nothing at all"
        w.sidebar.setCurrentRow(0)
        QApplication.processEvents()
        w.grab().save(str(_shots(tmp_path) / f"home-{role}.png"))
    finally:
        w.close()


def test_the_window_opens_with_the_role_the_portfolio_turns_out_to_have(qtbot, tmp_path):
    """The frame is painted for the last role used (here none: the doctor's); a unit's
    portfolio then gets the unit's views."""
    from btdesk.services.demo import create_demo
    from ui.main_window import MainWindow

    create_demo(tmp_path / "u", role="unit").close()
    w = MainWindow(tmp_path / "u")
    qtbot.addWidget(w)
    assert w.views.keys() == ROLES["doctor"]
    w.load_portfolio()
    assert w.views.keys() == ROLES["unit"] and w.current_key() == "Kullen"
    w.close()
