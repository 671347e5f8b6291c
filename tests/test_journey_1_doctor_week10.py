"""Journey 1: Amira, week 10 of BT at Södersjukhuset's akut sjukvård, offline on the train.

In the real window, by keys and clicks: the overview shows where she is (the same months as
`btdesk progress`), the placement timeline and her akut checklist's missing DOPS and CbD; Ctrl+N
logs yesterday's ALS course; the course certificate dropped on the window belongs to the course;
Begär bedömning … writes a Mini-CEX request file for Dr Berg and offers it by e-mail; the new
supervision talk shows what was agreed last time and is listed once saved."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from btdesk.services.portfolio import Portfolio
from journey_kit import (
    PW,
    cells,
    choose,
    click,
    drop,
    open_window,
    own_settings,
    save,
    tick,
    type_date,
    type_into,
    when_modal,
)

TODAY = date.today()
START = TODAY - timedelta(weeks=10)


@pytest.fixture
def amira(tmp_path):
    """Amira's portfolio as it stood last week: a whole year planned, one supervision talk held."""
    from btdesk.services import bt, entries

    own_settings(tmp_path)
    p = Portfolio.create(tmp_path / "amira", name="Amira Haddad", role="doctor", programme_id="stockholm",
                         passphrase=lambda _: PW)
    bt.set_bt(p, start=START, huvudhandledare="Dr Karin Lind")
    plan = [("akut_sjukvard", "Södersjukhuset", "Erik Berg", 0, 120), ("allmanmedicin", "VC Gubbängen",
            "Sara Nilsson", 121, 242), ("geriatrik", "Dalens sjukhus", "Olof Ek", 243, 303),
            ("psykiatri", "Psykiatri Södra", "Maria Holm", 304, 364)]
    for kind, site, sup, a, b in plan:
        bt.add_placement(p, kind=kind, site=site, supervisor=sup, start=START + timedelta(days=a),
                         end=START + timedelta(days=b))
    entries.save_talk(p, date=TODAY - timedelta(days=14), topics=["Introduktion"],
                      agreed_actions=["Boka ALS-kurs", "Läsa bröstsmärta-PM"])
    p.close()
    return tmp_path / "amira"


def test_week_ten_on_the_train(qtbot, tmp_path, monkeypatch, amira):
    from conftest import run_cli

    cli = json.loads(run_cli("progress", "--format", "json", home=amira).stdout)
    w = open_window(qtbot, amira)  # the window opens the portfolio as the app does
    home = amira
    _overview(w, cli)
    course = _ctrl_n(qtbot, w)
    _certificate(qtbot, w, tmp_path, course)
    _request(qtbot, w, tmp_path, monkeypatch)
    _talk(qtbot, w)
    # what the window shows is what the portfolio holds: the CLI sees the course, the document, the talk
    w.close()  # the window holds the portfolio's lock
    after = run_cli("entries", home=home).stdout
    assert "ALS-kurs" in after and "Kursintyg ALS" in after


def _overview(w, cli):
    # -- the overview: months served as the CLI counts them, the timeline, what the checklist lacks
    ov = w.views["Översikt"]
    assert w.stack.currentWidget() is ov and ov.title.text() == "Amira Haddad"
    served = str(cli["months_served"]).replace(".", ",")
    assert f"· {served} av 12,0 månader tjänstgjorda · planerat: 12,0" in ov.summary.text(), ov.summary.text()
    assert served.startswith("2,")  # ten weeks in
    assert [row[0] for row in ov.timeline.placements][0].startswith("Akut sjukvård")
    assert sum(1 for row in ov.timeline.placements if row[3]) == 1  # one placement is now
    assert cells(ov.delmal, 2) == ["0"] * 18  # no evidence for any delmål yet
    due = ov.due.text()
    assert "Södersjukhuset" in due and "DOPS" in due and "CbD" in due, due


def _ctrl_n(qtbot, w):
    # -- Ctrl+N: yesterday's ALS course, BT1, 6 hours, by keys only
    from ui.views.activity_dialog import ActivityDialog

    yesterday = (TODAY - timedelta(days=1)).isoformat()

    def log_course(dlg):
        qtbot.keyClicks(dlg.type, "Ku")  # type-ahead picks Kurs, not Klinisk aktivitet
        assert dlg.type.currentData() == "course"
        qtbot.keyClick(dlg.type, Qt.Key.Key_Tab)
        qtbot.keyClicks(dlg.focusWidget(), "ALS-kurs")
        type_date(qtbot, dlg.date, yesterday)
        type_into(qtbot, dlg.hours, "6")
        tick(qtbot, dlg.delmal.boxes, ["BT1"])
        save(qtbot, dlg)

    logged = when_modal(log_course, ActivityDialog)
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert logged and not logged[0].isVisible()
    acts = w.go_to("Aktiviteter")
    assert cells(acts.table, 2) == ["ALS-kurs"] and acts.count.text() == "1 av 1 aktiviteter"
    (course,) = w.portfolio.records("activity")
    assert (course.body["type"], course.body["date"], course.body["hours"], course.body["delmal"]) == (
        "course", yesterday, 6, ["BT1"])
    return course


