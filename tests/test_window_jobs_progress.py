"""Every long job runs in a worker behind the one progress dialog (issue #15): held at a midpoint
by a real barrier, the GUI thread still runs what is posted to it; cancel does what the dialog
says (the unit's import keeps the bundles it imported and says how many; an export, a dossier or
a dropped bundle changes nothing); closing asks only under work that changes data."""
from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

PW = os.environ.get("BTDESK_PASSPHRASE", "")


class Hold:
    """Holds the `at`-th call of owner.name on the worker thread until the test releases it."""

    def __init__(self, monkeypatch, owner, name: str, at: int = 1) -> None:
        self.held, self.release = threading.Event(), threading.Event()
        real, calls = getattr(owner, name), []

        def held(*a, **k):
            calls.append(1)
            if len(calls) == at:
                self.held.set()
                self.release.wait()
            return real(*a, **k)

        monkeypatch.setattr(owner, name, held)


@pytest.fixture
def hold(monkeypatch, request):
    def make(owner, name: str, at: int = 1) -> Hold:
        h = Hold(monkeypatch, owner, name, at)
        request.addfinalizer(h.release.set)  # a failed test never leaves a worker waiting
        return h
    return make


@pytest.fixture
def boxes(monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    told: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: told.append(text))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PW, True))
    return told


def gui_answers_while_held(qtbot, h: Hold) -> None:
    """A call posted to the GUI thread runs while the worker is still held."""
    from PySide6.QtCore import QTimer

    qtbot.waitUntil(h.held.is_set, timeout=60000)
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(not h.release.is_set()))
    qtbot.waitUntil(lambda: bool(ran))
    assert ran == [True]


