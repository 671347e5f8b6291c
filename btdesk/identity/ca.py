"""A BT unit as certificate authority.

Kept simple on purpose: the unit profile's own key is the CA key, and `ca_init` re-issues
its self-signed certificate as a root (CA basic constraints, path length 0). Its
fingerprint (a hash of the key) does not change, so people who already confirmed the
unit keep their confirmation. Issued certificates are listed in home/identity/ca.json, changed only under
home/identity/ca.lock (`register`).

Revocations travel as an X.509 CRL signed by the root. The free-text reason a person
typed ("left the programme") has no standard CRL field, so it rides in a non-critical
private entry extension under a UUID-derived OID (2.25.*), which other tools ignore.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from asn1crypto import core
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from btdesk.errors import BtdeskError
from btdesk.i18n import _

from .cms import CLOCK_SKEW
from .errors import IdentityError
from .files import ca_path, read_json, write_json
from .keystore import PassphraseSource
from .names import ROLES, common_name, fingerprint, fingerprint_of_key, role_of
from .profile import PublicIdentity, key_usage, load_public, now, self_signed_cert, unlock, write_chain
from .standing import ASSESSOR_ROLES, PROFILE_ROLE, ROLE_WORDS, role_policy
from .trust import TrustStore, is_ca

REASON_OID = x509.ObjectIdentifier("2.25.259654178325745525611939514430273026516")
DEFAULT_DAYS = 3 * 365
CRL_DAYS = 365


def _iso(dt: datetime) -> str:
    return dt.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _require_ca(home: Path) -> PublicIdentity:
    ident = load_public(home)
    if not ident.is_ca or ident.status != "self-signed":
        raise IdentityError(_("Den här profilen är ingen certifikatutfärdare (CA); gör BT-enhetens "
                              "CA-inställning först."))
    return ident


def ca_init(home: Path, passphrase: PassphraseSource | None = None) -> PublicIdentity:
    home = Path(home)
    ident, key = unlock(home, passphrase)
    if ident.role != "unit":
        raise IdentityError(_("Bara en BT-enhets profil kan vara certifikatutfärdare (CA)."))
    if ident.status != "self-signed":
        raise IdentityError(_("Enhetens certifikat är utfärdat av någon annan, så det kan inte bli en rot."))
    if not ident.is_ca:
        write_chain(home, [self_signed_cert(key, ident.cert.subject, ca=True)])
        ident = load_public(home)
    TrustStore(home).add_root(ident.cert.public_bytes(serialization.Encoding.PEM))
    return ident


def _issued_role(requested: str | None, role: str | None) -> str:
    """The role the unit states in the certificate: its own word (`role`), else what the request
    asks for. A request from a doctor's profile is never made a handledare: that would make her
    profile and her certificate disagree (she makes a supervisor profile for that)."""
    asked = ROLE_WORDS.get(str(requested or ""), "doctor")
    if role is None:
        return asked
    chosen = ROLE_WORDS.get(str(role).strip().lower())
    if chosen is None or chosen == "unit":
        raise IdentityError(_("Rollen ska vara handledare eller doctor, inte ”{role}”.").format(role=role))
    if chosen in ASSESSOR_ROLES and asked not in ASSESSOR_ROLES:
        raise IdentityError(_("Begäran kommer från en läkares profil och kan därför inte certifieras som handledare; "
                              "handledaren gör sin begäran från en handledarprofil."))
    return chosen


def ca_issue(home: Path, csr_pem: bytes, passphrase: PassphraseSource | None = None, days: int = DEFAULT_DAYS,
             role: str | None = None) -> bytes:
    """Issue a certificate for a CSR; returns the certificate followed by the root, in PEM.

    The certificate states the holder's role as the unit decides it (`role`: handledare or
    doctor; default: what the request asks), in a certificate policy (btdesk.identity.standing):
    that, not the requester's own word, decides whose assessments count."""
    home = Path(home)
    root = _require_ca(home)
    _root_cert, key = unlock(home, passphrase)
    try:
        csr = x509.load_pem_x509_csr(bytes(csr_pem))
        ok = csr.is_signature_valid
    except ValueError:
        raise IdentityError(_("Filen är ingen certifikatbegäran (CSR) i PEM-form.")) from None
    if not ok:
        raise IdentityError(_("Certifikatbegäran är skadad: dess underskrift stämmer inte."))
    pub = csr.public_key()
    if not (isinstance(pub, ec.EllipticCurvePublicKey) and pub.curve.name == "secp256r1"):
        raise IdentityError(_("Certifikatbegäran gäller ingen ECDSA P-256-nyckel, vilket btdesk kräver."))
    name, asked = csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME), role_of(csr.subject)
    if not name or asked not in ROLES:
        raise IdentityError(_("Certifikatbegäran saknar namn eller btdesk-roll."))
    if fingerprint(root.cert) == fingerprint_of_key(pub):
        raise IdentityError(_("Enheten kan inte utfärda ett certifikat för sin egen nyckel."))
    stated = _issued_role(asked, role)
    start = now() - CLOCK_SKEW
    end = min(start + timedelta(days=int(days)), root.not_after)  # never outlive the root
    cert = (
        x509.CertificateBuilder()
        .subject_name(csr.subject)
        .issuer_name(root.cert.subject)
        .public_key(pub)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(key_usage(ca=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(pub), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()), critical=False)
        .add_extension(role_policy(stated), critical=False)
        .sign(key, hashes.SHA256())
    )
    with register(home) as state:
        state["issued"][str(cert.serial_number)] = {
            "name": common_name(cert.subject), "role": PROFILE_ROLE[stated], "fingerprint": fingerprint(cert),
            "issued": _iso(now()), "not_after": _iso(cert.not_valid_after_utc),
        }
    return cert.public_bytes(serialization.Encoding.PEM) + root.cert.public_bytes(serialization.Encoding.PEM)


