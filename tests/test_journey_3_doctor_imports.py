"""Journey 3: Amira imports Dr Berg's signed Mini-CEX, and a colleague's from outside the region.

In her window: the response dropped on the window says who signed it and that the signature
is verified under Region Stockholm's BT unit; it is listed in Bedömningar and under BT1 and BT9
in Delmål, and her open request for it is closed. Dr Nilsson's self-signed response reads as
unconfirmed with its fingerprint; after the phone call Amira confirms it with the button, and it
reads as confirmed by her. Ändra on a signed assessment explains why not and offers a reflection,
which she writes."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from journey_kit import cells, click, drop, open_window, own_settings, save, when_modal
from journey_world import answer, make_people, request_file


def _row_of(table, col: int, text: str) -> int:
    return next(i for i, t in enumerate(cells(table, col)) if text in t)


def _select(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_amira_imports_verified_and_self_signed_assessments(qtbot, tmp_path, monkeypatch):
    from btdesk import identity as idn
    from conftest import run_cli

    own_settings(tmp_path)
    people = make_people(tmp_path)
    req = request_file(people, tmp_path / "mail" / "till-berg.btrequest")
    from_berg = answer(people.berg, req, tmp_path / "mail" / "svar-berg.btresponse")
    other = request_file(people, tmp_path / "mail" / "till-nilsson.btrequest", case="Buksmarta", to="Sara Nilsson",
                         delmal=("BT2",))
    from_nilsson = answer(people.nilsson, other, tmp_path / "mail" / "svar-nilsson.btresponse")
    nilsson_fp = idn.load_public(people.nilsson).fingerprint

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append("refused: " + text))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes)
    w = open_window(qtbot, people.amira)
    view = w.go_to("Bedömningar")
    assert cells(view.requests.table, 1) == ["Chest pain", "Buksmarta"] or \
        sorted(cells(view.requests.table, 1)) == ["Buksmarta", "Chest pain"]

    # -- Dr Berg's response, dropped on the window
    drop(w, [from_berg])
    qtbot.waitUntil(lambda: len(told) == 1, timeout=30000)  # imported in a worker
    assert len(told) == 1 and not told[0].startswith("refused"), told
    assert told[0].startswith("Mini-CEX från Erik Berg"), told[0]
    assert "verifierad" in told[0] and "Region Stockholm BT-enheten" in told[0], told[0]
    view = w.go_to("Bedömningar")
    berg = _row_of(view.table, 2, "Erik Berg")
    assert cells(view.table, 4)[berg] == "verifierad" and cells(view.table, 3)[berg] == "BT1, BT9"
    assert cells(view.requests.table, 1) == ["Buksmarta"]  # the answered request is closed
    delmal = w.go_to("Delmål")
    for d in ("BT1", "BT9"):
        delmal.list.setCurrentRow(int(d[2:]) - 1)
        assert any("Mini-CEX (Erik Berg)" == t for t in cells(delmal.linked, 2)), (d, cells(delmal.linked, 2))

    # -- Dr Nilsson's, signed by a self-made identity: unconfirmed, with the fingerprint to compare
    drop(w, [from_nilsson])
    qtbot.waitUntil(lambda: len(told) == 2, timeout=30000)
    assert told[-1].startswith("Mini-CEX från Sara Nilsson") and "refused" not in told[-1], told[-1]
    view = w.go_to("Bedömningar")
    row = _row_of(view.table, 2, "Sara Nilsson")
    assert cells(view.table, 4)[row] == "ej bekräftad"
    _select(qtbot, view.table, row)
    click(qtbot, view.confirm_button)  # after the phone call
    assert asked and idn.format_fingerprint(nilsson_fp) in asked[-1]
    row = _row_of(view.table, 2, "Sara Nilsson")
    assert cells(view.table, 4)[row] == "bekräftad"
    assert "Amira Haddad" in view.table.item(row, 4).toolTip()

    _edit_offers_a_reflection(qtbot, w, view)
    w.close()

    listed = run_cli("assessments", home=people.amira, env={"BTDESK_LANG": "sv"}).stdout
    assert "Erik Berg" in listed and "Sara Nilsson" in listed
    assert "verified" not in listed and "confirmed" not in listed  # the trust column in the run's language


def cells_id(table, row: int) -> str:
    return table.item(row, 0).data(Qt.ItemDataRole.UserRole)


def _edit_offers_a_reflection(qtbot, w, view):
    # -- Ändra on Dr Berg's signed assessment: it cannot change; she writes a reflection instead
    from ui.views.reflection_dialog import ReflectionDialog

    berg = _row_of(view.table, 2, "Erik Berg")
    _select(qtbot, view.table, berg)
    before = [(r.id, r.version) for r in w.portfolio.records("assessment")]
    explained: dict[str, str] = {}

    def read_and_reflect(box):
        explained["text"] = box.text() + " " + box.informativeText()
        (write,) = [b for b in box.findChildren(QPushButton) if b.text().startswith("Skriv reflektion")]
        click(qtbot, write)

    def reflect(dlg):
        dlg.text.setFocus()
        qtbot.keyClicks(dlg.text, "Jag ska sammanfatta tydligare for patienten.")
        save(qtbot, dlg)

    box, written = when_modal(read_and_reflect, QMessageBox), when_modal(reflect, ReflectionDialog)
    (edit,) = [b for b in view.findChildren(QPushButton) if b.text() == "Ä&ndra"]
    click(qtbot, edit)
    assert box and written
    assert "signerad av Erik Berg" in explained["text"] and "reflektion" in explained["text"]
    assert [(r.id, r.version) for r in w.portfolio.records("assessment")] == before  # nothing changed
    (reflection,) = w.portfolio.records("reflection")
    assert reflection.body["links"] == [cells_id(view.table, berg)]
