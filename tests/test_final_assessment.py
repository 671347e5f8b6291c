"""The final assessment (slutbedömning), end to end as the BT unit and two assessors run it."""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
from datetime import date
from pathlib import Path

import pytest

from btdesk import identity as idn
from btdesk.canonical import canonical_bytes
from btdesk.errors import BtdeskError
from btdesk.services import unit_import
from btdesk.services.final import codes, judgement, schedule
from btdesk.services.final.committee import committee
from btdesk.services.signed_files import SignedFileError
from conftest import run_cli
from exchange_world import PASS, create
from test_unit_import import make_cohort

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences


@pytest.fixture
def world(tmp_path):
    w = make_cohort(tmp_path)
    with unit_import.open_target(w.unit) as unit:
        assert len(unit_import.import_files(unit, w.bundles).imported) == 3
    people = {}
    for key, name in (("extern", "Dr Eva Extern"), ("hh", "Dr Karin Lind"), ("other", "Dr Olle Annan")):
        p = create(tmp_path / key, name, "supervisor")
        idn.install_cert(p.home, idn.ca_issue(w.unit, idn.make_csr(p.home, PASS), PASS), trust_root=True)
        p.close()
        people[key] = p.home
    w.people = people
    return w


def run_final(*args, home):
    """`btdesk final …` on an assessor's profile, through the real command."""
    return run_cli("final", *args, home=home)


def _judge(home, req, out, role, *extra):
    r = run_final("judge", "--request", str(req), "--role", role, "--date", "2027-12-15", "--out", str(out),
                *extra, home=home)
    assert r.returncode == 0, r.stderr
    return out


def _committee_shows_the_disagreement(world) -> None:
    r = run_cli("unit", "committee", "--format", "json", home=world.unit)
    [row] = json.loads(r.stdout)
    assert row["doctor"] == "Amira Haddad" and row["outcome"] == "uppnatt" and row["disagreements"] == ["BT3"]
    assert row["delmal"]["BT3"]["extern_bedomare"] == "ej_uppnatt"
    assert row["delmal"]["BT3"]["extern_bedomare_comment"] == "saknar bedömning av akuta förlopp"
    assert row["delmal"]["BT3"]["huvudhandledare"] == "uppnatt" and not row["archived"]
    rows = list(csv.DictReader(io.StringIO(run_cli("unit", "committee", "--format", "csv", home=world.unit).stdout)))
    bt3 = next(x for x in rows if x["delmal"] == "BT3")
    assert bt3["extern_bedomare"] == "ej uppnått" and bt3["huvudhandledare"] == "uppnått" and bt3["agree"] == "no"
    assert len(rows) == 19 and rows[-1]["delmal"] == "overall" and rows[-1]["agree"] == "yes"
    table = run_cli("unit", "committee", home=world.unit).stdout
    assert "Amira Haddad" in table and "differ: BT3" in table and "EU" in table


def _archive_holds_what_was_judged(world, amira: str, folder: Path, stdout: str) -> None:
    assert folder.name == f"slutbedomning-Amira-Haddad-{amira[:12]}-2027-12-16"
    pdf, dec_file = folder / "dossier.pdf", folder / "decision.json"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    sums = dict(reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines())
    assert sums == {n: hashlib.sha256((folder / n).read_bytes()).hexdigest() for n in ("dossier.pdf", "decision.json")}
    assert f"SHA-256 {sums['dossier.pdf']}" in stdout
    dec = json.loads(dec_file.read_text())
    assert dec["dossier"]["sha256"] == sums["dossier.pdf"] and dec["outcome_text"] == "uppnått"
    # each judgement in the decision still verifies with its own signature, without the unit's database
    trust = idn.TrustStore(world.unit)
    for j in dec["judgements"]:
        v = idn.verify_detached(canonical_bytes(j["record"]), base64.b64decode(j["signature"]), trust)
        assert v.fingerprint == j["fingerprint"] and v.status == "verified" and j["trust_status"] == "verified"
        # an archived record is Swedish, like the certificates, whatever the language of the run that wrote it
        assert j["trust"].startswith("signaturen verifierad (certifikat utfärdat av "), j["trust"]
    assert {j["assessor"] for j in dec["judgements"]} == {"Dr Eva Extern", "Dr Karin Lind"}
    # the hashes are also kept in the unit's store, and the committee shows the archive
    with unit_import.open_target(world.unit) as unit:
        [rec] = unit_import.store_of(unit).records(amira, codes.ARCHIVE_KIND)
        assert rec.body["dossier_sha256"] == sums["dossier.pdf"]
        assert rec.body["decision_sha256"] == sums["decision.json"]
        assert committee(unit_import.store_of(unit))[0].archived


