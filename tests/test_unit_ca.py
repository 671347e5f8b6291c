"""The BT unit as the region's certificate authority, through the real command line."""
from __future__ import annotations

import json
import os
import subprocess

import pytest
from cryptography import x509

from btdesk import identity as idn
from conftest import made_profile, run_cli

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

PASS = os.environ["BTDESK_PASSPHRASE"]


def _unit(tmp_path):
    return made_profile(tmp_path / "unit", "--role", "unit", "--name", "Region Stockholm BT-enheten")


def _csr(tmp_path, name, role="doctor"):
    home = tmp_path / name.replace(" ", "_")
    idn.create_identity(home, name, role, PASS)
    path = tmp_path / f"{home.name}.csr"
    path.write_bytes(idn.make_csr(home, PASS))
    return home, path


def test_init_issue_list_revoke(tmp_path):
    unit = _unit(tmp_path)
    r = run_cli("unit", "issue-cert", str(tmp_path / "none.csr"), "--out", str(tmp_path / "x.pem"), home=unit)
    assert r.returncode == 1 and "does not exist" in r.stderr
    doc, csr = _csr(tmp_path, "Dr Amira Haddad")
    r = run_cli("unit", "issue-cert", str(csr), "--out", str(tmp_path / "x.pem"), home=unit)
    assert r.returncode == 1 and "not a certificate authority" in r.stderr, r.stderr

    r = run_cli("unit", "init-ca", "--out", str(tmp_path / "root.pem"), home=unit)
    assert r.returncode == 0, r.stderr
    assert "is now a certificate authority" in r.stdout

    cert = tmp_path / "amira.pem"
    r = run_cli("unit", "issue-cert", str(csr), "--out", str(cert), "--days", "400", home=unit)
    assert r.returncode == 0, r.stderr
    leaf = x509.load_pem_x509_certificates(cert.read_bytes())[0]
    short = format(leaf.serial_number, "x")[:8]  # what people read and type back, not 48 digits
    assert f"serial {short}," in r.stdout and "Dr Amira Haddad" in r.stdout
    assert idn.install_cert(doc, cert.read_bytes()).status == "issued by Region Stockholm BT-enheten"

    _, csr2 = _csr(tmp_path, "Dr Erik Berg", "supervisor")
    assert run_cli("unit", "issue-cert", str(csr2), "--out", str(tmp_path / "berg.pem"), home=unit).returncode == 0

    assert short in run_cli("unit", "certs", home=unit).stdout
    r = run_cli("unit", "revoke", "12", "--reason", "x", home=unit)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1  # too short to mean one certificate
    r = run_cli("unit", "revoke", short, "--reason", "left the programme", home=unit)
    assert r.returncode == 0, r.stderr
    assert "Revoked the certificate of Dr Amira Haddad" in r.stdout

    r = run_cli("unit", "certs", "--format", "json", home=unit)
    assert r.returncode == 0, r.stderr
    rows = {e["name"]: e for e in json.loads(r.stdout)}
    assert rows["Dr Amira Haddad"]["status"] == "revoked"
    assert rows["Dr Amira Haddad"]["reason"] == "left the programme"
    assert rows["Dr Amira Haddad"]["serial"] == leaf.serial_number
    assert rows["Dr Erik Berg"]["status"] == "valid" and rows["Dr Erik Berg"]["role"] == "supervisor"

    table = run_cli("unit", "certs", home=unit).stdout
    assert short in table and "revoked" in table and "left the programme" in table
    csv_out = run_cli("unit", "certs", "--format", "csv", home=unit).stdout.splitlines()
    assert csv_out[0].startswith("serial,name,role,status") and len(csv_out) == 3


def test_revoke_needs_a_known_serial_and_a_reason(tmp_path):
    unit = _unit(tmp_path)
    assert run_cli("unit", "init-ca", home=unit).returncode == 0
    r = run_cli("unit", "revoke", "12345", "--reason", "x", home=unit)
    assert r.returncode == 1 and "has not issued a certificate with serial number 12345" in r.stderr
    r = run_cli("unit", "revoke", "banana", "--reason", "x", home=unit)
    assert r.returncode == 1 and "not a certificate serial number" in r.stderr
    r = run_cli("unit", "revoke", "12345", home=unit)
    assert r.returncode == 2 and "--reason" in r.stderr
    assert "not issued any certificates" in run_cli("unit", "certs", home=unit).stdout


