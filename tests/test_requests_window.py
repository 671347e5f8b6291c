"""Journeys 1 and 3 in the window: Amira asks Dr Berg for a Mini-CEX from Bedömningar, the request
file is saved and offered for e-mail; it waits in her list with its age until the signed response
is opened in her window, which closes it. A request can be sent again or withdrawn."""
from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from btdesk.services.portfolio import Portfolio

PW = os.environ["BTDESK_PASSPHRASE"]


@pytest.fixture(autouse=True)
def _own_settings(tmp_path):
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings("btdesk", "btdesk").clear()


@pytest.fixture
def amira(tmp_path):
    from datetime import date, timedelta

    from btdesk.services import bt

    doc = Portfolio.create(tmp_path / "doc", name="Amira Haddad", role="doctor", programme_id="stockholm",
                           passphrase=lambda _: PW)
    start = date.today() - timedelta(days=60)
    bt.set_bt(doc, start=start, huvudhandledare="Dr Karin Lind")
    bt.add_placement(doc, kind="akut_sjukvard", site="Södersjukhuset", supervisor="Erik Berg",
                     start=start, end=start + timedelta(days=120))
    yield doc
    doc.close()


def when_modal(qtbot, interact, kind=None):
    """Run interact(widget) once the next modal widget (of kind) is showing; returns a list
    that holds True once it ran."""
    done: list[bool] = []

    def step() -> None:
        dlg = QApplication.activeModalWidget()
        if dlg is None or not dlg.isVisible() or (kind is not None and not isinstance(dlg, kind)):
            QTimer.singleShot(10, step)
            return
        interact(dlg)
        done.append(True)
    QTimer.singleShot(0, step)
    return done


def test_ask_for_a_mini_cex_then_the_response_closes_it(qtbot, tmp_path, monkeypatch, amira):
    from btdesk.services import requests
    from ui.main_window import MainWindow
    from ui.views.request_dialog import RequestDialog

    opened_urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened_urls.append(url.toString()) or True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "till-berg.btrequest"), ""))
    w = MainWindow(amira.home, portfolio=amira)
    qtbot.addWidget(w)
    w.show()
    view = w.go_to("Bedömningar")
    assert view.requests.empty.isVisibleTo(view)

    def fill(dlg):
        assert dlg.to.text() == "Erik Berg"  # the current placement's handledare
        dlg.instrument.setFocus()
        qtbot.keyClicks(dlg.instrument, "Mini")
        qtbot.keyClick(dlg.instrument, Qt.Key.Key_Tab)
        qtbot.keyClicks(dlg.focusWidget(), "Akut buk")  # QTest types ASCII only
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)
        for d in ("BT1", "BT9"):
            qtbot.keyClick(dlg.delmal.boxes[d], Qt.Key.Key_Space)
        qtbot.keyClick(dlg.case, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def send(box):
        (mail,) = [b for b in box.findChildren(QPushButton) if b.text().startswith("Skicka med e-post")]
        assert "till-berg.btrequest" in box.text() and "Erik Berg" in box.text()
        qtbot.mouseClick(mail, Qt.MouseButton.LeftButton)

    filled = when_modal(qtbot, fill, RequestDialog)
    sent = when_modal(qtbot, send, QMessageBox)
    qtbot.mouseClick(view.ask_button, Qt.MouseButton.LeftButton)
    assert filled and sent
    out = tmp_path / "till-berg.btrequest"
    req = requests.read_request(out, amira.home).request
    assert (req["instrument"], req["case"], req["delmal"], req["to"]) == ("mini_cex", "Akut buk", ["BT1", "BT9"],
                                                                            "Erik Berg")
    assert opened_urls[0].startswith("mailto:") and opened_urls[1] == "file://" + str(tmp_path)
    table = view.requests.table
    assert table.rowCount() == 1 and table.item(0, 1).text() == "Akut buk"
    assert table.item(0, 4).text() == "0 dagar"

    # Dr Berg answers it in his own btdesk; Amira opens the response in her window
    response = _answer(tmp_path, out)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    w.files.open_files([str(response)])
    qtbot.waitUntil(lambda: bool(told), timeout=60000)  # imported off the GUI thread
    assert told and told[0].startswith("Mini-CEX från Erik Berg")
    assert view.table.rowCount() == 1  # the assessment is listed …
    assert table.rowCount() == 0 and view.requests.empty.isVisibleTo(view)  # … and its request closed
    w.close()


def _answer(tmp_path, request_file):
    from btdesk.forms import load_template
    from btdesk.services import requests
    from btdesk.services.answer import sign_and_answer

    sup = Portfolio.create(tmp_path / "sup", name="Erik Berg", role="supervisor", programme_id="stockholm",
                           passphrase=lambda _: PW)
    try:
        opened = requests.read_request(request_file, sup.home)
        values = {"setting": "Akutmottagning", "complexity": "Hög", "observed_minutes": 15, "feedback_minutes": 5,
                  "interviewing": 6, "examination": 5, "professionalism": 7, "counselling": 5, "judgement": 6,
                  "organisation": 6, "overall": 6, "entrustment": 3, "went_well": "Strukturerad anamnes.",
                  "improve": "Sammanfatta.", "action": "Ny Mini-CEX.", "case": opened.request["case"],
                  "delmal": opened.request["delmal"], "date": opened.request["date"]}
        out = tmp_path / "svar.btresponse"
        sign_and_answer(sup, load_template("mini_cex", sup.programme), values, doctor=opened.request["doctor"],
                        request=opened.request, passphrase=lambda _: PW, choose_path=lambda _n: str(out))
        return out
    finally:
        sup.close()


def test_a_request_can_be_sent_again_or_withdrawn(qtbot, tmp_path, monkeypatch, amira):
    from btdesk.services import requests
    from btdesk.services.sent_requests import make_request
    from ui.main_window import MainWindow

    make_request(amira, tmp_path / "a", instrument="dops", case="Artärpunktion", delmal=["BT1"], to="Erik Berg",
                 passphrase=lambda _: PW)
    w = MainWindow(amira.home, portfolio=amira)
    qtbot.addWidget(w)
    w.show()
    panel = w.go_to("Bedömningar").requests
    assert panel.table.rowCount() == 1
    panel.table.selectRow(0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "igen.btrequest"), ""))
    closed = when_modal(qtbot, lambda box: box.reject(), QMessageBox)
    qtbot.mouseClick(panel.resend_button, Qt.MouseButton.LeftButton)
    assert closed
    again = requests.read_request(tmp_path / "igen.btrequest", amira.home).request
    assert again == requests.read_request(tmp_path / "a.btrequest", amira.home).request  # the same signed request
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 0 and panel.empty.isVisibleTo(panel)
    w.close()
