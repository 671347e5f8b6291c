"""Detached CMS signatures: making them (cryptography) and checking them (by hand).

Signing uses cryptography's PKCS#7 builder: DER, detached, binary (no MIME newline
rewriting), SHA-256, signed attributes (content type, signing time, message digest), with
the signer's certificate and chain. `openssl cms -verify -binary` accepts the result.

Verification is done here with asn1crypto + cryptography rather than pyHanko: a bundle
carries hundreds of signed records and pyHanko's validator costs ~0.5 s to import and
runs an event loop per call. Certificates repeat across records, so parsing them and
checking who issued whom is cached by DER bytes.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from asn1crypto import cms as acms
from asn1crypto import x509 as x509_asn1
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from btdesk.safetext import safe_text

from .cms_sign import build_detached
from .crl_import import uncovered as crl_gap
from .errors import SignatureError
from .names import common_name, fingerprint, is_self_signed, role_of
from .signer import FileKeySigner, KeySigner, algorithm_fits, verify_raw
from .trust import TrustStore, is_ca

if TYPE_CHECKING:
    from .profile import PublicIdentity
from btdesk.i18n import _

from .standing import standing
from .trust_policy import check as policy_check
from .trust_policy import rule as policy_rule

_HASHES = {"sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}
_MAX_CHAIN = 4
# How far clocks may disagree: certificates start this much before they are issued, and a
# signing time the signer states is believed only within this much of a certificate's
# validity (and of now). The one allowance for time in btdesk.
CLOCK_SKEW = timedelta(minutes=10)


@dataclass(frozen=True)
class Verification:
    status: str  # "verified" | "confirmed" | "unconfirmed"
    signer_name: str
    fingerprint: str
    issuer: str | None  # common name of the issuing authority; None when self-signed
    cert_pem: str
    role: str | None = None
    confirmed_by: str | None = None
    signing_time: datetime | None = None
    serial: int = 0
    standing: str = "unconfirmed"  # "assessor", or why the signer may not vouch for others (standing.py)

    def describe(self, lang: str = "en") -> str:
        from .trust_text import describe_trust

        return describe_trust(self, lang, with_signer=True)


class Signer:
    """Signs detached CMS with a key and its certificate chain; `.sign(data)` → detached CMS DER.

    `key` is a `KeySigner` (a smart card, see token.py) or an unlocked private key held in memory.
    """

    def __init__(self, key: object, cert: x509.Certificate | None = None,
                 chain: Sequence[x509.Certificate] = (), identity: PublicIdentity | None = None) -> None:
        if isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
            assert cert is not None, "a private key needs its certificate"
            key = FileKeySigner(key, cert, chain)
        self.key_signer = cast(KeySigner, key)
        self.cert, self.chain, self.identity = self.key_signer.certificate, list(self.key_signer.chain), identity

    def sign(self, data: bytes) -> bytes:
        return build_detached(bytes(data), self.key_signer)


# -- parsing -----------------------------------------------------------------------
def _malformed(why: str) -> SignatureError:
    return SignatureError(_("Underskriften är felformad ({why}) och kan inte kontrolleras.").format(why=why))


def _der_set(contents: bytes) -> bytes:
    """DER of SET OF with these contents: signed attributes are signed as a SET (RFC 5652 §5.4)."""
    n = len(contents)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return b"\x31" + length + contents


class _Parsed(NamedTuple):
    digest: str  # the hash algorithm's name
    message_digest: Any  # bytes when well-formed; checked by the caller
    signed_attrs: bytes  # DER of the signed attributes as a SET, what the signature covers
    signature: bytes
    signing_time: datetime | None
    leaf_der: bytes
    cert_ders: list[bytes]
    signature_algorithm: Any  # asn1crypto's SignedDigestAlgorithm (untyped)


def _parse(cms_der: bytes) -> _Parsed:
    ci = acms.ContentInfo.load(cms_der, strict=True)
    if ci["content_type"].native != "signed_data":
        raise _malformed(_("ingen signed-data-struktur"))
    sd = ci["content"]
    eci = sd["encap_content_info"]
    if eci["content_type"].native != "data" or eci["content"].native is not None:
        raise _malformed(_("ingen fristående underskrift"))
    infos = sd["signer_infos"]
    if len(infos) != 1:
        raise _malformed(_("exakt en signerare väntas"))
    si = infos[0]
    digest = si["digest_algorithm"]["algorithm"].native
    if digest not in _HASHES or not algorithm_fits(si["signature_algorithm"], digest):
        raise _malformed(_("en algoritm som inte stöds"))
    # Check the parts we would otherwise skip, so damage anywhere is noticed, not ignored.
    algs = [*sd["digest_algorithms"], si["digest_algorithm"]]  # the signature's own: algorithm_fits
    if digest not in [a["algorithm"].native for a in sd["digest_algorithms"]] or any(
            a["parameters"].dump() not in (b"", b"\x05\x00") for a in algs):
        raise _malformed(_("motsägelsefulla algoritmer"))
    version = "v3" if si["sid"].name == "subject_key_identifier" else "v1"
    if sd["version"].native != version or si["version"].native != version:
        raise _malformed(_("en oväntad version"))
    attrs = si["signed_attrs"]
    if not isinstance(attrs, acms.CMSAttributes) or len(attrs) == 0:
        raise _malformed(_("inga signerade attribut"))
    found = {}
    for attr in attrs:
        kind = attr["type"].native
        if kind in found or len(attr["values"]) != 1:
            raise _malformed(_("ett upprepat attribut"))
        found[kind] = attr["values"][0]
    if "message_digest" not in found or found.get("content_type") is None or found["content_type"].native != "data":
        raise _malformed(_("kontrollsumman eller innehållstypen saknas"))
    signing_time = found["signing_time"].native if "signing_time" in found else None
    sid = si["sid"]
    if sid.name == "issuer_and_serial_number":
        want: tuple[Any, ...] = ("ias", sid.chosen["issuer"].dump(), sid.chosen["serial_number"].native)
    else:
        want = ("ski", sid.chosen.native)
    certs = [c.chosen.dump() for c in (sd["certificates"] or []) if c.name == "certificate"]
    leaf = next((der for der in certs if want in _ids(der)), None)
    if leaf is None:
        raise _malformed(_("signerarens certifikat finns inte med"))
    for der in certs:
        _cert(der)  # every carried certificate must parse
    return _Parsed(digest, found["message_digest"].native, _der_set(attrs.contents),
                   si["signature"].native, signing_time, leaf, certs, si["signature_algorithm"])


@lru_cache(maxsize=512)
def _ids(der: bytes) -> tuple[tuple[Any, ...], ...]:
    """How a SignerIdentifier can name this certificate (parsed once per certificate)."""
    c = x509_asn1.Certificate.load(der)
    return (("ias", c["tbs_certificate"]["issuer"].dump(), c.serial_number), ("ski", c.key_identifier))


# -- certificates (cached: the same few certificates sign hundreds of records) --------
@dataclass(frozen=True)
class _Cert:
    cert: x509.Certificate
    fp: str
    self_signed: bool
    ca: bool
    name: str
    # one string for all its verifications: a bundle's many signatures by one supervisor then
    # pickle as one (a read-ahead worker sends them back)
    pem: str


@lru_cache(maxsize=512)
def _cert(der: bytes) -> _Cert:
    cert = x509.load_der_x509_certificate(der)
    # a certificate's name is shown to people: never let it carry terminal or layout commands
    return _Cert(cert, fingerprint(cert), is_self_signed(cert), is_ca(cert), safe_text(common_name(cert.subject)),
                 cert.public_bytes(serialization.Encoding.PEM).decode("ascii"))


@lru_cache(maxsize=2048)
def _issued_by(child_der: bytes, parent_der: bytes) -> bool:
    child, parent = _cert(child_der), _cert(parent_der)
    if not parent.ca or child.cert.issuer != parent.cert.subject:
        return False  # only a CA may vouch for another key
    try:
        child.cert.verify_directly_issued_by(parent.cert)
        return True
    except (InvalidSignature, UnsupportedAlgorithm, ValueError, TypeError):  # all mean "not this issuer"
        return False


def _check_time(c: _Cert, t: datetime, who: str, now: bool = False) -> None:
    """Valid at `t`, give or take CLOCK_SKEW (another laptop's clock may be a little off).
    `now`: `t` is the present, judged strictly and in openssl's own words."""
    skew = timedelta(0) if now else CLOCK_SKEW
    if t > c.cert.not_valid_after_utc + skew:
        raise SignatureError(
            f"The certificate of {who} has expired (on {c.cert.not_valid_after_utc:%Y-%m-%d %H:%M} UTC): "
            "certificate has expired." if now else
            f"The certificate of {who} expired on {c.cert.not_valid_after_utc:%Y-%m-%d}, "
            "before the time of this signature."
        )
    if t < c.cert.not_valid_before_utc - skew:
        raise SignatureError(
            f"The certificate of {who} is not valid until {c.cert.not_valid_before_utc:%Y-%m-%d %H:%M} UTC: "
            "certificate is not yet valid." if now else
            f"The certificate of {who} was not yet valid at the time of this signature "
            f"(from {c.cert.not_valid_before_utc:%Y-%m-%d})."
        )


def _check_revoked(child: _Cert, parent: _Cert, trust: TrustStore, who: str) -> None:
    entry = trust.revocation(parent.fp, child.cert.serial_number)
    if entry:
        raise SignatureError(
            _("Certifikatet för {who} spärrades av {name} den {date}: {reason}.").format(
                who=who, name=parent.name, date=entry['date'][:10], reason=entry['reason'])
        )


# -- verification ------------------------------------------------------------------
def _signed_by(data: bytes, cms_der: bytes) -> tuple[_Parsed, _Cert]:
    """The parsed signature and its signer's certificate, once the signature is shown to cover `data`."""
    try:
        parsed = _parse(bytes(cms_der))
        leaf = _cert(parsed.leaf_der)
    except SignatureError:
        raise
    except Exception:  # noqa: BLE001 - the hostile-input boundary: asn1crypto and cryptography raise many kinds
        raise _malformed(_("den är ingen giltig CMS")) from None
    key = leaf.cert.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey):
        raise _malformed(_("nyckeln är varken en elliptisk-kurva- eller en RSA-nyckel"))
    md = parsed.message_digest
    if not isinstance(md, bytes) or hashlib.new(parsed.digest, data).digest() != md:
        raise SignatureError(_("Underskriften stämmer inte med det signerade innehållet."))
    try:
        verify_raw(key, parsed.signature_algorithm, parsed.digest, parsed.signature, parsed.signed_attrs)
    except (InvalidSignature, ValueError, TypeError):
        raise SignatureError(_("Underskriften stämmer inte med det signerade innehållet.")) from None
    return parsed, leaf


