"""Signing with a smart card or other PKCS#11 token (SITHS e-tjänstekort, PIV, YubiKey, SoftHSM).

The binding is python-pkcs11 (see docs/token.md for why). The private key never leaves the
card: btdesk hashes the data itself and asks the card for the raw operation (CKM_ECDSA,
CKM_RSA_PKCS over a DigestInfo, CKM_RSA_PKCS_PSS), because that is what cards implement;
many cannot hash on the card. The PIN is asked for each process that signs, used to log in,
and never kept anywhere but in the card's logged-in session.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from btdesk.i18n import language

from .errors import IdentityError
from .signer import HASHES, scheme_for

PIN_PROMPT = "PIN-kod för kortet (PIN for the card)"
PinSource = Callable[[str], str] | str | None
_libs: dict[str, Any] = {}
_signers: dict[tuple[str, str, str], TokenSigner] = {}


class TokenError(IdentityError):
    """The card, its reader, its middleware or its PIN refused; one sentence, Swedish first."""


def _say(sv: str, en: str) -> TokenError:
    # the card's sentences carry details (the middleware's own error, PIN tries left) that differ by language,
    # so both are written here and the run's language picks one
    return TokenError(en if language() == "en" else sv)


@dataclass(frozen=True)
class TokenCert:
    """A certificate on a token, with the key it belongs to (same CKA_ID)."""

    module: str
    slot: int
    token_label: str
    token_serial: str
    label: str
    key_id: str  # hex of CKA_ID
    cert: x509.Certificate

    @property
    def usage(self) -> str | None:
        """nonRepudiation, digitalSignature or None: what the certificate's key usage allows."""
        try:
            ku = self.cert.extensions.get_extension_for_class(x509.KeyUsage).value
        except x509.ExtensionNotFound:
            return None
        if ku.content_commitment:
            return "nonRepudiation"
        return "digitalSignature" if ku.digital_signature else None

    @property
    def is_ca(self) -> bool:
        try:
            return bool(self.cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
        except x509.ExtensionNotFound:
            return False


def library(module: str) -> Any:
    """The loaded PKCS#11 library (once per process: C_Initialize may run only once)."""
    if module not in _libs:
        import pkcs11

        if not os.path.isfile(module):
            raise _say(f"Kortprogrammet {module} finns inte på den här datorn.",
                       f"The card middleware {module} is not on this computer.")
        try:
            _libs[module] = pkcs11.lib(module)
        except pkcs11.PKCS11Error as e:
            raise _say(f"Kortprogrammet {module} kunde inte läsas in.",
                       f"The card middleware {module} could not be loaded: {e}.") from None
    return _libs[module]


def tokens(module: str) -> list[Any]:
    """Initialised tokens present in the module's slots (a reader without a card has none)."""
    from pkcs11 import PKCS11Error, TokenFlag

    found = []
    for slot in library(module).get_slots(token_present=True):
        try:
            tok = slot.get_token()
        except PKCS11Error:
            continue  # a reader whose card was just pulled
        if tok.flags & TokenFlag.TOKEN_INITIALIZED:
            found.append(tok)
    return found


def certificates(module: str, slot: int | None = None, label: str | None = None) -> list[TokenCert]:
    """End-entity certificates on the present tokens (read without a PIN), optionally filtered."""
    from pkcs11 import Attribute, ObjectClass

    out = []
    for tok in tokens(module):
        if slot is not None and tok.slot.slot_id != slot:
            continue
        with tok.open() as session:
            for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
                try:
                    cert = x509.load_der_x509_certificate(bytes(obj[Attribute.VALUE]))
                except ValueError:
                    continue  # a damaged or non-X.509 object is not one we can sign with
                tc = TokenCert(module, tok.slot.slot_id, tok.label, tok.serial.decode("ascii", "replace").strip(),
                               str(obj[Attribute.LABEL] or ""), bytes(obj[Attribute.ID] or b"").hex(), cert)
                if not tc.is_ca and (label is None or tc.label == label):
                    out.append(tc)
    return out


def choose(certs: Sequence[TokenCert]) -> TokenCert:
    """The signing certificate: nonRepudiation first (a card's PIN 2 certificate), then digitalSignature."""
    if not certs:
        raise _say("Inget kort med ett certifikat hittades; sätt i kortet och försök igen.",
                   "No card with a certificate was found; insert the card and try again.")
    for usage in ("nonRepudiation", "digitalSignature"):
        fitting = [c for c in certs if c.usage == usage]
        if fitting:
            return fitting[0]
    raise _say("Inget certifikat på kortet får användas för underskrifter.",
               "No certificate on the card may be used for signatures.")


def pin_problem(flags: int, wrong: bool) -> TokenError:
    """One sentence for a refused PIN, with what the card tells of the tries left."""
    from pkcs11 import TokenFlag

    if flags & TokenFlag.USER_PIN_LOCKED:
        return _say("PIN-koden är låst; kortet måste låsas upp med PUK-koden.",
                    "The PIN is locked; the card must be unlocked with its PUK.")
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        left_sv, left_en = " Ett försök återstår innan kortet låses", " One try is left before the card locks"
    elif flags & TokenFlag.USER_PIN_COUNT_LOW:
        left_sv = " Kortet har räknat fel försök och har få kvar"
        left_en = " The card has counted wrong tries; few are left"
    else:
        left_sv = left_en = ""
    if wrong:
        return _say(f"Fel PIN-kod; ingenting sparades.{left_sv}".rstrip(".") + ".",
                    f"Wrong PIN; nothing was saved.{left_en}".rstrip(".") + ".")
    return _say("PIN-koden har fel format för det här kortet.", "The PIN has the wrong format for this card.")


def ask_pin(source: PinSource) -> str:
    """BTDESK_PIN (automation, tests), else the window's or terminal's prompt; never stored."""
    pin = os.environ.get("BTDESK_PIN")
    if pin is None and callable(source):
        pin = source(PIN_PROMPT)
    if not pin:
        raise _say("Ingen PIN-kod angavs; ingenting signerades.", "No PIN was entered; nothing was signed.")
    return pin


def _find_token(module: str, serial: str, label: str) -> Any:
    for tok in tokens(module):
        if tok.serial.decode("ascii", "replace").strip() == serial and tok.label == label:
            return tok
    raise _say(f"Kortet {label} sitter inte i läsaren; sätt i det och försök igen.",
               f"The card {label} is not in the reader; insert it and try again.")


def login(module: str, serial: str, label: str, pin: str) -> Any:
    """A logged-in session on the named token; a wrong PIN raises one sentence with the tries left."""
    from pkcs11 import exceptions as px

    tok = _find_token(module, serial, label)
    try:
        return tok.open(user_pin=pin)
    except (px.PinIncorrect, px.PinLocked, px.PinExpired) as e:
        fresh = _find_token(module, serial, label)  # the flags are read anew after the refusal
        raise pin_problem(int(fresh.flags), wrong=not isinstance(e, px.PinLocked)) from None
    except (px.PinLenRange, px.PinInvalid):
        raise pin_problem(0, wrong=False) from None
    except (px.TokenNotPresent, px.DeviceRemoved, px.NoSuchToken):
        raise _say(f"Kortet {label} togs ur läsaren; sätt i det och försök igen.",
                   f"The card {label} was removed from the reader; insert it and try again.") from None


class TokenSigner:
    """A `KeySigner` whose private key stays on the card; signs in a logged-in session."""

    def __init__(self, session: Any, key: Any, cert: x509.Certificate, chain: Sequence[x509.Certificate],
                 key_type: str, where: TokenCert) -> None:
        self.session, self._key, self._cert, self._chain = session, key, cert, tuple(chain)
        self._type, self.where = key_type, where

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
    def key_id(self) -> bytes:
        """CKA_ID of the key on the card (pyHanko's PKCS#11 signer finds the key by it)."""
        return bytes.fromhex(self.where.key_id)

    def sign(self, data: bytes, hash: str) -> bytes:
        from asn1crypto import algos
        from pkcs11 import MGF, Mechanism, PKCS11Error
        from pkcs11.util.ec import encode_ecdsa_signature

        digest = hashlib.new(hash, bytes(data)).digest()
        try:
            if self._type == "ecdsa":
                return bytes(encode_ecdsa_signature(self._key.sign(digest, mechanism=Mechanism.ECDSA)))
            if self._type == "rsa-pss":
                mech = {"sha256": (Mechanism.SHA256, MGF.SHA256), "sha384": (Mechanism.SHA384, MGF.SHA384),
                        "sha512": (Mechanism.SHA512, MGF.SHA512)}[hash]
                return bytes(self._key.sign(digest, mechanism=Mechanism.RSA_PKCS_PSS,
                                            mechanism_param=(*mech, HASHES[hash]().digest_size)))
            info = algos.DigestInfo({"digest_algorithm": {"algorithm": hash}, "digest": digest}).dump()
            return bytes(self._key.sign(info, mechanism=Mechanism.RSA_PKCS))
        except PKCS11Error as e:
            raise _say("Kortet kunde inte signera; ingenting sparades.",
                       f"The card could not sign ({type(e).__name__}); nothing was saved.") from None


def _private_key(session: Any, key_id: str) -> Any:
    from pkcs11 import Attribute, ObjectClass

    keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.ID: bytes.fromhex(key_id)}))
    if len(keys) != 1:
        raise _say("Kortets privata nyckel till certifikatet hittades inte.",
                   "The card's private key for this certificate was not found.")
    return keys[0]


