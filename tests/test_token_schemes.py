"""The signing seam with keys in memory: every scheme a card may hold (RSA PKCS#1 v1.5, RSA-PSS,
ECDSA P-256 and P-384) makes a detached CMS that btdesk's verifier and `openssl cms -verify` accept
under a trusted "SITHS-like" root, and a scheme mismatch is refused."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from asn1crypto import cms as acms
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from btdesk.identity import SignatureError, TrustStore, verify_detached
from btdesk.identity.cms import Signer
from btdesk.identity.signer import FileKeySigner
from softhsm import _root, issue

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

DATA = b'{"kind":"assessment","ratings":{"overall":6}}'
KEYS = {
    "rsa-pkcs1v15": lambda: rsa.generate_private_key(65537, 2048),
    "rsa-pss": lambda: rsa.generate_private_key(65537, 2048),
    "p256": lambda: ec.generate_private_key(ec.SECP256R1()),
    "p384": lambda: ec.generate_private_key(ec.SECP384R1()),
}


@pytest.fixture(scope="module")
def root():
    return _root()


def _openssl(tmp: Path, data: bytes, sig: bytes, ca: Path) -> subprocess.CompletedProcess:
    (tmp / "d.bin").write_bytes(data)
    (tmp / "s.p7s").write_bytes(sig)
    return subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(tmp / "s.p7s"),
                           "-content", str(tmp / "d.bin"), "-CAfile", str(ca), "-out", "/dev/null",
                           "-purpose", "any"], capture_output=True, text=True)


@pytest.mark.parametrize("kind", list(KEYS))
def test_every_scheme_verifies_here_and_in_openssl(kind, root, tmp_path):
    root_key, root_cert = root
    key = KEYS[kind]()
    cert = issue(root_key, root_cert, key.public_key(), "Erik Berg", "SE2321000016-1001")
    signer = Signer(FileKeySigner(key, cert, pss=kind == "rsa-pss"))
    sig = signer.sign(DATA)
    alg = acms.ContentInfo.load(sig)["content"]["signer_infos"][0]["signature_algorithm"]["algorithm"].native
    assert alg == {"rsa-pkcs1v15": "sha256_rsa", "rsa-pss": "rsassa_pss", "p256": "sha256_ecdsa",
                   "p384": "sha384_ecdsa"}[kind]

    home = tmp_path / "home"
    trust = TrustStore(home)
    trust.add_root(root_cert.public_bytes(serialization.Encoding.PEM))
    v = verify_detached(DATA, sig, trust)
    assert (v.status, v.signer_name) == ("verified", "Erik Berg")
    with pytest.raises(SignatureError, match="does not match"):
        verify_detached(DATA + b" ", sig, trust)

    ca = tmp_path / "root.pem"
    ca.write_bytes(root_cert.public_bytes(serialization.Encoding.PEM))
    r = _openssl(tmp_path, DATA, sig, ca)
    assert r.returncode == 0, r.stderr
    assert _openssl(tmp_path, DATA + b" ", sig, ca).returncode != 0


def test_signature_algorithm_must_fit_the_key(root, tmp_path):
    """A PKCS#1 v1.5 signature relabelled as PSS (or the reverse) is refused, not tried both ways."""
    root_key, root_cert = root
    key = rsa.generate_private_key(65537, 2048)
    cert = issue(root_key, root_cert, key.public_key(), "Erik Berg", "SE2321000016-1001")
    trust = TrustStore(tmp_path / "home")
    trust.add_root(root_cert.public_bytes(serialization.Encoding.PEM))
    pss = Signer(FileKeySigner(key, cert, pss=True)).sign(DATA)
    plain = Signer(FileKeySigner(key, cert)).sign(DATA)
    ci = acms.ContentInfo.load(plain)
    si = ci["content"]["signer_infos"][0]
    si["signature_algorithm"] = acms.ContentInfo.load(pss)["content"]["signer_infos"][0]["signature_algorithm"]
    with pytest.raises(SignatureError):
        verify_detached(DATA, ci.dump(force=True), trust)


def test_small_rsa_keys_are_refused(root):
    root_key, root_cert = root
    key = rsa.generate_private_key(65537, 1024)
    cert = issue(root_key, root_cert, key.public_key(), "Erik Berg", "SE2321000016-1001")
    from btdesk.identity import IdentityError

    with pytest.raises(IdentityError, match="1024 bits"):
        FileKeySigner(key, cert)
