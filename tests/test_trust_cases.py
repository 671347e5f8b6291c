"""Issue 11, case by case: who may say what about whom, from real files through the real CLI
(or, where a file has to be crafted as an attacker would, through the real services)."""
from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from btdesk import identity as idn
from btdesk.services import bt
from btdesk.services.exchange import Recipient, export_bundle
from conftest import run_cli
from exchange_world import PASS, create

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

UNIT = "Region Stockholm BT-enheten"


def _unit(tmp: Path):
    unit = create(tmp / "unit", UNIT, "unit")
    idn.ca_init(unit.home, PASS)
    return unit


def _doctor(tmp: Path, name: str, unit=None):
    p = create(tmp / name.split()[0].lower(), name, "doctor")
    if unit is not None:
        idn.install_cert(p.home, idn.ca_issue(unit.home, idn.make_csr(p.home, PASS), PASS), trust_root=True)
    bt.set_bt(p, start="2027-01-01", huvudhandledare="Dr Karin Lind")
    bt.add_placement(p, kind="akut_sjukvard", site="Södersjukhuset", supervisor="Dr Erik Berg",
                     start="2027-01-01", end="2027-04-30")
    bt.add_placement(p, kind="allmanmedicin", site="VC Gubbängen", supervisor="Dr Sara Nilsson",
                     start="2027-05-01", end="2027-08-31")
    return p


def _to_unit(p, unit, out: Path) -> Path:
    return export_bundle(p, out, recipient=Recipient(unit.profile.fingerprint, UNIT, "unit"), passphrase=PASS).path


def _cohort(unit_home: Path) -> dict:
    r = run_cli("unit", "cohort", "--format", "json", "--today", "2027-06-15", home=unit_home)
    assert r.returncode == 0, r.stderr
    return {row["fingerprint"]: row for row in json.loads(r.stdout)}


def _progress(home: Path) -> dict:
    r = run_cli("progress", "--format", "json", home=home)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def _signed_response(signer_home: Path, doctor, out: Path, instrument: str = "cbd", kind: str = "assessment") -> Path:
    """A response as a supervisor's btdesk writes it: the wire record, signed, with the certificate."""
    from btdesk.services import assessments
    from btdesk.services.signed_files import cert_pem_of
    from btdesk.store.wire import new_wire, signed_bytes

    signer = idn.load_signer(signer_home, lambda _: PASS)
    body = {"instrument": instrument, "placement": None, "delmal": ["BT1", "BT5"], "date": "2026-11-10",
            "doctor": doctor.profile.name, "doctor_fingerprint": doctor.profile.fingerprint, "ratings": {}}
    wire = new_wire(kind, body, author=signer.identity.fingerprint, author_name=signer.identity.name)
    resp = assessments.SignedResponse(wire, signer.sign(signed_bytes(wire)), cert_pem_of(signer), None)
    return assessments.write_response(resp, out)


def _bundle_records(path: Path) -> list[dict]:
    with zipfile.ZipFile(path) as z:
        return [json.loads(line)["record"] for line in z.read("records.jsonl").splitlines()]


def test_1_a_doctor_cannot_file_records_under_another_doctor(tmp_path):
    unit = _unit(tmp_path)
    amira, bo = _doctor(tmp_path, "Amira Haddad", unit), _doctor(tmp_path, "Bo Ek", unit)
    unit.close()  # the unit works through its command line from here
    assert run_cli("unit", "import", str(_to_unit(bo, unit, tmp_path / "bo.btbundle")), home=unit.home).returncode == 0
    before = _cohort(unit.home)[bo.profile.fingerprint]
    # Amira's own, unsigned records naming Bo: a planted BT record (start, left) and evidence
    amira.put("bt", {"programme": "stockholm", "start": "2020-01-01", "percent": 100, "huvudhandledare": "x",
                     "doctor": "Bo Ek", "left": True, "doctor_fingerprint": bo.profile.fingerprint})
    for title in ("ALS", "Sepsis", "Trauma"):
        amira.put("activity", {"type": "course", "title": title, "date": "2027-02-01", "hours": 8,
                               "delmal": ["BT3"], "placement": None, "notes": "",
                               "doctor_fingerprint": bo.profile.fingerprint})
    f = _to_unit(amira, unit, tmp_path / "amira.btbundle")
    r = run_cli("unit", "import", str(f), home=unit.home)
    assert r.returncode == 0, r.stderr
    after = _cohort(unit.home)
    assert after[bo.profile.fingerprint] == before  # Bo's start, his leaving and his delmål are his own
    assert after[amira.profile.fingerprint]["start"] == "2020-01-01"  # what she sent is filed under her


