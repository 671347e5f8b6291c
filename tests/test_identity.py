"""Identity: key storage, certificates, the unit's CA, trust, moving to a new laptop."""
from __future__ import annotations

import base64
import datetime as dt
import subprocess

import keyring
import keyring.backend
import keyring.errors
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from btdesk import identity as idn
from btdesk.identity import IdentityError

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

PASS = "correct horse battery"


def _unit(tmp_path, name="Region Stockholm BT-enheten"):
    home = tmp_path / "unit"
    idn.create_identity(home, name, "unit", None)
    idn.ca_init(home)
    return home


def test_create_with_keyring_stores_key_in_keyring_only(tmp_path, memory_keyring):
    home = tmp_path / "doc"
    pub = idn.create_identity(home, "Dr Anna Åberg", "doctor", None)
    assert pub.name == "Dr Anna Åberg" and pub.role == "doctor" and pub.status == "self-signed"
    assert not (home / "identity" / "key.p8").exists() and not pub.key_in_file
    pem = memory_keyring[("btdesk", pub.fingerprint)]
    assert pem.startswith("-----BEGIN PRIVATE KEY-----") and len(pem) < 2560
    assert (pub.not_after - dt.datetime.now(dt.UTC)).days > 9 * 365
    spki = pub.cert.public_key().public_bytes(serialization.Encoding.DER,
                                              serialization.PublicFormat.SubjectPublicKeyInfo)
    import hashlib
    assert pub.fingerprint == hashlib.sha256(spki).hexdigest()
    assert idn.load_public(home) == pub
    with pytest.raises(IdentityError, match="already has an identity"):
        idn.create_identity(home, "Other", "doctor", None)


def test_format_fingerprint():
    fp = "3f2a91c0" + "0" * 56
    assert idn.format_fingerprint(fp) == "3f2a 91c0 0000 0000 0000 0000 0000 0000"
    with pytest.raises(IdentityError):
        idn.normalize_fingerprint("xyz")


def test_bad_name_and_role_refused(tmp_path, memory_keyring):
    with pytest.raises(IdentityError, match="role"):
        idn.create_identity(tmp_path / "a", "Dr A", "admin", None)
    with pytest.raises(IdentityError, match="name"):
        idn.create_identity(tmp_path / "b", "  ", "doctor", None)


def test_fallback_file_wrong_passphrase_and_session_cache(tmp_path, no_keyring):
    home = tmp_path / "sup"
    with pytest.raises(IdentityError, match="no usable keyring"):
        idn.create_identity(home, "Dr Sven Handledare", "supervisor", None)
    with pytest.raises(IdentityError, match="at least 8"):
        idn.create_identity(home, "Dr Sven Handledare", "supervisor", "short")
    pub = idn.create_identity(home, "Dr Sven Handledare", "supervisor", PASS)
    key_file = home / "identity" / "key.p8"
    assert pub.key_in_file and key_file.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    # openssl reads our scrypt-PBES2 container: the file is portable
    out = subprocess.run(["openssl", "pkey", "-in", key_file, "-passin", "pass:" + PASS, "-pubout"],
                         capture_output=True)
    assert out.returncode == 0
    assert x509.load_pem_x509_certificate((home / "identity/cert.pem").read_bytes()).public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo) == out.stdout

    idn.forget_session()
    with pytest.raises(IdentityError) as e:
        idn.load_signer(home, "wrong passphrase")
    assert str(e.value) == "The passphrase is wrong; the key was not unlocked."
    prompts = []

    def source(prompt):
        prompts.append(prompt)
        return PASS

    s1 = idn.load_signer(home, source)
    s2 = idn.load_signer(home, source)  # cached for the session: asked once
    assert len(prompts) == 1 and s1.identity.fingerprint == s2.identity.fingerprint == pub.fingerprint
    assert idn.make_csr(home, None).startswith(b"-----BEGIN CERTIFICATE REQUEST-----")


def test_unusable_keyrings_are_detected(memory_keyring):
    assert idn.usable_keyring() is not None

    class Plain(keyring.backend.KeyringBackend):
        priority = 1
        get_password = set_password = delete_password = lambda *a: None

    Plain.__module__ = "keyrings.alt.file"  # what keyrings.alt's PlaintextKeyring looks like
    keyring.set_keyring(Plain())
    assert idn.usable_keyring() is None

    class Broken(keyring.backend.KeyringBackend):
        priority = 1

        def get_password(self, *a):
            raise keyring.errors.KeyringError("locked")

        set_password = delete_password = get_password

    keyring.set_keyring(Broken())
    assert idn.usable_keyring() is None


