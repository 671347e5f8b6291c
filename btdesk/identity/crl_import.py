"""Offline revocation lists for external roots (SITHS, a region's CA): import and freshness.

`btdesk trust add-crl FILE` checks the list is signed by a trusted root, merges its revoked
serials (identity.ca.import_revocations does both), and remembers when the list was issued and
when the next one is due, per root, so `trust list` can say how fresh revocation checking is.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from cryptography import x509

from .errors import IdentityError
from .files import identity_dir, read_json, write_json
from .names import common_name


def crl_log_path(home: Path) -> Path:
    return identity_dir(home) / "crls.json"


@dataclass(frozen=True)
class CrlFreshness:
    issuer: str
    this_update: datetime
    next_update: datetime | None
    new_entries: int

    def describe(self, now: datetime | None = None) -> str:
        now = now or datetime.now(timezone.utc)
        age = (now - self.this_update).days
        due = f", nästa väntas {self.next_update:%Y-%m-%d}" if self.next_update else ""
        late = " — FÖRÅLDRAD, spärrkontrollen gäller bara till dess (stale: revocation is known only until then)" \
            if self.next_update and now > self.next_update else ""
        return f"spärrlista från {self.issuer} utfärdad {self.this_update:%Y-%m-%d} ({age} dagar sedan){due}{late}"


def _load(data: bytes) -> x509.CertificateRevocationList:
    try:
        return x509.load_pem_x509_crl(data) if data.lstrip().startswith(b"-----") else x509.load_der_x509_crl(data)
    except ValueError:
        raise IdentityError("Filen är ingen spärrlista (CRL). (The file is not a certificate revocation list.)") from None


def add_crl(home: Path, data: bytes) -> CrlFreshness:
    from .ca import import_revocations

    crl = _load(bytes(data))
    new = import_revocations(home, bytes(data))  # refuses a list no trusted root signed
    issuer = common_name(crl.issuer)
    fresh = CrlFreshness(issuer, crl.last_update_utc, crl.next_update_utc, new)
    log = read_json(crl_log_path(home), {})
    old = log.get(issuer)
    if old is None or old["this_update"] <= fresh.this_update.isoformat():  # keep the newest list's dates
        log[issuer] = {"this_update": fresh.this_update.isoformat(),
                       "next_update": fresh.next_update.isoformat() if fresh.next_update else None}
        write_json(crl_log_path(home), log)
    return fresh


def freshness(home: Path) -> list[CrlFreshness]:
    out = []
    for issuer, e in sorted(read_json(crl_log_path(home), {}).items()):
        nxt = datetime.fromisoformat(e["next_update"]) if e.get("next_update") else None
        out.append(CrlFreshness(issuer, datetime.fromisoformat(e["this_update"]), nxt, 0))
    return out