def test_a_doctor_cannot_become_a_ca(tmp_path, doctor):
    doctor.close()
    r = run_cli("unit", "init-ca", home=doctor.home)
    assert r.returncode == 1 and "Only a BT unit profile" in r.stderr


def test_garbage_csr_is_refused(tmp_path):
    unit = _unit(tmp_path)
    assert run_cli("unit", "init-ca", home=unit).returncode == 0
    bad = tmp_path / "bad.csr"
    bad.write_text("hello")
    r = run_cli("unit", "issue-cert", str(bad), "--out", str(tmp_path / "c.pem"), home=unit)
    assert r.returncode == 1 and "not a certificate request" in r.stderr
    assert not (tmp_path / "c.pem").exists()


def test_openssl_verifies_an_issued_certificate(tmp_path):
    unit = _unit(tmp_path)
    root = tmp_path / "root.pem"
    assert run_cli("unit", "init-ca", "--out", str(root), home=unit).returncode == 0
    _, csr = _csr(tmp_path, "Dr Sara Nilsson", "supervisor")
    chain = tmp_path / "chain.pem"
    assert run_cli("unit", "issue-cert", str(csr), "--out", str(chain), home=unit).returncode == 0
    leaf_only = tmp_path / "cert.pem"
    leaf = x509.load_pem_x509_certificates(chain.read_bytes())[0]
    from cryptography.hazmat.primitives.serialization import Encoding

    leaf_only.write_bytes(leaf.public_bytes(Encoding.PEM))
    out = subprocess.run(["openssl", "verify", "-CAfile", str(root), str(leaf_only)],
                         capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip().endswith(": OK"), out.stdout + out.stderr
    # a root that did not sign it does not verify it
    other = tmp_path / "other"
    idn.create_identity(other, "Region Skåne BT-enheten", "unit", PASS)
    idn.ca_init(other, PASS)
    (tmp_path / "other.pem").write_bytes(idn.load_public(other).cert_pem)
    out = subprocess.run(["openssl", "verify", "-CAfile", str(tmp_path / "other.pem"), str(leaf_only)],
                         capture_output=True, text=True)
    assert out.returncode != 0


ISSUER = """
import fcntl, os, sys
from pathlib import Path
from btdesk import identity as idn
home, csr, go, n = Path(sys.argv[1]), Path(sys.argv[2]).read_bytes(), sys.argv[3], int(sys.argv[4])
idn.load_signer(home, os.environ["BTDESK_PASSPHRASE"])  # unlocked before the race starts
print("ready", flush=True)
fd = os.open(go, os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_SH)  # the barrier: the test holds it until both are ready
for _ in range(n):
    idn.ca_issue(home, csr, os.environ["BTDESK_PASSPHRASE"])
"""


def test_two_processes_issuing_at_once_both_keep_every_entry(tmp_path):
    """Each process issues 8 certificates, released at the same moment: the register must hold
    all 16 (without its lock, the two read-change-write cycles overwrite each other)."""
    import fcntl
    import sys

    from conftest import ROOT

    unit = _unit(tmp_path)
    assert run_cli("unit", "init-ca", home=unit).returncode == 0
    _, csr = _csr(tmp_path, "Dr Amira Haddad")
    go = tmp_path / "go"
    go.write_bytes(b"")
    gate = os.open(go, os.O_RDWR)
    fcntl.flock(gate, fcntl.LOCK_EX)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", ISSUER, str(unit), str(csr), str(go), "8"], env=env,
                              stdout=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        for p in procs:  # both have started and unlocked their key
            assert p.stdout is not None and p.stdout.readline() == "ready\n"
    finally:
        os.close(gate)  # open the gate
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert len(idn.ca_list(unit)) == 16
