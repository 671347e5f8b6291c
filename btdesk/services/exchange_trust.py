"""Trust verdicts of received records, for the window and the PDFs, and confirming a person.

A verdict is fixed when a record version is imported ("signature verified (certificate
issued by Region Stockholm BT-enheten)"); confirming a self-signed person later upgrades
every verdict of theirs to "confirmed by <you>", and the trust store keeps that decision.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, Protocol

from sqlalchemy import CursorResult, Engine, select, update
from sqlalchemy.orm import Session

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.services.portfolio import Portfolio
from btdesk.signer_standing import ASSESSOR
from btdesk.store.bulk import insert_tuples, rows_where
from btdesk.store.exchange_models import Peer, RecordTrust
from btdesk.store.models import table_of
from btdesk.timeutil import now_iso

if TYPE_CHECKING:  # cryptography loads only when a signature is checked
    from btdesk.identity.cms import Verification


@dataclass(frozen=True)
class TrustInfo:
    status: str  # verified | confirmed | unconfirmed
    signer_name: str
    fingerprint: str
    issuer: str | None
    confirmed_by: str | None
    own_signature: bool
    standing: str | None = None  # "assessor", or why not (btdesk.identity.standing)

    def describe(self, lang: str = "en") -> str:
        from btdesk.identity.trust_text import describe_trust

        return describe_trust(self, lang)


class Stored(Protocol):
    """A portfolio, or the unit's view of one doctor: where the verdicts are kept, if anywhere."""

    @property
    def engine(self) -> Engine | None: ...


def record_trust(p: Stored, hashes: list[str]) -> dict[str, TrustInfo]:
    """Verdicts of received versions by hash; local versions have none, nor has a view with no database."""
    out: dict[str, TrustInfo] = {}
    if p.engine is None:
        return out
    with Session(p.engine) as s:
        for i in range(0, len(hashes), 500):
            for r in s.scalars(select(RecordTrust).where(RecordTrust.hash.in_(hashes[i:i + 500]))):
                out[r.hash] = TrustInfo(r.status, r.signer_name, r.fingerprint, r.issuer, r.confirmed_by,
                                        bool(r.own_signature), r.standing)
    return out


_RANK = {"unconfirmed": 1, "confirmed": 2, "verified": 3}


def _weight(status: str, standing: str | None) -> tuple[int, bool]:
    """How much a verdict says: its status, then whether it lets the signer assess."""
    return _RANK.get(status, 0), standing == ASSESSOR


def keep_verdict(s: Session, h: str, v: Verification, own: bool,
                 rows: dict[str, RecordTrust] | None = None) -> None:
    """Keep how far the version `h` is trusted: never downgraded, and a verdict on the record's
    own signature is never replaced by one on a bundle's. `rows`: verdicts already loaded by
    hash, so a bundle costs one query, not one per record."""
    row = rows.get(h) if rows is not None else s.get(RecordTrust, h)
    if row is not None and (row.own_signature and not own
                            or _weight(row.status, row.standing) >= _weight(v.status, v.standing)):
        return
    if row is None:
        row = RecordTrust(hash=h)
        s.add(row)
        if rows is not None:
            rows[h] = row
    row.status, row.signer_name, row.fingerprint = v.status, v.signer_name, v.fingerprint
    row.issuer, row.confirmed_by, row.own_signature, row.checked = v.issuer, v.confirmed_by, own, now_iso()
    row.standing = v.standing


class _Verdict(NamedTuple):
    """A record_trust row as inserted, its fields named as the columns."""
    hash: str
    status: str
    signer_name: str
    fingerprint: str
    issuer: str | None
    confirmed_by: str | None
    own_signature: bool
    checked: str
    standing: str | None


