"""The first window: it shows the profile, the programme and a progress summary."""
from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")


@pytest.fixture
def demo_home(tmp_path):
    from btdesk.services.demo import create_demo

    home = tmp_path / "demo"
    create_demo(home).close()
    return home


def test_window_shows_name_programme_and_progress(qtbot, demo_home):
    from ui.main_window import MainWindow

    w = MainWindow(demo_home)
    qtbot.addWidget(w)
    w.show()
    w.load_portfolio()
    assert w.windowTitle() == "btdesk – Amira Haddad"
    ov = w.views["Översikt"]
    assert ov.title.text() == "Amira Haddad"
    assert "Region Stockholm" in ov.summary.text() or "Stockholm" in ov.summary.text()
    assert "månader" in ov.summary.text()
    assert ov.delmal.rowCount() == 18
    assert ov.delmal.item(0, 0).text() == "BT1"
    w.close()
    assert w.portfolio is None  # closing releases the portfolio for the next btdesk


def test_window_offers_a_demo_when_there_is_no_portfolio(qtbot, tmp_path):
    from PySide6.QtWidgets import QPushButton

    from ui.main_window import MainWindow

    w = MainWindow(tmp_path / "empty")
    qtbot.addWidget(w)
    w.load_portfolio()
    buttons = [b for b in w.findChildren(QPushButton) if "demo" in b.text().lower()]
    assert buttons
    buttons[0].click()
    assert w.portfolio is not None and w.portfolio.profile.name == "Amira Haddad"
    assert w.views["Översikt"].delmal.rowCount() == 18
    w.close()


def test_window_reports_a_portfolio_in_use(qtbot, demo_home, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from btdesk.services.portfolio import Portfolio
    from ui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    holder = Portfolio.open(demo_home)
    try:
        w = MainWindow(demo_home)
        qtbot.addWidget(w)
        w.load_portfolio()
        assert shown and "already open" in shown[0]
        assert w.portfolio is None
    finally:
        holder.close()