def test_schedule_judge_import_committee_and_archive(world, tmp_path):
    amira = world.doctors["Amira Haddad"]
    req = tmp_path / "amira.btfinalreq"
    r = run_cli("unit", "final", "schedule", "--doctor", amira[:6], "--date", "2027-12-15",
                "--assessor", "Dr Eva Extern", "--out", str(req), home=world.unit)
    assert r.returncode == 0, r.stderr
    assert "scheduled for 2027-12-15 with Dr Eva Extern" in r.stdout
    request = json.loads(req.read_text())
    assert request["doctor"] == "Amira Haddad" and request["huvudhandledare"] == "Dr Karin Lind"
    assert [d["id"] for d in request["delmal"]] == [f"BT{i}" for i in range(1, 19)]

    # the extern bedömare finds BT3 not achieved; the huvudhandledare finds everything achieved
    ext = _judge(world.people["extern"], req, tmp_path / "ext.btfinal", "extern", "--all", "uppnått",
                 "--delmal", "BT3=ej uppnått:saknar bedömning av akuta förlopp", "--overall", "uppnått",
                 "--comment", "Väl genomförd BT.")
    hh = _judge(world.people["hh"], req, tmp_path / "hh.btfinal", "huvudhandledare", "--all", "uppnått",
                "--overall", "uppnått")
    # a judgement must say something about every delmål
    r = run_final("judge", "--request", str(req), "--role", "extern", "--overall", "uppnått",
                "--out", str(tmp_path / "x.btfinal"), home=world.people["extern"])
    assert r.returncode == 1 and "BT1 has no judgement" in r.stderr

    # someone else signing as the extern bedömare, and a judgement altered after signing, are refused
    forged = _judge(world.people["other"], req, tmp_path / "forged.btfinal", "extern", "--all", "uppnått",
                    "--overall", "uppnått")
    altered = tmp_path / "altered.btfinal"
    obj = json.loads(hh.read_text())
    obj["record"]["body"]["overall"]["judgement"] = "ej_uppnatt"
    altered.write_text(json.dumps(obj))
    r = run_cli("unit", "final", "import", str(forged), str(altered), home=world.unit)
    assert r.returncode == 1
    assert "signed by Dr Olle Annan, but Dr Eva Extern is the assigned extern bedömare" in r.stderr
    assert "has been altered after it was signed" in r.stderr

    r = run_cli("unit", "final", "archive", "--doctor", amira, "--out", str(tmp_path / "arkiv"), home=world.unit)
    assert r.returncode == 1 and ("not imported yet: the judgement of the extern bedömare, the judgement of "
                                  "the huvudhandledare") in r.stderr

    r = run_cli("unit", "final", "import", str(ext), str(hh), home=world.unit)
    assert r.returncode == 0, r.stderr
    assert "Final judgement by Dr Eva Extern (extern bedömare) for Amira Haddad, signature verified" in r.stdout
    assert "Region Stockholm BT-enheten" in r.stdout

    _committee_shows_the_disagreement(world)

    r = run_cli("unit", "final", "archive", "--doctor", amira, "--out", str(tmp_path / "arkiv"),
                "--today", "2027-12-16", home=world.unit)
    assert r.returncode == 0, r.stderr
    [folder] = (tmp_path / "arkiv").iterdir()
    _archive_holds_what_was_judged(world, amira, folder, r.stdout)
    r = run_cli("unit", "final", "archive", "--doctor", amira, "--out", str(tmp_path / "arkiv"),
                "--today", "2027-12-16", home=world.unit)
    assert r.returncode == 1 and "never overwritten" in r.stderr


