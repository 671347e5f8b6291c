"""Detached CMS: what we sign, openssl agrees with, and every way verification refuses."""
from __future__ import annotations

import datetime as dt
import random
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from btdesk import identity as idn
from btdesk.identity import SignatureError
from btdesk.identity.cms import Signer

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

DATA = "Mini-CEX: bedömning av anamnes, godkänd. ✓".encode()


@pytest.fixture
def world(tmp_path, memory_keyring):
    """A unit CA, a doctor issued by it, a self-signed supervisor, and a receiver."""
    unit = tmp_path / "unit"
    idn.create_identity(unit, "Region Stockholm BT-enheten", "unit", None)
    idn.ca_init(unit)
    doc = tmp_path / "doc"
    idn.create_identity(doc, "Dr Anna Åberg", "doctor", None)
    idn.install_cert(doc, idn.ca_issue(unit, idn.make_csr(doc)))
    sup = tmp_path / "sup"
    idn.create_identity(sup, "Dr Sven Handledare", "supervisor", None)
    recv = tmp_path / "recv"
    idn.create_identity(recv, "Studierektor", "supervisor", None)
    return {"unit": unit, "doc": doc, "sup": sup, "recv": recv, "tmp": tmp_path}


def _openssl_verify(tmp, data, sig, ca=None):
    (tmp / "d.bin").write_bytes(data)
    (tmp / "s.p7s").write_bytes(sig)
    cmd = ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", tmp / "s.p7s",
           "-content", tmp / "d.bin", "-out", tmp / "out.bin"]
    cmd += ["-CAfile", ca] if ca else ["-noverify"]
    return subprocess.run(cmd, capture_output=True, text=True)


def test_self_signed_unconfirmed_then_confirmed(world):
    signer = idn.load_signer(world["sup"])
    sig = signer.sign(DATA)
    trust = idn.TrustStore(world["recv"])
    v = idn.verify_detached(DATA, sig, trust)
    assert (v.status, v.signer_name, v.issuer, v.role) == ("unconfirmed", "Dr Sven Handledare", None, "supervisor")
    assert v.fingerprint == signer.identity.fingerprint and v.signing_time is not None
    assert "BEGIN CERTIFICATE" in v.cert_pem
    trust.confirm(idn.format_fingerprint(v.fingerprint), "Anna, by phone")
    v2 = idn.verify_detached(DATA, sig, trust)
    assert (v2.status, v2.confirmed_by) == ("confirmed", "Anna, by phone")


def test_openssl_accepts_our_signatures(world):
    tmp = world["tmp"]
    sig = idn.load_signer(world["sup"]).sign(DATA)
    r = _openssl_verify(tmp, DATA, sig)
    assert r.returncode == 0, r.stderr
    assert (tmp / "out.bin").read_bytes() == DATA
    assert _openssl_verify(tmp, DATA + b"x", sig).returncode != 0
    # an issued certificate verifies against the unit's root, with the full chain check
    (tmp / "root.pem").write_bytes(idn.load_public(world["unit"]).cert_pem)
    doc_sig = idn.load_signer(world["doc"]).sign(DATA)
    r = _openssl_verify(tmp, DATA, doc_sig, ca=tmp / "root.pem")
    assert r.returncode == 0, r.stderr
    (tmp / "other.pem").write_bytes(idn.load_public(world["sup"]).cert_pem)
    assert _openssl_verify(tmp, DATA, doc_sig, ca=tmp / "other.pem").returncode != 0


def test_issued_certificate_under_an_untrusted_root_is_unconfirmed_until_trusted(world):
    """Another region's unit: a valid chain to a root nobody here trusts reads like a self-signed
    key (shown, marked, confirmable by fingerprint), never as verified."""
    sig = idn.load_signer(world["doc"]).sign(DATA)
    trust = idn.TrustStore(world["recv"])
    v = idn.verify_detached(DATA, sig, trust)
    assert (v.status, v.issuer, v.signer_name) == ("unconfirmed", "Region Stockholm BT-enheten", "Dr Anna Åberg")
    fp = idn.format_fingerprint(v.fingerprint)
    assert v.describe() == ("signed by Dr Anna Åberg, certificate issued by Region Stockholm BT-enheten, an authority "
                            f"not trusted here; not yet confirmed (fingerprint {fp})")
    # still a signature: tampered content is refused whoever issued the certificate
    with pytest.raises(SignatureError, match="does not match the signed content"):
        idn.verify_detached(DATA + b"!", sig, trust)
    trust.add_root(idn.load_public(world["unit"]).cert_pem)
    v = idn.verify_detached(DATA, sig, trust)
    assert (v.status, v.issuer) == ("verified", "Region Stockholm BT-enheten")
    # the unit signing with its own root certificate is verified too
    v = idn.verify_detached(DATA, idn.load_signer(world["unit"]).sign(DATA), trust)
    assert (v.status, v.signer_name) == ("verified", "Region Stockholm BT-enheten")


