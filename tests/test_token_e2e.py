"""A SITHS-like card (SoftHSM2) through the real command line, for each key type: the supervisor
chooses the card, signs a response and a bundle with it; the doctor imports the response verified
under the trusted root; openssl verifies the response and the bundle; pdfsig and pyHanko accept a
dossier signed on the card; a wrong PIN writes nothing."""
from __future__ import annotations

import base64
import json
import shutil
import subprocess
import zipfile
from datetime import UTC
from pathlib import Path

import pytest

from conftest import made_profile, run_cli
from softhsm import PIN, SoftToken, _root, make_token, softhsm_module

pytestmark = pytest.mark.skipif(
    softhsm_module() is None or shutil.which("softhsm2-util") is None,
    reason="softhsm2 is not installed (Debian package softhsm2; packaging/setup.sh installs it)")

# parameter -> (label on the token, extra use-token arguments)
KINDS = {"rsa-pkcs1v15": ("rsa", []), "rsa-pss": ("rsa", ["--pss"]), "p256": ("p256", []), "p384": ("p384", [])}
VALUES = {"setting": "Vårdavdelning", "complexity": "Medel", "discussion_minutes": 20,
          **{k: 4 for k in ("records", "assessment", "investigation", "treatment", "followup", "professionalism",
                            "overall")},
          "went_well": "Strukturerad genomgång.", "improve": "Sammanfatta.", "action": "Ny CbD."}


@pytest.fixture(scope="session")
def card(tmp_path_factory) -> SoftToken:
    return make_token(tmp_path_factory.mktemp("softhsm"))


def cli(card: SoftToken, *args: str, home: Path, pin: str = PIN, **kw) -> subprocess.CompletedProcess:
    return run_cli(*args, home=home, env={**card.env, "BTDESK_PIN": pin}, **kw)


def ok(r: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert r.returncode == 0, r.stderr
    return r


def use_card(card: SoftToken, home: Path, role: str, name: str, kind: str) -> None:
    profile(card, home, "--role", role, "--name", name, "--programme", "stockholm",
            *(["--start", "2026-01-01"] if role == "doctor" else []))
    label, extra = KINDS[kind]
    r = ok(cli(card, "identity", "use-token", "--module", card.module, "--label", label, *extra, home=home))
    assert "HSA-id SE2321000016-" in r.stdout


def profile(card: SoftToken, home: Path, *create_args: str) -> None:
    """A profile as `btdesk profile create` makes it (made once, copied: these tests are about the card)."""
    made_profile(home, *create_args, env=card.env)


def openssl_verify(tmp: Path, data: bytes, sig: bytes, root: Path) -> subprocess.CompletedProcess:
    (tmp / "signed.bin").write_bytes(data)
    (tmp / "signed.p7s").write_bytes(sig)
    return subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(tmp / "signed.p7s"),
                           "-content", str(tmp / "signed.bin"), "-CAfile", str(root), "-purpose", "any",
                           "-out", "/dev/null"], capture_output=True, text=True)


@pytest.mark.parametrize("kind", list(KINDS))
def test_card_signs_response_and_bundle(card, kind, tmp_path):
    from btdesk.canonical import canonical_bytes

    doc, sup = tmp_path / "doc", tmp_path / "sup"
    profile(card, doc, "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
            "--start", "2026-01-01")
    use_card(card, sup, "supervisor", "Erik Berg", kind)
    ok(cli(card, "request", "create", "--instrument", "cbd", "--case", "Pneumoni", "--delmal", "BT1,BT5",
           "--to", "Erik Berg", "--out", str(tmp_path / "req"), home=doc))
    values = tmp_path / "v.json"
    values.write_text(json.dumps(VALUES), "utf-8")
    ok(cli(card, "assess", "--request", str(tmp_path / "req.btrequest"), "--values", str(values),
           "--out", str(tmp_path / "resp"), home=sup))

    # the doctor trusts the SITHS-like root and imports: verified, not merely unconfirmed
    ok(cli(card, "trust", "add-root", str(card.root_pem), home=doc))
    r = ok(cli(card, "response", "import", str(tmp_path / "resp.btresponse"), home=doc))
    assert "verifierad" in r.stdout and "SITHS Test Root CA v1" in r.stdout, r.stdout
    assert "(HSA-id SE2321000016-100" in r.stdout  # the signer's HSA-id beside the name

    # openssl agrees, about the signed record
    resp = json.loads((tmp_path / "resp.btresponse").read_text("utf-8"))
    signed, sig = canonical_bytes(resp["record"]), base64.b64decode(resp["signature"])
    assert openssl_verify(tmp_path, signed, sig, card.root_pem).returncode == 0
    assert openssl_verify(tmp_path, signed + b" ", sig, card.root_pem).returncode != 0

    # and about a bundle the card signed
    ok(cli(card, "export", "--to", str(tmp_path / "s.btbundle"), "--all", home=sup))
    with zipfile.ZipFile(tmp_path / "s.btbundle") as z:
        manifest, p7s = z.read("manifest.json"), z.read("manifest.p7s")
    r = openssl_verify(tmp_path, manifest, p7s, card.root_pem)
    assert r.returncode == 0 and "Verification successful" in r.stderr, r.stderr


