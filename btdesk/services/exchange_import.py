"""Import and verify .btbundle files: hostile input merged into the store all or nothing.

The reader (btdesk.bundle) checks the container, every hash and every signature without
touching anything. Here the store decides: already imported, a forged or replayed
sequence number, records that would change what someone else signed. Everything that
changes the store happens in one transaction; a rejected bundle leaves it as it was
(attachments are written content-addressed first: harmless orphans if we then refuse).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from btdesk.bundle import DEFAULT_LIMITS, BundleError, Limits, read_bundle
from btdesk.bundle.format import ParsedBundle
from btdesk.i18n import _, language
from btdesk.identity.trust_text import describe_trust
from btdesk.safetext import safe_text
from btdesk.services.portfolio import Portfolio
from btdesk.signer_standing import ASSESSOR
from btdesk.store.bulk import insert_rows, rows_where
from btdesk.store.exchange_models import BundleReceived, BundleSent
from btdesk.store.models import Attachment, RecordVersion, table_of
from btdesk.store.records import insert_versions
from btdesk.timeutil import now_iso

from .evidence import ASSESSOR_KINDS
from .exchange_trust import keep_verdicts, remember_peers
from .recipients import ANYONE, REVOCATIONS_KIND
from .subject import subject_of

if TYPE_CHECKING:
    from btdesk.services.read_ahead import ReadAhead
    from btdesk.store.attachments import AttachmentStore


class Fingerprinted(Protocol):
    @property
    def fingerprint(self) -> str: ...
    @property
    def role(self) -> str: ...


class Receiver(Protocol):
    """Where bundles are imported: a Portfolio, or the unit's shared database (unit_import.UnitTarget)."""

    @property
    def home(self) -> Path: ...
    @property
    def engine(self) -> Engine: ...
    @property
    def profile(self) -> Fingerprinted: ...
    @property
    def attachments(self) -> AttachmentStore: ...
    def transaction(self) -> AbstractContextManager[Session]: ...


@dataclass
class ImportResult:
    file_name: str
    sender_name: str
    sender: str
    sender_status: str  # verified | confirmed | unconfirmed
    sequence: int
    manifest_hash: str
    records: int
    new: int
    attachments: int
    sender_text: str = ""  # who signed the bundle and how far they are trusted, in words
    already: bool = False
    conflicts: list[str] = field(default_factory=list)  # record ids now in conflict
    unconfirmed: int = 0  # imported versions whose signer is not yet confirmed
    not_assessor: int = 0  # assessments signed by someone trusted who may not assess (identity.standing)
    warnings: list[str] = field(default_factory=list)
    staged_file: Path | None = None  # the file's bytes as read, when a read-ahead worker kept them

    @property
    def message(self) -> str:
        if self.already:
            return _("Bunten {file} från {sender} var redan importerad; ingenting ändrades.").format(
                file=self.file_name, sender=self.sender_name)
        text = _("{new} nya av {records} postversioner importerade från {sender} ({trust}).").format(
            new=self.new, records=self.records, sender=self.sender_name, trust=self.sender_text)
        if self.unconfirmed:
            text += " " + _("{n} av dem kommer från signerare som inte är bekräftade här; de visas, märkta, och räknas "
                            "först när de bekräftats ('btdesk trust confirm').").format(n=self.unconfirmed)
        if self.not_assessor:
            text += " " + _("{n} bedömningar är signerade av någon som inte får bedöma här (inte en handledare); de "
                            "visas, märkta, och räknas inte.").format(n=self.not_assessor)
        if self.conflicts:
            text += " " + _("{n} poster har nu två versioner att välja mellan.").format(n=len(self.conflicts))
        return text


@dataclass
class VerifyResult:
    file_name: str
    sender_name: str
    sender: str
    sender_status: str
    sender_text: str
    recipients: list[str]
    sequence: int
    records: int
    signed: dict[str, int]  # status → count of records carrying their own signature
    attachments: int
    new: int  # versions not yet in this portfolio
    already: bool


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _recipient_key(p: Receiver, manifest: dict[str, Any], sender: str) -> str:
    """Whom the bundle is for, as we record it; refuses one meant for somebody else."""
    me = p.profile.fingerprint
    fps: list[str] = [r["fingerprint"] for r in manifest["recipients"]]
    if not fps:
        return ANYONE
    if me in fps:
        return me
    if sender == me:  # our own bundle back from the sync folder (e.g. on a new laptop)
        return fps[0]
    names = ", ".join(safe_text(r.get("name") or r["fingerprint"][:16]) for r in manifest["recipients"])
    raise BundleError(_("Paketet är adresserat till {names}, inte till dig.").format(names=names[:200]))


