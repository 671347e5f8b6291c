"""Signatures as an attacker makes them: a detached CMS with a signing time of one's choosing
(cryptography's builder always writes "now"), for the backdating tests."""
from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from asn1crypto import algos, cms
from asn1crypto import x509 as ax
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec


def sign_at(key: Any, cert: Any, chain: list[Any], data: bytes, when: datetime) -> bytes:
    """A detached CMS over `data`, signed by `key` (EC P-256) for `cert`, claiming `when`."""
    leaf = ax.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    attrs = cms.CMSAttributes([
        cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        cms.CMSAttribute({"type": "signing_time", "values": [cms.Time({"utc_time": when})]}),
        cms.CMSAttribute({"type": "message_digest", "values": [hashlib.sha256(data).digest()]}),
    ])
    signature = key.sign(attrs.dump(), ec.ECDSA(hashes.SHA256()))
    si = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({"issuer_and_serial_number": cms.IssuerAndSerialNumber(
            {"issuer": leaf.issuer, "serial_number": leaf.serial_number})}),
        "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
        "signed_attrs": attrs,
        "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa"}),
        "signature": signature,
    })
    certs = [leaf] + [ax.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in chain]
    sd = cms.SignedData({
        "version": "v1", "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
        "encap_content_info": {"content_type": "data"}, "certificates": certs, "signer_infos": [si],
    })
    return cms.ContentInfo({"content_type": "signed_data", "content": sd}).dump()


class CraftedSigner:
    """What write_bundle needs of a signer (`sign`, `identity`), signing at a chosen time."""

    def __init__(self, key: Any, cert: Any, chain: list[Any], identity: Any, when: datetime):
        self.key, self.cert, self.chain, self.identity, self.when = key, cert, chain, identity, when

    def sign(self, data: bytes) -> bytes:
        return sign_at(self.key, self.cert, self.chain, data, self.when)
