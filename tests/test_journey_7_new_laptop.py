"""Journey 7: Amira's laptop dies in month 7; nothing she had synced is lost.

Before: her portfolio (plan, activities, a talk) synced to the unit as signed bundles, and her
identity backed up. In the unit's window Karin marks Amira in Kullen and clicks Lämna tillbaka
paket …; on the new laptop btdesk finds no portfolio, Amira clicks Återställ min identitet …,
chooses the backup, types its passphrase and chooses the returned bundles; the window opens
on her portfolio.
`btdesk progress --format json` is what it was on the old laptop, and the window shows her
plan and her activities again."""
from __future__ import annotations

import json
import shutil
from datetime import timedelta

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from journey_kit import PW, cells, click, open_window, own_settings
from journey_world import TODAY, make_people


def _ok(r):
    assert r.returncode == 0, r.stderr
    return r


def test_a_new_laptop_gets_back_everything_synced(qtbot, tmp_path, monkeypatch):
    from btdesk.services import entries
    from btdesk.services.portfolio import Portfolio
    from conftest import run_cli
    from ui.main_window import MainWindow

    own_settings(tmp_path)
    people = make_people(tmp_path, start=TODAY - timedelta(days=213))  # month 7
    with Portfolio.open(people.amira) as p:
        for i in range(12):
            entries.save_activity(p, type="course" if i % 2 else "self_study", title=f"Aktivitet {i}",
                                  date=TODAY - timedelta(days=200 - 10 * i), hours=2, delmal=[f"BT{1 + i}"])
        entries.save_talk(p, date=TODAY - timedelta(days=30), topics=["Halvtid"], agreed_actions=["DOPS"])
        fp = p.profile.fingerprint
    _ok(run_cli("identity", "export", "--out", str(tmp_path / "usb" / "amira.btidentity"), home=people.amira))
    sync = tmp_path / "sync"
    _ok(run_cli("export", "--to", str(sync / "1.btbundle"), "--all", home=people.amira))
    _ok(run_cli("activity", "--title", "ALS-kurs", "--hours", "6", "--delmal", "BT1", home=people.amira))
    _ok(run_cli("export", "--to", str(sync / "2.btbundle"), "--all", home=people.amira))
    _ok(run_cli("unit", "import", str(sync / "1.btbundle"), str(sync / "2.btbundle"), home=people.unit))
    before = json.loads(_ok(run_cli("progress", "--format", "json", home=people.amira)).stdout)
    shutil.rmtree(people.amira)  # the laptop dies, her copies of the bundles with it
    shutil.rmtree(sync)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append("refused: " + text))
    usb = tmp_path / "usb"
    returned = _the_unit_hands_them_back(qtbot, monkeypatch, people, usb, fp, told)
    # -- the new laptop: no portfolio yet; she restores her identity, then drops the bundles
    new = tmp_path / "new-laptop"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(usb / "amira.btidentity"), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(b) for b in returned], ""))
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a[2]) or (PW, True))
    w = MainWindow(new)
    qtbot.addWidget(w)
    w.show()
    w.load_portfolio()
    assert w.portfolio is None
    click(qtbot, w.startup.restore_button)
    qtbot.waitUntil(lambda: w.portfolio is not None, timeout=30000)
    assert asked, "the backup's passphrase was not asked for"
    assert w.portfolio.profile.fingerprint == fp and w.windowTitle() == "btdesk – Amira Haddad"
    assert told[-1].startswith("Identiteten för Amira Haddad är återställd och 2 paket är importerade"), told[-1]
    plan = w.go_to("Plan")
    assert cells(plan.table, 1)[:2] == ["Södersjukhuset", "VC Gubbängen"], cells(plan.table, 1)
    acts = w.go_to("Aktiviteter")
    assert "ALS-kurs" in cells(acts.table, 2) and acts.model.rowCount() == 13
    assert "av 12,0 månader tjänstgjorda" in w.go_to("Översikt").summary.text()
    w.close()

    after = json.loads(_ok(run_cli("progress", "--format", "json", home=new)).stdout)
    assert after == before


def _the_unit_hands_them_back(qtbot, monkeypatch, people, usb, fp, told):
    """At the unit: Karin marks Amira in Kullen and hands her bundles back."""
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    unit = open_window(qtbot, people.unit)
    kullen = unit.views["Kullen"]
    qtbot.waitUntil(lambda: kullen.model.rowCount() == 1, timeout=30000)
    (shown,) = cells(kullen.table, 0)
    assert shown.startswith("Amira Haddad")
    rect = kullen.table.visualRect(kullen.table.model().index(0, 0))
    qtbot.mouseClick(kullen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    click(qtbot, kullen.return_button)
    assert told and "Amira Haddad" in told[-1] and not told[-1].startswith("refused"), told
    returned = sorted((usb / f"btdesk-{fp[:8]}").glob("*.btbundle"))
    assert len(returned) == 2
    unit.close()
    return returned
