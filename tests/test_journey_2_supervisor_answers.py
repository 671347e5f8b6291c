"""Journey 2: Dr Berg, handledare at the emergency department, answers Amira's Mini-CEX request.

In his own window (a supervisor profile without a programme): Arkiv → Öppna fil … opens the
request's form pre-filled with Amira's name, the case and the delmål; he is called away and
closes it; an hour later the draft is exactly where he left it; he fills the ratings and the
three free texts by keys, signs (the passphrase asked once in the session, not for a second
answer) and saves the signed response. Mina BT-läkare shows Amira with what he gave her, and
`btdesk doctors` says the same."""
from __future__ import annotations

import json
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
)

from journey_kit import PW, cells, choose, click, menu_item, open_window, own_settings, type_into, when_modal
from journey_world import MINI_CEX, make_people, request_file

FIRST_HALF = ("setting", "complexity", "observed_minutes", "feedback_minutes", "interviewing", "examination")


def fill_by_keys(qtbot: Any, form: Any, values: dict[str, Any]) -> None:
    """Each field as a person fills it: arrow keys in lists, digits in number fields, typing in
    text fields, the space bar on boxes."""
    for fid, v in values.items():
        w = form.bindings[fid].widget
        if isinstance(w, QComboBox):
            choose(qtbot, w, v)
        elif isinstance(w, QSpinBox):
            type_into(qtbot, w, str(v))
        elif isinstance(w, QPlainTextEdit):
            w.setFocus()
            qtbot.keyClick(w, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(w, v)
        elif isinstance(w, QLineEdit):
            type_into(qtbot, w, v)
        elif isinstance(w, QCheckBox):
            if w.isChecked() != bool(v):
                w.setFocus()
                qtbot.keyClick(w, Qt.Key.Key_Space)
        else:
            raise AssertionError(f"no way to type into {fid}")
        assert form.bindings[fid].get() == v, (fid, form.bindings[fid].get(), v)


def test_dr_berg_answers_between_patients(qtbot, tmp_path, monkeypatch):
    from ui.forms.dialog import FormDialog

    own_settings(tmp_path)
    people = make_people(tmp_path)
    req = request_file(people, tmp_path / "mail" / "begaran-mini_cex.btrequest")
    req2 = request_file(people, tmp_path / "mail" / "begaran-dops.btrequest", instrument="dops", case="Artar",
                        delmal=("BT1",))
    out = tmp_path / "mail" / "svar-amira.btresponse"
    chosen: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    asked_pass: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked_pass.append(a[2]) or (PW, True))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append("refused: " + text))
    drafts: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, title, text, *a, **k: drafts.append(title) or QMessageBox.StandardButton.Yes)

    w = open_window(qtbot, people.berg)
    assert w.portfolio.profile.programme_id is None
    assert w.current_key() == "Mina BT-läkare"

    # -- the request, opened from the menu: pre-filled; he starts, then is called away
    seen: dict[str, Any] = {}

    def start_then_leave(dlg):
        seen["header"], seen["title"] = dlg.header.text(), dlg.windowTitle()
        seen["case"], seen["delmal"] = dlg.form.bindings["case"].get(), dlg.form.bindings["delmal"].get()
        fill_by_keys(qtbot, dlg.form, {k: MINI_CEX[k] for k in FIRST_HALF})
        click(qtbot, dlg.close_button)  # "Stäng (utkastet sparas)"

    left = when_modal(start_then_leave, FormDialog)
    chosen[:] = [str(req)]
    menu_item(w, "Arkiv", "Öppna fil").trigger()
    assert left and not left[0].isVisible()
    assert "Amira Haddad" in seen["header"] and seen["title"].startswith("Mini-CEX")
    assert seen["case"] == "Chest pain" and seen["delmal"] == ["BT1", "BT9"]
    assert not out.exists()

    # -- an hour later: the draft is offered and is exactly where he left it; he finishes and signs
    def finish(dlg):
        seen["resumed"] = {k: dlg.form.bindings[k].get() for k in FIRST_HALF}
        seen["case again"] = dlg.form.bindings["case"].get()
        fill_by_keys(qtbot, dlg.form, {k: v for k, v in MINI_CEX.items() if k not in FIRST_HALF})
        click(qtbot, dlg.sign_button)

    signed = when_modal(finish, FormDialog)
    menu_item(w, "Arkiv", "Öppna fil").trigger()
    assert signed and drafts == ["Utkast finns"]
    assert seen["resumed"] == {k: MINI_CEX[k] for k in FIRST_HALF} and seen["case again"] == "Chest pain"
    assert out.exists() and len(asked_pass) == 1
    assert told[-1] == "Det signerade svaret sparades i svar-amira.btresponse. Skicka det till Amira Haddad."

    _second_answer_and_dashboard(qtbot, tmp_path, monkeypatch, w, people, req2, asked_pass)

def _dops_values(dlg: Any) -> dict[str, Any]:
    """Any valid DOPS: the first choice of every list, 10 minutes, a sentence in each text."""
    values: dict[str, Any] = {}
    for fid, b in dlg.form.bindings.items():
        w = b.widget
        if fid in ("case", "delmal", "date", "placement_name"):
            continue
        if isinstance(w, QComboBox) and w.count() > 1:
            values[fid] = w.itemData(w.count() - 1) if w.itemData(w.count() - 1) != "not_observed" else w.itemData(1)
        elif isinstance(w, QSpinBox):
            values[fid] = 10
        elif isinstance(w, QPlainTextEdit | QLineEdit):
            values[fid] = "Bra."
    return values


def _second_answer_and_dashboard(qtbot, tmp_path, monkeypatch, w, people, req2, asked_pass):
    from conftest import run_cli

    # -- a second answer in the same session: no passphrase asked again
    from test_forms_e2e import fill
    from ui.forms.dialog import FormDialog

    out2 = tmp_path / "mail" / "svar-dops.btresponse"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out2), ""))
    dops: dict[str, Any] = {}

    def answer_dops(dlg):
        dops["title"] = dlg.windowTitle()
        fill(dlg.form, _dops_values(dlg))
        click(qtbot, dlg.sign_button)

    done = when_modal(answer_dops, FormDialog)
    w.files.open_files([str(req2)])  # as a double-click hands it to the running window
    assert done and out2.exists() and dops["title"].startswith("DOPS"), dops
    assert len(asked_pass) == 1  # once per session

    # -- his dashboard: Amira, with the two assessments he gave
    home = w.go_to("Mina BT-läkare")
    assert any(n.startswith("Amira Haddad") for n in cells(home.table, 0)), cells(home.table, 0)
    row = next(i for i, n in enumerate(cells(home.table, 0)) if n.startswith("Amira Haddad"))
    shown = " | ".join(cells(home.table, c)[row] for c in range(home.table.model().columnCount()))
    assert "Södersjukhuset" in shown, shown
    given = w.go_to("Givna bedömningar")
    assert sorted(x.split(" ")[0] for x in cells(given.table, 1)) == ["DOPS", "Mini-CEX"]
    w.close()
    listed = json.loads(run_cli("doctors", "--format", "json", home=people.berg).stdout)
    (amira,) = listed
    assert amira["name"] == "Amira Haddad" and amira["given"] == 2