def _chain(leaf: _Cert, leaf_der: bytes, cert_ders: list[bytes], trust: TrustStore,
           t: datetime, now: bool = False) -> tuple[str | None, _Cert | None]:
    """Walk from `leaf` up the carried chain, checking revocation and validity at each link:
    (the trusted root's fingerprint, None) when a trusted root issued it; (None, the root) when
    the chain ends at a self-signed authority nobody here trusts; (None, None) when it is broken
    (an issuer missing from the signature, or one whose signature does not match)."""
    who = leaf.name
    cur_der, cur = leaf_der, leaf
    for _hop in range(_MAX_CHAIN):
        for root_fp, root_cert in trust.roots_for(cur.cert.issuer):
            root_der = root_cert.public_bytes(serialization.Encoding.DER)
            if _issued_by(cur_der, root_der):
                root = _cert(root_der)
                _check_revoked(cur, root, trust, who)
                _check_time(root, t, root.name, now)
                return root_fp, None
        parent_der = next((d for d in cert_ders if d != cur_der and _issued_by(cur_der, d)), None)
        if parent_der is None:
            return None, None
        parent = _cert(parent_der)
        _check_revoked(cur, parent, trust, who)
        _check_time(parent, t, parent.name, now)
        if parent.self_signed:
            return None, parent  # a root we do not trust
        cur_der, cur = parent_der, parent
    return None, None