@pytest.mark.parametrize("kind", ["rsa-pkcs1v15", "rsa-pss", "p256"])
def test_dossier_signed_on_the_card(card, kind, tmp_path):
    doc = tmp_path / "doc"
    use_card(card, doc, "doctor", "Amira Haddad", kind)
    pdf = tmp_path / "dossier.pdf"
    r = ok(cli(card, "dossier", "--out", str(pdf), "--sign", home=doc))
    assert "signerad" in r.stdout

    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", "siths", "-t", "CT,C,C", "-i", str(card.root_pem)],
                   check=True, capture_output=True)
    out = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True, text=True).stdout
    name = card.certs[KINDS[kind][0]].subject.rfc4514_string().split("CN=")[1].split(",")[0]
    assert f"Signer Certificate Common Name: {name}" in out
    assert "Signature is Valid." in out and "Certificate is Trusted." in out, out

    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = ax509.Certificate.load(card.root_cert.public_bytes(serialization.Encoding.DER))
    with pdf.open("rb") as f:
        status = validate_pdf_signature(PdfFileReader(f).embedded_signatures[0],
                                        ValidationContext(trust_roots=[root]))
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()


def test_wrong_pin_writes_nothing(card, tmp_path):
    sup, doc = tmp_path / "sup", tmp_path / "doc"
    profile(card, sup, "--role", "supervisor", "--name", "Erik Berg", "--programme", "stockholm")
    before = {p.name: p.read_bytes() for p in (sup / "identity").iterdir()}
    shown = ok(cli(card, "identity", "show", home=sup)).stdout
    r = cli(card, "identity", "use-token", "--module", card.module, "--label", "p256", home=sup, pin="000000")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "Fel PIN-kod" in r.stderr, r.stderr
    assert {p.name: p.read_bytes() for p in (sup / "identity").iterdir()} == before
    assert ok(cli(card, "identity", "show", home=sup)).stdout == shown

    # a card identity and a wrong PIN at signing time: no response file, no dossier
    ok(cli(card, "identity", "use-token", "--module", card.module, "--label", "p256", home=sup))
    profile(card, doc, "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
            "--start", "2026-01-01")
    ok(cli(card, "request", "create", "--instrument", "cbd", "--case", "Pneumoni", "--delmal", "BT1",
           "--to", "Erik Berg", "--out", str(tmp_path / "req"), home=doc))
    values = tmp_path / "v.json"
    values.write_text(json.dumps(VALUES), "utf-8")
    r = cli(card, "assess", "--request", str(tmp_path / "req.btrequest"), "--values", str(values),
            "--out", str(tmp_path / "resp"), home=sup, pin="999999")
    assert r.returncode == 1 and "Fel PIN-kod" in r.stderr and r.stderr.count("\n") == 1, r.stderr
    assert not list(tmp_path.glob("resp*"))
    r = cli(card, "dossier", "--out", str(tmp_path / "d.pdf"), "--sign", home=sup, pin="999999")
    assert r.returncode == 1 and "Fel PIN-kod" in r.stderr and not (tmp_path / "d.pdf").exists(), r.stderr
    r = cli(card, "export", "--to", str(tmp_path / "s.btbundle"), "--all", home=sup, pin="999999")
    assert r.returncode == 1 and "Fel PIN-kod" in r.stderr and not (tmp_path / "s.btbundle").exists(), r.stderr


