"""Journey 2 from a supervisor profile made without a programme: the request brings its
doctor's programme, the pre-filled form opens in the supervisor's own window from the file,
is signed and saved, and Begäranden shows it answered. `profile edit` changes the name and
the programme later without a new key."""
from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from btdesk.services.portfolio import Portfolio
from test_forms_e2e import MINI_CEX, fill

PW = os.environ["BTDESK_PASSPHRASE"]


@pytest.fixture(autouse=True)
def _own_settings(tmp_path):
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings("btdesk", "btdesk").clear()


def answer_when_open(seen: dict[str, object]) -> None:
    """Fill and sign the form window once it is open, noting what it showed."""
    from ui.forms.dialog import FormDialog

    dlg = QApplication.activeModalWidget()
    if not isinstance(dlg, FormDialog):
        QTimer.singleShot(10, lambda: answer_when_open(seen))
        return
    try:
        seen["header"] = dlg.header.text()
        seen["programme"] = dlg.programme.id
        fill(dlg.form, MINI_CEX)
        seen["signed"] = dlg.sign_and_save()
    finally:
        if dlg.isVisible():
            seen["status"] = dlg.status.text()
            dlg.reject()


def test_a_supervisor_without_programme_answers_a_request_in_his_window(qtbot, tmp_path, monkeypatch):
    from btdesk.identity import forget_session
    from btdesk.services import bt, requests
    from conftest import made_profile, run_cli
    from ui.main_window import MainWindow

    sup_home = tmp_path / "sup"
    made_profile(sup_home, "--role", "supervisor", "--name", "Erik Berg")
    doc = Portfolio.create(tmp_path / "doc", name="Amira Haddad", role="doctor", programme_id="stockholm",
                           passphrase=lambda _: PW)
    bt.set_bt(doc, start="2026-01-01", huvudhandledare="Dr Karin Lind")
    req = requests.write_request(doc, tmp_path / "amira", instrument="mini_cex", case="Akut buk",
                                 delmal=["BT1"], to="Erik Berg", passphrase=PW)
    doc.close()
    forget_session()

    sup = Portfolio.open(sup_home)
    assert sup.profile.programme_id is None
    out = tmp_path / "svar.btresponse"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PW, True))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append("refused: " + text))
    w = MainWindow(sup_home, portfolio=sup)
    qtbot.addWidget(w)
    w.show()
    seen: dict[str, object] = {}
    QTimer.singleShot(0, lambda: answer_when_open(seen))
    w.files.open_files([str(req)])  # as a double-click or a drop hands it over
    assert "Amira Haddad" in seen["header"] and seen["programme"] == "stockholm" and seen.get("signed"), seen
    assert out.exists() and told and "svar.btresponse" in told[-1] and "Amira Haddad" in told[-1]
    page = w.go_to("Begäranden")
    assert page.open_table.rowCount() == 0 and page.answered_table.rowCount() == 1
    assert page.answered_table.item(0, 0).text().startswith("Amira Haddad (")
    given = w.go_to("Givna bedömningar")
    assert given.table.rowCount() == 1 and given.table.item(0, 1).text().startswith("Mini-CEX")
    fingerprint = sup.profile.fingerprint
    w.close()

    r = run_cli("profile", "edit", "--name", "Erik Berg Lund", "--programme", "skane", home=sup_home)
    assert r.returncode == 0, r.stderr
    again = Portfolio.open(sup_home)
    try:
        assert (again.profile.name, again.profile.programme_id) == ("Erik Berg Lund", "skane")
        assert again.profile.fingerprint == fingerprint  # the same key
    finally:
        again.close()
    bad = run_cli("profile", "edit", "--programme", "atlantis", home=sup_home)
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
