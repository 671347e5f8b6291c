"""Journey 6: the final assessment.

Amira, in her window: she picks what to present for BT1 in Delmål (click the row, Space ticks
it), prints the dossier from Export (a bookmarked PDF) and a Bilaga from Intyg till
Socialstyrelsen, marked UTKAST while it may not yet be signed. At the unit: the final assessment
is scheduled and the extern bedömare and the huvudhandledare each sign their judgement in their
own btdesk (`btdesk final judge`: the window has no judging form yet); Karin drops the two
signed judgements on the unit's window, and Slutbedömning shows both in, the outcome Uppnått,
and nothing there can be edited; the archive keeps decision and dossier together."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox

from journey_kit import PW, cells, click, drop, open_window, own_settings, type_into


def test_amira_curates_and_prints_her_dossier(qtbot, tmp_path, monkeypatch):
    from pypdf import PdfReader

    from btdesk.services.demo import create_demo

    own_settings(tmp_path)
    create_demo(tmp_path / "amira", passphrase=lambda _: PW).close()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append("refused: " + text))
    w = open_window(qtbot, tmp_path / "amira")

    # -- Delmål: present one piece of evidence for BT1
    delmal = w.go_to("Delmål")
    delmal.list.setCurrentRow(0)
    assert delmal.title.text().startswith("BT1") and delmal.linked.rowCount() > 3
    rect = delmal.linked.visualRect(delmal.linked.model().index(1, 0))
    qtbot.mouseClick(delmal.linked.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(delmal.linked.viewport(), Qt.Key.Key_Space)
    (chosen,) = w.portfolio.records("evidence")
    assert chosen.body["delmal"] == "BT1" and chosen.body["records"] == delmal.chosen_ids()
    assert len(chosen.body["records"]) == 1

    # -- Export: the dossier, bookmarked
    pdf = tmp_path / "underlag.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    export = w.go_to("Export")
    click(qtbot, export.dossier_button)
    qtbot.waitUntil(lambda: "sidor" in export.result.text(), timeout=120000)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 5 and reader.outline, "the dossier has no bookmarks"
    assert str(len(reader.pages)) in export.result.text()

    # -- Intyg till Socialstyrelsen: Bilaga 2, as a draft while its delmål lack signed assessments
    bilaga = tmp_path / "bilaga2.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(bilaga), ""))
    click(qtbot, export.certificates_button)
    dlg = export.certificates
    qtbot.waitUntil(dlg.isVisible)
    row = next(i for i in range(dlg.kinds.count()) if "2" in dlg.kinds.item(i).text())
    dlg.kinds.setCurrentRow(row)
    type_into(qtbot, dlg.delmal, "BT1,BT9")  # the delmål this one is for
    qtbot.keyClick(dlg.delmal, Qt.Key.Key_Tab)
    dlg.draft.setFocus()
    qtbot.keyClick(dlg.draft, Qt.Key.Key_Space)
    assert dlg.draft.isChecked()
    qtbot.waitUntil(dlg.print_button.isEnabled, timeout=60000)  # the draft's preview is shown first
    click(qtbot, dlg.print_button)
    qtbot.waitUntil(lambda: bilaga.exists(), timeout=120000)
    text = "".join(page.extract_text() for page in PdfReader(str(bilaga)).pages)
    assert "UTKAST" in text
    dlg.close()
    w.close()


def test_the_unit_receives_both_judgements_and_archives(qtbot, tmp_path, monkeypatch):
    from btdesk import identity as idn
    from btdesk.services import unit_import
    from btdesk.services.portfolio import Portfolio
    from conftest import run_cli
    from test_unit_import import make_cohort

    own_settings(tmp_path)
    world = make_cohort(tmp_path)
    with unit_import.open_target(world.unit) as unit:
        assert len(unit_import.import_files(unit, world.bundles).imported) == 3
    people = {}
    for key, name in (("extern", "Dr Eva Extern"), ("hh", "Dr Karin Lind")):
        p = Portfolio.create(tmp_path / key, name=name, role="supervisor", programme_id="stockholm",
                             passphrase=lambda _: PW)
        idn.install_cert(p.home, idn.ca_issue(world.unit, idn.make_csr(p.home, PW), PW), trust_root=True)
        p.close()
        people[key] = p.home
    amira = world.doctors["Amira Haddad"]
    req = tmp_path / "amira.btfinalreq"
    r = run_cli("unit", "final", "schedule", "--doctor", amira[:6], "--date", "2027-12-15", "--assessor",
                "Dr Eva Extern", "--out", str(req), home=world.unit)
    assert r.returncode == 0, r.stderr
    judged = []
    for key, role in (("extern", "extern"), ("hh", "huvudhandledare")):
        out = tmp_path / f"{key}.btfinal"
        r = run_cli("final", "judge", "--request", str(req), "--role", role, "--date", "2027-12-15", "--all",
                    "uppnått", "--overall", "uppnått", "--out", str(out), home=people[key])
        assert r.returncode == 0, r.stderr
        judged.append(out)

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append("refused: " + text))
    w = open_window(qtbot, world.unit)
    final = w.go_to("Slutbedömning")
    assert cells(final.table, 3) == ["0 av 2"]
    drop(w, judged)
    qtbot.waitUntil(lambda: len(told) == 2, timeout=30000)
    assert all(t.startswith("Final judgement by Dr") or t.startswith("Slutomdöme") for t in told), told
    final = w.go_to("Slutbedömning")
    assert cells(final.table, 0)[0].startswith("Amira Haddad")
    assert (cells(final.table, 3), cells(final.table, 4)) == (["2 av 2"], ["Uppnått"])
    assert final.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers  # shows, never edits
    w.close()

    r = run_cli("unit", "final", "archive", "--doctor", amira, "--out", str(tmp_path / "arkiv"), home=world.unit)
    assert r.returncode == 0, r.stderr
    (folder,) = (tmp_path / "arkiv").iterdir()
    assert sorted(f.name for f in folder.iterdir()) == ["SHA256SUMS", "decision.json", "dossier.pdf"]
