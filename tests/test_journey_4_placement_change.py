"""Journey 4: month 4, Amira moves from akut sjukvård to allmänmedicin.

In her window: Dr Berg's signed placement summary (sammanfattande bedömning) of akut sjukvård,
dropped on the window, is listed as verified in Bedömningar; she records the hand-over talk she
leads (Överlämningssamtal, chosen with the arrow keys; the outgoing and incoming handledare and
her huvudhandledare as participants) and it is listed in Handledning; Checklistor opens on the
new placement, allmänmedicin, with its own checklist."""
from __future__ import annotations

from datetime import timedelta

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from journey_kit import cells, choose, click, drop, open_window, own_settings, save, type_into, when_modal
from journey_world import TODAY, answer, make_people, request_file

SUMMARY = {"placement_name": "Akut sjukvård, Södersjukhuset", "overall": 2, "checklist_done": True,
           "assessments_reviewed": True, "entrustment": 3, "went_well": "Trygg i akuta beslut.",
           "improve": "Delegera mer.", "action": "Fortsatt handledning i allmanmedicin."}


def test_the_hand_over_to_allmanmedicin(qtbot, tmp_path, monkeypatch):
    from btdesk.programme import load_programme
    from ui.views.talk_dialog import TalkDialog

    own_settings(tmp_path)
    people = make_people(tmp_path, start=TODAY - timedelta(days=122))  # allmänmedicin began yesterday
    req = request_file(people, tmp_path / "mail" / "summering.btrequest", instrument="placement_summary",
                       case="", delmal=("BT1", "BT9"))
    summary = answer(people.berg, req, tmp_path / "mail" / "summering.btresponse", SUMMARY)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append("refused: " + text))
    w = open_window(qtbot, people.amira)

    # -- the placement summary on the table
    drop(w, [summary])
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert "Erik Berg" in told[0] and not told[0].startswith("refused"), told
    view = w.go_to("Bedömningar")
    row = next(i for i, t in enumerate(cells(view.table, 1)) if t.startswith("Sammanfattande bedömning"))
    assert cells(view.table, 2)[row] == "Erik Berg" and cells(view.table, 4)[row] == "verifierad"

    # -- the hand-over talk she leads
    def hand_over(dlg):
        choose(qtbot, dlg.type, "handover")
        assert dlg.placement.currentText().startswith("Allmänmedicin")  # the placement now
        type_into(qtbot, dlg.participants, "Erik Berg, Sara Nilsson, Karin Lind")
        dlg.topics.setFocus()
        qtbot.keyClicks(dlg.topics, "Sammanfattande bedomning akut sjukvard")
        qtbot.keyClick(dlg.topics, Qt.Key.Key_Return)
        qtbot.keyClicks(dlg.topics, "Mal for allmanmedicin")
        dlg.agreed.setFocus()
        qtbot.keyClicks(dlg.agreed, "Mini-CEX pa vardcentralen")
        save(qtbot, dlg)

    talks = w.go_to("Handledning")
    (new_talk,) = [b for b in talks.findChildren(QPushButton) if b.text().startswith("&Nytt samtal")]
    held = when_modal(hand_over, TalkDialog)
    click(qtbot, new_talk)
    assert held
    (talk,) = w.portfolio.records("talk")
    assert talk.body["type"] == "handover"
    assert talk.body["participants"] == ["Erik Berg", "Sara Nilsson", "Karin Lind"]
    assert "Överlämningssamtal" in cells(talks.talks, 1)

    # -- the new checklist
    lists = w.go_to("Checklistor")
    assert lists.placement.currentText().startswith("Allmänmedicin"), lists.placement.currentText()
    prog = load_programme("stockholm")
    kind = next(k for k in prog.placement_kinds if k.id == "allmanmedicin")
    assert lists.table.rowCount() == len(kind.checklist) > 0
    assert {it.text for it in kind.checklist} >= set(cells(lists.table, 1)) or \
        all(any(c.startswith(it.text[:20]) for it in kind.checklist) for c in cells(lists.table, 1))
    w.close()
