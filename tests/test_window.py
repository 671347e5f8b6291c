"""The first window: it shows the profile, the programme and a progress summary."""
from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")


@pytest.fixture(autouse=True)
def _own_settings(tmp_path):
    """QSettings caches its file per process: point it at this test's folder."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings("btdesk", "btdesk").clear()


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
    with qtbot.waitSignal(w.portfolio_loaded, timeout=120000):  # the demo is made in a worker
        buttons[0].click()
    assert w.portfolio is not None and w.portfolio.profile.name == "Amira Haddad"
    assert w.views["Översikt"].delmal.rowCount() == 18
    w.close()


def test_window_reports_a_portfolio_in_use(qtbot, demo_home, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from btdesk.services.portfolio import Portfolio
    from ui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    holder = Portfolio.open(demo_home)
    try:
        w = MainWindow(demo_home)
        qtbot.addWidget(w)
        w.load_portfolio()
        assert len(shown) == 1 and str(demo_home) in shown[0]  # the sentence names the folder in use
        assert w.portfolio is None
    finally:
        holder.close()


@pytest.fixture
def doctor_window(qtbot, home, doctor):
    from ui.main_window import MainWindow

    w = MainWindow(home, portfolio=doctor)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.portfolio = None  # the doctor fixture closes it


def test_switch_language_to_english_and_back(qtbot, doctor_window):
    w = doctor_window
    assert w.sidebar.item(0).text() == "Översikt"
    w.set_language("en")
    assert [w.sidebar.item(i).text() for i in range(3)] == ["Overview", "Plan", "Checklists"]
    acts = w.go_to("Aktiviteter")
    assert acts.count.text() == "0 of 0 activities"
    assert w.views["Plan"].table.horizontalHeaderItem(1).text() == "Site"
    assert "of 12.0 months served · planned: 12.0" in w.go_to("Översikt").summary.text()
    assert w.menuBar().actions()[0].text() == "&File"
    w.set_language("sv")
    assert w.sidebar.item(0).text() == "Översikt"
    assert w.go_to("Aktiviteter").count.text() == "0 av 0 aktiviteter"


def test_language_setting_is_used_at_start(qtbot, home, doctor):
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

    QSettings("btdesk", "btdesk").setValue("language", "en")
    w = MainWindow(home, portfolio=doctor)
    qtbot.addWidget(w)
    try:
        assert w.sidebar.item(3).text() == "Activities"
    finally:
        w.portfolio = None
        from ui import i18n

        i18n.set_language("sv")


def test_ctrl_digit_switches_views_and_the_last_view_is_remembered(qtbot, home, doctor):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    w = MainWindow(home, portfolio=doctor)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()  # shortcuts need an active window; offscreen does not activate on show
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(w, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert w.stack.currentWidget() is w.views["Aktiviteter"]
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert w.stack.currentWidget() is w.views["Plan"]
    assert w.views["Plan"].table.rowCount() == 4
    w.resize(700, 500)  # inside the offscreen screen (800×600), which restoreGeometry clamps to
    qtbot.wait(20)
    size = (w.width(), w.height())
    assert size != (1180, 760)
    w.close()
    w2 = MainWindow(home)
    qtbot.addWidget(w2)
    assert w2.stack.currentWidget() is w2.views["Plan"]
    assert (w2.width(), w2.height()) == size


def test_app_start_paints_the_frame_then_fills_the_view_from_the_portfolio(qtbot, demo_home):
    """The app's start (defer=True): the first paint has the sidebar and menus; the view on
    screen and the portfolio follow right after it, with no call from outside."""
    from ui.main_window import MainWindow

    w = MainWindow(demo_home, defer=True)
    qtbot.addWidget(w)
    assert w.portfolio is None and "Översikt" not in w.views.built()  # nothing heavy before the paint
    assert [a.text() for a in w.menuBar().actions()][0] == "&Arkiv"
    w.show()
    qtbot.waitUntil(lambda: w.portfolio is not None and "Översikt" in w.views, timeout=10000)
    qtbot.waitUntil(lambda: w.views["Översikt"].title.text() == "Amira Haddad", timeout=10000)
    assert w.stack.currentWidget() is w.views["Översikt"]
    w.close()


def test_sync_folder_chosen_in_settings_makes_the_sync_button_work(qtbot, doctor_window, tmp_path, monkeypatch):
    import os

    from PySide6.QtWidgets import QFileDialog, QInputDialog

    w = doctor_window
    folder = tmp_path / "Synk"
    folder.mkdir()
    export = w.go_to("Export")
    export.sync.button.click()
    assert "Ingen synkmapp" in export.sync.status.text()

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    settings = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Inställningar")
    (item,) = [a for a in settings.actions() if a.text() == "S&ynkmapp …"]
    item.trigger()
    assert w.portfolio.setting("sync.folder") == str(folder.resolve())
    assert w.status.text() == "Synkmapp: Synk"  # the folder's name; the status line shows no paths

    # should the key ask for its passphrase, the dialog answers (a real one would wait for the user)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (os.environ["BTDESK_PASSPHRASE"], True))
    export.sync.button.click()
    qtbot.waitUntil(lambda: export.sync.button.isEnabled(), timeout=20000)
    assert export.sync.status.text().startswith("Synkat med " + str(folder.resolve()))
    assert any((folder / "outbox").iterdir())  # the bundle went out


def test_a_passphrase_asked_for_in_a_worker_is_asked_on_the_gui_thread(qtbot, doctor_window):
    import threading

    from ui.views.export import _GuiPrompt
    from ui.worker import run_in_background

    gui = threading.get_ident()
    prompt = _GuiPrompt(doctor_window, lambda text: (text, threading.get_ident()))
    got = []
    run_in_background(doctor_window, lambda: prompt("Lösenfras?"), on_done=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [("Lösenfras?", gui)]  # a dialog opened on a worker thread would crash Qt


def test_plan_warnings_are_english_in_the_english_window(qtbot, doctor_window):
    from btdesk.services import bt
    from ui import i18n

    w = doctor_window
    bt.add_placement(w.portfolio, kind="akut_sjukvard", site="Karolinska", start=date(2027, 3, 1),
                     end=date(2027, 6, 30))
    codes = {x.code for x in bt.plan_warnings(w.portfolio)}
    assert "overlap" in codes
    view = w.go_to("Plan")
    w.refresh()
    assert "överlappar" in view.warnings.text()
    try:
        w.set_language("en")
        text = w.go_to("Plan").warnings.text()
        assert "overlap 2027-03-01–2027-04-30" in text and "Karolinska" in text
        assert "överlappar" not in text and "Planen" not in text
        assert "overlap" in w.go_to("Översikt").warnings.text()
    finally:
        i18n.set_language("sv")