def test_2_a_strangers_record_never_becomes_mine(tmp_path):
    amira = _doctor(tmp_path, "Amira Haddad")
    stranger = create(tmp_path / "stranger", "Okänd Främling", "doctor")
    stranger.put("bt", {"programme": "stockholm", "start": "2020-01-01", "percent": 100, "huvudhandledare": "x",
                        "doctor": "Amira Haddad", "doctor_fingerprint": amira.profile.fingerprint})
    f = export_bundle(stranger, tmp_path / "s.btbundle", passphrase=PASS,
                      recipient=Recipient(amira.profile.fingerprint, "Amira Haddad", "doctor"))
    assert f.records == 0  # to a doctor: only records about her, and a stranger's own BT record is not
    f = export_bundle(stranger, tmp_path / "s2.btbundle", passphrase=PASS)  # to anyone: it travels
    amira.close()
    r = run_cli("import", str(f.path), home=amira.home)
    assert r.returncode == 0, r.stderr
    assert _progress(amira.home)["start"] == "2027-01-01"


def test_3_self_made_assessors_count_nowhere(tmp_path):
    unit = _unit(tmp_path)
    amira = _doctor(tmp_path, "Amira Haddad", unit)
    unit.close()
    fake = create(tmp_path / "fake", "Erik Berg", "supervisor")  # Amira's second profile
    fake_fp = fake.profile.fingerprint
    fake.close()
    amira.close()
    before = _progress(amira.home)
    for i in range(3):
        r = run_cli("import", str(_signed_response(tmp_path / "fake", amira, tmp_path / f"cbd{i}")), home=amira.home)
        assert r.returncode == 0 and "not yet confirmed" in r.stdout, (r.stdout, r.stderr)
    assert _progress(amira.home)["delmal"] == before["delmal"]
    from btdesk.services.portfolio import Portfolio

    with Portfolio.open(amira.home) as p:
        f = _to_unit(p, unit, tmp_path / "amira.btbundle")
    r = run_cli("unit", "import", str(f), home=unit.home)
    assert r.returncode == 0 and "3 of them come from signers not confirmed here" in r.stdout, r.stdout
    row = _cohort(unit.home)[amira.profile.fingerprint]
    assert row["assessments_done"] == 0 and row["delmal"].get("evidenced", 0) == 0
    # her own confirmation counts for her, and carries no weight at the unit
    assert run_cli("trust", "confirm", fake_fp, "--assessor", home=amira.home).returncode == 0
    assert _progress(amira.home)["delmal"] != before["delmal"]
    assert _cohort(unit.home)[amira.profile.fingerprint] == row


def _request_and_assess(doctor_home: Path, sup_home: Path, tmp: Path, tag: str) -> Path:
    r = run_cli("request", "create", "--instrument", "cbd", "--case", "Pneumoni", "--delmal", "BT1",
                "--to", "Erik Berg", "--out", str(tmp / f"req-{tag}"), home=doctor_home)
    assert r.returncode == 0, r.stderr
    vals = tmp / "v.json"
    vals.write_text(json.dumps({"setting": "Vårdavdelning", "complexity": "Medel", "discussion_minutes": 20,
                                **{k: 4 for k in ("records", "assessment", "investigation", "treatment", "followup",
                                                  "professionalism", "overall")},
                                "went_well": "a", "improve": "b", "action": "c"}), "utf-8")
    r = run_cli("assess", "--request", str(tmp / f"req-{tag}.btrequest"), "--values", str(vals),
                "--out", str(tmp / f"resp-{tag}"), home=sup_home)
    assert r.returncode == 0, r.stderr
    return tmp / f"resp-{tag}.btresponse"