def _read(p: Receiver, path: Path, limits: Limits = DEFAULT_LIMITS,
          ahead: ReadAhead | None = None) -> tuple[ParsedBundle, str]:
    from btdesk.identity import TrustStore

    parsed = ahead.take(path) if ahead is not None else None  # raises a worker's refusal
    if parsed is None:
        # the unit refuses a bundle whose sender's certificate is not valid now, as openssl would
        parsed = read_bundle(Path(path), TrustStore(p.home), limits=limits, valid_now=p.profile.role == "unit")
    key = _recipient_key(p, parsed.manifest, parsed.sender.fingerprint)
    return parsed, key


def _check_sequence(s: Session, parsed: ParsedBundle, key: str) -> set[int] | None:
    """None when this very bundle was imported before, else the sequence numbers received from its
    sender for `key` so far (one query); a different bundle under a used number is refused."""
    m = parsed.manifest
    seqs: set[int] = set()
    for h, seq in rows_where(s, "SELECT manifest_hash, sequence FROM bundles_received "
                                "WHERE manifest_hash = ? OR (sender = ? AND recipient = ?)",
                             (parsed.manifest_hash, parsed.sender.fingerprint, key)):
        if h == parsed.manifest_hash:
            return None
        seqs.add(seq)
    if m["sequence"] in seqs:
        raise BundleError(
            _("Paket {sequence} från {signer_name} har redan importerats med annat innehåll, så det här är "
              "en upprepning eller en förfalskning och avvisades.").format(
                sequence=m['sequence'], signer_name=parsed.sender.signer_name)
        )
    return seqs


def _check_authors(s: Session, parsed: ParsedBundle) -> set[str]:
    """Every version of a record has one author: nobody may rewrite what someone else wrote
    (or signed), however they learned its id. Conflicts between one person's laptops stay possible.
    Returns the ids of the bundle's records that have no version stored yet."""
    ids = {ln.record["id"] for ln in parsed.lines}
    authors: dict[str, set[str]] = {}
    for rid, author in rows_where(s, "SELECT DISTINCT record_id, author FROM record_versions "
                                     "WHERE record_id IN ({within})", within=sorted(ids)):
        authors.setdefault(rid, set()).add(author)
    unknown = ids - set(authors)
    for ln in parsed.lines:
        authors.setdefault(ln.record["id"], set()).add(ln.record["author"])
    for n, ln in enumerate(parsed.lines, start=1):
        if len(authors[ln.record["id"]]) > 1:
            raise BundleError(
                _("Post {n} ({kind}) skulle ändra en post som någon annan skrivit, så paketet avvisades.").format(
                    n=n, kind=ln.record['kind'])
            )
    return unknown


def subjects(parsed: ParsedBundle, me: str) -> list[str | None]:
    """Whose portfolio each record belongs to (None: ours), by the one subject rule; a record
    its carrier may not file refuses the whole bundle."""
    sender = parsed.sender.fingerprint
    return [subject_of(ln.record, signed=ln.signature is not None, sender=sender, me=me, n=n)
            for n, ln in enumerate(parsed.lines, start=1)]


def _adopt_own(s: Session, parsed: ParsedBundle, key: str, top_vid: int) -> None:
    """Our own bundle came back (new laptop): continue its numbering instead of reusing it."""
    m = parsed.manifest
    if s.scalar(select(BundleSent).where(BundleSent.recipient == key, BundleSent.sequence == m["sequence"])):
        return
    s.add(BundleSent(recipient=key, sequence=m["sequence"], previous=m["previous"], manifest_hash=parsed.manifest_hash,
                     created=m["created"], watermark=top_vid, file_name="(imported)", records=len(parsed.lines),
                     attachments=parsed.attachment_count))


