"""Certificates state only what is true by the date printed.

Bilaga 3 as a verksamhetschef signs it: its statement says the BT *has been completed*, so it is
refused until the programme's time and HSLF-FS 2021:8's minimums are served; the service list is
the periods actually served, leave taken out, each row checkable by hand. Bilaga 4 is refused
while a signed final judgement says the delmål are not achieved."""
from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import made_profile, run_cli

PLAN = (("allmanmedicin", "VC Gubbängen", "2025-01-01", "2025-04-30"),
        ("akut_sjukvard", "Södersjukhuset", "2025-05-01", "2025-08-31"),
        ("geriatrik", "Dalens sjukhus", "2025-09-01", "2025-10-31"),
        ("psykiatri", "Psykiatri Södra", "2025-11-01", "2026-02-28"))


def _ok(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 0, r.stderr
    return r.stdout


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                         check=True)
    return " ".join(out.stdout.split())


def _doctor(home: Path) -> None:
    """A worked example a study director checks by hand: a whole March off sick, two months of
    half-time parental leave in psykiatri, and psykiatri one month longer to make up for it."""
    plan = tuple(("placement", "add", "--kind", kind, "--site", site, "--start", start, "--end", end)
                 for kind, site, start, end in PLAN)
    made_profile(home, "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm", "--start",
                 "2025-01-01", then=(*plan,
                                     ("leave", "add", "--type", "sjukfranvaro", "--start", "2025-03-01",
                                      "--end", "2025-03-31"),
                                     ("leave", "add", "--type", "foraldraledighet", "--start", "2025-11-01",
                                      "--end", "2025-12-31", "--percent", "50")))


def test_bilaga3_is_refused_until_the_bt_is_served_then_lists_the_periods_served(tmp_path: Path) -> None:
    home, out = tmp_path / "doc", tmp_path / "b3.pdf"
    _doctor(home)
    # 3 + 4 + 2 + 3 = 12 months served: the programme's 12, with 3 in primärvård and 4 in akut sjukvård
    _ok(run_cli("certificate", "bilaga3", "--out", str(out), home=home))
    text = _text(out)
    assert "UTKAST" not in text
    assert ("VC Gubbängen (Allmänmedicin) 250101-250228 100 2,00 "
            "VC Gubbängen (Allmänmedicin) 250401-250430 100 1,00 "
            "Södersjukhuset (Akut sjukvård) 250501-250831 100 4,00 "
            "Dalens sjukhus (Geriatrik) 250901-251031 100 2,00 "
            "Psykiatri Södra (Psykiatri) 251101-251231 50 1,00 "
            "Psykiatri Södra (Psykiatri) 260101-260228 100 2,00") in text
    assert "Summa 12,00" in text
    assert "VC Gubbängen, 250101-250430, 3,00 månader på heltid" in text
    assert "Södersjukhuset, 250501-250831, 4,00 månader på heltid" in text


def test_bilaga3_is_refused_while_the_bt_is_not_completed_and_a_draft_says_utkast(tmp_path: Path) -> None:
    home, out = tmp_path / "doc", tmp_path / "b3.pdf"
    _doctor(home)
    # a whole month more of leave: 11 of 12 months served, so "har fullgjort bastjänstgöring" is not true
    _ok(run_cli("leave", "add", "--type", "tjanstledighet", "--start", "2025-06-01", "--end", "2025-06-30",
                home=home))
    r = run_cli("certificate", "bilaga3", "--out", str(out), home=home)
    assert r.returncode == 1 and not out.exists() and "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1 and "Bilaga 3 kan inte utfärdas" in r.stderr and "12,0 av 12,0" not in r.stderr
    assert "11,0 av 12,0 månader" in r.stderr and "cannot" not in r.stderr  # one language: the run's
    en = run_cli("certificate", "bilaga3", "--out", str(out), home=home, env={"BTDESK_LANG": "en"})
    assert en.returncode == 1 and "11.0 of 12.0 months" in en.stderr and "kan inte" not in en.stderr, en.stderr
    _ok(run_cli("certificate", "bilaga3", "--out", str(out), "--draft", home=home))
    text = _text(out)
    assert "UTKAST" in text and "Summa 11,00" in text
    assert "250501-250531 100 1,00" in text and "250701-250831 100 2,00" in text  # June is not service


def test_bilaga4_is_refused_while_the_final_assessment_says_not_achieved(doctor, tmp_path: Path) -> None:
    """Both assessors sign that every delmål is achieved: not while a signed final judgement says not."""
    from evidence_helpers import give_in_bundle

    give_in_bundle(doctor, "final_judgement", [
        {"role": "extern_bedomare", "date": "2027-12-20", "delmal": {},
         "overall": {"judgement": "ej_uppnatt", "comment": "BT12 saknar underlag"}}])
    home, out = doctor.home, tmp_path / "b4.pdf"
    doctor.close()
    r = run_cli("certificate", "bilaga4", "--out", str(out), home=home)
    assert r.returncode == 1 and not out.exists() and r.stderr.count("\n") == 1
    assert "slutbedömningen säger att sökanden ännu inte har uppnått samtliga delmål" in r.stderr
    _ok(run_cli("certificate", "bilaga4", "--out", str(out), "--draft", home=home))
    assert "UTKAST" in _text(out)
