"""Detached CMS signatures (RFC 5652) built around a `KeySigner`.

The structure is what btdesk has always written and `openssl cms -verify -binary` accepts:
SignedData v1, the content detached, the signer named by issuer and serial number, signed
attributes content type, signing time and message digest, the signer's certificate and chain.
Only the signature over the signed attributes comes from the key, so a card works as a file
key does (cryptography's own PKCS#7 builder needs the private key in memory).
"""
from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from asn1crypto import algos, cms
from asn1crypto import x509 as ax509
from cryptography.hazmat.primitives import serialization

from .signer import KeySigner, default_hash, signature_algorithm


def _asn1(cert: object) -> ax509.Certificate:
    from cryptography import x509

    assert isinstance(cert, x509.Certificate)
    loaded: ax509.Certificate = ax509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    return loaded


def signed_attributes(data: bytes, hash: str, when: datetime) -> cms.CMSAttributes:
    return cms.CMSAttributes([
        cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        cms.CMSAttribute({"type": "signing_time", "values": [cms.Time({"utc_time": when})]}),
        cms.CMSAttribute({"type": "message_digest", "values": [hashlib.new(hash, data).digest()]}),
    ])


def build_detached(data: bytes, signer: KeySigner, *, hash: str | None = None,
                   when: datetime | None = None) -> bytes:
    """DER of a detached CMS SignedData over `data`, signed by `signer`."""
    hash = hash or default_hash(signer.certificate)
    when = (when or datetime.now(UTC)).replace(microsecond=0)
    attrs = signed_attributes(bytes(data), hash, when)
    # The signature covers the attributes encoded as a SET (RFC 5652 §5.4), not as [0]
    signature = signer.sign(attrs.dump(), hash)
    leaf = _asn1(signer.certificate)
    digest_alg = algos.DigestAlgorithm({"algorithm": hash})
    info = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({"issuer_and_serial_number": cms.IssuerAndSerialNumber({
            "issuer": leaf.issuer, "serial_number": leaf.serial_number})}),
        "digest_algorithm": digest_alg,
        "signed_attrs": attrs,
        "signature_algorithm": signature_algorithm(signer.key_type, hash),
        "signature": signature,
    })
    certs = [leaf] + [_asn1(c) for c in signer.chain]
    signed = cms.SignedData({
        "version": "v1",
        "digest_algorithms": [digest_alg],
        "encap_content_info": {"content_type": "data"},
        "certificates": [cms.CertificateChoices({"certificate": c}) for c in certs],
        "signer_infos": [info],
    })
    der: bytes = cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump()
    return der
