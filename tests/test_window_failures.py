"""Failures in the window (issue #15): the command line's one sentence, in the window's language,
in a message box with the log's path; the status line never stays at "Öppnar portföljen …";
the window goes on answering; Hjälp → Visa logg opens the log."""
from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

def damaged_sv(db: Path) -> str:
    return (f"{db} är ingen btdesk-portfölj (ingen SQLite-databas); återställ den från mappen backups "
            "eller från en kopia — ingenting ändrades.")


@pytest.fixture
def boxes(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: told.append("critical: " + text))
    return told


def _answers(qtbot, w) -> None:
    """The window still answers: another view can be chosen and shows."""
    keys = list(w.views.keys())
    target = keys[-1] if w.current_key() != keys[-1] else keys[0]
    w.sidebar.setCurrentRow(keys.index(target))
    assert w.current_key() == target and w.stack.currentWidget() is w.views[target]


def test_a_damaged_portfolio_is_one_sentence_with_the_log_and_the_window_goes_on(qtbot, home, boxes, own_qsettings):
    from ui.main_window import MainWindow

    home.mkdir(parents=True)
    db = home / "portfolio.sqlite"
    db.write_bytes(b"this is no database " * 400)
    before = db.read_bytes()
    w = MainWindow(home)
    qtbot.addWidget(w)
    w.load_portfolio()  # as the app does after the first paint
    log = home / "logs" / "btdesk.log"
    assert boxes == [f"{damaged_sv(db)}\n\nLoggen finns i {log}."]
    assert w.status.text() == damaged_sv(db)  # not "Öppnar portföljen …"
    assert db.read_bytes() == before
    assert "refused in the window" in log.read_text()
    _answers(qtbot, w)


def test_the_sentence_is_english_in_an_english_window(qtbot, home, boxes, own_qsettings):
    from ui import i18n
    from ui.main_window import MainWindow

    i18n.set_language("en")
    try:
        home.mkdir(parents=True)
        (home / "portfolio.sqlite").write_bytes(b"\0" * 5000)
        db = home / "portfolio.sqlite"
        w = MainWindow(home)
        qtbot.addWidget(w)
        w.load_portfolio()
        assert boxes == [f"{db} is not a btdesk portfolio (not an SQLite database); restore it from the "
                         f"backups folder or a copy — nothing was changed.\n\nThe log is in "
                         f"{home / 'logs' / 'btdesk.log'}."]
    finally:
        i18n.set_language("sv")


def _drop(w, path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    w.dropEvent(event)  # the window's own handler, as Qt calls it on a drop
    assert event.isAccepted()


@pytest.fixture
def bundle(tmp_path) -> Path:
    from btdesk.services.demo import create_demo
    from btdesk.services.exchange import export_bundle

    pw = os.environ["BTDESK_PASSPHRASE"]
    doc = create_demo(tmp_path / "sender", passphrase=lambda _: pw)
    out = tmp_path / "amira.btbundle"
    export_bundle(doc, out, passphrase=lambda _: pw)
    doc.close()
    return out


def test_a_full_disk_while_a_dropped_bundle_imports_is_one_sentence(qtbot, doctor, bundle, boxes, monkeypatch,
                                                                    own_qsettings):
    from btdesk.services import exchange_import
    from ui.main_window import MainWindow

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exchange_import, "import_bundle", full)
    w = MainWindow(doctor.home, portfolio=doctor)
    qtbot.addWidget(w)
    n = len(doctor.records())
    _drop(w, bundle)
    qtbot.waitUntil(lambda: bool(boxes), timeout=60000)  # imported off the GUI thread
    assert boxes == [f"Disken är full; frigör utrymme och försök igen — ingenting ändrades.\n\n"
                     f"Loggen finns i {doctor.home / 'logs' / 'btdesk.log'}."]
    assert len(doctor.records()) == n
    _answers(qtbot, w)


def test_an_unexpected_error_is_logged_and_told_and_the_window_goes_on(qtbot, doctor, boxes, own_qsettings):
    """What the app's sys.excepthook (ui.errors.install) does with a slot that raised."""
    from ui import errors
    from ui.main_window import MainWindow

    w = MainWindow(doctor.home, portfolio=doctor)
    qtbot.addWidget(w)
    try:
        raise ZeroDivisionError("a bug in a slot")
    except ZeroDivisionError:
        errors.excepthook(*sys.exc_info())
    log = doctor.home / "logs" / "btdesk.log"
    assert boxes == [f"Något oväntat gick fel; detaljerna finns i loggen {log} — skicka den filen till supporten."]
    text = log.read_text()
    assert "ZeroDivisionError: a bug in a slot" in text and "Traceback" in text
    _answers(qtbot, w)


def test_help_show_log_opens_the_log_file(qtbot, doctor, monkeypatch, own_qsettings):
    from PySide6.QtGui import QDesktopServices

    from ui.main_window import MainWindow

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    w = MainWindow(doctor.home, portfolio=doctor)
    qtbot.addWidget(w)
    help_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Hjälp")
    show = next(a for a in help_menu.actions() if a.text() == "Visa &logg")
    show.trigger()
    log = doctor.home / "logs" / "btdesk.log"
    assert [u.toLocalFile() for u in opened] == [str(log)] and log.exists()