def test_key_never_on_disk_unencrypted(tmp_path, no_keyring):
    unit = tmp_path / "unit"
    idn.create_identity(unit, "Region Skåne BT-enheten", "unit", PASS)
    idn.ca_init(unit, PASS)
    doc = tmp_path / "doc"
    idn.create_identity(doc, "Dr Bo Ek", "doctor", PASS)
    cert = idn.ca_issue(unit, idn.make_csr(doc, PASS), PASS)
    idn.install_cert(doc, cert, trust_root=True)
    idn.ca_revocations(unit, PASS)
    idn.export_identity(doc, doc / "moved.btid", PASS, PASS)
    for home in (unit, doc):
        fp = idn.load_public(home).fingerprint
        key = idn.load_signer(home, PASS).key_signer.private_key
        secrets = [
            key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()),
            key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.TraditionalOpenSSL,
                              serialization.NoEncryption()),
            key.private_numbers().private_value.to_bytes(32, "big"),
        ]
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
        body = "".join(pem.splitlines()[1:-1])
        secrets += [body[i:i + 40].encode() for i in range(0, len(body) - 40, 40)]
        secrets.append(base64.b64encode(secrets[0]))
        files = [p for p in home.rglob("*") if p.is_file()]
        assert len(files) >= 3, fp
        for p in files:
            data = p.read_bytes()
            for s in secrets:
                assert s not in data, f"private key material found in {p}"


def test_enrolment_csr_issue_install(tmp_path, memory_keyring):
    unit = _unit(tmp_path)
    u = idn.load_public(unit)
    assert u.is_ca and u.status == "self-signed"
    doc = tmp_path / "doc"
    before = idn.create_identity(doc, "Dr Anna Åberg", "doctor", None)
    pem = idn.ca_issue(unit, idn.make_csr(doc), days=30)
    assert pem.count(b"BEGIN CERTIFICATE") == 2
    after = idn.install_cert(doc, pem)
    assert after.fingerprint == before.fingerprint
    assert after.status == "issued by Region Stockholm BT-enheten" and len(after.chain) == 1
    assert (after.not_after - dt.datetime.now(dt.UTC)).days in (29, 30)
    assert (doc / "identity/cert.pem").read_bytes().count(b"BEGIN CERTIFICATE") == 2
    assert idn.TrustStore(doc).roots() == []  # trusting the unit is a separate decision
    listed = idn.ca_list(unit)
    assert [(e["name"], e["status"], e["role"]) for e in listed] == [("Dr Anna Åberg", "valid", "doctor")]

    other = tmp_path / "other"
    idn.create_identity(other, "Dr Other", "doctor", None)
    with pytest.raises(IdentityError, match="another key"):
        idn.install_cert(other, pem)
    with pytest.raises(IdentityError, match="incomplete"):
        idn.install_cert(doc, pem.split(b"-----END CERTIFICATE-----")[0] + b"-----END CERTIFICATE-----\n")
    with pytest.raises(IdentityError, match="not a certificate authority"):
        idn.ca_issue(doc, idn.make_csr(other))
    with pytest.raises(IdentityError, match="Only a BT unit"):
        idn.ca_init(other)
    with pytest.raises(IdentityError, match="not a certificate request"):
        idn.ca_issue(unit, b"garbage")


def test_trust_store_roots_and_confirmations(tmp_path, memory_keyring):
    unit = _unit(tmp_path)
    doc = tmp_path / "doc"
    pub = idn.create_identity(doc, "Dr A", "doctor", None)
    t = idn.TrustStore(doc)
    with pytest.raises(IdentityError, match="not a certificate authority's root"):
        t.add_root(pub.cert_pem)
    fp = t.add_root(idn.load_public(unit).cert_pem)
    assert [c.subject for c in t.roots()] == [idn.load_public(unit).cert.subject]
    shown = idn.format_fingerprint("ab" * 32)
    t.confirm(shown, "Anna on the phone 2026-11-26", name="Dr Sven")
    t2 = idn.TrustStore(doc)  # persisted
    assert t2.confirmation("ab" * 32)["confirmed_by"] == "Anna on the phone 2026-11-26"
    assert t2.confirmation("cd" * 32) is None
    kinds = {(e["kind"], e["fingerprint"]) for e in t2.list()}
    assert ("root", fp) in kinds and ("confirmed", "ab" * 16) in kinds
    with pytest.raises(IdentityError, match="who confirmed"):
        t2.confirm("ab" * 32, " ")


