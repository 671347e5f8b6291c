"""Export: what changed since the last bundle to a recipient, as one signed .btbundle.

Every version since the recipient's watermark travels (not only heads), so the receiver
can rebuild the same history whatever order bundles arrive in — as far as the recipient
needs it (btdesk.services.recipients: privacy by recipient, personnummer held back).
Records others signed travel with their own signatures; others' unsigned records cannot
(the reader only accepts unsigned lines from the bundle's sender), so they are left out
and counted.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.safetext import safe_text
from btdesk.services.portfolio import Portfolio
from btdesk.services.recipients import ANYONE, REVOCATIONS_KIND, Rules, held, released, supervisor_rules, travels
from btdesk.store.exchange_models import BundleSent, Peer
from btdesk.store.models import Attachment, RecordVersion
from btdesk.store.records import wire_line
from btdesk.timeutil import now_iso

if TYPE_CHECKING:
    from btdesk.identity.cms import Signer
    from btdesk.identity.keystore import PassphraseSource

_SHA = re.compile(r"[0-9a-f]{64}")


@dataclass
class ExportResult:
    path: Path
    recipient: str  # fingerprint or "*"
    recipient_name: str | None
    sequence: int
    manifest_hash: str
    records: int
    attachments: int
    skipped_unsigned: int = 0  # others' unsigned records, which cannot travel
    held: int = 0  # versions holding a personnummer, kept back until edited or released
    missing_attachments: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        to = self.recipient_name or (_("vem som helst") if self.recipient == ANYONE else self.recipient[:16])
        text = _("Bunt {n} till {to} skriven med {records} postversioner och {attachments} bilagor till "
                 "{file}.").format(n=self.sequence, to=safe_text(to), records=self.records,
                                   attachments=self.attachments, file=self.path.name)
        if self.held:
            text += " " + _("{held} postversioner innehåller ett personnummer och hölls kvar; ändra dem, eller släpp "
                            "dem med 'btdesk privacy release ID' (se 'btdesk privacy held').").format(held=self.held)
        return text


@dataclass(frozen=True)
class Recipient:
    fingerprint: str  # or "*"
    name: str | None
    role: str | None = None  # doctor | supervisor | unit; looked up at export when not given

    def manifest_entry(self) -> list[dict[str, Any]]:
        if self.fingerprint == ANYONE:
            return []
        entry = {"name": self.name, "fingerprint": self.fingerprint} if self.name else {"fingerprint": self.fingerprint}
        return [entry]


# -- recipients ---------------------------------------------------------------------
def known_recipients(p: Portfolio) -> list[Recipient]:
    """Everyone we could address: people whose bundles or signatures we saw, and trusted roots."""
    from sqlalchemy.orm import Session

    from btdesk.identity import TrustStore

    out = {}
    with Session(p.engine) as s:
        for peer in s.scalars(select(Peer)):
            out[peer.fingerprint] = Recipient(peer.fingerprint, peer.name, peer.role)
    for e in TrustStore(p.home).list():
        if e["kind"] in ("root", "confirmed") and len(e["fingerprint"]) == 64:
            role = "unit" if e["kind"] == "root" else None  # only a BT unit is a root here
            out.setdefault(e["fingerprint"], Recipient(e["fingerprint"], e.get("name"), role))
    out.pop(p.profile.fingerprint, None)
    return list(out.values())


def resolve_recipient(p: Portfolio, text: str | None) -> Recipient:
    if text is None or text.strip() in ("", ANYONE):
        return Recipient(ANYONE, None)
    want = text.strip()
    hexed = re.sub(r"[\s:]", "", want).lower()
    people = known_recipients(p)
    hexish = len(hexed) >= 8 and re.fullmatch(r"[0-9a-f]+", hexed) is not None
    hits = [r for r in people if hexish and r.fingerprint.startswith(hexed)]
    if not hits:
        hits = [r for r in people if (r.name or "").casefold() == want.casefold()]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise BtdeskError(_("Mer än en känd person passar ”{want}”; ange fingeravtrycket i stället.").format(want=want))
    raise BtdeskError(
        _("Ingen som heter ”{want}” är känd här; importera ett paket från hen eller lägg till hens "
          "rotcertifikat först.").format(want=want)
    )


# -- selection ----------------------------------------------------------------------
def _last_sent(s: Session, recipient: str) -> BundleSent | None:
    return s.scalar(select(BundleSent).where(BundleSent.recipient == recipient)
                    .order_by(BundleSent.sequence.desc()).limit(1))


def _rules(p: Portfolio, s: Session, rcpt: Recipient) -> Rules:
    """Who the recipient is, as far as we know them: the role their certificate states."""
    from btdesk.identity import TrustStore

    me = p.profile.fingerprint
    if rcpt.fingerprint == ANYONE:
        return Rules(me, ANYONE, None, released=released(p))
    role = rcpt.role
    if role is None:
        peer = s.get(Peer, rcpt.fingerprint)
        role = peer.role if peer is not None else ("unit" if TrustStore(p.home).is_root(rcpt.fingerprint) else None)
    if role == "supervisor":
        return supervisor_rules(p, me, rcpt.fingerprint, rcpt.name)
    return Rules(me, rcpt.fingerprint, role if role in ("doctor", "unit") else None, released=released(p))


def _candidates(s: Session, watermark: int, rules: Rules, since: str | None) -> list[RecordVersion]:
    """Versions above the watermark, and versions below it released since the last bundle
    (they were held back then)."""
    out = list(s.scalars(select(RecordVersion).where(RecordVersion.vid > watermark).order_by(RecordVersion.vid)))
    # compared to the second: a bundle's time has none of the fraction a release's has, and a
    # release in the bundle's second may have come after it (sent again at worst, never lost)
    late = [h for h, when in rules.released.items() if since is None or when[:19] >= since[:19]]
    for i in range(0, len(late), 500):
        out += s.scalars(select(RecordVersion).where(RecordVersion.hash.in_(late[i:i + 500]),
                                                     RecordVersion.vid <= watermark))
    return out


def attachment_refs(body: object) -> set[str]:
    """The attachments a record body points to (documents, CRLs): `sha256` or `attachments`."""
    refs: set[str] = set()
    if isinstance(body, dict):
        if isinstance(body.get("sha256"), str) and _SHA.fullmatch(body["sha256"]):
            refs.add(body["sha256"])
        listed = body.get("attachments")
        for a in listed if isinstance(listed, list) else []:
            if isinstance(a, str) and _SHA.fullmatch(a):
                refs.add(a)
    return refs


# -- revocations (a unit's CRL travels as an attachment of a "revocations" record) ----
def publish_revocations(p: Portfolio, passphrase: PassphraseSource | None = None) -> bool:
    """On a unit profile, record a new CRL when its set of revoked serials changed."""
    import json

    from btdesk.identity import IdentityError, ca_list, ca_revocations

    if p.profile.role != "unit":
        return False
    try:
        revoked = sorted(str(e["serial"]) for e in ca_list(p.home) if e["status"] == "revoked")
    except IdentityError:  # this unit has no certificate authority yet
        return False
    if not revoked or p.setting("exchange.crl_serials") == json.dumps(revoked):
        return False
    crl = ca_revocations(p.home, passphrase)
    sha, size = p.attachments.put_bytes(crl)
    with p.transaction() as s:
        if s.get(Attachment, sha) is None:
            s.add(Attachment(sha256=sha, size=size, added=now_iso()))
    existing = p.setting("exchange.crl_record")
    body = {"sha256": sha, "size": size, "issuer": p.profile.fingerprint, "revoked": len(revoked),
            "date": now_iso()[:10]}
    r = p.put(REVOCATIONS_KIND, body, existing)
    p.set_setting("exchange.crl_record", r.id)
    p.set_setting("exchange.crl_serials", json.dumps(revoked))
    return True


# -- export -------------------------------------------------------------------------
def default_file_name(p: Portfolio, recipient: Recipient, sequence: int) -> str:
    def slug(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:40] or "profile"

    to = "alla" if recipient.fingerprint == ANYONE else slug(recipient.name or recipient.fingerprint[:12])
    return f"{slug(p.profile.name)}-till-{to}-{sequence:05d}.btbundle"


def _anything_after_watermark(p: Portfolio, recipient: str, everything: bool) -> bool:
    """Whether any version is newer than what this recipient was last sent (a quick read)."""
    with Session(p.engine) as s:
        last = _last_sent(s, recipient)
        watermark = 0 if (everything or last is None) else last.watermark
        return (s.scalar(select(func.max(RecordVersion.vid))) or 0) > watermark


def export_bundle(p: Portfolio, out: Path | None = None, *, recipient: str | Recipient | None = None,
                  everything: bool = False, passphrase: PassphraseSource | None = None, signer: Signer | None = None,
                  folder: Path | None = None,
                  skip_empty: bool = False, check: Callable[[], None] | None = None) -> ExportResult | None:
    """Write the next bundle to `recipient` (default: anyone) at `out` (or into `folder`).

    Returns None when `skip_empty` and nothing changed. The bundle is recorded as sent in the
    same transaction that reads the watermark, and the file is removed if recording fails,
    so a sequence number is never used for two different bundles. `check()` may raise (Cancelled)
    just before the file is written: then nothing is written or recorded.
    """
    from btdesk.bundle import write_bundle
    from btdesk.identity import load_signer

    rcpt = recipient if isinstance(recipient, Recipient) else resolve_recipient(p, recipient)
    publish_revocations(p, passphrase)
    if signer is None:
        if skip_empty and not _anything_after_watermark(p, rcpt.fingerprint, everything):
            return None
        # unlocked before the transaction: no write lock is held while a person types a passphrase
        signer = load_signer(p.home, passphrase)
    with p.transaction() as s:
        last = _last_sent(s, rcpt.fingerprint)
        watermark = 0 if (everything or last is None) else last.watermark
        top = s.scalar(select(func.max(RecordVersion.vid))) or 0
        lines, refs, skipped, held_back = [], set(), 0, 0
        rules = _rules(p, s, rcpt)
        for v in _candidates(s, watermark, rules, last.created if last and not everything else None):
            ok = travels(v, rules)
            if ok is None:
                skipped += 1
            elif ok and held(v, rules):
                held_back += 1
            elif ok:
                lines.append(wire_line(v))
                refs |= attachment_refs(v.body)
        if skip_empty and not lines:
            return None
        atts = {sha: p.attachment_path(sha) for sha in sorted(refs) if p.attachments.has(sha)}
        missing = sorted(refs - set(atts))
        sequence = (last.sequence + 1) if last else 1
        if out is None:
            out = Path(folder or ".") / default_file_name(p, rcpt, sequence)
        if check is not None:
            check()  # the last point where stopping leaves everything as it was
        info = write_bundle(Path(out), sender_signer=signer, recipients=rcpt.manifest_entry(), sequence=sequence,
                            previous=last.manifest_hash if last else None, records=lines, attachments=atts)
        try:
            s.add(BundleSent(recipient=rcpt.fingerprint, sequence=sequence,
                             previous=last.manifest_hash if last else None,
                             manifest_hash=info.manifest_hash, created=info.manifest["created"], watermark=top,
                             file_name=Path(out).name, records=len(lines), attachments=len(atts)))
            s.flush()
        except BaseException:
            Path(out).unlink(missing_ok=True)
            raise
    return ExportResult(path=Path(out), recipient=rcpt.fingerprint, recipient_name=rcpt.name, sequence=sequence,
                        manifest_hash=info.manifest_hash, records=len(lines), attachments=len(atts),
                        skipped_unsigned=skipped, missing_attachments=missing, held=held_back)
