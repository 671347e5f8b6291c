"""Offline revocation lists for external roots (SITHS, a region's CA): import and freshness.

`btdesk trust add-crl FILE` checks the list is signed by a trusted root, merges its revoked
serials (identity.ca.import_revocations does both), and remembers when the list was issued and
when the next one is due, per root, so `trust list` can say how fresh revocation checking is.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from btdesk.i18n import _

from .errors import IdentityError
from .files import identity_dir, read_json, write_json
from .names import common_name

_cache: dict[str, tuple[float, dict[str, Any]]] = {}


def crl_log_path(home: Path) -> Path:
    return identity_dir(home) / "crls.json"


@dataclass(frozen=True)
class CrlFreshness:
    issuer: str
    this_update: datetime
    next_update: datetime | None
    new_entries: int

    def describe(self, now: datetime | None = None) -> str:
        now = now or datetime.now(UTC)
        age = (now - self.this_update).days
        due = f", nästa väntas {self.next_update:%Y-%m-%d}" if self.next_update else ""
        late = " — FÖRÅLDRAD, spärrkontrollen gäller bara till dess (stale: revocation is known only until then)" \
            if self.next_update and now > self.next_update else ""
        return f"spärrlista från {self.issuer} utfärdad {self.this_update:%Y-%m-%d} ({age} dagar sedan){due}{late}"


def _load(data: bytes) -> x509.CertificateRevocationList:
    try:
        return x509.load_pem_x509_crl(data) if data.lstrip().startswith(b"-----") else x509.load_der_x509_crl(data)
    except ValueError:
        raise IdentityError(_("Filen är ingen spärrlista (CRL).")) from None


def _root_of(home: Path, crl: x509.CertificateRevocationList) -> tuple[str, str]:
    """(fingerprint, name) of the trusted root that signed the list (import_revocations checked one did)."""
    from cryptography.exceptions import InvalidSignature

    from .trust import TrustStore

    for fp, root in TrustStore(home).roots_for(crl.issuer):
        key = root.public_key()
        if not isinstance(key, (ec.EllipticCurvePublicKey, rsa.RSAPublicKey)):
            continue  # the roots btdesk verifies under are EC or RSA
        try:
            if crl.is_signature_valid(key):
                return fp, common_name(root.subject)
        except (InvalidSignature, TypeError, ValueError):
            continue
    raise IdentityError(_("Spärrlistan från {issuer} är inte signerad av någon av dina betrodda "
                          "certifikatutfärdare.").format(issuer=common_name(crl.issuer)))


def add_crl(home: Path, data: bytes) -> CrlFreshness:
    from .ca import import_revocations

    crl = _load(bytes(data))
    new = import_revocations(home, bytes(data))  # refuses a list no trusted root signed
    root_fp, issuer = _root_of(home, crl)
    fresh = CrlFreshness(issuer, crl.last_update_utc, crl.next_update_utc, new)
    log = read_json(crl_log_path(home), {})
    old = log.get(root_fp)
    if old is None or old["this_update"] <= fresh.this_update.isoformat():  # keep the newest list's dates
        log[root_fp] = {"name": issuer, "this_update": fresh.this_update.isoformat(),
                        "next_update": fresh.next_update.isoformat() if fresh.next_update else None}
        write_json(crl_log_path(home), log)
    return fresh


def _log(home: Path) -> dict[str, Any]:
    path = crl_log_path(home)
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return {}
    hit = _cache.get(str(path))
    if hit is None or hit[0] != mtime:
        hit = (mtime, read_json(path, {}))
        _cache[str(path)] = hit
    return hit[1]


def _entry(e: dict[str, Any]) -> CrlFreshness:
    nxt = datetime.fromisoformat(e["next_update"]) if e.get("next_update") else None
    return CrlFreshness(e["name"], datetime.fromisoformat(e["this_update"]), nxt, 0)


def freshness(home: Path) -> list[CrlFreshness]:
    return sorted((_entry(e) for e in _log(home).values()), key=lambda f: f.issuer)


def uncovered(home: Path, root_fp: str, at: datetime) -> str | None:
    """Why revocation cannot be known at `at` under this root, or None when the CRLs held cover it.

    Only roots with an imported CRL are judged: past the newest list's next update, nobody here
    knows whether the certificate was revoked, so the signature must not be called verified.
    """
    e = _log(home).get(root_fp)
    if e is None:
        return None
    f = _entry(e)
    if f.next_update is None or at <= f.next_update:
        return None
    return (f"Den senaste spärrlistan från {f.issuer} gällde till {f.next_update:%Y-%m-%d}, före underskriften; "
            f"importera en nyare med 'btdesk trust add-crl'. (The newest revocation list from {f.issuer} "
            f"was valid until {f.next_update:%Y-%m-%d}, before this signature; import a newer one.)")
