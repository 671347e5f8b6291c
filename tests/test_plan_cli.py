"""The plan from the command line: placements and leave, with the window's validation."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, made_profile, run_cli

SHIPPED_PROGRAMMES = ROOT / "resources" / "programmes"


@pytest.fixture
def cli_doctor(home):
    return made_profile(home, "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
                        "--start", "2027-01-01", "--percent", "75")


def _entries(home, kind):
    r = run_cli("entries", "--kind", kind, home=home)
    return [line for line in r.stdout.splitlines() if line.strip()]


def test_placements_added_listed_edited_and_removed(cli_doctor):
    home = cli_doctor
    r = run_cli("placement", "add", "--kind", "akut_sjukvard", "--site", "Södersjukhuset", "--supervisor",
                "Dr Erik Berg", "--start", "2027-01-01", "--end", "2027-04-30", home=home)
    assert r.returncode == 0, r.stderr
    pid = r.stdout.strip().rsplit(" ", 1)[-1]
    listed = json.loads(run_cli("placement", "list", "--format", "json", "--today", "2027-04-30", home=home).stdout)
    row = listed["placements"][0]
    # no percent of its own: it runs at the BT's 75 %, so four months are 3,0 months full time
    got = (row["id"], row["percent"], row["own_percent"], row["served"], row["state"])
    assert got == (pid, 75, False, 3.0, "current")
    r = run_cli("placement", "edit", pid, "--percent", "100", "--end", "2027-05-31", home=home)
    assert r.returncode == 0, r.stderr
    listed = json.loads(run_cli("placement", "list", "--format", "json", "--today", "2027-06-01", home=home).stdout)
    assert (listed["placements"][0]["planned"], listed["placements"][0]["state"]) == (5.0, "served")
    assert run_cli("placement", "remove", pid, home=home).returncode == 0
    assert json.loads(run_cli("placement", "list", "--format", "json", home=home).stdout)["placements"] == []
    history = run_cli("history", pid, home=home).stdout
    assert "v3" in history and "borttagen av" in history


@pytest.mark.parametrize("args, sentence", [
    (("--kind", "kirurgi"), "ingen placeringstyp 'kirurgi'"),
    (("--end", "2026-12-31"), "slutar 2026-12-31 före sin start"),
    (("--percent", "120"), "Omfattningen ska vara 1–100 %"),
    (("--start", "1 januari"), "Startdagen ska vara ett datum"),
])
def test_bad_placement_is_one_sentence_exit_1_and_changes_nothing(cli_doctor, args, sentence):
    base = {"--kind": "allmanmedicin", "--site": "VC", "--start": "2027-01-01", "--end": "2027-04-30"}
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    r = run_cli("placement", "add", *[x for kv in base.items() for x in kv], home=cli_doctor)
    assert r.returncode == 1
    assert sentence in r.stderr and r.stderr.count("\n") == 1, r.stderr
    assert _entries(cli_doctor, "placement") == []


def test_leave_added_listed_and_removed_and_it_is_not_service(cli_doctor):
    home = cli_doctor
    run_cli("placement", "add", "--kind", "allmanmedicin", "--site", "VC Gubbängen", "--start", "2027-01-01",
            "--end", "2027-04-30", "--percent", "100", home=home)
    r = run_cli("leave", "add", "--type", "foraldraledighet", "--start", "2027-01-01", "--end", "2027-04-30",
                "--percent", "50", home=home)
    assert r.returncode == 0, r.stderr
    lid = r.stdout.strip().rsplit(" ", 1)[-1]
    assert json.loads(run_cli("leave", "list", "--format", "json", home=home).stdout) == [
        {"id": lid, "type": "foraldraledighet", "type_name": "Föräldraledighet", "start": "2027-01-01",
         "end": "2027-04-30", "percent": 50}]
    pr = json.loads(run_cli("progress", "--format", "json", "--today", "2027-04-30", home=home).stdout)
    assert (pr["months_served"], pr["primarvard_months"], pr["leave_months"]) == (2.0, 2.0, 2.0)
    assert run_cli("leave", "remove", lid, home=home).returncode == 0
    pr = json.loads(run_cli("progress", "--format", "json", "--today", "2027-04-30", home=home).stdout)
    assert (pr["months_served"], pr["leave_months"]) == (4.0, 0.0)


def test_bad_leave_changes_nothing(cli_doctor):
    r = run_cli("leave", "add", "--type", "semester", "--start", "2027-01-01", "--end", "2027-01-05", home=cli_doctor)
    assert r.returncode == 1 and "Ledighet av typen 'semester' finns inte" in r.stderr
    r = run_cli("leave", "remove", "nope", home=cli_doctor)
    assert r.returncode == 1 and "Det finns ingen ledighet nope" in r.stderr
    assert _entries(cli_doctor, "leave") == []


def _programme_copy(tmp_path, edit):
    text = (SHIPPED_PROGRAMMES / "stockholm.toml").read_text("utf-8")
    f = tmp_path / "stockholm.toml"
    f.write_text(edit(text), encoding="utf-8")
    return f


@pytest.mark.parametrize("edit, sentence", [
    (lambda t: t.replace("months = 4", "months = 1").replace("months = 2", "months = 1"),
     "add up to 4 months; HSLF-FS 2021:8 requires at least 6"),
    (lambda t: t.replace('counts_as = ["primarvard"]', "counts_as = []"),
     "give 0 months that count as primarvard (primärvård); HSLF-FS 2021:8 requires at least 3"),
    (lambda t: t.replace('counts_as = ["akut"]', "counts_as = []"),
     "give 0 months that count as akut (akut sjukvård); HSLF-FS 2021:8 requires at least 3"),
])
def test_programme_check_applies_the_regulation_minimums(tmp_path, edit, sentence):
    r = run_cli("programme", "check", str(_programme_copy(tmp_path, edit)), env={"BTDESK_LANG": "en"})
    assert r.returncode == 1
    assert f"stockholm.toml: placement_kinds {sentence}." in r.stderr


def test_programme_show_marks_skanes_assumptions():
    out = run_cli("programme", "show", "skane").stdout
    assert "Psykiatri: 4 månader (antagande)" in out
    assert "uppdelningen 4 + 4 + 4 månader är ett antagande" in out
    stockholm = run_cli("programme", "show", "stockholm").stdout
    assert "Introduktion: Regional introduktion, 2,5 veckor" in stockholm
    assert "Allmänmedicin: 4 månader;" in stockholm  # the region's own figure: no mark


def test_progress_and_its_warnings_give_the_same_one_decimal_figure(cli_doctor):
    home = cli_doctor
    # 2 months and 30 of March's 31 days at full time: 2,96… months, shown as 2,9 everywhere
    for kind, start, end in (("akut_sjukvard", "2027-01-01", "2027-03-30"),
                             ("allmanmedicin", "2027-04-01", "2027-07-31")):
        assert run_cli("placement", "add", "--kind", kind, "--site", "X", "--start", start, "--end", end,
                       "--percent", "100", home=home).returncode == 0
    out = run_cli("progress", "--today", "2027-12-31", home=home).stdout
    assert "akut sjukvård 2,9 tjänstgjorda (planerat 2,9)" in out
    assert "Planen har 2,9 månader akut sjukvård; minst 3 krävs" in out
    assert "3,0" not in out.split("akut sjukvård", 1)[1].split("\n", 1)[0]
    pr = json.loads(run_cli("progress", "--format", "json", "--today", "2027-12-31", home=home).stdout)
    assert (pr["akut_months"], pr["akut_planned"]) == (2.9, 2.9)
