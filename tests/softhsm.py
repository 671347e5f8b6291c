"""A SoftHSM2 token that stands in for a SITHS card in tests.

`make_token(folder)` initialises a token in its own folder (SOFTHSM2_CONF points there, never at
the system's tokens), generates an RSA-2048 key and ECDSA P-256 and P-384 keys on it, and
stores for each a certificate issued by a test "SITHS-like" root that carries an HSA-id in the
subject's serialNumber. The private keys never leave the token, as on a card.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

MODULE_PATHS = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so")
PIN, SO_PIN, LABEL = "123456", "12345678", "SITHS-test"
# (key id, label, kind, HSA-id, person's name)
KEYS = (
    (b"\x01", "rsa", "rsa", "SE2321000016-1001", "Erik Berg"),
    (b"\x02", "p256", "secp256r1", "SE2321000016-1002", "Sara Nilsson"),
    (b"\x03", "p384", "secp384r1", "SE2321000016-1003", "Olof Ek"),
)


def softhsm_module() -> str | None:
    return next((p for p in MODULE_PATHS if Path(p).exists()), None)


@dataclass
class SoftToken:
    module: str
    conf: Path
    root_pem: Path
    root_key: ec.EllipticCurvePrivateKey
    root_cert: x509.Certificate
    certs: dict[str, x509.Certificate] = field(default_factory=dict)  # label -> certificate

    @property
    def env(self) -> dict[str, str]:
        return {"SOFTHSM2_CONF": str(self.conf), "BTDESK_PIN": PIN}


def _name(cn: str, hsa: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"), x509.NameAttribute(NameOID.ORGANIZATION_NAME,
                                                                                "Testregionen")]
    if hsa:
        attrs.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, hsa))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


def _root() -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP384R1())
    name = _name("SITHS Test Root CA v1")
    start = datetime.now(UTC) - timedelta(days=1)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA384()))
    return key, cert


def issue(root_key: ec.EllipticCurvePrivateKey, root: x509.Certificate, public_key, cn: str, hsa: str, *,
          non_repudiation: bool = True) -> x509.Certificate:
    start = datetime.now(UTC) - timedelta(hours=1)
    return (x509.CertificateBuilder().subject_name(_name(cn, hsa)).issuer_name(root.subject).public_key(public_key)
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + timedelta(days=730))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=not non_repudiation, content_commitment=non_repudiation,
                                         key_encipherment=False, data_encipherment=False, key_agreement=False,
                                         key_cert_sign=False, crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA384()))


def _public_key(session, kind: str, key_id: bytes, label: str):
    """Generate a key pair on the token; return its public key as a cryptography object."""
    from pkcs11 import Attribute, KeyType, ObjectClass
    from pkcs11.util.ec import encode_ec_public_key, encode_named_curve_parameters
    from pkcs11.util.rsa import encode_rsa_public_key

    if kind == "rsa":
        pub, _ = session.generate_keypair(KeyType.RSA, 2048, store=True, id=key_id, label=label)
        der = encode_rsa_public_key(pub)
        return serialization.load_der_public_key(
            _spki_rsa(der))
    params = session.create_domain_parameters(
        KeyType.EC, {Attribute.EC_PARAMS: encode_named_curve_parameters(kind)}, local=True)
    pub, _ = params.generate_keypair(store=True, id=key_id, label=label)
    assert pub[Attribute.CLASS] == ObjectClass.PUBLIC_KEY
    return serialization.load_der_public_key(encode_ec_public_key(pub))


def _spki_rsa(pkcs1_der: bytes) -> bytes:
    from asn1crypto import keys

    return keys.PublicKeyInfo({"algorithm": {"algorithm": "rsa"},
                               "public_key": keys.RSAPublicKey.load(pkcs1_der)}).dump()


def _store_cert(session, cert: x509.Certificate, key_id: bytes, label: str) -> None:
    from pkcs11 import Attribute, CertificateType, ObjectClass

    session.create_object({
        Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
        Attribute.TOKEN: True, Attribute.ID: key_id, Attribute.LABEL: label,
        Attribute.SUBJECT: cert.subject.public_bytes(), Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
    })


_made: list[SoftToken] = []  # one token per process: the library reads SOFTHSM2_CONF once, when first loaded


def make_token(folder: Path) -> SoftToken:
    """Initialise a fresh token under `folder` (once per process); children get SOFTHSM2_CONF from `.env`."""
    if _made:
        return _made[0]
    module = softhsm_module()
    assert module and shutil.which("softhsm2-util"), "softhsm2 is not installed"
    tokens = folder / "tokens"
    tokens.mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    env = dict(os.environ, SOFTHSM2_CONF=str(conf))
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", LABEL, "--pin", PIN, "--so-pin", SO_PIN],
                   env=env, check=True, capture_output=True)
    root_key, root = _root()
    root_pem = folder / "siths-test-root.pem"
    root_pem.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    tok = SoftToken(module, conf, root_pem, root_key, root)
    old = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)  # the library reads it when first loaded in this process
    try:
        import pkcs11

        token = pkcs11.lib(module).get_token(token_label=LABEL)
        with token.open(rw=True, user_pin=PIN) as session:
            for key_id, label, kind, hsa, cn in KEYS:
                cert = issue(root_key, root, _public_key(session, kind, key_id, label), cn, hsa)
                _store_cert(session, cert, key_id, label)
                tok.certs[label] = cert
    finally:
        if old is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = old
    _made.append(tok)
    return tok
