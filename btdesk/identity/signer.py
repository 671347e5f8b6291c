"""The signing primitive behind every btdesk signature, and its check.

A `KeySigner` holds a certificate and can sign bytes with the matching private key, wherever
that key lives: in memory (`FileKeySigner`, the key from the keyring or key.p8) or on a smart
card (`btdesk.identity.token.TokenSigner`). The CMS builder (`cms_sign.py`) and the PDF signer
only ever call `sign(data, hash)`, so a card changes nothing above this seam.

Schemes: ECDSA (P-256, P-384), RSA PKCS#1 v1.5 and RSASSA-PSS (MGF1 with the same hash, salt as
long as the hash), because cards in use carry all of them.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from asn1crypto import algos, core
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from btdesk.i18n import _

from .errors import IdentityError

HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}
SCHEMES = ("ecdsa", "rsa-pkcs1v15", "rsa-pss")
MIN_RSA_BITS = 2048
PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


class KeySigner(Protocol):
    """Signs with one private key; `key_type` is one of SCHEMES."""

    @property
    def certificate(self) -> x509.Certificate: ...

    @property
    def chain(self) -> Sequence[x509.Certificate]: ...

    @property
    def key_type(self) -> str: ...

    def sign(self, data: bytes, hash: str) -> bytes:
        """The raw signature over `data` (DER for ECDSA), hashing with `hash`."""
        ...


def default_hash(cert: x509.Certificate) -> str:
    """SHA-384 for a P-384 key (its matching strength), SHA-256 otherwise."""
    key = cert.public_key()
    if isinstance(key, ec.EllipticCurvePublicKey) and key.curve.key_size >= 384:
        return "sha384"
    return "sha256"


def scheme_for(cert: x509.Certificate, *, pss: bool = False) -> str:
    """The signature scheme for this certificate's key; refuses keys btdesk cannot verify."""
    key = cert.public_key()
    if isinstance(key, ec.EllipticCurvePublicKey):
        if key.curve.name not in ("secp256r1", "secp384r1"):
            raise IdentityError(_("Nyckelns kurva {name} stöds inte; använd P-256 eller P-384.").format(
                                    name=key.curve.name))
        return "ecdsa"
    if isinstance(key, rsa.RSAPublicKey):
        if key.key_size < MIN_RSA_BITS:
            raise IdentityError(_("RSA-nyckeln har bara {key_size} bitar; minst {MIN_RSA_BITS} behövs.").format(
                                    key_size=key.key_size, MIN_RSA_BITS=MIN_RSA_BITS))
        return "rsa-pss" if pss else "rsa-pkcs1v15"
    raise IdentityError(_("Nyckeln är varken en RSA- eller en elliptisk-kurva-nyckel, så btdesk kan inte "
                          "signera med den."))


def pss_padding(hash: str) -> padding.PSS:
    h = HASHES[hash]()
    return padding.PSS(mgf=padding.MGF1(h), salt_length=h.digest_size)


def signature_algorithm(key_type: str, hash: str) -> algos.SignedDigestAlgorithm:
    """How a CMS SignerInfo names the scheme (RFC 5754, RFC 4056)."""
    if key_type == "ecdsa":
        return algos.SignedDigestAlgorithm({"algorithm": f"{hash}_ecdsa"})
    if key_type == "rsa-pkcs1v15":
        return algos.SignedDigestAlgorithm({"algorithm": f"{hash}_rsa", "parameters": core.Null()})
    if key_type == "rsa-pss":
        params = algos.RSASSAPSSParams({
            "hash_algorithm": {"algorithm": hash},
            "mask_gen_algorithm": {"algorithm": "mgf1", "parameters": {"algorithm": hash}},
            "salt_length": HASHES[hash]().digest_size,
        })
        return algos.SignedDigestAlgorithm({"algorithm": "rsassa_pss", "parameters": params})
    raise IdentityError(_("Okänt signaturschema {key_type!r}.").format(key_type=key_type))


class FileKeySigner:
    """A private key held in memory (unlocked from the OS keyring or the passphrase file)."""

    def __init__(self, key: PrivateKey, cert: x509.Certificate, chain: Sequence[x509.Certificate] = (),
                 *, pss: bool = False) -> None:
        self._key, self._cert, self._chain = key, cert, tuple(chain)
        self._type = scheme_for(cert, pss=pss)

    @property
    def certificate(self) -> x509.Certificate:
        return self._cert

    @property
    def chain(self) -> Sequence[x509.Certificate]:
        return self._chain

    @property
    def key_type(self) -> str:
        return self._type

    @property
    def private_key(self) -> PrivateKey:
        return self._key

    def sign(self, data: bytes, hash: str) -> bytes:
        h = HASHES[hash]()
        if isinstance(self._key, ec.EllipticCurvePrivateKey):
            return self._key.sign(data, ec.ECDSA(h))
        if self._type == "rsa-pss":
            return self._key.sign(data, pss_padding(hash), h)
        return self._key.sign(data, padding.PKCS1v15(), h)


# -- checking ------------------------------------------------------------------------
_RSA_NAMES = {"rsassa_pkcs1v15": None, "sha256_rsa": "sha256", "sha384_rsa": "sha384", "sha512_rsa": "sha512"}
_EC_NAMES = {"ecdsa": None, "sha256_ecdsa": "sha256", "sha384_ecdsa": "sha384", "sha512_ecdsa": "sha512"}


def algorithm_fits(alg: algos.SignedDigestAlgorithm, digest: str) -> bool:
    """Is this SignerInfo signature algorithm one we check, consistent with the digest?"""
    name = alg["algorithm"].native
    if name in _EC_NAMES:
        return _EC_NAMES[name] in (None, digest) and alg["parameters"].dump() == b""
    if name in _RSA_NAMES:
        return _RSA_NAMES[name] in (None, digest) and alg["parameters"].dump() in (b"", b"\x05\x00")
    if name == "rsassa_pss":
        p = alg["parameters"]
        return (isinstance(p, algos.RSASSAPSSParams) and p["hash_algorithm"]["algorithm"].native == digest
                and p["mask_gen_algorithm"]["algorithm"].native == "mgf1"
                and p["mask_gen_algorithm"]["parameters"]["algorithm"].native == digest
                and p["trailer_field"].native == "trailer_field_bc"
                and 0 <= p["salt_length"].native <= 64)
    return False


def verify_raw(public_key: object, alg: algos.SignedDigestAlgorithm, digest: str, signature: bytes,
               data: bytes) -> None:
    """Raise cryptography's InvalidSignature (or ValueError) unless `signature` is good.

    `alg` must already have passed `algorithm_fits`; the key type must match the scheme.
    """
    from cryptography.exceptions import InvalidSignature

    name, h = alg["algorithm"].native, HASHES[digest]()
    if isinstance(public_key, ec.EllipticCurvePublicKey) and name in _EC_NAMES:
        public_key.verify(signature, data, ec.ECDSA(h))
    elif isinstance(public_key, rsa.RSAPublicKey) and public_key.key_size >= MIN_RSA_BITS and name in _RSA_NAMES:
        public_key.verify(signature, data, padding.PKCS1v15(), h)
    elif isinstance(public_key, rsa.RSAPublicKey) and public_key.key_size >= MIN_RSA_BITS and name == "rsassa_pss":
        salt = alg["parameters"]["salt_length"].native
        public_key.verify(signature, data, padding.PSS(mgf=padding.MGF1(h), salt_length=salt), h)
    else:
        raise InvalidSignature("the key does not fit the signature algorithm")
