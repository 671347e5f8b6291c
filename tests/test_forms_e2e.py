"""Two profiles in temporary homes, the real form widgets: request → fill → sign → save →
import; an altered response is rejected and the store stays as it was."""
from __future__ import annotations

import json
import os

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from btdesk.services.portfolio import Portfolio, SignedRecordFrozen

PW = os.environ["BTDESK_PASSPHRASE"]


@pytest.fixture
def two(tmp_path):
    from btdesk.identity import forget_session
    from btdesk.services import bt

    doc = Portfolio.create(tmp_path / "doc", name="Amira Haddad", role="doctor", programme_id="stockholm",
                           passphrase=lambda _: PW)
    bt.set_bt(doc, start="2026-01-01", huvudhandledare="Dr Karin Lind")
    bt.add_placement(doc, kind="akut_sjukvard", site="Södersjukhuset", supervisor="Dr Erik Berg",
                     start="2026-01-01", end="2026-12-31")
    sup = Portfolio.create(tmp_path / "sup", name="Erik Berg", role="supervisor", programme_id="stockholm",
                           passphrase=lambda _: PW)
    forget_session()  # the supervisor must unlock the key in the form, as in real life
    yield doc, sup
    doc.close()
    sup.close()
    forget_session()


def fill(form, values: dict):
    """Drive the real widgets the way a user would (choose, tick, type)."""
    for fid, v in values.items():
        w = form.bindings[fid].widget
        if isinstance(w, QComboBox):
            w.setCurrentIndex(w.findData(v))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(v))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(v)
        elif isinstance(w, QLineEdit):
            w.setText(v)
        elif isinstance(w, QSpinBox):
            w.setValue(v)
        elif hasattr(w, "boxes"):
            for k, b in w.boxes.items():
                b.setChecked(k in v)
        elif hasattr(w, "spins"):
            for k, s in w.spins.items():
                s.setValue(v.get(k, 0))
        elif hasattr(w, "setDate"):
            w.setDate(QDate.fromString(v, "yyyy-MM-dd"))


MINI_CEX = {"setting": "Akutmottagning", "complexity": "Hög", "observed_minutes": 15, "feedback_minutes": 5,
            "interviewing": 6, "examination": "not_observed", "professionalism": 7, "counselling": 5,
            "judgement": 6, "organisation": 6, "overall": 6, "entrustment": 3,
            "went_well": "Strukturerad anamnes.", "improve": "Sammanfatta för patienten.",
            "action": "Ny Mini-CEX om två veckor."}


def test_request_fill_sign_import(qtbot, two, tmp_path):
    from btdesk.services import assessments, entries, requests, supervisor
    from ui.forms.dialog import open_request

    doc, sup = two
    req = requests.write_request(doc, tmp_path / "amira", instrument="mini_cex", case="Bröstsmärta",
                                 delmal=["BT1", "BT9"], to="Erik Berg", on="2026-03-02", passphrase=PW)
    asked = []
    out = tmp_path / "svar.btresponse"
    dlg = open_request(None, sup, req, restore_draft=False, choose_path=lambda s: str(out),
                       ask_passphrase=lambda: asked.append(1) or PW)
    qtbot.addWidget(dlg)
    # pre-filled from the request
    assert "Amira Haddad" in dlg.header.text()
    assert dlg.form.values()["case"] == "Bröstsmärta"
    assert dlg.form.values()["delmal"] == ["BT1", "BT9"]
    assert dlg.form.values()["date"] == "2026-03-02"

    # signing an unfinished form shows the errors beside the fields and signs nothing
    assert dlg.sign_and_save() is False
    assert dlg.form.error_text("went_well") and not out.exists()
    assert not dlg.form.bindings["went_well"].error.isHidden()

    fill(dlg.form, MINI_CEX)
    dlg.save_draft_now()  # what the timer does every few seconds
    assert (sup.home / "drafts").is_dir() and list((sup.home / "drafts").glob("*.json"))
    assert dlg.sign_and_save() is True
    assert out.exists() and asked == [1]
    assert not list((sup.home / "drafts").glob("*.json"))  # the draft goes once signed
    assert supervisor.dashboard(sup)[0].given == 1 and supervisor.dashboard(sup)[0].due == []

    before = {r.id for r in doc.records(uncounted=True)}
    res = assessments.import_response(doc, out)
    assert res.new and res.verification.status == "unconfirmed"
    assert res.message.startswith("Mini-CEX från Erik Berg")
    rec = doc.get(res.record.id)
    assert rec.kind == "assessment" and rec.signed and rec.body["ratings"]["overall"] == 6
    assert rec.body["not_observed"] == ["examination"] and rec.body["delmal"] == ["BT1", "BT9"]
    assert rec.body["placement"] in {r.id for r in doc.records("placement")}
    assert {r.id for r in doc.records(uncounted=True)} - before == {rec.id}
    assert rec.id not in {r.id for r in doc.records()}  # shown, but counts only once the signer is confirmed
    rows = assessments.assessment_rows(doc)
    assert rows[0].trust == "unconfirmed" and ("Fysikalisk undersökning", "Ej observerat") in rows[0].ratings

    # the doctor cannot change it, but can reflect on it
    with pytest.raises(SignedRecordFrozen):
        doc.put("assessment", dict(rec.body, ratings={}), rec.id)
    refl, _ = entries.save_reflection(doc, text="Jag ska sammanfatta oftare.", date="2026-03-03", links=[rec.id])
    assert refl.body["links"] == [rec.id]

    # after a phone call the doctor confirms the supervisor's fingerprint
    assessments.confirm_signer(doc, res.verification.fingerprint)
    assert assessments.assessment_rows(doc)[0].trust_text.endswith("bekräftat av Amira Haddad")