def test_revocation_travels_as_crl(tmp_path, memory_keyring):
    unit = _unit(tmp_path)
    doc = tmp_path / "doc"
    idn.create_identity(doc, "Dr Anna Åberg", "doctor", None)
    leaf = x509.load_pem_x509_certificates(idn.ca_issue(unit, idn.make_csr(doc)))[0]
    with pytest.raises(IdentityError, match="not issued"):
        idn.ca_revoke(unit, 12345, "x")
    with pytest.raises(IdentityError, match="reason"):
        idn.ca_revoke(unit, leaf.serial_number, "  ")
    idn.ca_revoke(unit, hex(leaf.serial_number), "left the programme")
    assert idn.ca_list(unit)[0]["status"] == "revoked"
    crl = idn.revocations(unit)
    assert subprocess.run(["openssl", "crl", "-inform", "DER", "-noout"], input=crl).returncode == 0

    receiver = tmp_path / "receiver"
    idn.create_identity(receiver, "Dr Studierektor", "supervisor", None)
    with pytest.raises(IdentityError, match="not signed by one of your trusted"):
        idn.import_revocations(receiver, crl)
    idn.TrustStore(receiver).add_root(idn.load_public(unit).cert_pem)
    assert idn.import_revocations(receiver, crl) == 1
    assert idn.import_revocations(receiver, crl) == 0  # merging twice changes nothing
    entry = idn.TrustStore(receiver).revocation(idn.load_public(unit).fingerprint, leaf.serial_number)
    assert entry["reason"] == "left the programme"
    forged = bytearray(crl)
    forged[-5] ^= 1
    with pytest.raises(IdentityError):
        idn.import_revocations(receiver, bytes(forged))
    with pytest.raises(IdentityError, match="not a certificate revocation list"):
        idn.import_revocations(receiver, b"nonsense")


def test_export_import_to_new_laptop(tmp_path, memory_keyring):
    old = tmp_path / "old"
    pub = idn.create_identity(old, "Dr Anna Åberg", "doctor", None)
    unit = _unit(tmp_path)
    idn.TrustStore(old).add_root(idn.load_public(unit).cert_pem)
    idn.TrustStore(old).confirm("ef" * 32, "me")
    f = idn.export_identity(old, tmp_path / "anna.btid", PASS)
    new = tmp_path / "new"
    with pytest.raises(IdentityError, match="passphrase is wrong"):
        idn.import_identity(new, f, "not the passphrase")
    raw = bytearray(f.read_bytes())
    i = raw.index(b'"ciphertext": "') + 20
    raw[i] = ord("A") if raw[i] != ord("A") else ord("B")
    (tmp_path / "bad.btid").write_bytes(bytes(raw))
    with pytest.raises(IdentityError):
        idn.import_identity(new, tmp_path / "bad.btid", PASS)
    with pytest.raises(IdentityError, match="not a btdesk identity"):
        idn.import_identity(new, tmp_path / "nothing", PASS)
    memory_keyring.clear()  # the new laptop's keyring is empty
    idn.forget_session()
    got = idn.import_identity(new, f, PASS)
    assert got.fingerprint == pub.fingerprint
    assert idn.load_signer(new).identity.fingerprint == pub.fingerprint
    t = idn.TrustStore(new)
    assert len(t.roots()) == 1 and t.confirmation("ef" * 32)
    with pytest.raises(IdentityError, match="already has an identity"):
        idn.import_identity(new, f, PASS)


def test_missing_keyring_entry_is_one_sentence(tmp_path, memory_keyring):
    home = tmp_path / "h"
    idn.create_identity(home, "Dr A", "doctor", None)
    memory_keyring.clear()
    idn.forget_session()
    with pytest.raises(IdentityError, match="not in this computer's keyring"):
        idn.load_signer(home)
    with pytest.raises(IdentityError, match="no identity"):
        idn.load_public(tmp_path / "empty")