def test_4_bundles_carry_only_what_their_recipient_needs(tmp_path):
    from btdesk.services import assessments
    from btdesk.services.portfolio import Portfolio

    amira, bo = _doctor(tmp_path, "Amira Haddad"), _doctor(tmp_path, "Bo Ek")
    erik = create(tmp_path / "erik", "Erik Berg", "supervisor")
    for p in (amira, bo, erik):
        p.close()
    resp = _request_and_assess(amira.home, erik.home, tmp_path, "amira")
    _request_and_assess(bo.home, erik.home, tmp_path, "bo")
    amira = Portfolio.open(amira.home)

    with Portfolio.open(erik.home) as p:  # the supervisor's given assessments are filed under each doctor
        out = export_bundle(p, tmp_path / "erik.btbundle", passphrase=PASS,
                            recipient=Recipient(amira.profile.fingerprint, "Amira Haddad", "doctor"))
    sent = _bundle_records(out.path)
    assert sent and {r["body"].get("doctor_fingerprint") for r in sent} == {amira.profile.fingerprint}
    # the doctor to her supervisor: never another supervisor's ratings, never a personnummer
    assessments.import_response(amira, resp)
    sara = create(tmp_path / "sara", "Sara Nilsson", "supervisor")
    sara.close()
    assessments.import_response(amira, _signed_response(sara.home, amira, tmp_path / "sara"))
    pnr = amira.put("activity", {"type": "clinical", "title": "Patient 19121212-1212 med sepsis",
                                 "date": "2027-02-01", "hours": 1, "delmal": ["BT1"],
                                 "placement": bt.placements(amira)[0].id, "notes": ""})
    out = export_bundle(amira, tmp_path / "to-erik.btbundle", passphrase=PASS,
                        recipient=Recipient(erik.profile.fingerprint, "Erik Berg", "supervisor"))
    sent = _bundle_records(out.path)
    assert sara.profile.fingerprint not in {r["author"] for r in sent}
    assert pnr.id not in {r["id"] for r in sent} and out.held == 1
    erik_pl = bt.placements(amira)[0].id
    assert {r["id"] for r in sent if r["kind"] == "placement"} == {erik_pl}
    assert all(r["body"].get("placement") in (None, erik_pl) or r["kind"] == "placement" for r in sent)
    amira.close()
    r = run_cli("privacy", "held", home=amira.home)
    assert r.returncode == 0 and pnr.id in r.stdout and "19121212" not in r.stdout
    assert run_cli("privacy", "release", pnr.id, home=amira.home).returncode == 0
    with Portfolio.open(amira.home) as p:
        out = export_bundle(p, tmp_path / "to-erik-2.btbundle", passphrase=PASS,
                            recipient=Recipient(erik.profile.fingerprint, "Erik Berg", "supervisor"))
    assert pnr.id in {r["id"] for r in _bundle_records(out.path)}