def test_altered_response_rejected_store_unchanged(qtbot, two, tmp_path, english):
    from btdesk.canonical import record_hash
    from btdesk.services import assessments, requests
    from btdesk.services.signed_files import SignedFileError
    from ui.forms.dialog import import_response_file, open_request

    doc, sup = two
    req = requests.write_request(doc, tmp_path / "r", instrument="mini_cex", case="Buksmärta",
                                 delmal=["BT1"], on="2026-03-02", passphrase=PW)
    out = tmp_path / "svar.btresponse"
    dlg = open_request(None, sup, req, restore_draft=False, choose_path=lambda s: str(out), ask_passphrase=lambda: PW)
    qtbot.addWidget(dlg)
    fill(dlg.form, MINI_CEX)
    assert dlg.sign_and_save()

    data = json.loads(out.read_text("utf-8"))
    data["record"]["body"]["ratings"]["overall"] = 9  # a better mark, hash recomputed to hide it
    data["hash"] = record_hash(data["record"])
    bad = tmp_path / "altered.btresponse"
    bad.write_text(json.dumps(data), "utf-8")
    snapshot = [(r.id, r.hash) for r in doc.records(include_deleted=True)]
    with pytest.raises(SignedFileError) as e:
        assessments.import_response(doc, bad)
    assert "nothing was imported" in str(e.value) and "\n" not in str(e.value)
    msg = import_response_file(None, doc, bad, quiet=True)
    assert "rejected" in msg
    assert [(r.id, r.hash) for r in doc.records(include_deleted=True)] == snapshot
    # hash not recomputed: caught before the signature is even checked
    data["hash"] = json.loads(out.read_text("utf-8"))["hash"]
    bad.write_text(json.dumps(data), "utf-8")
    assert "altered" in import_response_file(None, doc, bad, quiet=True)
    assert [(r.id, r.hash) for r in doc.records(include_deleted=True)] == snapshot


def test_draft_survives_and_is_offered(qtbot, two, tmp_path):
    from btdesk.services import requests
    from ui.forms.dialog import open_request

    doc, sup = two
    req = requests.write_request(doc, tmp_path / "r", instrument="cbd", case="Pneumoni", delmal=["BT1"],
                                 on="2026-03-02", passphrase=PW)
    dlg = open_request(None, sup, req, restore_draft=False)
    qtbot.addWidget(dlg)
    dlg.timer.setInterval(50)
    fill(dlg.form, {"went_well": "Tydlig journal.", "records": 4})
    qtbot.waitUntil(lambda: dlg.status.text() == "Utkast sparat.", timeout=3000)
    dlg.deleteLater()  # as if the laptop died: no close, no save
    again = open_request(None, sup, req, restore_draft=True)
    qtbot.addWidget(again)
    assert again.form.values()["went_well"] == "Tydlig journal."
    assert again.form.values()["records"] == 4


def test_new_instrument_is_only_a_template(qtbot, two, tmp_path, monkeypatch):
    """A template that exists only in this test renders, validates, signs and imports."""
    from btdesk.forms import load_template
    from btdesk.services import assessments
    from ui.forms.dialog import FormDialog

    doc, sup = two
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "handover_obs.toml").write_text('''
id = "handover_obs"
instrument = "cbd"
title = "Observerad patientöverlämning"
[[fields]]
id = "date"
type = "date"
label = "Datum"
required = true
[[fields]]
id = "clarity"
type = "rating"
label = "Tydlighet i överlämningen enligt SBAR, inklusive vad som återstår att göra och vem som ansvarar"
required = true
[[fields]]
id = "sbar_used"
type = "checkbox"
label = "SBAR användes"
[[fields]]
id = "went_well"
type = "text"
label = "Detta gick bra"
required = true
''', "utf-8")
    monkeypatch.setenv("BTDESK_FORMS", str(folder))
    t = load_template("handover_obs", sup.programme)
    out = tmp_path / "h.btresponse"
    dlg = FormDialog(sup, t, doctor={"name": doc.profile.name, "fingerprint": doc.profile.fingerprint},
                     restore_draft=False, choose_path=lambda s: str(out), ask_passphrase=lambda: PW)
    qtbot.addWidget(dlg)
    assert set(dlg.form.bindings) == {"date", "clarity", "sbar_used", "went_well"}
    assert not dlg.sign_and_save() and dlg.form.error_text("clarity")
    fill(dlg.form, {"date": "2026-03-01", "clarity": 4, "sbar_used": True, "went_well": "Lugnt och tydligt."})
    assert dlg.sign_and_save()
    res = assessments.import_response(doc, out)
    assert res.record.body["template"] == "handover_obs" and res.record.body["ratings"] == {"clarity": 4}
    assert res.record.body["checks"] == {"sbar_used": True}
