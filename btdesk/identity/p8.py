"""Passphrase-encrypted PKCS#8 with a memory-hard KDF.

cryptography's BestAvailableEncryption writes PBES2 with only 2,048 PBKDF2 rounds, which a
stolen laptop's key file would not survive. We write the same standard container
(PBES2, AES-256-CBC) but with scrypt (RFC 7914, N=2^14, p=8): cryptography and `openssl pkey`
both read it back, so the file stays portable.
"""
from __future__ import annotations

import base64
import os

from asn1crypto import core
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import padding, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from btdesk.i18n import _

from .errors import IdentityError
from .signer import PrivateKey

SCRYPT_N = 2**14  # 16 MB: openssl refuses more than 32 MB by default
SCRYPT_R, SCRYPT_P = 8, 8  # p=8 buys time cost (≈ 0.25 s) without more memory
MIN_PASSPHRASE = 8

_PBES2 = "1.2.840.113549.1.5.13"
_SCRYPT = "1.3.6.1.4.1.11591.4.11"
_AES256_CBC = "2.16.840.1.101.3.4.1.42"


class _AlgId(core.Sequence):
    _fields = [("algorithm", core.ObjectIdentifier), ("parameters", core.Any, {"optional": True})]


class _ScryptParams(core.Sequence):
    _fields = [
        ("salt", core.OctetString),
        ("cost", core.Integer),
        ("block_size", core.Integer),
        ("parallelization", core.Integer),
        ("key_length", core.Integer, {"optional": True}),
    ]


class _Pbes2Params(core.Sequence):
    _fields = [("kdf", _AlgId), ("scheme", _AlgId)]


class _EncryptedPrivateKeyInfo(core.Sequence):
    _fields = [("algorithm", _AlgId), ("data", core.OctetString)]


def check_passphrase(passphrase: str) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise IdentityError(_("Lösenfrasen ska ha minst {MIN_PASSPHRASE} tecken.").format(
                                MIN_PASSPHRASE=MIN_PASSPHRASE))
    return passphrase.encode("utf-8")


def encrypt_key(private_key: PrivateKey, passphrase: str) -> bytes:
    secret = check_passphrase(passphrase)
    salt, iv = os.urandom(16), os.urandom(16)
    kek = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(secret)
    plain = private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    padder = padding.PKCS7(128).padder()
    enc = Cipher(algorithms.AES(kek), modes.CBC(iv)).encryptor()
    blob = enc.update(padder.update(plain) + padder.finalize()) + enc.finalize()
    params = _ScryptParams(
        {"salt": salt, "cost": SCRYPT_N, "block_size": SCRYPT_R, "parallelization": SCRYPT_P, "key_length": 32}
    )
    algo = _AlgId(
        {
            "algorithm": _PBES2,
            "parameters": _Pbes2Params(
                {
                    "kdf": _AlgId({"algorithm": _SCRYPT, "parameters": params}),
                    "scheme": _AlgId({"algorithm": _AES256_CBC, "parameters": core.OctetString(iv)}),
                }
            ),
        }
    )
    der = _EncryptedPrivateKeyInfo({"algorithm": algo, "data": blob}).dump()
    b64 = base64.encodebytes(der).decode().replace("\n", "")
    lines = [b64[i : i + 64] for i in range(0, len(b64), 64)]
    pem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END ENCRYPTED PRIVATE KEY-----\n"
    return pem.encode()


def signing_key(key: PrivateKeyTypes) -> PrivateKey:
    """The key, if it is of a kind btdesk signs with (EC or RSA)."""
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise IdentityError(_("Nyckeln är av ett slag som btdesk inte signerar med (bara EC- och RSA-nycklar)."))
    return key


def decrypt_key(pem: bytes, passphrase: str) -> PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, passphrase.encode("utf-8"))
    except ValueError as e:
        # A wrong passphrase decrypts to noise, and about once in 256 tries that noise has valid
        # padding and fails later, as unparseable key data: so the container decides, not the message.
        if "password" in str(e).lower() or "decrypt" in str(e).lower() or _container_whole(pem):
            raise IdentityError(_("Lösenfrasen är fel; nyckeln låstes inte upp.")) from None
        raise IdentityError(_("Nyckelfilen är skadad och kan inte läsas.")) from None
    except (TypeError, UnsupportedAlgorithm):  # a malformed container or an unknown cipher in it
        raise IdentityError(_("Nyckelfilen är skadad och kan inte läsas.")) from None
    return signing_key(key)


def _container_whole(pem: bytes) -> bool:
    """The encrypted container itself is intact (only what it encrypts could not be read)."""
    try:
        text = pem.decode("ascii").strip()
        head, tail = "-----BEGIN ENCRYPTED PRIVATE KEY-----", "-----END ENCRYPTED PRIVATE KEY-----"
        if not (text.startswith(head) and text.endswith(tail)):
            return False
        der = base64.b64decode("".join(text[len(head):-len(tail)].split()), validate=True)
        info = _EncryptedPrivateKeyInfo.load(der, strict=True)
        return bool(info["algorithm"]["algorithm"].dotted and info["data"].native)
    except (ValueError, TypeError, UnicodeDecodeError):
        return False
