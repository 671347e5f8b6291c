"""Only a handledare may vouch: who signed is not enough, the signer's role decides whether an
assessment counts (btdesk.identity.standing). Real files through the real CLI.

- The BT unit states the role in the certificate it issues (`unit issue-cert --role`): a
  doctor it certified is verified, yet her assessment of a colleague counts nowhere, with why.
- A self-signed signer confirmed by fingerprint counts as assessor only when confirmed as one.
- A root added with `trust add-root --may-sign KINDS` keeps its meaning: any certificate under
  it may sign those kinds, with or without a btdesk role.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from btdesk.services.portfolio import Portfolio
from conftest import run_cli
from exchange_world import create
from test_trust_cases import _cohort, _doctor, _progress, _to_unit, _unit

NOT_STARTED = {"none": 18}


def _ok(*args: str, home: Path) -> str:
    r = run_cli(*args, home=home)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


def _certified(tmp: Path, unit_home: Path, name: str, role: str, *flags: str) -> tuple[Path, str, str]:
    """A profile certified by the unit through its commands: (home, fingerprint, issue-cert's words)."""
    home = tmp / name.split()[-1].lower()
    create(home, name, role).close()
    _ok("identity", "csr", "--out", str(tmp / f"{home.name}.csr"), home=home)
    said = _ok("unit", "issue-cert", str(tmp / f"{home.name}.csr"), "--out", str(tmp / f"{home.name}.pem"), *flags,
               home=unit_home)
    _ok("identity", "install-cert", str(tmp / f"{home.name}.pem"), "--trust-root", home=home)
    with Portfolio.open(home) as p:
        return home, p.profile.fingerprint, said


def _assess(doctor_home: Path, signer_home: Path, signer: str, tmp: Path, tag: str) -> Path:
    _ok("request", "create", "--instrument", "cbd", "--case", "Pneumoni", "--delmal", "BT1", "--to", signer,
        "--out", str(tmp / f"req-{tag}"), home=doctor_home)
    vals = tmp / "v.json"
    vals.write_text(json.dumps({"setting": "Vårdavdelning", "complexity": "Medel", "discussion_minutes": 20,
                                **{k: 4 for k in ("records", "assessment", "investigation", "treatment", "followup",
                                                  "professionalism", "overall")},
                                "went_well": "a", "improve": "b", "action": "c"}), "utf-8")
    _ok("assess", "--request", str(tmp / f"req-{tag}.btrequest"), "--values", str(vals),
        "--out", str(tmp / f"resp-{tag}"), home=signer_home)
    return tmp / f"resp-{tag}.btresponse"


def _rows(home: Path) -> dict[str, dict]:
    return {r["signer"]: r for r in json.loads(_ok("assessments", "--format", "json", home=home))}


def test_a_doctor_the_unit_certified_cannot_vouch_for_a_colleague(tmp_path):
    unit = _unit(tmp_path)
    amira = _doctor(tmp_path, "Amira Haddad", unit)
    for p in (amira, unit):
        p.close()
    bo, _, said = _certified(tmp_path, unit.home, "Dr Bo Ek", "doctor")
    assert "as doctor" in said and "give --role" in said, said
    erik, _, said = _certified(tmp_path, unit.home, "Dr Erik Berg", "supervisor", "--role", "handledare")
    assert "as handledare" in said, said
    before = _progress(amira.home)["delmal"]

    out = _ok("import", str(_assess(amira.home, bo, "Dr Bo Ek", tmp_path, "bo")), home=amira.home)
    assert "signaturen verifierad" in out and "räknas inte: certifikatet anger rollen läkare" in out, out
    row = _rows(amira.home)["Dr Bo Ek"]
    assert (row["trust"], row["counted"]) == ("verified", False)
    assert "bara en handledare får bedöma" in row["not_counted_because"]
    assert _progress(amira.home)["delmal"] == before

    with Portfolio.open(amira.home) as p:
        bundle = _to_unit(p, unit, tmp_path / "amira-1.btbundle")
    out = _ok("unit", "import", str(bundle), home=unit.home)
    assert "1 bedömningar är signerade av någon som inte får bedöma här" in out, out
    assert _cohort(unit.home)[amira.profile.fingerprint]["delmal"] == NOT_STARTED

    # the handledare the unit certified: counts at the doctor and at the unit
    out = _ok("import", str(_assess(amira.home, erik, "Dr Erik Berg", tmp_path, "erik")), home=amira.home)
    assert "räknas inte" not in out, out
    assert _rows(amira.home)["Dr Erik Berg"]["counted"] is True
    assert _progress(amira.home)["delmal"] != before
    with Portfolio.open(amira.home) as p:
        bundle = _to_unit(p, unit, tmp_path / "amira-2.btbundle")
    _ok("unit", "import", str(bundle), home=unit.home)
    assert _cohort(unit.home)[amira.profile.fingerprint]["delmal"] == {"started": 1, "none": 17}


def test_the_unit_cannot_make_a_doctors_request_a_handledare(tmp_path):
    unit = _unit(tmp_path)
    unit.close()
    bo = tmp_path / "bo"
    create(bo, "Dr Bo Ek", "doctor").close()
    _ok("identity", "csr", "--out", str(tmp_path / "bo.csr"), home=bo)
    r = run_cli("unit", "issue-cert", str(tmp_path / "bo.csr"), "--out", str(tmp_path / "bo.pem"),
                "--role", "handledare", home=unit.home)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "läkares profil" in r.stderr, r.stderr
    assert not (tmp_path / "bo.pem").exists()


def test_a_confirmed_fingerprint_counts_only_when_confirmed_as_assessor(tmp_path):
    unit = _unit(tmp_path)
    amira = _doctor(tmp_path, "Amira Haddad", unit)
    for p in (amira, unit):
        p.close()
    sara = tmp_path / "sara"
    create(sara, "Dr Sara Nilsson", "supervisor").close()
    with Portfolio.open(sara) as p:
        sara_fp = p.profile.fingerprint
    before = _progress(amira.home)["delmal"]
    _ok("import", str(_assess(amira.home, sara, "Dr Sara Nilsson", tmp_path, "s")), home=amira.home)
    assert _rows(amira.home)["Dr Sara Nilsson"]["trust"] == "unconfirmed"

    said = _ok("trust", "confirm", sara_fp, home=amira.home)
    assert "räknas först när hen bekräftats med --assessor" in said, said
    row = _rows(amira.home)["Dr Sara Nilsson"]
    assert (row["trust"], row["counted"]) == ("confirmed", False)
    assert "inte som bedömare" in row["not_counted_because"]
    assert _progress(amira.home)["delmal"] == before

    _ok("trust", "confirm", sara_fp, "--assessor", home=amira.home)
    assert _rows(amira.home)["Dr Sara Nilsson"]["counted"] is True
    assert _progress(amira.home)["delmal"] != before
    assert "som bedömare" in _ok("trust", "list", home=amira.home)


def _outside_ca(tmp: Path, csr_path: Path) -> tuple[Path, Path]:
    """A national authority's root (SITHS-like) and the certificate it issues for a request: no btdesk role."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Testnationell rot-CA")])
    now = dt.datetime.now(dt.UTC)
    root = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True).sign(key, hashes.SHA256()))
    csr = x509.load_pem_x509_csr(csr_path.read_bytes())
    leaf = (x509.CertificateBuilder().subject_name(csr.subject).issuer_name(name).public_key(csr.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=300))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    (tmp / "root.pem").write_bytes(root.public_bytes(pem))
    (tmp / "leaf.pem").write_bytes(leaf.public_bytes(pem) + root.public_bytes(pem))
    return tmp / "root.pem", tmp / "leaf.pem"


def test_an_outside_root_vouches_as_its_may_sign_says(tmp_path):
    unit = _unit(tmp_path)
    amira = _doctor(tmp_path, "Amira Haddad", unit)
    for p in (amira, unit):
        p.close()
    olle = tmp_path / "olle"
    create(olle, "Dr Olle Nord", "supervisor").close()
    _ok("identity", "csr", "--out", str(tmp_path / "olle.csr"), home=olle)
    root, leaf = _outside_ca(tmp_path, tmp_path / "olle.csr")
    _ok("identity", "install-cert", str(leaf), home=olle)
    before = _progress(amira.home)["delmal"]
    # trusted as an authority, with no word on what it may vouch for: its certificates state no role
    _ok("trust", "add-root", str(root), home=amira.home)
    _ok("import", str(_assess(amira.home, olle, "Dr Olle Nord", tmp_path, "1")), home=amira.home)
    row = _rows(amira.home)["Dr Olle Nord"]
    assert (row["trust"], row["counted"]) == ("verified", False)
    assert "ingen handledarroll" in row["not_counted_because"]
    # the unit's policy says any certificate under it may sign assessments: they count
    _ok("trust", "add-root", str(root), "--may-sign", "assessment,signoff,talk,bundle,request", home=amira.home)
    _ok("import", str(_assess(amira.home, olle, "Dr Olle Nord", tmp_path, "2")), home=amira.home)
    rows = json.loads(_ok("assessments", "--format", "json", home=amira.home))
    assert sorted(r["counted"] for r in rows) == [False, True]  # the first kept its verdict; the second counts
    assert _progress(amira.home)["delmal"] != before