def test_untrusted_root_expired_or_revoked_is_still_refused(world, tmp_path):
    """Unconfirmed is for valid signatures only: an expired link or a revocation we know of refuses."""
    key, root_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    root = _cert(root_key, "Region Elsewhere", ca=True, days=(-400, 400))
    old_root = _cert(root_key, "Region Elsewhere", ca=True, days=(-400, -2))
    leaf = _cert(key, "Dr Utsocknes", root_key, root.subject, days=(-10, 10))
    trust = idn.TrustStore(world["recv"])
    assert idn.verify_detached(DATA, Signer(key, leaf, [root]).sign(DATA), trust).status == "unconfirmed"
    with pytest.raises(SignatureError, match="Region Elsewhere expired"):
        idn.verify_detached(DATA, Signer(key, leaf, [old_root]).sign(DATA), trust)
    root_fp = idn.fingerprint(root)
    trust.add_revocations(root_fp, {leaf.serial_number: {"date": "2026-01-01", "reason": "kortet förlorat"}})
    with pytest.raises(SignatureError, match="revoked by Region Elsewhere on 2026-01-01: kortet förlorat"):
        idn.verify_detached(DATA, Signer(key, leaf, [root]).sign(DATA), trust)


def test_confirmed_key_with_untrusted_issuer(world):
    sig = idn.load_signer(world["doc"]).sign(DATA)
    trust = idn.TrustStore(world["recv"])
    trust.confirm(idn.load_public(world["doc"]).fingerprint, "met in person")
    assert idn.verify_detached(DATA, sig, trust).status == "confirmed"


def test_revoked_certificate(world):
    doc_serial = idn.load_public(world["doc"]).serial
    idn.ca_revoke(world["unit"], doc_serial, "left the programme")
    sig = idn.load_signer(world["doc"]).sign(DATA)
    trust = idn.TrustStore(world["recv"])
    trust.add_root(idn.load_public(world["unit"]).cert_pem)
    assert idn.verify_detached(DATA, sig, trust).status == "verified"  # not yet told
    idn.import_revocations(world["recv"], idn.revocations(world["unit"]))
    trust = idn.TrustStore(world["recv"])
    with pytest.raises(SignatureError) as e:
        idn.verify_detached(DATA, sig, trust)
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    assert str(e.value) == (f"The certificate of Dr Anna Åberg was revoked by Region Stockholm BT-enheten "
                            f"on {today}: left the programme.")
    # the unit itself knows at once
    with pytest.raises(SignatureError, match="revoked"):
        idn.verify_detached(DATA, sig, idn.TrustStore(world["unit"]))


def _cert(key, name, issuer_key=None, issuer_name=None, *, days=(-10, 10), ca=False):
    now = dt.datetime.now(dt.UTC)
    subject = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, name)])
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name or subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now + dt.timedelta(days=days[0])).not_valid_after(now + dt.timedelta(days=days[1]))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .sign(issuer_key or key, hashes.SHA256()))


def test_expired_and_not_yet_valid(world):
    trust = idn.TrustStore(world["recv"])
    key = ec.generate_private_key(ec.SECP256R1())
    old = Signer(key, _cert(key, "Dr Gammal", days=(-400, -1)), [])
    with pytest.raises(SignatureError, match="Dr Gammal expired on"):
        idn.verify_detached(DATA, old.sign(DATA), trust)
    future = Signer(key, _cert(key, "Dr Framtid", days=(5, 50)), [])
    with pytest.raises(SignatureError, match="not yet valid"):
        idn.verify_detached(DATA, future.sign(DATA), trust)
    # a signature made while valid is judged at its signing time, unless `at` says otherwise
    sig = idn.load_signer(world["sup"]).sign(DATA)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=20 * 365)
    with pytest.raises(SignatureError, match="expired"):
        idn.verify_detached(DATA, sig, trust, at=later)