def _foreign_root(leaf: _Cert, root: _Cert | None, trust: TrustStore) -> None:
    """Refuse what only looks like a chain: an issuer that cannot be checked, or an authority
    nobody here trusts that takes the name of one that is trusted (it would read as trusted)."""
    who, issuer = leaf.name, safe_text(common_name(leaf.cert.issuer))
    if root is None:
        raise SignatureError(_("Certifikatet för {who} anger {issuer} som utfärdare, men underskriften "
                               "visar inte att det är så.").format(who=who, issuer=issuer))
    if any(safe_text(common_name(r.subject)) == root.name for r in trust.roots()):
        raise SignatureError(_("Certifikatet för {who} kommer från en annan utfärdare som kallar sig "
                               "{name}, namnet på en som du litar på.").format(who=who, name=root.name))


def verify_detached(data: bytes, cms_der: bytes, trust: TrustStore, at: datetime | None = None, *,
                    kind: str | None = None, valid_now: bool = False) -> Verification:
    """Check a detached CMS signature over `data` and decide how far to trust the signer.

    The certificate must be valid at `at`, else at the signing time the signature states,
    else now: an assessment signed while a certificate was valid stays valid after it
    expires. The signer states that time, so it is believed only within CLOCK_SKEW of the
    certificates' validity and never beyond now + CLOCK_SKEW. `valid_now`: the chain must be
    valid now, strictly, as `openssl cms -verify` demands (the BT unit reads bundles so).
    Revocation applies regardless of time. `kind` (a record kind, or "bundle") is checked
    against the trust policy of the root.
    """
    parsed, leaf = _signed_by(data, cms_der)
    signing_time = parsed.signing_time
    who = leaf.name
    now = datetime.now(UTC)
    if signing_time is not None and signing_time.tzinfo is None:
        signing_time = signing_time.replace(tzinfo=UTC)
    if signing_time is not None and signing_time > now + CLOCK_SKEW:
        raise SignatureError(_("Underskriften av {who} uppges vara gjord i framtiden "
                               "({signing_time:%Y-%m-%d %H:%M} UTC).").format(who=who, signing_time=signing_time))
    t = now if valid_now else (at or signing_time or now)
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    _check_time(leaf, t, who, valid_now)

    confirmation = trust.confirmation(leaf.fp)

    def verdict(status: str, issuer: str | None, confirmed_by: str | None = None, *, own_root: bool = False,
                root_fp: str | None = None) -> Verification:
        restricted = root_fp is not None and policy_rule(trust.home, root_fp) is not None
        return Verification(status=status, signer_name=who, fingerprint=leaf.fp, issuer=issuer, cert_pem=leaf.pem,
                            role=role_of(leaf.cert.subject), confirmed_by=confirmed_by, signing_time=signing_time,
                            serial=leaf.cert.serial_number,
                            standing=standing(status, leaf.cert, own_root=own_root, policy_root=restricted,
                                              confirmation=confirmation))

    if leaf.self_signed:
        if trust.is_root(leaf.fp) and leaf.ca:  # a BT unit signing with its own root
            policy_check(trust.home, leaf.fp, kind, who)
            return verdict("verified", who, own_root=True)
        if confirmation:
            return verdict("confirmed", None, confirmation["confirmed_by"])
        return verdict("unconfirmed", None)

    root_fp, foreign = _chain(leaf, parsed.leaf_der, parsed.cert_ders, trust, t, valid_now)
    issuer = safe_text(common_name(leaf.cert.issuer))
    if root_fp is not None:
        policy_check(trust.home, root_fp, kind, who)  # what this root may vouch for
        gap = crl_gap(trust.home, root_fp, t)  # never verified beyond what the CRLs held cover
        if gap is None:
            return verdict("verified", issuer, root_fp=root_fp)
        if not confirmation:
            raise SignatureError(gap)
    if confirmation:  # the user vouched for this very key, whoever issued its certificate
        return verdict("confirmed", issuer, confirmation["confirmed_by"])
    _foreign_root(leaf, foreign, trust)
    # a valid chain to an authority nobody here trusts (another region's unit, a SITHS root not
    # yet added): like a self-signed key, shown and marked, counting once its fingerprint is confirmed
    return verdict("unconfirmed", issuer)