def test_trust_policy_refuses_card_signed_final_judgement(card, tmp_path):
    """SITHS may vouch for assessments only: the unit refuses a card-signed final judgement,
    while the doctor still accepts the same card's assessment."""
    doc, sup, unit = tmp_path / "doc", tmp_path / "sup", tmp_path / "unit"
    profile(card, doc, "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
            "--start", "2026-01-01")
    use_card(card, sup, "supervisor", "Erik Berg", "p256")
    profile(card, unit, "--role", "unit", "--name", "Region Test BT-enheten")
    r = cli(card, "trust", "add-root", str(card.root_pem), "--may-sign", "assessment,judgement", home=unit)
    assert r.returncode == 2 and "'judgement'" in r.stderr  # an unknown kind changes nothing
    assert "SITHS" not in ok(cli(card, "trust", "list", home=unit)).stdout
    ok(cli(card, "trust", "add-root", str(card.root_pem), "--may-sign", "assessment,signoff,talk", home=unit))
    listed = ok(cli(card, "trust", "list", home=unit)).stdout
    assert "policy     SITHS Test Root CA v1: får signera bedömningar" in listed
    assert "ingen spärrlista från SITHS Test Root CA v1" in listed

    from btdesk.identity import load_public

    fp = load_public(doc).fingerprint
    ok(cli(card, "final", "judge", "--doctor", fp, "--doctor-name", "Amira Haddad", "--programme", "stockholm",
           "--role", "extern", "--all", "uppnått", "--overall", "uppnått", "--out", str(tmp_path / "j.btfinal"),
           home=sup))
    r = cli(card, "unit", "final", "import", str(tmp_path / "j.btfinal"), home=unit)
    assert r.returncode == 1 and "låter inte certifikat från SITHS Test Root CA v1 signera slutbedömningar" in r.stderr

    # the same policy in the doctor's home lets the card's assessment through, verified
    ok(cli(card, "trust", "add-root", str(card.root_pem), "--may-sign", "assessment", home=doc))
    ok(cli(card, "request", "create", "--instrument", "cbd", "--case", "Pneumoni", "--delmal", "BT1",
           "--to", "Erik Berg", "--out", str(tmp_path / "req"), home=doc))
    values = tmp_path / "v.json"
    values.write_text(json.dumps(VALUES), "utf-8")
    ok(cli(card, "assess", "--request", str(tmp_path / "req.btrequest"), "--values", str(values),
           "--out", str(tmp_path / "resp"), home=sup))
    assert "verifierad" in ok(cli(card, "response", "import", str(tmp_path / "resp.btresponse"), home=doc)).stdout


def _crl(card: SoftToken, issued, days: int, revoked=(), key=None) -> bytes:
    from datetime import timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization

    b = (x509.CertificateRevocationListBuilder().issuer_name(card.root_cert.subject)
         .last_update(issued).next_update(issued + timedelta(days=days)))
    for cert in revoked:
        b = b.add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(cert.serial_number)
                                      .revocation_date(issued).build())
    return b.sign(key or card.root_key, hashes.SHA384()).public_bytes(serialization.Encoding.DER)


def _card_response(card: SoftToken, tmp: Path, doc: Path, kind: str, name: str) -> Path:
    sup = tmp / f"sup-{kind}"
    use_card(card, sup, "supervisor", name, kind)
    ok(cli(card, "request", "create", "--instrument", "cbd", "--case", "Pneumoni", "--delmal", "BT1",
           "--to", name, "--out", str(tmp / f"req-{kind}"), home=doc))
    values = tmp / "v.json"
    values.write_text(json.dumps(VALUES), "utf-8")
    ok(cli(card, "assess", "--request", str(tmp / f"req-{kind}.btrequest"), "--values", str(values),
           "--out", str(tmp / f"resp-{kind}"), home=sup))
    return tmp / f"resp-{kind}.btresponse"