def _certificate(qtbot, w, tmp_path, course):
    # -- the course certificate, dragged from the file manager onto the window
    from ui.views.document_dialog import DocumentDialog

    pdf = tmp_path / "ALS-intyg.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% kursintyg ALS\n")

    def describe(dlg):
        assert dlg.file.text() == "ALS-intyg.pdf"
        choose(qtbot, dlg.activity, course.id)  # it belongs to the course …
        assert dlg.delmal.selected() == ["BT1"]  # … and takes the course's delmål
        type_into(qtbot, dlg.title, "Kursintyg ALS")
        save(qtbot, dlg)

    described = when_modal(describe, DocumentDialog)
    drop(w, [pdf])
    assert described
    docs = w.views["Dokument"]
    assert w.stack.currentWidget() is docs
    assert "Kursintyg ALS" in cells(docs.table, 0) + cells(docs.table, 1) and cells(docs.table, 5) == ["ALS-kurs"]


def _request(qtbot, w, tmp_path, monkeypatch):
    # -- Begär bedömning …: a Mini-CEX for Dr Berg, chest pain, BT1 + BT9; saved and offered by e-mail
    from btdesk.services import requests
    from ui.views.request_dialog import RequestDialog

    out = tmp_path / "till-berg.btrequest"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()) or True)

    def ask(dlg):
        assert dlg.to.text() == "Erik Berg"  # the current placement's handledare
        dlg.instrument.setFocus()
        qtbot.keyClicks(dlg.instrument, "Mini")
        type_into(qtbot, dlg.case, "Chest pain")
        tick(qtbot, dlg.delmal.boxes, ["BT1", "BT9"])
        save(qtbot, dlg)

    def send(box):
        assert "till-berg.btrequest" in box.text() and "Erik Berg" in box.text()
        (mail,) = [b for b in box.findChildren(QPushButton) if b.text().startswith("Skicka med e-post")]
        click(qtbot, mail)

    view = w.go_to("Bedömningar")
    asked, sent = when_modal(ask, RequestDialog), when_modal(send, QMessageBox)
    click(qtbot, view.ask_button)
    assert asked and sent
    req = requests.read_request(out, w.portfolio.home).request
    assert (req["instrument"], req["case"], req["delmal"], req["to"]) == ("mini_cex", "Chest pain", ["BT1", "BT9"],
                                                                            "Erik Berg")
    assert out.stat().st_size < 20_000  # small enough for any e-mail
    assert urls[0].startswith("mailto:") and "Mini-CEX" in QUrlText(urls[0])
    assert cells(view.requests.table, 1) == ["Chest pain"] and cells(view.requests.table, 4) == ["0 dagar"]


def _talk(qtbot, w):
    # -- Tuesday's supervision talk: last time's agreements are in front of her
    from ui.views.talk_dialog import TalkDialog

    tuesday = (TODAY - timedelta(days=(TODAY.weekday() - 1) % 7 or 7)).isoformat()
    seen: dict[str, str] = {}

    def talk(dlg):
        seen["last"] = dlg.last.text()
        type_date(qtbot, dlg.date, tuesday)
        dlg.topics.setFocus()
        qtbot.keyClicks(dlg.topics, "Akuta brostsmartor")
        qtbot.keyClick(dlg.topics, Qt.Key.Key_Return)
        qtbot.keyClicks(dlg.topics, "ALS-kursen")
        dlg.agreed.setFocus()
        qtbot.keyClicks(dlg.agreed, "DOPS artarpunktion")
        save(qtbot, dlg)

    talks = w.go_to("Handledning")
    (new_talk,) = [b for b in talks.findChildren(QPushButton) if b.text().startswith("&Nytt samtal")]
    held = when_modal(talk, TalkDialog)
    click(qtbot, new_talk)
    assert held
    assert "Boka ALS-kurs" in seen["last"] and "Läsa bröstsmärta-PM" in seen["last"]
    agreed = cells(talks.talks, 3)
    assert "DOPS artarpunktion" in agreed  # listed under the placement it was held in
    assert "Akuta brostsmartor" in " ".join(cells(talks.talks, 2))


def QUrlText(url: str) -> str:
    from urllib.parse import unquote

    return unquote(url)