def keep_verdicts(s: Session, items: list[tuple[str, Verification, bool]]) -> None:
    """keep_verdict for many versions (a bundle's): one query for the verdicts held, and the
    new ones inserted in one statement rather than as mapped objects (~0.3 ms each)."""
    hashes = sorted({h for h, _, _ in items})
    held: dict[str, RecordTrust] = {}
    # which are held, through the driver; only those are loaded as mapped objects, to be compared
    found = [h for h, in rows_where(s, "SELECT hash FROM record_trust WHERE hash IN ({within})", within=hashes)]
    for i in range(0, len(found), 500):
        for r in s.scalars(select(RecordTrust).where(RecordTrust.hash.in_(found[i:i + 500]))):
            held[r.hash] = r
    fresh: dict[str, _Verdict] = {}
    t = now_iso()
    for h, v, own in items:
        row = held.get(h)
        if row is not None:
            keep_verdict(s, h, v, own, held)
            continue
        old = fresh.get(h)
        if old is not None and (old.own_signature and not own
                                or _weight(old.status, old.standing) >= _weight(v.status, v.standing)):
            continue
        fresh[h] = _Verdict(h, v.status, v.signer_name, v.fingerprint, v.issuer, v.confirmed_by, own, t, v.standing)
    insert_tuples(s, table_of(RecordTrust), _Verdict._fields, list(fresh.values()))


def remember_peer(s: Session, v: Verification, me: str) -> None:
    """Know the signer as a peer (so `btdesk trust confirm` and export find them)."""
    remember_peers(s, [v], me)


def remember_peers(s: Session, verifications: list[Verification], me: str) -> None:
    """remember_peer for all of a bundle's signers with one query (a look-up per signed record
    flushed the session each time); the last verification of each signer wins."""
    last = {v.fingerprint: v for v in verifications if v.fingerprint != me}
    if not last:
        return
    # one statement through the driver: a new signer is inserted, a known one updated (first_seen kept)
    t = now_iso()
    insert_tuples(s, table_of(Peer), ("fingerprint", "name", "role", "cert_pem", "trust", "first_seen", "last_seen"),
                  [(fp, v.signer_name, v.role, v.cert_pem, v.status, t, t) for fp, v in sorted(last.items())],
                  upsert=("fingerprint", ("name", "role", "cert_pem", "trust", "last_seen")))


def remember_verdict(s: Session, record_hash: str, v: Verification, me: str) -> None:
    """Keep the verdict of a version that arrived on its own (a signed .btresponse or final
    judgement) exactly as a bundle import keeps one. Call inside the import's transaction."""
    if v.fingerprint == me:
        return  # our own signature needs no verdict: record_trust is about others
    keep_verdict(s, record_hash, v, True)
    remember_peer(s, v, me)


def peers(p: Portfolio) -> list[Peer]:
    with Session(p.engine, expire_on_commit=False) as s:
        return list(s.scalars(select(Peer).order_by(Peer.name)))


def confirm(p: Portfolio, fingerprint: str, *, assessor: bool = False) -> tuple[str, str, int]:
    """Confirm a person's fingerprint: returns (fingerprint, name, verdicts upgraded). `assessor`:
    also as someone whose assessments of others count (btdesk.identity.standing), from now on and
    for every verdict of theirs already kept."""
    from btdesk.identity import TrustStore, normalize_fingerprint

    fp = normalize_fingerprint(fingerprint, allow_prefix=True)
    with Session(p.engine) as s:
        matches = list(s.scalars(select(Peer).where(Peer.fingerprint.startswith(fp))))
    if len(matches) > 1:
        raise BtdeskError(_("Fingeravtryckets början passar mer än en person; ange alla 64 siffror."))
    full = matches[0].fingerprint if matches else fp
    if len(full) != 64:
        raise BtdeskError(_("Ingen med det fingeravtrycket har skickat något än; ange alla 64 siffror för "
                            "att bekräfta hen i förväg."))
    name = matches[0].name if matches else None
    TrustStore(p.home).confirm(full, confirmed_by=p.profile.name, name=name, assessor=assessor)
    with p.transaction() as s:
        done = s.execute(update(RecordTrust).where(RecordTrust.fingerprint == full, RecordTrust.status == "unconfirmed")
                         .values(status="confirmed", confirmed_by=p.profile.name, standing="confirmed"))
        n = done.rowcount if isinstance(done, CursorResult) else 0
        if assessor:
            s.execute(update(RecordTrust).where(RecordTrust.fingerprint == full).values(standing=ASSESSOR))
        s.execute(update(Peer).where(Peer.fingerprint == full, Peer.trust == "unconfirmed").values(trust="confirmed"))
    return full, name or full[:16], n
