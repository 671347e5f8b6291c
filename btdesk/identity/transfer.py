"""Moving an identity to a new laptop: one passphrase-protected file.

The file holds key, certificate chain, trust decisions and (for a BT unit) the CA's list
of issued certificates. Everything, not only the key, is encrypted and authenticated
(AES-256-GCM under a scrypt-derived key), so nobody can slip a trusted root into it.
"""
from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from btdesk.i18n import _

from . import keystore, p8
from .errors import IdentityError
from .files import atomic_write, ca_path, cert_path, read_json, trust_path, write_json
from .keystore import PassphraseSource
from .names import fingerprint_of_key
from .profile import PublicIdentity, has_identity, load_public, unlock

FORMAT = "btdesk-identity"
_N, _R, _P = 2**14, 8, 8  # same cost as the key file; openssl-compatible memory use


def _kek(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret.encode("utf-8"))


def export_identity(home: Path, out_path: Path, passphrase_for_file: PassphraseSource,
                    passphrase: PassphraseSource | None = None) -> Path:
    home = Path(home)
    ident, key = unlock(home, passphrase)
    secret = keystore.ask(passphrase_for_file, "Choose a passphrase for the identity file")
    p8.check_passphrase(secret)
    payload = {
        "key": key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption()).decode("ascii"),
        "cert": cert_path(home).read_text(encoding="ascii"),
        "trust": read_json(trust_path(home), None),
        "ca": read_json(ca_path(home), None),
    }
    salt, nonce = os.urandom(16), os.urandom(12)
    header = {"format": FORMAT, "version": 1, "fingerprint": ident.fingerprint, "name": ident.name,
              "kdf": {"name": "scrypt", "n": _N, "r": _R, "p": _P, "salt": base64.b64encode(salt).decode()},
              "nonce": base64.b64encode(nonce).decode()}
    aad = json.dumps(header, sort_keys=True).encode()  # the header is authenticated too
    blob = AESGCM(_kek(secret, salt, _N, _R, _P)).encrypt(nonce, json.dumps(payload).encode(), aad)
    out = Path(out_path)
    atomic_write(out, json.dumps({**header, "ciphertext": base64.b64encode(blob).decode()}, indent=1).encode())
    return out


def import_identity(home: Path, path: Path, passphrase: PassphraseSource) -> PublicIdentity:
    """Install an exported identity into an empty profile home.

    `passphrase` answers two prompts: the identity file's passphrase, and — only where
    this computer has no usable keyring — a passphrase for the new local key file.
    """
    home = Path(home)
    if has_identity(home):
        raise IdentityError(_("Profilen har redan en identitet; importera till en ny, tom profil."))
    try:
        doc = json.loads(Path(path).read_bytes())
        header = {k: doc[k] for k in ("format", "version", "fingerprint", "name", "kdf", "nonce")}
        if header["format"] != FORMAT or header["version"] != 1:
            raise ValueError
        kdf = header["kdf"]
        if kdf["name"] != "scrypt" or not (2**10 <= kdf["n"] <= 2**20 and kdf["r"] <= 32 and kdf["p"] <= 64):
            raise ValueError  # refuse absurd costs a crafted file could use to hang us
        salt, nonce = base64.b64decode(kdf["salt"]), base64.b64decode(header["nonce"])
        blob = base64.b64decode(doc["ciphertext"])
    except (OSError, ValueError, KeyError, TypeError):
        raise IdentityError(_("Filen är ingen identitetsexport från btdesk.")) from None
    secret = keystore.ask(passphrase, "Passphrase of the identity file")
    try:
        plain = AESGCM(_kek(secret, salt, kdf["n"], kdf["r"], kdf["p"])).decrypt(
            nonce, blob, json.dumps(header, sort_keys=True).encode())
    except InvalidTag:
        raise IdentityError(_("Lösenfrasen är fel eller så har identitetsfilen ändrats; ingenting "
                              "importerades.")) from None
    payload = json.loads(plain)
    key = p8.signing_key(serialization.load_pem_private_key(payload["key"].encode("ascii"), None))
    fp = fingerprint_of_key(key.public_key())
    if fp != header["fingerprint"]:
        raise IdentityError(_("Identitetsfilen är motsägelsefull: dess nyckel stämmer inte med dess certifikat."))
    keystore.store_key(home, fp, key, passphrase)
    atomic_write(cert_path(home), payload["cert"].encode("ascii"))
    if payload.get("trust") is not None:
        write_json(trust_path(home), payload["trust"])
    if payload.get("ca") is not None:
        write_json(ca_path(home), payload["ca"])
    ident = load_public(home)
    if ident.fingerprint != fp:
        raise IdentityError(_("Identitetsfilen är motsägelsefull: dess nyckel stämmer inte med dess certifikat."))
    return ident
