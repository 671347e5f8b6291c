"""The HSA-id of a Swedish healthcare certificate (SITHS), shown beside the signer's name.

SITHS puts the person's HSA-id (e.g. SE2321000016-1001: SE, the organisation number, a dash,
a local part) in the subject's serialNumber; some profiles carry it as a subjectAltName
otherName under 1.2.752.29.6.2.1 instead. Either is read; nothing else is guessed from.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cryptography import x509
from cryptography.x509.oid import NameOID

HSA_OTHERNAME_OID = x509.ObjectIdentifier("1.2.752.29.6.2.1")
_HSA = re.compile(r"^SE\d{10}-[0-9A-Za-z]{1,20}$")


def hsa_id(cert: x509.Certificate) -> str | None:
    for attr in cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER):
        value = str(attr.value).strip()
        if _HSA.match(value):
            return value
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return None
    for other in san.get_values_for_type(x509.OtherName):
        if other.type_id == HSA_OTHERNAME_OID:
            alt = _der_string(other.value)
            if alt and _HSA.match(alt):
                return alt
    return None


def _der_string(der: bytes) -> str | None:
    """The text of a DER UTF8String/PrintableString/IA5String, or None."""
    from asn1crypto import core

    try:
        parsed = core.load(der)
    except (ValueError, TypeError):
        return None
    if isinstance(parsed, (core.UTF8String, core.PrintableString, core.IA5String)):
        return str(parsed.native)
    return None

def name_with_hsa(cert: x509.Certificate, name: str) -> str:
    """'Erik Berg (HSA-id SE2321000016-1001)', or the name alone."""
    hid = hsa_id(cert)
    return f"{name} (HSA-id {hid})" if hid else name


@lru_cache(maxsize=256)
def signer_label(name: str, cert_pem: str) -> str:
    """A verified signer's name with the HSA-id from its certificate, for import messages."""
    try:
        cert = x509.load_pem_x509_certificate(cert_pem.encode("ascii"))
    except ValueError:
        return name
    return name_with_hsa(cert, name)
