"""The supervisor's dashboard with real widgets: talks due per doctor with their source, a
supervision talk written with "Nytt samtal …" in the generic form and imported by the doctor,
the hand-over sign-off showing what is signed, and a signed record opened read-only."""
from __future__ import annotations

import os
from datetime import date

import pytest

pytest.importorskip("pytestqt")

from btdesk.services.portfolio import Portfolio
from test_forms_e2e import MINI_CEX, fill

PW = os.environ["BTDESK_PASSPHRASE"]


@pytest.fixture
def two(tmp_path):
    from btdesk.identity import forget_session
    from btdesk.services import bt

    doc = Portfolio.create(tmp_path / "doc", name="Amira Haddad", role="doctor", programme_id="stockholm",
                           passphrase=lambda _: PW)
    bt.set_bt(doc, start="2026-01-01", huvudhandledare="Dr Karin Lind")
    pl = bt.add_placement(doc, kind="akut_sjukvard", site="Södersjukhuset", supervisor="Dr Erik Berg",
                          start="2026-01-01", end="2026-04-30")
    sup = Portfolio.create(tmp_path / "sup", name="Erik Berg", role="supervisor", programme_id="stockholm",
                           passphrase=lambda _: PW)
    forget_session()
    yield doc, sup, pl
    doc.close()
    sup.close()
    forget_session()


def _request(doc, sup, tmp_path, on: str):
    from btdesk.services import requests, supervisor

    f = requests.write_request(doc, tmp_path / f"r{on}", instrument="mini_cex", case="Bröstsmärta",
                               delmal=["BT1"], on=on, passphrase=PW)
    supervisor.add_doctor_from_request(sup, requests.read_request(f, sup.home))
    return f


def test_talks_due_from_the_request_and_the_rhythm(two, tmp_path):
    from btdesk.services import entries, supervisor, talks_signed
    from btdesk.services.progress import placement_talk_schedule

    doc, sup, pl = two
    for d in ("2026-01-14", "2026-01-28"):
        entries.save_talk(doc, date=d, placement=pl.id, topics=["x"])
    _request(doc, sup, tmp_path, "2026-03-02")
    today = date(2026, 3, 10)
    # the doctor's own schedule for the placement (the first: after Stockholm's introduction)
    expected = sum(1 for d in placement_talk_schedule(doc, pl) if d <= today)
    row = supervisor.dashboard(sup, today)[0]
    t = row.talks
    assert (t.held, t.expected, t.behind) == (2, expected, expected - 2) and expected > 2
    assert t.next is not None and t.next > "2026-03-10"
    assert "enligt BT-läkarens begäran 2026-03-02" in t.source and "var 14:e dag" in t.source
    assert t.text().startswith(f"2 av {expected} hållna, {expected - 2} saknas; nästa ")
    # a talk the supervisor signs after the request counts too, and the source says so
    talks_signed.new_talk(sup, {"date": "2026-03-05", "occasion": "Extra samtal vid behov", "topics": ["Sömn"],
                                "agreed_actions": ["Vila"]}, doctor_fingerprint=doc.profile.fingerprint, passphrase=PW)
    row = supervisor.dashboard(sup, today)[0]
    assert row.talks.held == 3 and row.talks_given == 1 and "1 som du har signerat sedan dess" in row.talks.source
    # after the placement the numbers stop, and say why
    late = supervisor.dashboard(sup, date(2026, 6, 1))[0].talks
    assert late.next is None and "Placeringen slutade 2026-04-30" in late.source


def test_talks_unknown_without_a_placement_and_honest_without_counts(two, tmp_path):
    from btdesk.services import supervisor

    doc, sup, _ = two
    cert = tmp_path / "amira.pem"
    from cryptography.hazmat.primitives import serialization

    from btdesk.identity import load_public

    cert.write_bytes(load_public(doc.home).cert.public_bytes(serialization.Encoding.PEM))
    supervisor.add_doctor_from_cert(sup, cert)
    assert supervisor.dashboard(sup)[0].talks is None  # no request: no placement, nothing to count against
    # a request from an older btdesk carried the placement but not the talks
    _request(doc, sup, tmp_path, "2026-03-02")
    docs = supervisor._load(sup, supervisor.DOCTORS)
    docs[doc.profile.fingerprint]["talks"] = None
    supervisor._save(sup, supervisor.DOCTORS, docs)
    t = supervisor.dashboard(sup, date(2026, 3, 10))[0].talks
    assert t.held == 0 and t.source.startswith("Bara samtal som du själv har signerat räknas")