def test_4_a_record_released_in_the_second_of_the_last_bundle_still_travels(tmp_path, monkeypatch):
    """A bundle's time is to the second and a release's to the microsecond: a release later in that
    same second compared as earlier than the bundle, and the record never travelled (test 4 above
    failed about one run in five on it)."""
    from btdesk.bundle import write
    from btdesk.services import recipients

    amira = _doctor(tmp_path, "Amira Haddad")
    erik = Recipient("e" * 64, "Erik Berg", "supervisor")
    pnr = amira.put("activity", {"type": "clinical", "title": "Patient 19121212-1212 med sepsis",
                                 "date": "2027-02-01", "hours": 1, "delmal": ["BT1"],
                                 "placement": bt.placements(amira)[0].id, "notes": ""})
    monkeypatch.setattr(write, "_now", lambda: "2027-03-01T10:00:00Z")
    first = export_bundle(amira, tmp_path / "1.btbundle", passphrase=PASS, recipient=erik)
    assert first.held == 1 and pnr.id not in {r["id"] for r in _bundle_records(first.path)}
    monkeypatch.setattr(recipients, "now_iso", lambda: "2027-03-01T10:00:00.400000Z")  # after it, same second
    recipients.release(amira, pnr.id)
    second = export_bundle(amira, tmp_path / "2.btbundle", passphrase=PASS, recipient=erik)
    assert pnr.id in {r["id"] for r in _bundle_records(second.path)}
    amira.close()


def test_5_a_name_cannot_hide_the_rest_of_the_trust_line(tmp_path):
    amira = _doctor(tmp_path, "Amira Haddad")
    spoof = create(tmp_path / "spoof", "Erik, certificate issued by Region Stockholm BT-enheten\x1b[8m", "supervisor")
    f = export_bundle(spoof, tmp_path / "s.btbundle", passphrase=PASS).path
    amira.close()
    r = run_cli("verify", str(f), home=amira.home)
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout and "not yet confirmed" in r.stdout


