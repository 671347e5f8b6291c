"""An activity dated after today (a course booked for next month) is planned, not done: before,
it moved its delmål from "inget underlag" to "påbörjat" in `progress` (and so in the unit's
cohort, which counts the same rows), and the dossier listed it among the delmål's evidence. It
counts from its day on."""
from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path

from conftest import run_cli


def _bt1(home: Path) -> tuple[int, str]:
    r = run_cli("progress", "--format", "json", home=home)
    assert r.returncode == 0, r.stderr
    [row] = [d for d in json.loads(r.stdout)["delmal"] if d["id"] == "BT1"]
    return row["evidence"], row["status"]


def test_an_activity_dated_after_today_is_not_yet_evidence(tmp_path):
    home, today = tmp_path / "home", date.today()
    start = today - timedelta(days=60)
    for step in (("profile", "create", "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
                  "--start", start.isoformat()),
                 ("activity", "--title", "ALS-kurs (bokad)", "--date", (today + timedelta(days=30)).isoformat(),
                  "--hours", "8", "--delmal", "BT1")):
        r = run_cli(*step, home=home)
        assert r.returncode == 0, r.stderr
    assert _bt1(home) == (0, "none")
    r = run_cli("activity", "--title", "Journalklubb", "--date", today.isoformat(), "--hours", "1", "--delmal", "BT1",
                home=home)
    assert r.returncode == 0, r.stderr
    assert _bt1(home) == (1, "started")  # today's counts
    # the dossier's delmål pages list the evidence progress counts: not the booked course
    pdf = tmp_path / "underlag.pdf"
    r = run_cli("dossier", "--out", str(pdf), home=home)
    assert r.returncode == 0, r.stderr
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Journalklubb" in text and "ALS-kurs (bokad)" not in text
