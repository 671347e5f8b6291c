"""The certificates in the window: Export → Intyg till Socialstyrelsen previews each Bilaga or says
why it cannot be issued, prints off the GUI thread; Inställningar → Uppgifter för intyg saves the
applicant's details, and a wrong personnummer saves nothing."""
from __future__ import annotations

import subprocess

import pytest

pytest.importorskip("PySide6")


@pytest.fixture
def window(qtbot, tmp_path):
    from btdesk.services.demo import create_demo
    from ui.main_window import MainWindow

    doc = create_demo(tmp_path / "doc")
    w = MainWindow(doc.home, portfolio=doc)
    qtbot.addWidget(w)
    yield w, doc
    w.close()


def test_export_offers_bilaga_1_to_4_with_preview_refusal_and_draft(window, qtbot, tmp_path):
    w, doc = window
    w.go_to("Export")
    view = w.views["Export"]
    view.refresh(doc)
    qtbot.mouseClick(view.certificates_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    dlg = view.certificates
    assert dlg.kinds.count() == 4
    with qtbot.waitSignal(dlg.previewed, timeout=30000) as got:
        dlg.kinds.setCurrentRow(2)  # Bilaga 3 says the BT is completed: five months in, it is not
    assert "Bilaga 3 kan inte utfärdas" in got.args[0] and not dlg.print_button.isEnabled()
    with qtbot.waitSignal(dlg.previewed, timeout=30000) as got:
        dlg.kinds.setCurrentRow(3)  # Bilaga 4: the demo doctor is five months in
    assert "Bilaga 4 kan inte utfärdas" in got.args[0] and not dlg.print_button.isEnabled()
    with qtbot.waitSignal(dlg.previewed, timeout=30000):
        dlg.draft.setChecked(True)
    assert "UTKAST" in dlg.preview.toPlainText() and dlg.print_button.isEnabled()
    qtbot.keyClicks(dlg.signer, "Dr Anna Huvud")
    with qtbot.waitSignal(dlg.previewed, timeout=30000):
        dlg.signer.editingFinished.emit()
    assert "Dr Anna Huvud" in dlg.preview.toPlainText()
    out = tmp_path / "b4.pdf"
    with qtbot.waitSignal(dlg.printed, timeout=60000) as got:
        dlg.print_to(str(out))
    assert "sparat" in got.args[0] and "utkast" in got.args[0]
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True).stdout
    assert "UTKAST" in text and "Intygsutfärdande extern bedömare" in text
    assert dlg.job.seen and dlg.job.seen[-1] == 100


def test_certificate_details_are_saved_from_the_settings_menu(window, qtbot, monkeypatch):
    from btdesk.services.certificate_details import load
    from ui.views.certificate_details_dialog import CertificateDetailsDialog

    w, doc = window
    opened = []
    monkeypatch.setattr(CertificateDetailsDialog, "exec", lambda self: opened.append(self) or 0)
    menu = next(a.menu() for a in w.menuBar().actions() if "Inställningar" in a.text())
    next(a for a in menu.actions() if "Uppgifter för intyg" in a.text()).trigger()
    dlg = opened[0]
    dlg.fields["surname"].clear()
    qtbot.keyClicks(dlg.fields["surname"], "Haddad")
    qtbot.keyClicks(dlg.fields["personnummer"], "19900101-0018")  # wrong check digit
    assert not dlg.save() and "kontrollsiffra" in dlg.status.text()
    assert load(doc).applicant.surname == ""  # nothing saved
    dlg.fields["personnummer"].clear()
    qtbot.keyClicks(dlg.fields["personnummer"], "199001010017")
    dlg.add_signer("Dr Karin Lind", "huvudhandledare", "Allmänmedicin", "VC Gubbängen", "")
    assert dlg.save(), dlg.status.text()
    d = load(doc)
    assert (d.applicant.surname, d.applicant.personnummer) == ("Haddad", "19900101-0017")
    assert d.role("huvudhandledare") == "Dr Karin Lind" and d.signer("Dr Karin Lind").specialty == "Allmänmedicin"