def _drop(w, path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    w.dropEvent(event)


def _export_view(w):
    view = w.go_to("Export")
    view.refresh(w.portfolio)
    return view


def test_export_dossier_drop_and_certificate_leave_the_window_answering(qtbot, doctor_window, boxes, hold,
                                                                        tmp_path):
    import btdesk.bundle
    import btdesk.reports.dossier
    import btdesk.services.certificates
    from btdesk.services import exchange_import

    w = doctor_window
    view = _export_view(w)
    out = tmp_path / "b.btbundle"
    h = hold(btdesk.bundle, "write_bundle")
    view.export_button.setFocus()
    view.export_bundle(str(out))
    gui_answers_while_held(qtbot, h)
    assert view.job.dialog.cancel_button.isEnabled() and not out.exists()
    with qtbot.waitSignal(view.done, timeout=60000):
        h.release.set()
    assert out.exists() and "sparad" in view.result.text()

    pdf = tmp_path / "underlag.pdf"
    h = hold(btdesk.reports.dossier, "render_pdf")
    view.print_dossier(str(pdf))
    gui_answers_while_held(qtbot, h)
    with qtbot.waitSignal(view.done, timeout=60000):
        h.release.set()
    assert pdf.read_bytes().startswith(b"%PDF") and view.progress_seen[-1] == 100

    h = hold(exchange_import, "_read")
    _drop(w, out)  # its own bundle, dropped on the window: read, verified and merged in a worker
    gui_answers_while_held(qtbot, h)
    with qtbot.waitSignal(w.files.routed, timeout=60000) as got:
        h.release.set()
    assert "b.btbundle" in got.args[0]

    from ui.views.certificates_dialog import CertificatesDialog

    dlg = CertificatesDialog(view, w.portfolio)
    qtbot.addWidget(dlg)
    h = hold(btdesk.services.certificates, "build_certificate")
    dlg.draft.setChecked(True)
    dlg.print_to(str(tmp_path / "b3.pdf"))
    gui_answers_while_held(qtbot, h)
    with qtbot.waitSignal(dlg.printed, timeout=60000) as got:
        h.release.set()
    assert (tmp_path / "b3.pdf").exists() or "kan inte" in got.args[0]


def test_cancelled_export_writes_and_records_nothing(qtbot, doctor_window, boxes, hold, tmp_path):
    import btdesk.identity

    w = doctor_window
    view = _export_view(w)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "b.btbundle"
    h = hold(btdesk.identity, "load_signer")
    view.export_bundle(str(out))
    qtbot.waitUntil(h.held.is_set, timeout=60000)
    view.job.dialog.cancel_button.click()
    assert "ingenting ändras" in view.job.dialog.note.text() and not view.job.dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(view.job.stopped, timeout=60000):
        h.release.set()
    assert view.result.text() == "Avbrutet; ingenting ändrades." and not out.exists()
    assert list(out.parent.iterdir()) == []  # no temporary file left either
    with qtbot.waitSignal(view.done, timeout=60000):
        view.export_bundle(str(out))  # the next export is the first: the stopped one recorded nothing
    import json
    import zipfile

    with zipfile.ZipFile(out) as z:
        assert json.loads(z.read("manifest.json"))["sequence"] == 1


def test_cancelled_dossier_writes_no_pdf(qtbot, doctor_window, boxes, hold, tmp_path):
    from btdesk.services import dossier

    view = _export_view(doctor_window)
    pdf = tmp_path / "underlag.pdf"
    h = hold(dossier, "gather")
    view.print_dossier(str(pdf))
    qtbot.waitUntil(h.held.is_set, timeout=60000)
    view.job.dialog.cancel_button.click()
    with qtbot.waitSignal(view.job.stopped, timeout=60000):
        h.release.set()
    assert not pdf.exists() and view.result.text() == "Avbrutet; ingenting ändrades."


def test_a_cancelled_drop_imports_nothing(qtbot, doctor_window, boxes, hold, tmp_path):
    from btdesk.services import exchange_import
    from btdesk.services.demo import create_demo
    from btdesk.services.exchange import export_bundle

    sender = create_demo(tmp_path / "sender", passphrase=lambda _: PW)
    bundle = export_bundle(sender, tmp_path / "amira.btbundle", passphrase=lambda _: PW).path
    sender.close()
    w = doctor_window
    before = len(w.portfolio.records(everyone=True, uncounted=True))
    h = hold(exchange_import, "_merge")  # verified already; held before its transaction
    _drop(w, bundle)
    qtbot.waitUntil(h.held.is_set, timeout=60000)
    w.files.job.dialog.cancel_button.click()
    with qtbot.waitSignal(w.files.stopped, timeout=60000) as got:
        h.release.set()
    assert got.args[0] == "Importen avbröts; ingenting ändrades." and w.status.text() == got.args[0]
    assert len(w.portfolio.records(everyone=True, uncounted=True)) == before and not boxes


def test_a_cancelled_cohort_import_keeps_what_it_imported_and_says_how_many(qtbot, tmp_path, boxes, hold,
                                                                            monkeypatch, own_qsettings):
    from PySide6.QtWidgets import QFileDialog

    from btdesk.services import exchange_import
    from btdesk.services.portfolio import Portfolio
    from test_unit_import import DOCTORS, make_cohort
    from ui.main_window import MainWindow

    world = make_cohort(tmp_path)
    unit = Portfolio.open(world.unit)
    w = MainWindow(world.unit, portfolio=unit)
    qtbot.addWidget(w)
    page = w.go_to("Kullen")
    from ui import worker

    qtbot.waitUntil(lambda: not worker.running(w), timeout=30000)  # the (empty) cohort has loaded
    h = hold(exchange_import, "import_bundle", at=2)  # the second of three bundles
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(b) for b in world.bundles], ""))
    page.files_button.click()
    gui_answers_while_held(qtbot, h)
    page.job.dialog.cancel_button.click()
    assert page.job.dialog.note.text() == ("Avbryter efter det som pågår just nu; det som redan är klart "
                                           "behålls.")
    with qtbot.waitSignal(page.imported, timeout=60000) as got:
        h.release.set()  # the bundle in hand finishes whole; the third is never started
    summary = got.args[0]
    assert summary.stopped_after == 2 and len(summary.imported) == 2 and summary.total == 3
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=30000)
    said = page.status.text()
    assert ("Importen avbröts efter 2 av 3 paket: 2 paket från 2 BT-läkare importerades och finns kvar; "
            "de 1 övriga är orörda.") in said
    assert {r.name for r in page.model.rows} == set(DOCTORS[:2])  # the two bundles' doctors, no one else
    w.close()
    db = sqlite3.connect(world.unit / "portfolio.sqlite")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM bundles_received").fetchone() == (2,)
    finally:
        db.close()
    again = Portfolio.open(world.unit)  # the stopped import left a store the rest imports into
    try:
        from btdesk.services import unit_import

        rest = unit_import.import_files(again, world.bundles)
        assert len(rest.already) == 2 and len(rest.imported) == 1
    finally:
        again.close()


def test_closing_asks_only_under_work_that_changes_data(qtbot, tmp_path, hold, monkeypatch, own_qsettings):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from btdesk.services import cohort
    from btdesk.services.portfolio import Portfolio
    from ui.main_window import MainWindow

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.No)
    unit = Portfolio.create(tmp_path / "unit", name="BT-enheten", role="unit", programme_id="stockholm",
                            passphrase=lambda _: PW)
    h = hold(cohort, "overview_of_store")
    w = MainWindow(unit.home, portfolio=unit)  # Kullen loads the cohort in a worker: read-only
    qtbot.addWidget(w)
    qtbot.waitUntil(h.held.is_set, timeout=30000)
    QTimer.singleShot(0, h.release.set)  # runs while the closing window waits for the load to stop
    assert w.close() and asked == [] and w.portfolio is None
