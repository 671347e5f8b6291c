"""The window's file actions: a bundle exported from the Export view imports by drag and drop
into another portfolio; the dossier prints; a supervisor sees the dashboard."""
from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6")


def test_export_view_writes_a_bundle_that_another_window_imports(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from btdesk.services.demo import create_demo
    from btdesk.services.portfolio import Portfolio
    from ui.main_window import MainWindow

    pw = os.environ["BTDESK_PASSPHRASE"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (pw, True))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    doc = create_demo(tmp_path / "doc", passphrase=lambda _: pw)
    w = MainWindow(doc.home, portfolio=doc)
    qtbot.addWidget(w)
    w.go_to("Export")
    view = w.views["Export"]
    view.refresh(doc)
    out = tmp_path / "amira.btbundle"
    with qtbot.waitSignal(view.done, timeout=60000):
        view.export_bundle(str(out))  # written off the GUI thread
    assert out.exists() and "sparad" in view.result.text()
    pdf = tmp_path / "underlag.pdf"
    with qtbot.waitSignal(view.done, timeout=60000):
        view.print_dossier(str(pdf))  # built off the GUI thread
    assert pdf.read_bytes().startswith(b"%PDF") and "sidor" in view.result.text()
    assert view.progress_seen and view.progress_seen[-1] == 100  # the progress bar reached the end
    n_doctor = len(doc.records())
    w.close()

    unit = Portfolio.create(tmp_path / "unit", name="BT-enheten", role="unit", programme_id="stockholm",
                            passphrase=lambda _: pw)
    # the demo's supervisor is certified by the demo's own unit: this unit trusts that root
    from cryptography.hazmat.primitives import serialization

    from btdesk import identity as idn

    demo_unit = idn.load_public(tmp_path / "doc" / "demo-handledare-enhet").cert
    idn.TrustStore(unit.home).add_root(demo_unit.public_bytes(serialization.Encoding.PEM))
    w2 = MainWindow(unit.home, portfolio=unit)
    qtbot.addWidget(w2)
    with qtbot.waitSignal(w2.files.routed, timeout=60000) as got:
        w2.files.open_signed_file(str(out))  # imported off the GUI thread
    message = got.args[1]
    assert message and "Amira Haddad" in message
    assert len(unit.records(everyone=True, uncounted=True)) >= n_doctor  # all arrived, filed under the doctor
    with qtbot.waitSignal(w2.files.routed, timeout=60000) as got:
        w2.files.open_signed_file(str(out))
    assert "redan importerad" in got.args[1]
    w2.close()


def test_supervisor_sees_the_dashboard(qtbot, tmp_path):
    from btdesk.services.portfolio import Portfolio
    from ui.main_window import MainWindow
    from ui.supervisor.dashboard import SupervisorDashboard

    sup = Portfolio.create(tmp_path / "sup", name="Erik Berg", role="supervisor", programme_id="stockholm",
                           passphrase=lambda _: os.environ["BTDESK_PASSPHRASE"])
    w = MainWindow(sup.home, portfolio=sup)
    qtbot.addWidget(w)
    # the supervisor's own window: his views, none of the doctor's
    assert w.views.keys() == ["Mina BT-läkare", "Begäranden", "Givna bedömningar", "Samtal", "Export/Synk"]
    assert isinstance(w.stack.currentWidget(), SupervisorDashboard)
    w.close()


def test_unit_opens_on_its_cohort(qtbot, tmp_path):
    from btdesk.services.portfolio import Portfolio
    from ui.main_window import MainWindow
    from ui.unit.cohort_view import CohortView

    unit = Portfolio.create(tmp_path / "unit", name="BT-enheten", role="unit", programme_id="stockholm",
                            passphrase=lambda _: os.environ["BTDESK_PASSPHRASE"])
    w = MainWindow(unit.home, portfolio=unit)
    qtbot.addWidget(w)
    assert w.views.keys() == ["Kullen", "Import", "Slutbedömning", "Certifikat", "Statistik"]
    assert isinstance(w.stack.currentWidget(), CohortView)
    assert "Aktiviteter" not in w.views  # a unit has no entries of its own
    w.close()


def test_double_click_on_an_assessment_opens_it_read_only(qtbot, tmp_path):
    from btdesk.services.demo import create_demo
    from ui.main_window import MainWindow

    doc = create_demo(tmp_path / "doc")
    w = MainWindow(doc.home, portfolio=doc)
    qtbot.addWidget(w)
    w.go_to("Bedömningar")
    view = w.views["Bedömningar"]
    view.refresh(doc)
    view.table.selectRow(next(i for i in range(view.table.rowCount()) if view.table.item(i, 2).text() == "Erik Berg"))
    before = {r.id: r.version for r in doc.records("assessment")}
    view.show_selected()
    dlg = view.shown
    assert dlg is not None and dlg.isVisible()
    assert "Erik Berg" in dlg.windowTitle() + " ".join(lb.text() for lb in dlg.findChildren(type(w.status)))
    dlg.close()
    assert {r.id: r.version for r in doc.records("assessment")} == before  # looking changes nothing
    w.close()


def test_doctor_confirms_a_self_signed_assessor_from_the_window(qtbot, tmp_path, monkeypatch):
    """Journey 3: the assessment shows as not confirmed; after the phone call Amira confirms the
    fingerprint and every assessment by that signer reads as confirmed by her."""
    from PySide6.QtWidgets import QMessageBox

    from btdesk.services.demo import create_demo
    from ui.main_window import MainWindow

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    doc = create_demo(tmp_path / "doc")
    w = MainWindow(doc.home, portfolio=doc)
    qtbot.addWidget(w)
    w.go_to("Bedömningar")
    view = w.views["Bedömningar"]
    view.refresh(doc)
    n = view.table.rowCount()
    # the demo: Erik is certified by its unit (verified), Sara is self-signed and not confirmed
    assert n >= 6 and {view.table.item(i, 4).text() for i in range(n)} == {"ej bekräftad", "verifierad"}
    sara = next(i for i in range(n) if view.table.item(i, 4).text() == "ej bekräftad")
    view.table.selectRow(sara)
    view.confirm_selected()
    signer = view.rows[view.selected_record_id()]
    assert asked and signer.fingerprint[:4] in asked[0].replace(" ", "")
    view.refresh(doc)
    assert {view.table.item(i, 4).text() for i in range(n)} == {"bekräftad", "verifierad"}
    row = next(i for i in range(n) if view.table.item(i, 4).text() == "bekräftad")
    assert "Amira Haddad" in view.table.item(row, 4).toolTip()
    w.close()