def test_forged_and_non_ca_issuers_refused(world):
    trust = idn.TrustStore(world["recv"])
    trust.add_root(idn.load_public(world["unit"]).cert_pem)
    unit_name = idn.load_public(world["unit"]).cert.subject
    mallory = ec.generate_private_key(ec.SECP256R1())
    key = ec.generate_private_key(ec.SECP256R1())
    # claims the unit as issuer, but signed by another key
    forged = Signer(key, _cert(key, "Dr Falsk", mallory, unit_name), [])
    with pytest.raises(SignatureError, match="names Region Stockholm BT-enheten as its issuer, but the signature"):
        idn.verify_detached(DATA, forged.sign(DATA), trust)
    # a leaf (not a CA) issuing a certificate for someone else
    doc_key = idn.load_signer(world["doc"]).key_signer.private_key
    doc_cert = idn.load_public(world["doc"]).cert
    sub = Signer(key, _cert(key, "Dr Under", doc_key, doc_cert.subject), [doc_cert])
    with pytest.raises(SignatureError, match="names Dr Anna Åberg as its issuer, but the signature"):
        idn.verify_detached(DATA, sub.sign(DATA), trust)
    # an attacker's own CA under the trusted unit's name: a real chain, but it would read as trusted
    fake_root_key = ec.generate_private_key(ec.SECP256R1())
    fake_root = _cert(fake_root_key, "Region Stockholm BT-enheten", ca=True)
    impostor = Signer(key, _cert(key, "Dr Falsk", fake_root_key, fake_root.subject), [fake_root])
    with pytest.raises(SignatureError, match="another authority calling itself Region Stockholm BT-enheten"):
        idn.verify_detached(DATA, impostor.sign(DATA), trust)


def test_bad_signature_and_malformed(world):
    trust = idn.TrustStore(world["recv"])
    sig = idn.load_signer(world["sup"]).sign(DATA)
    with pytest.raises(SignatureError) as e:
        idn.verify_detached(DATA + b" ", sig, trust)
    assert str(e.value) == "The signature does not match the signed content."
    for bad in (b"", b"garbage", sig[:100], b"\x30\x03\x02\x01\x01"):
        with pytest.raises(SignatureError, match="malformed"):
            idn.verify_detached(DATA, bad, trust)
    # another signer's attributes with this signature, and vice versa
    other = idn.load_signer(world["doc"]).sign(DATA)
    with pytest.raises(SignatureError):
        idn.verify_detached(DATA, sig[: len(sig) // 2] + other[len(other) // 2:], trust)


def test_random_corruption_only_raises_signature_error(world):
    trust = idn.TrustStore(world["recv"])
    trust.add_root(idn.load_public(world["unit"]).cert_pem)
    sig = idn.load_signer(world["doc"]).sign(DATA)
    # The root certificate travels inside the CMS but the trust store's copy is what counts,
    # so a flip inside the carried copy may be harmless; so may one in the leaf's signature
    # BIT STRING padding count (OpenSSL tolerates it). A flip anywhere else never is.
    from cryptography.hazmat.primitives.serialization import Encoding
    spare = set()
    for home in ("unit", "doc"):
        der = idn.load_public(world[home]).cert.public_bytes(Encoding.DER)
        spare.update(range(sig.index(der), sig.index(der) + len(der)))
    rng = random.Random(20261126)
    accepted = 0
    for _ in range(1500):
        b = bytearray(sig)
        touched = []
        if rng.random() < 0.1:
            b = b[: rng.randrange(len(b))]
            touched.append(-1)
        else:
            for _ in range(rng.choice((1, 1, 2, 3))):
                i = rng.randrange(len(b))
                b[i] ^= 1 << rng.randrange(8)
                touched.append(i)
        try:
            v = idn.verify_detached(DATA, bytes(b), trust)
        except SignatureError:
            continue
        accepted += 1
        assert all(i in spare for i in touched), touched
        assert (v.status, v.fingerprint) == ("verified", idn.load_public(world["doc"]).fingerprint)
    print("accepted harmless flips:", accepted)
    assert accepted < 500


def test_many_signatures_each_verify_and_none_crosses_over(world):
    """Hundreds of signatures from one key (a bundle's worth): each verifies against its own data
    only. How fast is measured by `btdesk bench bundle`, not asserted here."""
    trust = idn.TrustStore(world["recv"])
    trust.add_root(idn.load_public(world["unit"]).cert_pem)
    signer = idn.load_signer(world["doc"])
    n = 300
    sigs = [signer.sign(DATA + str(i).encode()) for i in range(n)]
    assert len(set(sigs)) == n
    for i, s in enumerate(sigs):
        assert idn.verify_detached(DATA + str(i).encode(), s, trust).status == "verified"
    with pytest.raises(idn.SignatureError):
        idn.verify_detached(DATA + b"0", sigs[1], trust)