def test_new_talk_button_generic_form_to_doctor(qtbot, two, tmp_path):
    from btdesk.services import assessments, progress
    from ui.supervisor.dashboard import SupervisorDashboard

    doc, sup, pl = two
    _request(doc, sup, tmp_path, "2026-03-02")
    dash = SupervisorDashboard()
    qtbot.addWidget(dash)
    dash.refresh(sup)
    assert dash.table.horizontalHeaderItem(5).text() == "Handledningssamtal"
    assert "hållna" in dash.table.item(0, 5).text() and "begäran 2026-03-02" in dash.table.item(0, 5).toolTip()
    assert "Samtal för Amira Haddad" in dash.talk_source.text()  # one doctor: the source is shown at once

    dlg = dash.new_talk()
    qtbot.addWidget(dlg)
    out = tmp_path / "samtal.btresponse"
    dlg._choose_path, dlg._ask_passphrase = (lambda s: str(out)), (lambda: PW)
    assert dlg.template.id == "supervision_talk" and dlg.sign_button.text() == "Signera och spara samtalet…"
    assert set(dlg.form.bindings) == {"date", "occasion", "participants", "topics", "notes", "agreed_actions",
                                      "delmal"}
    assert not dlg.sign_and_save() and dlg.form.error_text("topics") and not out.exists()
    fill(dlg.form, {"date": "2026-03-05", "occasion": "Schemalagt handledningssamtal", "notes": "Bra vecka.",
                    "participants": "Dr Karin Lind", "topics": "Prioritering\n\nSömn efter nattpass",
                    "agreed_actions": "Läsa PM om sepsis", "delmal": ["BT9"]})
    assert dlg.sign_and_save() and out.exists()
    dash.refresh(sup)
    assert "1 signerade av dig" in dash.table.item(0, 5).text()

    res = assessments.import_response(doc, out)
    b = res.record.body
    assert b["topics"] == ["Prioritering", "Sömn efter nattpass"] and b["agreed_actions"] == ["Läsa PM om sepsis"]
    assert b["participants"] == ["Erik Berg", "Amira Haddad", "Dr Karin Lind"] and b["placement"] == pl.id
    row = next(x for x in progress.progress(doc, date(2026, 3, 6)).placements if x.id == pl.id)
    assert row.talks_held == 0  # a self-signed supervisor's talk counts once the doctor confirms him
    assessments.confirm_signer(doc, sup.profile.fingerprint)
    row = next(x for x in progress.progress(doc, date(2026, 3, 6)).placements if x.id == pl.id)
    assert row.talks_held == 1


def test_handover_signoff_dialog_shows_what_is_signed(qtbot, two, tmp_path):
    from btdesk.services import entries, requests
    from ui.forms.dialog import open_request

    doc, sup, pl = two
    people = ["Erik Berg (utgående)", "Sara Ek (inkommande)", "Karin Lind (huvudhandledare)"]
    talk, _ = entries.save_talk(doc, date="2026-04-30", type="handover", placement=pl.id, participants=people,
                                topics=["Sammanfattande bedömning"], notes="Checklistan för allmänmedicin laddad.")
    f = requests.write_request(doc, tmp_path / "so", instrument="", talk_id=talk.id, passphrase=PW)
    out = tmp_path / "so.btresponse"
    dlg = open_request(None, sup, f, restore_draft=False, choose_path=lambda s: str(out), ask_passphrase=lambda: PW)
    qtbot.addWidget(dlg)
    shown = dlg.talk_box.text()
    assert "Överlämningssamtal 2026-04-30" in shown and ", ".join(people) in shown
    assert "Checklistan för allmänmedicin laddad." in shown
    assert "Sammanfattande bedömning: ingen finns ännu för placeringen" in shown
    assert not dlg.sign_and_save() and dlg.form.error_text("role")
    fill(dlg.form, {"role": "Utgående handledare", "attended": True})
    assert dlg.sign_and_save() and out.exists()


def test_signed_record_opens_read_only(qtbot, two, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    from btdesk.services import assessments
    from ui.forms.dialog import open_request, show_signed

    doc, sup, _ = two
    f = _request(doc, sup, tmp_path, "2026-03-02")
    out = tmp_path / "svar.btresponse"
    dlg = open_request(None, sup, f, restore_draft=False, choose_path=lambda s: str(out), ask_passphrase=lambda: PW)
    qtbot.addWidget(dlg)
    fill(dlg.form, MINI_CEX)
    assert dlg.sign_and_save()
    rec = assessments.import_response(doc, out).record

    view = show_signed(None, doc, rec.id)
    qtbot.addWidget(view)
    assert view.isVisible() and view.windowTitle() == "Mini-CEX – observerat patientmöte"
    v = view.form.values()
    assert v["overall"] == 6 and v["examination"] == "not_observed" and v["went_well"] == "Strukturerad anamnes."
    assert v["case"] == "Bröstsmärta" and v["delmal"] == ["BT1"]
    assert "Signerad av Erik Berg" in view.trust.text() and "obekräftad" in view.trust.text()
    case, text = view.form.bindings["case"].widget, view.form.bindings["went_well"].widget
    assert isinstance(case, QLineEdit) and case.isReadOnly() and isinstance(text, QPlainTextEdit) and text.isReadOnly()
    overall = view.form.bindings["overall"].widget  # readable, not greyed out, but nothing can change it
    assert overall.isEnabled() and overall.currentText() == "6 – Tillfredsställande"
    assert overall.testAttribute(Qt.WA_TransparentForMouseEvents) and overall.focusPolicy() == Qt.NoFocus
    qtbot.keyClick(overall, Qt.Key_Down)
    qtbot.mouseClick(view.form.bindings["delmal"].widget.boxes["BT5"], Qt.LeftButton)
    assert view.form.values()["overall"] == 6 and view.form.values()["delmal"] == ["BT1"]
    assert show_signed(None, doc, None) is None