def test_judgement_for_an_unscheduled_doctor_is_refused(world, tmp_path):
    bo = world.doctors["Bo Ek"]
    req = {"doctor": "Bo Ek", "doctor_fingerprint": bo, "programme": "stockholm", "schedule": None,
           "delmal": [{"id": f"BT{i}", "title": ""} for i in range(1, 19)]}
    from btdesk.services.portfolio import Portfolio

    with Portfolio.open(world.people["extern"]) as p:
        j = judgement.judge(p, req, role="extern", delmal={}, default="uppnått", overall="uppnått",
                     passphrase=lambda _: PASS)
    f = judgement.write_judgement(j, tmp_path / "bo")
    assert f.name == "bo.btfinal"
    with unit_import.open_target(world.unit) as unit:
        with pytest.raises(SignedFileError, match="No final assessment is scheduled for Bo Ek"):
            judgement.import_judgement(unit, f)
        with pytest.raises(BtdeskError, match="No doctor with the fingerprint"):
            schedule.schedule(unit, "f" * 64, date(2027, 12, 1), "Dr Eva Extern")
    assert codes.judgement_code("Ej uppnått") == "ej_uppnatt" and codes.judgement_code("EB") == "ej_bedomt"
    with pytest.raises(BtdeskError, match="is not a judgement"):
        codes.judgement_code("godkänd")


def test_a_units_bundle_for_anyone_carries_no_doctors_schedule(world, tmp_path):
    """A unit's records about one doctor (the schedule) stay out of a bundle for anyone else."""
    import zipfile

    from btdesk.services.exchange import export_bundle
    from btdesk.services.portfolio import Portfolio

    amira = world.doctors["Amira Haddad"]
    r = run_cli("unit", "final", "schedule", "--doctor", amira[:12], "--date", "2027-12-15",
                "--assessor", "Dr Eva Extern", home=world.unit)
    assert r.returncode == 0, r.stderr
    with Portfolio.open(world.unit) as unit:
        assert any(x.kind == codes.SCHEDULE_KIND for x in unit.records(include_deleted=True, everyone=True))
        out = export_bundle(unit, tmp_path / "anyone.btbundle", everything=True, passphrase=PASS)
    if out is not None:
        with zipfile.ZipFile(out.path) as z:
            kinds = {json.loads(line)["record"]["kind"] for line in z.read("records.jsonl").splitlines()}
        assert codes.SCHEDULE_KIND not in kinds


KILLED_ARCHIVE = """
import os, signal, sys
from btdesk.services.final import archive as a
def die(*_args, **_kw):  # the folder is built, the store not yet told
    os.kill(os.getpid(), signal.SIGKILL)
a._remember = die
from btdesk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_an_archive_killed_half_way_can_be_run_again_the_same_day(world, tmp_path):
    import os
    import signal
    import subprocess
    import sys

    from conftest import ROOT

    amira = world.doctors["Amira Haddad"]
    req = tmp_path / "amira.btfinalreq"
    assert run_cli("unit", "final", "schedule", "--doctor", amira[:12], "--date", "2027-12-15",
                   "--assessor", "Dr Eva Extern", "--out", str(req), home=world.unit).returncode == 0
    ext = _judge(world.people["extern"], req, tmp_path / "e.btfinal", "extern", "--all", "uppnått",
                 "--overall", "uppnått")
    hh = _judge(world.people["hh"], req, tmp_path / "h.btfinal", "huvudhandledare", "--all", "uppnått",
                "--overall", "uppnått")
    assert run_cli("unit", "final", "import", str(ext), str(hh), home=world.unit).returncode == 0
    out = tmp_path / "arkiv"
    args = ["--home", str(world.unit), "unit", "final", "archive", "--doctor", amira, "--out", str(out),
            "--today", "2027-12-16"]
    r = subprocess.run([sys.executable, "-c", KILLED_ARCHIVE, *args], env=dict(os.environ, PYTHONPATH=str(ROOT)),
                       capture_output=True, timeout=300, check=False)
    assert r.returncode == -signal.SIGKILL
    assert [p for p in out.iterdir() if not p.name.startswith(".")] == []  # nothing published
    r = run_cli(*args[2:], home=world.unit)
    assert r.returncode == 0, r.stderr
    [folder] = list(out.iterdir())  # and the killed try's partial folder is gone
    assert sorted(p.name for p in folder.iterdir()) == ["SHA256SUMS", "decision.json", "dossier.pdf"]