def test_offline_crl_revokes_a_card_and_says_how_fresh(card, tmp_path):
    from datetime import datetime, timedelta

    doc = tmp_path / "doc"
    profile(card, doc, "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
            "--start", "2026-01-01")
    ok(cli(card, "trust", "add-root", str(card.root_pem), home=doc))
    assert "ingen spärrlista från SITHS Test Root CA v1" in ok(cli(card, "trust", "list", home=doc)).stdout
    sara = _card_response(card, tmp_path, doc, "p256", "Sara Nilsson")
    olof = _card_response(card, tmp_path, doc, "p384", "Olof Ek")
    path = tmp_path / "siths.crl"

    # a list whose next update has passed does not cover a signature made now: not verified
    old = datetime.now(UTC) - timedelta(days=10)
    path.write_bytes(_crl(card, old, 7))
    r = ok(cli(card, "trust", "add-crl", str(path), home=doc))
    assert r.stdout.startswith("0 nya spärrade") and "FÖRÅLDRAD" in r.stdout
    r = cli(card, "response", "import", str(sara), home=doc)
    assert r.returncode == 1 and f"gällde till {old + timedelta(days=7):%Y-%m-%d}" in r.stderr, r.stderr

    # a list no trusted root signed is refused and changes nothing
    before = {f.name: f.read_bytes() for f in (doc / "identity").iterdir()}
    path.write_bytes(_crl(card, old, 30, key=_root()[0]))
    r = cli(card, "trust", "add-crl", str(path), home=doc)
    assert r.returncode == 1 and "inte signerad av någon av dina betrodda" in r.stderr, r.stderr
    assert {f.name: f.read_bytes() for f in (doc / "identity").iterdir()} == before

    # a fresh list revoking Olof's card: Sara's response is verified, Olof's refused
    issued = datetime.now(UTC) - timedelta(days=2)
    path.write_bytes(_crl(card, issued, 7, revoked=[card.certs["p384"]]))
    r = ok(cli(card, "trust", "add-crl", str(path), home=doc))
    assert r.stdout.startswith("1 nya spärrade") and f"utfärdad {issued:%Y-%m-%d} (2 dagar sedan)" in r.stdout
    listed = ok(cli(card, "trust", "list", home=doc)).stdout
    assert f"crl        spärrlista från SITHS Test Root CA v1 utfärdad {issued:%Y-%m-%d}" in listed
    assert "ingen spärrlista" not in listed and "FÖRÅLDRAD" not in listed
    assert "verifierad" in ok(cli(card, "response", "import", str(sara), home=doc)).stdout
    r = cli(card, "response", "import", str(olof), home=doc)
    assert r.returncode == 1 and "spärrades" in r.stderr, r.stderr


def test_a_units_key_stays_its_ca(card, tmp_path):
    unit = tmp_path / "unit"
    profile(card, unit, "--role", "unit", "--name", "Region Test BT-enheten")
    before = {f.name: f.read_bytes() for f in (unit / "identity").iterdir()}
    r = cli(card, "identity", "use-token", "--module", card.module, home=unit)
    assert r.returncode == 1 and "kan inte bytas mot ett kort" in r.stderr and r.stderr.count("\n") == 1
    assert {f.name: f.read_bytes() for f in (unit / "identity").iterdir()} == before


def test_missing_card_is_one_sentence(card, tmp_path):
    """The card chosen earlier is not in the reader (here: another card's serial): one sentence, nothing written."""
    sup = tmp_path / "sup"
    use_card(card, sup, "supervisor", "Erik Berg", "p256")
    settings = sup / "identity" / "token.json"
    cfg = json.loads(settings.read_text("utf-8"))
    settings.write_text(json.dumps({**cfg, "token_serial": "0000000000000000"}), "utf-8")
    r = cli(card, "export", "--to", str(tmp_path / "s.btbundle"), "--all", home=sup)
    assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    assert "Kortet SITHS-test sitter inte i läsaren" in r.stderr and not (tmp_path / "s.btbundle").exists()