@contextmanager
def register(home: Path) -> Iterator[dict[str, Any]]:
    """The register of issued certificates, read and rewritten under a lock that other processes
    wait for, so two people issuing at once both keep their entry (an entry lost would make that
    certificate impossible to revoke). Written only when the block succeeds, whole (atomic)."""
    from btdesk.store.lock import waiting_lock

    path = ca_path(home)
    with waiting_lock(path.with_name("ca.lock")):
        state = read_json(path, {"issued": {}, "crl_number": 0})
        before = json.dumps(state, sort_keys=True)
        yield state
        if json.dumps(state, sort_keys=True) != before:
            write_json(path, state)


def _serial(serial: object) -> str:
    text = str(serial).strip().lower()
    try:  # people copy serials from openssl (hex, "0x…") or from `ca_list` (decimal)
        return str(int(text, 16) if text.startswith("0x") else int(text))
    except (TypeError, ValueError):
        raise IdentityError(_("”{serial}” är inget serienummer för ett certifikat.").format(serial=serial)) from None


def _issued_serial(issued: dict[str, Any], serial: object) -> str:
    """The issued serial meant: in full (decimal or 0x-hex), or the short hex form the tables
    show (btdesk.short_ids) when it fits one certificate only."""
    from btdesk.short_ids import unique_prefix

    try:
        key: str | None = _serial(serial)
    except IdentityError:
        key = None
    if key is not None and key in issued:
        return key
    try:
        hexes = {format(int(k), "x"): k for k in issued}
        found = unique_prefix(str(serial), hexes, _("serienummer"))
    except BtdeskError as e:
        raise IdentityError(str(e)) from None
    if found is None:
        raise IdentityError(_("Enheten har inte utfärdat något certifikat med serienummer {serial}.").format(
                                serial=str(serial).strip()))
    return hexes[found]


def ca_revoke(home: Path, serial: object, reason: str) -> dict[str, Any]:
    home = Path(home)
    root = _require_ca(home)
    reason = " ".join(str(reason).split())
    if not reason:
        raise IdentityError(_("Ange ett skäl för spärren; det visas för alla som kontrollerar certifikatet."))
    with register(home) as state:
        key = _issued_serial(state["issued"], serial)
        entry = state["issued"][key]
        if "revoked" not in entry:
            entry["revoked"] = {"date": _iso(now()), "reason": reason}
    # The unit's own verifications must honour the revocation immediately.
    TrustStore(home).add_revocations(root.fingerprint, {int(key): {**entry["revoked"], "name": entry["name"]}})
    return {"serial": int(key), **entry}


