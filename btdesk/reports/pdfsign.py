"""PAdES signatures on btdesk PDFs with the profile's key (pyHanko, imported only here:
it costs about half a second to import)."""
from __future__ import annotations

import asyncio
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer


class CardKey(Protocol):
    """A key that stays on a smart card (identity.token.TokenSigner; reports may not import identity)."""

    @property
    def session(self) -> Any: ...  # python-pkcs11's logged-in Session (untyped)
    @property
    def key_id(self) -> bytes: ...
    @property
    def key_type(self) -> str: ...


SigningKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | CardKey


def _refresh_oid_maps() -> None:
    """pyHanko adds OIDs (e.g. signing_certificate_v2) to asn1crypto's name maps when imported.
    asn1crypto caches the reverse map on first use, so if btdesk's own CMS code parsed anything
    first, the new names are missing and signing fails; add them to the cached reverse maps."""
    from asn1crypto.core import ObjectIdentifier

    todo = [ObjectIdentifier]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        forward, reverse = vars(cls).get("_map"), vars(cls).get("_reverse_map")
        if isinstance(forward, dict) and isinstance(reverse, dict):
            for oid, name in forward.items():
                reverse.setdefault(name, oid)


def _pyhanko_signer(key: SigningKey, cert: x509.Certificate, chain: Sequence[x509.Certificate]) -> Signer:
    from asn1crypto import keys as akeys
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    _refresh_oid_maps()
    as_cert = ax509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    others = [ax509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in chain]
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        # the key stays on the card: pyHanko's PKCS#11 signer in the card's session
        from pyhanko.sign.pkcs11 import PKCS11Signer

        return PKCS11Signer(key.session, signing_cert=as_cert, ca_chain=others, key_id=key.key_id,
                            prefer_pss=key.key_type == "rsa-pss", use_raw_mechanism=key.key_type != "rsa-pss")

    # In memory via DER: the key never touches the disk
    der_key = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return signers.SimpleSigner(signing_cert=as_cert, signing_key=akeys.PrivateKeyInfo.load(der_key),
                                cert_registry=SimpleCertificateStore.from_certs([as_cert, *others]))


def sign_pdf_bytes(pdf: bytes, key: SigningKey, cert: x509.Certificate, chain: Sequence[x509.Certificate] = (), *,
                   reason: str = "Sammanställd och signerad i btdesk",
                   name: str | None = None, location: str | None = None) -> bytes:
    """A PAdES B-B signature over the whole document; returns the signed PDF."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    meta = signers.PdfSignatureMetadata(field_name="btdesk", reason=reason, name=name, location=location,
                                        subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256")
    signer = _pyhanko_signer(key, cert, chain)

    def run() -> bytes:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        out = signers.PdfSigner(meta, signer=signer).sign_pdf(writer)
        return bytes(out.getvalue())

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return run()
    # pyHanko calls asyncio.run, which refuses to run inside a loop: use a thread of its own
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as ex:
        return ex.submit(run).result()


def sign_path(path: Path, key: SigningKey, cert: x509.Certificate, chain: Sequence[x509.Certificate] = (), *,
              name: str | None = None) -> None:
    path = Path(path)
    signed = sign_pdf_bytes(path.read_bytes(), key, cert, chain, name=name)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(signed)
    tmp.replace(path)