def _gap_warning(parsed: ParsedBundle, seqs: set[int]) -> str | None:
    """`seqs`: the sequence numbers received from the bundle's sender, this bundle's included."""
    missing = sorted(set(range(1, max(seqs) + 1)) - seqs) if seqs else []
    if not missing:
        return None
    shown = ", ".join(str(n) for n in missing[:10]) + (" …" if len(missing) > 10 else "")
    return _("Paket {shown} från {name} har inte kommit än; be hen skicka dem igen om de inte dyker upp.").format(
        shown=shown, name=parsed.sender.signer_name)


def import_bundle(p: Receiver, path: Path, *, limits: Limits = DEFAULT_LIMITS,
                  check: Callable[[], None] | None = None, ahead: ReadAhead | None = None) -> ImportResult:
    """Verify and merge one bundle into `p`: a Portfolio, or any object with its `profile`,
    `home`, `engine`, `transaction()` and `attachments` (the BT unit's shared database).

    On a database shared by several processes (PostgreSQL) two imports may touch the same
    row at once (the same supervisor, the same attachment); the loser's transaction is rolled
    back and merged again, which is safe because merging is idempotent.

    `check()` may raise (btdesk.errors.Cancelled: the person stopped the import) after the
    bundle is verified and again just before the merge commits; either way nothing changes.
    `ahead`: a batch's bundles being read in worker processes (services.read_ahead).
    """
    from btdesk.services.unit_store import RETRIES, transient

    path = Path(path)
    parsed, key = _read(p, path, limits, ahead)
    if check is not None:
        check()
    sender = parsed.sender
    for attempt in range(RETRIES):
        result = ImportResult(file_name=safe_text(path.name), sender_name=sender.signer_name, sender=sender.fingerprint,
                              sender_status=sender.status, sender_text=describe_trust(sender),
                              sequence=parsed.manifest["sequence"],
                              manifest_hash=parsed.manifest_hash, records=len(parsed.lines), new=0,
                              attachments=parsed.attachment_count, staged_file=parsed.staged_file)
        try:
            _merge(p, parsed, key, path, result, check)
            break
        except Exception as e:
            if attempt == RETRIES - 1 or not transient(e, p.engine.dialect.name):
                raise
            time.sleep(0.01 * (2 ** attempt))
    if result.already:
        return result
    if sender.status == "unconfirmed" and sender.fingerprint != p.profile.fingerprint:
        text = _("{name} är självsignerad och ännu inte bekräftad; kontrollera fingeravtrycket {fp} med hen och kör "
                 "sedan 'btdesk trust confirm'.") if sender.issuer is None else _(
            "{name} har ett certifikat från {issuer}, en utfärdare som inte är betrodd här, och är ännu inte "
            "bekräftad; kontrollera fingeravtrycket {fp} med hen och kör sedan 'btdesk trust confirm'.")
        result.warnings.append(text.format(name=sender.signer_name, issuer=sender.issuer, fp=sender.fingerprint[:32]))
    result.warnings += _apply_revocations(p, parsed)
    return result


