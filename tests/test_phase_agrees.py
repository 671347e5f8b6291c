"""In phase is one function: progress, the placement's row, the unit's cohort and the request a
placement summary is written from all say the same, with the same figures."""
from __future__ import annotations

import os
from datetime import date

import pytest

from btdesk.services import bt
from btdesk.services.cohort import doctor_row
from btdesk.services.doctor_view import DoctorView
from btdesk.services.progress import progress
from btdesk.services.requests import build_request


def _assess(p, pl, instrument: str, n: int = 1) -> None:
    for _ in range(n):
        p.put("assessment", {"instrument": instrument, "placement": pl.id, "delmal": ["BT1"], "date": "2027-02-10"})


def test_progress_cohort_and_summary_request_agree(doctor):
    akut = bt.placements(doctor)[0]
    _assess(doctor, akut, "dops", 6)  # six of one kind: only the checklist's minimum counts
    day = date(2027, 3, 31)
    pr = progress(doctor, day)
    row = next(x for x in pr.placements if x.id == akut.id)
    req = build_request(doctor, instrument="placement_summary", on=day, placement=akut.id,
                        passphrase=os.environ["BTDESK_PASSPHRASE"])["request"]
    unit = doctor_row(DoctorView(doctor.profile.fingerprint, doctor.records(include_deleted=True)), day)
    assert req["phase"] == {"in_phase": row.in_phase, "explanation": row.phase_explanation}
    assert not pr.in_phase and not row.in_phase and not unit.in_phase
    assert unit.phase_reasons == pr.phase_reasons
    assert (unit.assessments_done, unit.assessments_due) == (pr.phase["assessments_done"],
                                                            pr.phase["assessments_expected"])
    assert "DOPS" in row.phase_explanation and "aktiviteter 0 av" in row.phase_explanation


def test_the_summary_form_shows_the_same_verdict(qtbot, doctor):
    pytest.importorskip("PySide6")
    from btdesk.forms import load_template
    from ui.forms.dialog import FormDialog

    akut = bt.placements(doctor)[0]
    day = date(2027, 3, 31)
    req = build_request(doctor, instrument="placement_summary", on=day, placement=akut.id,
                        passphrase=os.environ["BTDESK_PASSPHRASE"])["request"]
    row = next(x for x in progress(doctor, day).placements if x.id == akut.id)
    dlg = FormDialog(doctor, load_template("placement_summary", doctor.programme),
                     doctor={"name": doctor.profile.name, "fingerprint": doctor.profile.fingerprint},
                     request=req, restore_draft=False)
    qtbot.addWidget(dlg)
    assert f"Enligt btdesk efter i fas för tjänstgjord tid: {row.phase_explanation}" in dlg.header.text()


def test_every_trusted_assessment_is_counted_in_phase_or_said_not_to_be(tmp_path):
    """Beside the demo's signed assessments, `progress` accounts for each: counted in the per-item
    figures, or among those it says do not count (another placement's instrument, or beyond the
    item's minimum), so "2 av 5" beside five signed assessments explains itself."""
    import json

    from conftest import made_profile, run_cli

    home = made_profile(tmp_path / "doc", command=("demo",))
    listed = json.loads(run_cli("assessments", "--format", "json", home=home).stdout)
    on_checklists = {"mini_cex", "dops", "cbd", "medsittning", "msf_360"}  # the Stockholm checklists' instruments
    trusted = [a for a in listed if a["trust"] in ("verified", "confirmed") and a["instrument"] in on_checklists
               and a["date"] <= date.today().isoformat()]
    ph = json.loads(run_cli("progress", "--format", "json", home=home).stdout)["phase"]
    assert ph["uncounted_assessments"] > 0 and ph["assessments_done"] > 0
    assert ph["assessments_done"] + ph["uncounted_assessments"] == len(trusted)
    text = run_cli("progress", home=home).stdout
    assert f"Ytterligare {ph['uncounted_assessments']} signerade bedömningar räknas inte i fas" in text
