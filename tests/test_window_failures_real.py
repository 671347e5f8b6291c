"""Failures in the window through their real causes (issue #15): a read-only portfolio (read-only
for root too: the window runs without CAP_DAC_OVERRIDE) refuses a bundle opened with Arkiv →
Öppna fil in one sentence and the window goes on; a bug in a real slot (a button click) reaches
sys.excepthook, which says one sentence with the log's path and logs the traceback."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import nocap

pytest.importorskip("PySide6")

PW = os.environ.get("BTDESK_PASSPHRASE", "")

CHILD = r'''
import json, sys
from pathlib import Path
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

app = QApplication([])
told = []
for name in ("warning", "critical", "information", "question"):
    setattr(QMessageBox, name, staticmethod(lambda _p, _t, text, *a, **k: told.append(text)))
QFileDialog.getOpenFileNames = staticmethod(lambda *a, **k: ([sys.argv[2]], ""))
from ui.main_window import MainWindow

w = MainWindow(Path(sys.argv[1]))
w.load_portfolio()
opened = w.portfolio is not None
loop = QEventLoop()
w.files.routed.connect(lambda *_: loop.quit())
arkiv = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Arkiv")
next(a for a in arkiv.actions() if a.text().startswith("&Öppna fil")).trigger()
loop.exec()  # the import runs in a worker; routed comes back when it has said what happened
keys = list(w.views.keys())
w.sidebar.setCurrentRow(len(keys) - 1)
usable = w.current_key() == keys[-1] and w.stack.currentWidget() is w.views[keys[-1]]
print(json.dumps({"opened": opened, "told": told, "status": w.status.text(), "usable": usable}))
w.close()
'''


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.skipif(not nocap.available(), reason="setpriv is needed to drop root's CAP_DAC_OVERRIDE")
def test_a_read_only_portfolio_refuses_an_opened_bundle_in_one_sentence_and_the_window_goes_on(doctor, tmp_path):
    from btdesk.services.demo import create_demo
    from btdesk.services.exchange import export_bundle

    sender = create_demo(tmp_path / "sender", passphrase=lambda _: PW)
    bundle = export_bundle(sender, tmp_path / "amira.btbundle", passphrase=lambda _: PW).path
    sender.close()
    home = doctor.home
    doctor.close()
    db = home / "portfolio.sqlite"
    db.chmod(0o444)
    before = digest(db)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([*nocap.prefix(), sys.executable, "-c", CHILD, str(home), str(bundle)], capture_output=True,
                       text=True, timeout=300, env=env, check=False)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout.strip().splitlines()[-1])
    assert got["opened"] and len(got["told"]) == 1
    sentence, log_line = got["told"][0].split("\n\n")
    assert log_line == f"Loggen finns i {home / 'logs' / 'btdesk.log'}."
    # one sentence, in Swedish: what happened, what to do, and that nothing was changed
    assert "skrivskyddad" in sentence and "skrivrätt" in sentence and sentence.endswith("— ingenting ändrades.")
    assert "\n" not in sentence and sentence.count(". ") == 0
    assert got["status"] == sentence and got["usable"]
    assert digest(db) == before
    assert "Traceback" not in r.stderr


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_button_slot_reaches_the_excepthook_one_sentence_and_the_log(qtbot, doctor_window, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    import ui.views.certificates_dialog
    from ui import errors

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(sys, "excepthook", errors.excepthook)  # as ui.errors.install does in the app

    def broken(*_a, **_k):
        raise ZeroDivisionError("a bug behind Intyg till Socialstyrelsen")

    monkeypatch.setattr(ui.views.certificates_dialog, "CertificatesDialog", broken)
    w = doctor_window
    view = w.go_to("Export")
    view.refresh(w.portfolio)
    qtbot.mouseClick(view.certificates_button, Qt.MouseButton.LeftButton)
    log = w.home / "logs" / "btdesk.log"
    assert told == [f"Något oväntat gick fel; detaljerna finns i loggen {log} — skicka den filen till supporten."]
    text = log.read_text()
    assert "Traceback" in text and "ZeroDivisionError: a bug behind Intyg till Socialstyrelsen" in text
    assert "open_certificates" in text  # the traceback runs through the real slot
    view.export_button.setEnabled(True)
    assert w.go_to("Översikt") is w.stack.currentWidget()  # the window goes on
