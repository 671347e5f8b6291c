"""The BT administrator plans a final assessment in the window, as she would with `unit final
schedule`: picks the BT-läkare by name and short fingerprint, a date, types the extern bedömare,
saves with Ctrl+Enter and saves the request file the assessors judge from."""
from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from journey_kit import choose, own_settings, save, type_into, when_modal


def test_the_unit_plans_a_final_assessment_and_saves_its_request(qtbot, tmp_path, monkeypatch):
    from btdesk.services.demo import create_demo
    from btdesk.services.final.schedule import read_request
    from ui.main_window import MainWindow
    from ui.unit.final_page import ScheduleDialog

    own_settings(tmp_path)
    p = create_demo(tmp_path / "enheten", role="unit")
    w = MainWindow(tmp_path / "enheten", portfolio=p)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    page = w.go_to("Slutbedömning")
    assert page.empty.isVisible() and page.table.rowCount() == 0
    johan = next(fp for fp, name, _a in page.doctors if name == "Johan Lindqvist")
    out = tmp_path / "till-bedomarna.btfinalreq"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    def plan(dlg: ScheduleDialog) -> None:
        dlg.assessor.setFocus()
        save(qtbot, dlg)  # no assessor yet: refused with a sentence, the dialog stays
        assert dlg.isVisible() and "externa bedömaren" in dlg.error.text()
        choose(qtbot, dlg.doctor, (johan, ""))
        type_into(qtbot, dlg.assessor, "Dr Anna Svensson")
        save(qtbot, dlg)

    answered = when_modal(plan, ScheduleDialog)
    qtbot.mouseClick(page.schedule_button, Qt.MouseButton.LeftButton)
    assert answered
    assert page.table.rowCount() == 1 and not page.empty.isVisible()
    cells = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert cells[0].startswith("Johan Lindqvist (") and cells[2] == "Dr Anna Svensson" and cells[3] == "0 av 2"
    req = read_request(out)
    assert req["doctor_fingerprint"] == johan and req["assessor"] == "Dr Anna Svensson"
    assert date.fromisoformat(req["date"]) > date.today() and len(req["delmal"]) == 18
    assert out.name in page.result.text()
    w.close()


def test_the_extern_bedomare_judges_in_his_window_and_the_unit_counts_it(qtbot, tmp_path, monkeypatch):
    """Journey 6 from the assessor's chair: Erik opens the unit's request file in his window, judges
    every delmål (the rest button, then one 'ej bedömt' with a comment), the whole, signs with his
    passphrase and saves the .btfinal; the unit imports it and shows one of two judgements."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from btdesk.identity import forget_session
    from btdesk.services.demo import create_demo
    from btdesk.services.final import judgement
    from ui.final_judge_dialog import JudgeDialog
    from ui.main_window import MainWindow

    own_settings(tmp_path)
    fp, req = _unit_asks_erik(tmp_path / "enheten", tmp_path / "begaran.btfinalreq")
    erik = create_demo(tmp_path / "erik", role="supervisor")
    erik_fp = erik.profile.fingerprint
    forget_session()  # his key is locked: signing asks for the passphrase in the window
    w = MainWindow(tmp_path / "erik", portfolio=erik)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    out = tmp_path / "omdome.btfinal"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    from btdesk.services.demo import passphrase_for_demo

    typed = ["fel-fras-123", passphrase_for_demo()("")]  # a wrong passphrase first, then his own
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(a[2]) or typed[len(asked) - 1], True))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))

    def judge(dlg: JudgeDialog) -> None:
        assert len(dlg.rows) == 18
        dlg.overall.setFocus()
        save(qtbot, dlg)  # nothing judged yet: the first delmål is named, nothing is signed
        assert "BT1 har inget omdöme" in dlg.error.text() and not out.exists()
        choose(qtbot, dlg.rows["BT18"][0], "ej_bedomt")
        type_into(qtbot, dlg.rows["BT18"][1], "Inte observerat under BT")
        qtbot.mouseClick(dlg.all_achieved, Qt.MouseButton.LeftButton)
        choose(qtbot, dlg.overall, "uppnatt")
        save(qtbot, dlg)
        assert "Lösenfrasen är fel" in dlg.error.text() and dlg.isVisible() and not out.exists()
        save(qtbot, dlg)
        assert dlg.result() == dlg.DialogCode.Accepted, dlg.error.text()  # signed and saved: the dialog closed

    answered = when_modal(judge, JudgeDialog)
    w.receive_files([str(req)])
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert answered and len(asked) == 2 and out.exists() and out.name in told[0]
    body = judgement.read_judgement(out, tmp_path / "enheten")[0]["body"]
    assert body["role"] == "extern_bedomare" and body["overall"]["judgement"] == "uppnatt"
    assert body["delmal"]["BT18"] == {"judgement": "ej_bedomt", "comment": "Inte observerat under BT"}
    assert {d["judgement"] for k, d in body["delmal"].items() if k != "BT18"} == {"uppnatt"}
    w.close()
    assert _unit_counts(tmp_path / "enheten", erik_fp, out, fp) == 1


def _unit_asks_erik(home, out):
    """The unit demo plans one doctor's final assessment with Erik Berg and writes its request file."""
    from btdesk.identity import forget_session
    from btdesk.services import unit_import
    from btdesk.services.demo import create_demo
    from btdesk.services.final.schedule import schedule, write_request

    with create_demo(home, role="unit") as unit:
        store = unit_import.store_of(unit)
        fp = next(iter(store.subjects()))
        schedule(unit, fp, date(2027, 6, 1), "Erik Berg")
        req = write_request(store, fp, out)
    forget_session()
    return fp, req


def _unit_counts(home, erik_fp, judged, fp) -> int:
    """His certificate is from another unit's CA: the unit confirms his fingerprint as an assessor
    (the real command), imports his file and counts the judgements it holds for the doctor."""
    from btdesk.services import unit_import
    from btdesk.services.final import judgement
    from btdesk.services.portfolio import Portfolio
    from conftest import run_cli

    confirmed = run_cli("trust", "confirm", erik_fp, "--assessor", home=home)
    assert confirmed.returncode == 0, confirmed.stderr
    with Portfolio.open(home) as unit:
        said = judgement.import_judgement(unit, judged).message
        held = judgement.judgements(unit_import.store_of(unit), fp)
        assert held, said
        return len(held)
