"""The calendar end to end through the command line: the demo doctor with parental leave gives the
same figures in `progress`, in the BT unit's cohort after a bundle, in the dossier and on Bilaga 3."""
from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path

from btdesk.timeutil import months_text
from conftest import made_profile, run_cli


def _ok(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 0, r.stderr
    return r.stdout


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def test_demo_doctor_with_leave_agrees_in_progress_cohort_dossier_and_bilaga3(tmp_path):
    today = date.today()  # the demo is dated from today, and so are the dossier and the cohort
    doc, unit = tmp_path / "doc", tmp_path / "unit"
    made_profile(doc, command=("demo",))
    before = json.loads(_ok(run_cli("progress", "--format", "json", home=doc)))
    start, end = today - timedelta(days=20), today + timedelta(days=40)
    _ok(run_cli("leave", "add", "--type", "foraldraledighet", "--start", start.isoformat(), "--end",
                end.isoformat(), "--percent", "50", home=doc))
    pr = json.loads(_ok(run_cli("progress", "--format", "json", home=doc)))
    # twenty-one days at half time are gone from service, and the expected end moves on
    assert pr["months_served"] < before["months_served"] and pr["leave_months"] > before["leave_months"]
    assert pr["expected_end"] > before["expected_end"]
    assert {lv["type"] for lv in pr["leave"]} == {"sjukfranvaro", "foraldraledighet"}

    made_profile(unit, "--role", "unit", "--name", "Region Stockholm BT-enheten")
    # the unit takes bundles from the doctors it has certified: enrol the demo doctor first
    _ok(run_cli("unit", "init-ca", home=unit))
    _ok(run_cli("identity", "csr", "--out", str(tmp_path / "amira.csr"), home=doc))
    _ok(run_cli("unit", "issue-cert", str(tmp_path / "amira.csr"), "--out", str(tmp_path / "amira.crt"), home=unit))
    _ok(run_cli("identity", "install-cert", str(tmp_path / "amira.crt"), home=doc))
    # and the demo supervisor's certificate authority, so that his signed assessments are verified
    _ok(run_cli("trust", "add-root", str(doc / "demo-handledare-enhet" / "identity" / "cert.pem"), home=unit))
    bundle = tmp_path / "amira.btbundle"
    _ok(run_cli("export", "--to", str(bundle), "--all", home=doc))
    _ok(run_cli("unit", "import", str(bundle), home=unit))
    [row] = json.loads(_ok(run_cli("unit", "cohort", "--format", "json", home=unit)))
    assert (row["months_served"], row["months_planned"], row["leave_months"], row["expected_end"]) == (
        pr["months_served"], pr["months_planned"], pr["leave_months"], pr["expected_end"])
    assert row["in_phase"] == pr["in_phase"]
    assert (row["assessments_done"], row["assessments_due"]) == (
        pr["phase"]["assessments_done"], pr["phase"]["assessments_expected"])

    dossier = tmp_path / "underlag.pdf"
    _ok(run_cli("dossier", "--out", str(dossier), home=doc))
    text = _pdf_text(dossier)
    assert pr["summary"] in text  # "4,7 av 12,0 månader tjänstgjorda · planerat: 11,6"
    # the cover's period is the plan, said to be planned, and the leave moves the expected end past it
    assert f"(planerat); beräknat slut {pr['expected_end']}" in text
    # the timeline marks each placement not begun as planned (raw order: a bar's name, then "planerad")
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(dossier), "-"], capture_output=True, text=True,
                         check=True).stdout
    timeline = raw[raw.index("Placeringar\n"):raw.index("Placering Tjänstgöringsställe")]
    planned = [pl["name"] for pl in pr["placements"] if pl["state"] == "planned"]
    assert planned and all(f"{name}\nplanerad" in timeline for name in planned)
    assert timeline.count("planerad") == len(planned)
    assert months_text(pr["primarvard_months"]) in text and months_text(pr["akut_months"]) in text

    b3 = tmp_path / "bilaga3.pdf"
    _ok(run_cli("certificate", "bilaga3", "--draft", "--out", str(b3), home=doc))
    assert f"Summa {months_text(pr['months_served'])}" in _pdf_text(b3)