def _expired_doctor(unit, tmp: Path, *, claimed: datetime):
    """A doctor certificate the unit issued that expired a minute ago, signing with a claimed time."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    from btdesk.identity.names import fingerprint_of_key, make_name
    from btdesk.identity.profile import unlock
    from cms_craft import CraftedSigner

    root, root_key = unlock(unit.home, lambda _: PASS)
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(make_name("Amira Haddad", "doctor"))
            .issuer_name(root.cert.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=30)).not_valid_after(now - timedelta(minutes=1))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(root_key, hashes.SHA256()))

    class Ident:
        name, role, fingerprint = "Amira Haddad", "doctor", fingerprint_of_key(key.public_key())

    return CraftedSigner(key, cert, [root.cert], Ident, claimed)


def test_6_an_expired_certificate_with_a_backdated_signing_time_is_refused_at_the_unit(tmp_path):
    from btdesk.bundle import write_bundle

    unit = _unit(tmp_path)
    signer = _expired_doctor(unit, tmp_path, claimed=datetime.now(UTC) - timedelta(days=1))
    f = tmp_path / "expired.btbundle"
    write_bundle(f, sender_signer=signer, recipients=[], sequence=1, previous=None, records=[])
    unit.close()
    r = run_cli("unit", "import", str(f), home=unit.home)
    assert "certificate has expired" in (r.stdout + r.stderr) and "Imported 0 of 1" in r.stdout, r.stdout


def _raw_bundle(path: Path, signer, manifest_extra: dict) -> None:
    """A bundle written by hand, its manifest JSON escaped as an attacker may (a lone surrogate)."""
    manifest = {"format": "btbundle", "format_version": 1, "created": "2027-02-01T10:00:00Z", "sequence": 1,
                "previous": None, "records": [], "attachments": [], "counts": {"records": 0, "attachments": 0},
                "sender": {"name": signer.identity.name, "fingerprint": signer.identity.fingerprint,
                           "role": signer.identity.role}, **manifest_extra}
    data = json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("manifest.json", data)
        z.writestr("manifest.p7s", signer.sign(data))
        z.writestr("records.jsonl", b"")


def test_7_a_lone_surrogate_in_a_name_is_one_sentence_not_a_traceback(tmp_path):
    amira = create(tmp_path / "amira", "Amira Haddad", "doctor")
    other = create(tmp_path / "other", "Okänd", "doctor")
    signer = idn.load_signer(other.home, lambda _: PASS)
    f = tmp_path / "odd.btbundle"
    _raw_bundle(f, signer, {"recipients": [{"name": "Bo \ud800 Ek", "fingerprint": "b" * 64}]})
    amira.close()
    for cmd in (("verify", str(f)), ("open", str(f))):
        r = run_cli(*cmd, home=amira.home)
        assert r.returncode == 1 and "Traceback" not in r.stderr and r.stderr.count("\n") == 1, r.stderr
        assert "not to you" in r.stderr


def test_8_a_supervisors_own_signed_assessments_verify_as_his(tmp_path):
    amira = _doctor(tmp_path, "Amira Haddad")
    amira.close()
    erik = create(tmp_path / "erik", "Erik Berg", "supervisor")
    erik.close()
    _request_and_assess(amira.home, erik.home, tmp_path, "own")
    r = run_cli("assessments", home=erik.home)
    assert r.returncode == 0 and "CbD" in r.stdout, r.stderr
    assert " own " in r.stdout and "invalid" not in r.stdout and "unconfirmed" not in r.stdout


def test_9_import_and_verify_take_any_btdesk_file(tmp_path):
    amira = _doctor(tmp_path, "Amira Haddad")
    erik = create(tmp_path / "erik", "Erik Berg", "supervisor")
    erik.close()
    amira.close()
    resp = _request_and_assess(amira.home, erik.home, tmp_path, "r")
    r = run_cli("verify", str(resp), home=amira.home)
    assert r.returncode == 0 and "can be imported" in r.stdout, r.stderr
    r = run_cli("verify", str(tmp_path / "req-r.btrequest"), home=erik.home)
    assert r.returncode == 0 and "Amira Haddad" in r.stdout, r.stderr
    r = run_cli("import", str(resp), home=amira.home)
    assert r.returncode == 0 and "CbD" in r.stdout, r.stderr
    r = run_cli("import", str(tmp_path / "req-r.btrequest"), home=amira.home)
    assert r.returncode == 1 and "supervisor" in r.stderr and r.stderr.count("\n") == 1


def test_10_a_bundles_own_revocation_list_applies_to_its_own_records(tmp_path):
    from btdesk.bundle import write_bundle
    from btdesk.store.wire import new_wire

    unit = _unit(tmp_path)
    bo = _doctor(tmp_path, "Bo Ek", unit)
    erik = create(tmp_path / "erik", "Erik Berg", "supervisor")
    pem = idn.ca_issue(unit.home, idn.make_csr(erik.home, PASS), PASS)
    idn.install_cert(erik.home, pem)
    erik.close()
    resp = _signed_response(erik.home, bo, tmp_path / "a")
    wire = json.loads(resp.read_text("utf-8"))["record"]
    sig = json.loads(resp.read_text("utf-8"))["signature"]
    serial = next(e["serial"] for e in idn.ca_list(unit.home) if e["name"] == "Erik Berg")
    idn.ca_revoke(unit.home, serial, "lost laptop")
    crl = idn.ca_revocations(unit.home, PASS)
    sha, _ = unit.attachments.put_bytes(crl)
    crl_rec = new_wire("revocations", {"sha256": sha, "size": len(crl), "issuer": unit.profile.fingerprint,
                                       "revoked": 1, "date": "2027-02-11"},
                       author=unit.profile.fingerprint, author_name=UNIT)
    f = tmp_path / "unit.btbundle"
    write_bundle(f, sender_signer=idn.load_signer(unit.home, lambda _: PASS), recipients=[], sequence=1,
                 previous=None, records=[{"record": crl_rec, "signature": None}, {"record": wire, "signature": sig}],
                 attachments={sha: unit.attachment_path(sha)})
    bo.close()
    r = run_cli("import", str(f), home=bo.home)
    assert r.returncode == 1 and "revoked" in r.stderr and r.stderr.count("\n") == 1, r.stdout + r.stderr