def _chain_on_token(where: TokenCert) -> list[x509.Certificate]:
    """CA certificates the card carries that lead up from the signer (cards often carry the issuing CA)."""
    from pkcs11 import Attribute, ObjectClass

    cas: list[x509.Certificate] = []
    for tok in tokens(where.module):
        if tok.slot.slot_id != where.slot:
            continue
        with tok.open() as s:
            for obj in s.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
                try:
                    cas.append(x509.load_der_x509_certificate(bytes(obj[Attribute.VALUE])))
                except ValueError:
                    continue
    chain: list[x509.Certificate] = []
    cur = where.cert
    while len(chain) < 4:
        parent = next((c for c in cas if c.subject == cur.issuer and c != cur), None)
        if parent is None or parent in chain:
            break
        chain.append(parent)
        cur = parent
    return chain


def open_signer(where: TokenCert, pin: PinSource, *, pss: bool = False,
                chain: Sequence[x509.Certificate] | None = None) -> TokenSigner:
    """Log in (asking for the PIN once per process) and return a signer for this certificate."""
    cache_key = (where.module, where.token_serial, where.key_id)
    cached = _signers.get(cache_key)
    if cached is not None and cached.certificate == where.cert:
        return cached
    key_type = scheme_for(where.cert, pss=pss)
    session = login(where.module, where.token_serial, where.token_label, ask_pin(pin))
    signer = TokenSigner(session, _private_key(session, where.key_id), where.cert,
                         _chain_on_token(where) if chain is None else chain, key_type, where)
    _signers[cache_key] = signer
    return signer


def forget_token_sessions() -> None:
    """Log out of every card (the next signature asks for the PIN again)."""
    from pkcs11 import PKCS11Error

    for signer in list(_signers.values()):
        try:
            signer.session.close()
        except PKCS11Error:
            pass  # a card already pulled out has no session left to close
    _signers.clear()