def ca_list(home: Path) -> list[dict[str, Any]]:
    _require_ca(home)
    state = read_json(ca_path(Path(home)), {"issued": {}})
    out, t = [], _iso(now())
    for serial, e in state["issued"].items():
        status = "revoked" if "revoked" in e else ("expired" if e["not_after"] < t else "valid")
        out.append({"serial": int(serial), "status": status, "reason": e.get("revoked", {}).get("reason"), **e})
    return sorted(out, key=lambda e: e["issued"])


def ca_revocations(home: Path, passphrase: PassphraseSource | None = None) -> bytes:
    """A CRL (DER) of everything this unit revoked, signed by its root, to travel in bundles."""
    home = Path(home)
    root = _require_ca(home)
    _, key = unlock(home, passphrase)
    with register(home) as state:
        state["crl_number"] = int(state.get("crl_number", 0)) + 1
        t = now()
        b = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(root.cert.subject)
            .last_update(t - CLOCK_SKEW)
            .next_update(t + timedelta(days=CRL_DAYS))
            .add_extension(x509.CRLNumber(state["crl_number"]), critical=False)
        )
        for serial, e in state["issued"].items():
            if "revoked" in e:
                when = datetime.fromisoformat(e["revoked"]["date"].replace("Z", "+00:00"))
                text = core.UTF8String(e["revoked"]["reason"]).dump()
                b = b.add_revoked_certificate(
                    x509.RevokedCertificateBuilder().serial_number(int(serial)).revocation_date(when)
                    .add_extension(x509.UnrecognizedExtension(REASON_OID, text), critical=False).build()
                )
        crl = b.sign(key, hashes.SHA256())
    return crl.public_bytes(serialization.Encoding.DER)


revocations = ca_revocations


def import_revocations(home: Path, crl_bytes: bytes) -> int:
    """Merge a unit's CRL into our trust store if a trusted root signed it; returns how many are new."""
    trust = TrustStore(Path(home))
    signer, found = read_revocations(trust, crl_bytes)
    return trust.add_revocations(signer, found)


def read_revocations(trust: TrustStore, crl_bytes: bytes) -> tuple[str, dict[int, dict[str, str]]]:
    """(the issuing root's fingerprint, {serial: {date, reason}}) of a CRL one of `trust`'s roots
    signed; nothing is written (a bundle's CRL is applied before its records are checked)."""
    try:
        data = bytes(crl_bytes)
        crl = (x509.load_pem_x509_crl(data) if data.lstrip().startswith(b"-----")
               else x509.load_der_x509_crl(data))
        entries = list(crl)
    except ValueError:
        raise IdentityError(_("Filen är ingen spärrlista (CRL).")) from None
    signer = next(
        (fp for fp, root in trust.roots_for(crl.issuer) if _signed_by(crl, root)), None
    )
    if signer is None:
        raise IdentityError(
            _("Spärrlistan från {issuer} är inte signerad av någon av dina betrodda certifikatutfärdare.").format(
                issuer=common_name(crl.issuer))
        )
    found = {}
    for e in entries:
        reason = "no reason given"
        for ext in e.extensions:
            if ext.oid == REASON_OID:
                try:
                    reason = str(core.UTF8String.load(ext.value.value).native)
                except (ValueError, TypeError):  # a garbled private extension must not hide the revocation
                    pass
            elif isinstance(ext.value, x509.CRLReason):
                reason = ext.value.reason.value.replace("_", " ") if reason == "no reason given" else reason
        found[e.serial_number] = {"date": _iso(e.revocation_date_utc), "reason": reason}
    return signer, found


def _signed_by(crl: x509.CertificateRevocationList, root: x509.Certificate) -> bool:
    try:
        key = root.public_key()
    except UnsupportedAlgorithm:
        return False
    if not is_ca(root) or not isinstance(key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey):
        return False  # only a CA's EC or RSA key signs our lists
    return crl.is_signature_valid(key)
