"""Fingerprints and the names inside certificates.

The fingerprint hashes the public key (SubjectPublicKeyInfo), not the certificate, so
it stays the same when the BT unit re-issues a self-signed profile's certificate.
"""
from __future__ import annotations

import hashlib
import re

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes
from cryptography.x509.oid import NameOID

from btdesk.i18n import _

from .errors import IdentityError

ROLES = ("doctor", "supervisor", "unit")
_HEX = re.compile(r"^[0-9a-f]+$")


def fingerprint_of_key(public_key: PublicKeyTypes) -> str:
    spki = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).hexdigest()


def fingerprint(cert: x509.Certificate) -> str:
    return fingerprint_of_key(cert.public_key())


def format_fingerprint(fp: str) -> str:
    """The first 32 hex digits in groups of 4: enough to compare over the phone."""
    fp = normalize_fingerprint(fp, allow_prefix=True)[:32]
    return " ".join(fp[i : i + 4] for i in range(0, len(fp), 4))


def normalize_fingerprint(text: str, *, allow_prefix: bool = False) -> str:
    """Accept what people paste (spaces, colons, upper case); a prefix must keep 128 bits."""
    fp = re.sub(r"[\s:]", "", str(text)).lower()
    ok = bool(_HEX.match(fp)) and (len(fp) == 64 or (allow_prefix and 32 <= len(fp) < 64))
    if not ok:
        raise IdentityError(_("”{text}” är inget fingeravtryck (64 hexadecimala siffror, eller minst de 32 "
                              "första).").format(text=text))
    return fp


def make_name(name: str, role: str) -> x509.Name:
    name = " ".join(str(name).split())
    if not name or len(name) > 64:  # X.509 upper bound for a common name
        raise IdentityError(_("Identiteten behöver ett namn på 1 till 64 tecken."))
    if role not in ROLES:
        raise IdentityError(_("Rollen ska vara en av {ROLES}, inte ”{role}”.").format(
                                ROLES=', '.join(ROLES), role=role))
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            # The role travels in the certificate so a recipient sees "supervisor" next to a
            # signature without asking anyone; an OU keeps it readable in every tool.
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, role),
        ]
    )


def _first(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    attrs = name.get_attributes_for_oid(oid)
    return str(attrs[0].value) if attrs else None


def common_name(name: x509.Name) -> str:
    return _first(name, NameOID.COMMON_NAME) or name.rfc4514_string() or "an unnamed certificate"


def role_of(name: x509.Name) -> str | None:
    return _first(name, NameOID.ORGANIZATIONAL_UNIT_NAME)


def is_self_signed(cert: x509.Certificate) -> bool:
    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
        return True
    except (InvalidSignature, UnsupportedAlgorithm, ValueError, TypeError):  # bad, or a key we cannot check
        return False