def _merge(p: Receiver, parsed: ParsedBundle, key: str, path: Path, result: ImportResult,
           check: Callable[[], None] | None = None) -> None:
    """Everything the import changes in the store, in one transaction."""
    me, m, sender = p.profile.fingerprint, parsed.manifest, parsed.sender
    with p.transaction() as s:
        seqs = _check_sequence(s, parsed, key)
        if seqs is None:
            result.already = True
            _put_attachments(p, parsed, check_held=True)  # files a power cut took come back (store.batch)
            return
        unknown = _check_authors(s, parsed)
        sizes = parsed.attachment_sizes()
        held = {sha for sha, in rows_where(s, "SELECT sha256 FROM attachments WHERE sha256 IN ({within})",
                                           within=sorted(sizes))}
        # by object: the rule refuses before anything is written, and no record is hashed twice
        filed = {id(ln.record): subj for ln, subj in zip(parsed.lines, subjects(parsed, me), strict=True)}
        _put_attachments(p, parsed)
        added = now_iso()
        insert_rows(s, table_of(Attachment), [dict(sha256=sha, size=size, added=added)
                                              for sha, size in sizes.items() if sha not in held])
        touched, top = set(), 0
        in_conflict: dict[str, bool] = {}
        inserted = insert_versions(s, [(ln.record, ln.signature) for ln in parsed.lines],
                                   origin=parsed.manifest_hash,
                                   subject=lambda w: filed[id(w)],
                                   hashes=[ln.hash for ln in parsed.lines],  # checked by the reader
                                   unknown=unknown, conflicts=in_conflict)
        verdicts = []
        for ln, x in zip(parsed.lines, inserted, strict=True):
            top = max(top, x.vid)
            if x.new:
                result.new += 1
                touched.add(x.record_id)
            if ln.record["author"] != me:
                verdict = ln.verification or sender
                verdicts.append((ln.hash, verdict, ln.signature is not None))
                if x.new and verdict.status == "unconfirmed":
                    result.unconfirmed += 1
                elif x.new and ln.verification and ln.record["kind"] in ASSESSOR_KINDS and verdict.standing != ASSESSOR:
                    result.not_assessor += 1
        keep_verdicts(s, verdicts)
        remember_peers(s, [ln.verification for ln in parsed.lines if ln.verification is not None] + [sender], me)
        insert_rows(s, table_of(BundleReceived), [dict(
            sender=sender.fingerprint, recipient=key, sequence=m["sequence"], manifest_hash=parsed.manifest_hash,
            file_name=path.name[:300], imported_at=now_iso(), records=len(parsed.lines), records_new=result.new,
            attachments=parsed.attachment_count)])
        if sender.fingerprint == me:
            _adopt_own(s, parsed, key, top)
        s.flush()
        result.conflicts = sorted(rid for rid in touched if in_conflict[rid])  # as their heads were just set
        if sender.fingerprint != me and (gap := _gap_warning(parsed, seqs | {m["sequence"]})):
            result.warnings.append(gap)
        if check is not None:
            check()  # raising here rolls the whole merge back


def _put_attachments(p: Receiver, parsed: ParsedBundle, *, check_held: bool = False) -> None:
    """The bundle's attachments into the store, each hash checked by the reader (a read-ahead
    worker wrote them to files, which are moved in)."""
    for sha, data in parsed.attachments.items():
        p.attachments.put_verified(sha, data, check_held=check_held)
    for sha, staged in parsed.staged_attachments.items():
        p.attachments.put_staged(sha, staged, check_held=check_held)


def _apply_revocations(p: Receiver, parsed: ParsedBundle) -> list[str]:
    """A unit's CRL arrived: merge it into our trust store if we trust that unit's root."""
    from btdesk.identity import IdentityError, import_revocations

    out = []
    for ln in parsed.lines:
        body = ln.record["body"]
        if ln.record["kind"] != REVOCATIONS_KIND or not isinstance(body, dict):
            continue
        data = parsed.attachments.get(str(body.get("sha256")))
        if data is None:
            continue
        try:
            n = import_revocations(p.home, data)
        except IdentityError as e:
            out.append(_("Spärrlistan i paketet tillämpades inte: {why}").format(why=_lower(str(e))))
            continue
        if n:
            out.append(_("{n} spärrade certifikat lades till bland dina förtroendebeslut.").format(n=n))
    return out


def verify_bundle(p: Portfolio, path: Path) -> VerifyResult:
    """Check a bundle as an import would, without changing anything."""
    path = Path(path)
    parsed, key = _read(p, path)
    with Session(p.engine) as s:
        already = _check_sequence(s, parsed, key) is None
        _check_authors(s, parsed)
        subjects(parsed, p.profile.fingerprint)  # the subject rule refuses as an import would
        hashes = [ln.hash for ln in parsed.lines]
        known = set()
        for i in range(0, len(hashes), 500):
            known |= set(s.scalars(select(RecordVersion.hash).where(RecordVersion.hash.in_(hashes[i:i + 500]))))
    signed: dict[str, int] = {}
    for ln in parsed.lines:
        if ln.verification is not None:
            signed[ln.verification.status] = signed.get(ln.verification.status, 0) + 1
    m = parsed.manifest
    return VerifyResult(
        file_name=safe_text(path.name), sender_name=parsed.sender.signer_name, sender=parsed.sender.fingerprint,
        sender_status=parsed.sender.status, sender_text=parsed.sender.describe(language()),
        recipients=[safe_text(r.get("name") or r["fingerprint"]) for r in m["recipients"]], sequence=m["sequence"],
        records=len(parsed.lines), signed=signed, attachments=parsed.attachment_count,
        new=len(set(hashes) - known), already=already)
