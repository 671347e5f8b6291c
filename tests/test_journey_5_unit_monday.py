"""Journey 5: Karin at the BT unit, first Monday of the month.

In the unit's window: she chooses the sync folder (Inställningar → Synkmapp …), goes to Import
with Ctrl+2 and clicks Importera inkorgen; a progress bar counts the bundles; the one whose
manifest was changed after signing is refused, moved to inbox/rejected/ with a note, and nothing
else is affected. Kullen (Ctrl+1) lists each doctor by name and short fingerprint, with the
same phase as `btdesk unit cohort`; Exportera CSV … writes the list for the study director."""
from __future__ import annotations

import csv
import json
import shutil

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journey_kit import cells, click, menu_item, open_window, own_settings
from test_unit_import import DOCTORS, make_cohort, tamper


def test_karin_imports_the_inbox_and_exports_the_cohort(qtbot, tmp_path, monkeypatch):

    own_settings(tmp_path)
    world = make_cohort(tmp_path)
    share = tmp_path / "Synk"
    inbox = share / "inbox"
    inbox.mkdir(parents=True)
    for b in world.bundles:
        shutil.copy(b, inbox / b.name)
    tamper(world.bundles[1], inbox / "skadad.btbundle")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(share))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "kullen.csv"), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))

    w = open_window(qtbot, world.unit)
    kullen = w.views["Kullen"]
    assert w.current_key() == "Kullen"
    qtbot.waitUntil(lambda: "Inga BT-läkares paket har kommit ännu" in kullen.status.text(), timeout=30000)
    menu_item(w, "Inställningar", "Synkmapp").trigger()
    assert w.status.text() == "Synkmapp: Synk"

    # -- Import: the inbox, with a progress bar
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = w.views["Import"]
    assert w.stack.currentWidget() is page and str(inbox) in page.where.text()
    steps: list[tuple[int, int]] = []
    page.bar.valueChanged.connect(lambda v: steps.append((v, page.bar.maximum())))
    click(qtbot, page.inbox_button)
    assert page.bar.isVisible() and not page.files_button.isEnabled()
    qtbot.waitUntil(lambda: page.files_button.isEnabled(), timeout=60000)
    assert not page.bar.isVisible() and steps[-1] == (4, 4), steps
    lines = [page.log.item(i).text() for i in range(page.log.count())]
    refused = [x for x in lines if "skadad.btbundle" in x]
    assert len(refused) == 1 and "manifest" in refused[0], lines
    assert "3" in page.status.text() and "1" in page.status.text(), page.status.text()
    assert sorted(f.name for f in (inbox / "done").iterdir()) == sorted(b.name for b in world.bundles)
    rejected = sorted(f.name for f in (inbox / "rejected").iterdir())
    assert rejected[0] == "skadad.btbundle" and rejected[1].startswith("skadad.btbundle") and \
        rejected[1].endswith(".why.txt"), rejected
    assert "manifest" in (inbox / "rejected" / rejected[1]).read_text(encoding="utf-8")
    assert told == []  # no dialog for one bad file: the log says it

    _kullen_and_its_csv(qtbot, w, world, tmp_path)


def _kullen_and_its_csv(qtbot, w, world, tmp_path):
    from conftest import run_cli

    # -- Kullen: each doctor by name and a short fingerprint; the CSV for the study director
    kullen = w.views["Kullen"]
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert w.stack.currentWidget() is kullen
    qtbot.waitUntil(lambda: kullen.model.rowCount() == 3, timeout=30000)  # loaded in a worker
    shown = sorted(cells(kullen.table, 0))
    assert [s.split(" (")[0] for s in shown] == sorted(DOCTORS), shown
    for name, fp in world.doctors.items():
        assert any(s.startswith(name) and fp[:6] in s.replace(" ", "") for s in shown), (name, shown)
    click(qtbot, kullen.csv_button)
    rows = list(csv.DictReader((tmp_path / "kullen.csv").open(encoding="utf-8")))
    assert sorted(r["name"] for r in rows) == sorted(DOCTORS)
    w.close()

    cohort = json.loads(run_cli("unit", "cohort", "--format", "json", home=world.unit).stdout)
    cli_rows = cohort if isinstance(cohort, list) else cohort["doctors"]
    by_name = {r["name"]: r for r in rows}
    for r in cli_rows:
        assert by_name[r["name"]]["in_phase"] == {True: "yes", False: "no", None: ""}[r["in_phase"]], r
