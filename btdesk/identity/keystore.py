"""Where the private key lives: the OS keyring, else a passphrase-encrypted file.

The keyring entry is service "btdesk", username = the key's fingerprint, value = the
unencrypted PKCS#8 PEM (≈ 240 bytes; Windows allows 2,560). The OS protects it. Where no
real keyring exists (headless Linux, or only keyrings.alt's plaintext files) the key goes
to home/identity/key.p8, encrypted under a passphrase. An unlocked key is cached in this
process so a supervisor types the passphrase once per session.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import serialization

from btdesk.i18n import _

from . import p8
from .errors import IdentityError
from .files import atomic_write, key_path
from .signer import PrivateKey

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

PassphraseSource = Callable[[str], str] | str
SERVICE = "btdesk"
_session: dict[tuple[str, str], PrivateKey] = {}


def ask(source: PassphraseSource | None, prompt: str) -> str:
    if source is None:
        raise IdentityError(_("Det behövs en lösenfras för att låsa upp nyckeln, men ingen angavs."))
    value = source if isinstance(source, str) else source(prompt)
    if not isinstance(value, str) or not value:
        raise IdentityError(_("Ingen lösenfras angavs; nyckeln låstes inte upp."))
    return value


def _keyring_errors() -> tuple[type[BaseException], ...]:
    """What a keyring backend raises when it cannot serve us: keyring's own errors (no backend,
    locked, refused, cannot set or delete) and the OS errors of talking to its daemon (a
    socket gone away). Anything else is a real bug and must surface."""
    from keyring.errors import KeyringError

    return (KeyringError, OSError)


def usable_keyring() -> KeyringBackend | None:
    """The active keyring backend if it really protects secrets, else None."""
    import keyring  # ≈ 100 ms; only paid when a private key is needed
    from keyring.backends import fail

    kr = keyring.get_keyring()
    backends = list(getattr(kr, "backends", None) or [kr])  # the chainer wraps others
    for b in backends:
        if isinstance(b, fail.Keyring) or type(b).__module__.startswith("keyrings.alt"):
            return None  # fail.Keyring cannot store; keyrings.alt files are base64 plaintext
    try:
        kr.get_password(SERVICE, "__btdesk_probe__")
    except _keyring_errors():  # no keyring, a locked one, or a broken daemon
        return None
    return kr


def _pem(private_key: PrivateKey) -> str:
    return private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


def store_key(home: Path, fp: str, private_key: PrivateKey, passphrase: PassphraseSource | None) -> str:
    """Store a new key; returns "keyring" or "file"."""
    kr = usable_keyring()
    if kr is not None:
        try:
            kr.set_password(SERVICE, fp, _pem(private_key))
            _session[(_home_id(home), fp)] = private_key
            return "keyring"
        except _keyring_errors():  # a locked or refusing keyring: fall back to the file
            pass
    if passphrase is None:
        raise IdentityError(_("Den här datorn har ingen användbar nyckelring, så det behövs en lösenfras "
                              "för att skydda nyckeln."))
    secret = ask(passphrase, "Choose a passphrase to protect your signing key")
    atomic_write(key_path(home), p8.encrypt_key(private_key, secret))
    _session[(_home_id(home), fp)] = private_key
    return "file"


def load_key(home: Path, fp: str, passphrase: PassphraseSource | None) -> PrivateKey:
    cached = _session.get((_home_id(home), fp))
    if cached is not None:
        return cached
    kp = key_path(home)
    if kp.exists():
        key = p8.decrypt_key(kp.read_bytes(), ask(passphrase, "Passphrase for your signing key"))
    else:
        kr = usable_keyring()
        pem = None
        if kr is not None:
            try:
                pem = kr.get_password(SERVICE, fp)
            except _keyring_errors():  # cannot be read here: the same as not there
                pem = None
        if not pem:
            raise IdentityError(
                _("Profilens signeringsnyckel finns inte i den här datorns nyckelring; importera din identitetsexport.")
            )
        key = p8.signing_key(serialization.load_pem_private_key(pem.encode("ascii"), None))
    from .names import fingerprint_of_key

    if fingerprint_of_key(key.public_key()) != fp:
        raise IdentityError(_("Den sparade signeringsnyckeln hör inte till profilens certifikat."))
    _session[(_home_id(home), fp)] = key
    return key


def delete_key(home: Path, fp: str) -> None:
    """Undo store_key after a failed creation, so no orphan secret stays behind."""
    _session.pop((_home_id(home), fp), None)
    key_path(home).unlink(missing_ok=True)
    kr = usable_keyring()
    if kr is not None:
        try:
            kr.delete_password(SERVICE, fp)
        except _keyring_errors():  # nothing stored, or the keyring refuses: nothing to undo
            pass


def forget_session() -> None:
    """Lock every unlocked key (e.g. at log-out, and between tests)."""
    _session.clear()


def _home_id(home: Path) -> str:
    return str(Path(home).resolve())
