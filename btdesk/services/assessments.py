"""Signed assessments: the supervisor fills a form and signs it as a wire record; the doctor
imports the .btresponse file. A response that does not verify changes nothing.

The same path carries a talk sign-off and a talk the supervisor wrote (record kinds
"signoff" and "talk"). The trust verdict is kept beside the record version, never in the
signed body, in the exchange's record_trust table: a response and a bundle are two ways in,
and one table answers "how far do we trust this?" for both (confirming a signer later
upgrades every verdict of theirs, whichever way it came).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from btdesk.errors import BtdeskError
from btdesk.i18n import data_text, language
from btdesk.identity.trust_text import describe_trust
from btdesk.safetext import safe_text
from btdesk.services.portfolio import Portfolio
from btdesk.services.subject import subject_of
from btdesk.signer_standing import ASSESSOR, why_not
from btdesk.store.records import RecordView
from btdesk.store.wire import is_wire, new_wire, signed_bytes, wire_hash, wire_of

if TYPE_CHECKING:
    from btdesk.forms.template import Template
    from btdesk.identity.cms import Verification
    from btdesk.identity.keystore import PassphraseSource
    from btdesk.programme.model import Programme
    from btdesk.services.exchange_trust import TrustInfo

from btdesk.i18n import _

from .signed_files import (
    SignedFileError,
    b64,
    cert_pem_of,
    read_json_file,
    unb64,
    write_json_atomic,
)

SUFFIX = ".btresponse"
FORMAT = "btresponse"
KINDS = ("assessment", "signoff", "talk")  # what a response may carry


@dataclass(frozen=True)
class SignedResponse:
    wire: dict[str, Any]
    signature: bytes
    certificate: str
    request_id: str | None

    def to_file(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": 1, "record": self.wire, "hash": wire_hash(self.wire),
                "signature": b64(self.signature), "certificate": self.certificate, "request": self.request_id}


@dataclass(frozen=True)
class Imported:
    record: Any  # RecordView
    verification: Any
    new: bool
    message: str  # Swedish, one sentence, for the status bar


@dataclass(frozen=True)
class AssessmentRow:
    """One imported assessment as the doctor's Bedömningar view shows it."""
    id: str
    instrument: str
    instrument_name: str
    date: str
    signer: str
    trust: str  # verified | confirmed | unconfirmed | own (this profile signed it) | invalid | unsigned
    trust_text: str  # Swedish sentence
    fingerprint: str
    delmal: list[str]
    placement: str | None
    ratings: list[tuple[str, str]]  # (domain label, level label)
    case: str
    kind: str
    counted: bool = True  # counts as evidence here (btdesk.services.evidence); else shown, marked
    not_counted_because: str | None = None  # why it does not count, in words (when it does not)


# -- the supervisor's side -----------------------------------------------------------------
def build_response(p: Portfolio, template: Template, values: dict[str, Any], *, doctor: dict[str, str],
                   request: dict[str, Any] | None = None, placement: str | None = None,
                   passphrase: PassphraseSource | None = None, talk: dict[str, Any] | None = None) -> SignedResponse:
    """Validate, sign and keep a copy of an assessment (or talk sign-off); nothing is written on error."""
    from btdesk.forms import to_body, validate
    from btdesk.identity import load_signer
    from btdesk.services.profile_edit import programme_for
    from btdesk.store.records import insert_version

    errors = validate(template, values, programme_for(p, (request or {}).get("programme") or doctor.get("programme")))
    if errors:
        fid, why = next(iter(errors.items()))
        raise BtdeskError(f"{template.field(fid).label}: {why}")
    body = to_body(template, values)
    placement = placement if placement is not None else ((request or {}).get("placement") or {}).get("id")
    if template.record_kind == "talk":
        from .talks_signed import complete_talk_body

        body = complete_talk_body(body, supervisor=p.profile.name, doctor=doctor, placement=placement)
    else:
        body.update({"instrument": template.instrument, "doctor": doctor["name"],
                     "doctor_fingerprint": doctor["fingerprint"], "request": request["id"] if request else None,
                     "placement": placement})
        body.setdefault("delmal", list((request or {}).get("delmal", [])))
    talk = talk or (request or {}).get("talk")
    if template.record_kind == "signoff":
        if not talk:
            raise BtdeskError(_("En signering behöver läkarens samtal; öppna läkarens begäran om det."))
        body["target"] = {"id": talk["id"], "hash": talk["hash"], "kind": "talk"}
        summary = talk.get("placement_summary")
        if isinstance(summary, dict) and summary.get("id"):
            # what lay on the table at the hand-over talk, pinned by hash like the talk itself
            body["summary"] = {"id": summary["id"], "hash": summary.get("hash"), "kind": "assessment"}
    wire = new_wire(template.record_kind, body, author=p.profile.fingerprint, author_name=p.profile.name)
    signer = load_signer(p.home, passphrase)
    sig = signer.sign(signed_bytes(wire))
    me = p.profile.fingerprint
    with p.transaction() as s:  # the supervisor keeps what was given, filed under the doctor assessed
        insert_version(s, wire, signature=sig, origin="given", subject=subject_of(wire, signed=True, sender=me, me=me))
    return SignedResponse(wire, sig, cert_pem_of(signer), request["id"] if request else None)


def write_response(resp: SignedResponse, out: Path | str) -> Path:
    out = Path(out)
    if out.suffix != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    return write_json_atomic(out, resp.to_file())


def response_file_name(resp: SignedResponse) -> str:
    b = resp.wire["body"]
    who = "".join(ch for ch in b.get("doctor", "bt") if ch.isalnum() or ch in " -").strip().replace(" ", "_")
    what = b.get("instrument") or {"talk": "samtal", "signoff": "signering"}.get(resp.wire["kind"], "bedomning")
    return f"{what}_{who}_{b.get('date') or resp.wire['created'][:10]}{SUFFIX}"


# -- the doctor's side ----------------------------------------------------------------------
def _wire_ok(w: Any) -> bool:
    return is_wire(w) and w["kind"] in KINDS and w["deleted"] is False


def read_response(path: Path | str, trust_home: Path) -> tuple[dict[str, Any], bytes, Verification]:
    """(wire, signature, verification) of a response file, or SignedFileError in one sentence."""
    from btdesk.identity import SignatureError, TrustStore, verify_detached

    path = Path(path)
    obj = read_json_file(path, FORMAT, _("ett signerat bedömningssvar"))
    wire = obj.get("record")
    if not isinstance(wire, dict) or not _wire_ok(wire):
        raise SignedFileError(_("Svaret {name} är ofullständigt eller skadat; ingenting importerades.").format(
                                  name=path.name))
    sig = unb64(obj.get("signature"), path.name)
    if obj.get("hash") != wire_hash(wire):
        raise SignedFileError(_("Svaret {name} har ändrats efter att det signerades; ingenting "
                                "importerades.").format(name=path.name))
    try:
        v = verify_detached(signed_bytes(wire), sig, TrustStore(trust_home), kind=wire["kind"])
    except SignatureError as e:
        why = str(e).rstrip(".")
        raise SignedFileError(
            _("Svaret {name} avvisades och ingenting importerades: {why}{why2}.").format(
                name=path.name, why=why[0].lower(), why2=why[1:])) from None
    if v.fingerprint != wire["author"]:
        raise SignedFileError(_("Svaret {name} anger en annan författare än den som signerade; ingenting "
                                "importerades.").format(name=path.name))
    return wire, sig, v


def import_response(p: Portfolio, path: Path | str) -> Imported:
    from btdesk.store.models import RecordVersion
    from btdesk.store.records import insert_version, view

    from .exchange_trust import remember_verdict

    wire, sig, v = read_response(path, p.home)
    body = wire["body"]
    if body.get("doctor_fingerprint") != p.profile.fingerprint:
        raise SignedFileError(
            _("Svaret gäller {doctor}, inte den här portföljen; ingenting importerades.").format(
                doctor=body.get('doctor') or 'another doctor'))
    with p.transaction() as s:
        # A signed file may not take over a record someone else started (e.g. the doctor's talk).
        first = s.scalar(select(RecordVersion).where(RecordVersion.record_id == wire["id"])
                         .order_by(RecordVersion.version).limit(1))
        if first is not None and (first.author != wire["author"] or first.kind != wire["kind"]):
            raise SignedFileError(_("Svaret försöker ändra en post som inte är signerarens; ingenting importerades."))
        subject = subject_of(wire, signed=True, sender=wire["author"], me=p.profile.fingerprint)
        row, new = insert_version(s, wire, signature=sig, origin="response", subject=subject)
        rv = view(row)
        remember_verdict(s, row.hash, v, p.profile.fingerprint)
    name = instrument_name(p, body.get("instrument", ""), wire["kind"])
    from btdesk.identity.hsa import signer_label

    msg = _("{name} från {signer}, {trust}.").format(name=name, signer=signer_label(v.signer_name, v.cert_pem),
                                                   trust=describe_trust(v))
    if v.status != "unconfirmed" and wire["kind"] in ("assessment", "signoff") and v.standing != ASSESSOR:
        msg += " " + _("Den räknas inte: {why}.").format(why=why_not(v.standing))  # trusted, yet may not assess
    if not new:
        msg = _("{name} från {signer} fanns redan i portföljen; inget ändrades.").format(name=name,
                                                                                     signer=v.signer_name)
    return Imported(rv, v, new, msg)


def instrument_name(p: Portfolio, instrument: str, kind: str = "assessment") -> str:
    if kind == "signoff":
        return _("Signering av samtal")
    if kind == "talk":
        return _("Handledningssamtal")
    try:
        return p.programme.instrument(instrument).name_in(language())
    except BtdeskError:
        return instrument or _("Bedömning")


def _signatures(p: Portfolio, hashes: list[str]) -> dict[str, bytes | None]:
    from btdesk.store.models import RecordVersion

    if not hashes:
        return {}
    with Session(p.engine) as s:
        rows = s.execute(select(RecordVersion.hash, RecordVersion.signature)
                         .where(RecordVersion.hash.in_(hashes))).all()
    return {h: sig for h, sig in rows}


def trust_of(p: Portfolio, record: RecordView, signature: bytes | None = None,
             verdict: TrustInfo | None = None) -> dict[str, Any]:
    """The signer's trust status: the verdict kept when the version arrived (record_trust, which
    confirming a signer upgrades). A version with no verdict — the supervisor's own given copy,
    or one imported before verdicts were kept there — is verified now against the trust store."""
    from btdesk.identity import SignatureError, TrustStore, verify_detached

    from .exchange_trust import record_trust

    if verdict is None:
        verdict = record_trust(p, [record.hash]).get(record.hash)
    if verdict is not None:
        return {"status": verdict.status, "signer": verdict.signer_name, "fingerprint": verdict.fingerprint,
                "text": describe_trust(verdict)}
    if signature is None:
        signature = _signatures(p, [record.hash]).get(record.hash)
    if signature is None:
        return {"status": "unsigned", "signer": record.author_name, "fingerprint": record.author,
                "text": "osignerad"}
    me = p.profile.fingerprint
    trust = TrustStore(p.home)
    if record.author == me:  # what this profile signed itself: checked against its own key
        trust = trust.overlay_confirmation(me, p.profile.name)
    try:
        v = verify_detached(signed_bytes(wire_of(record)), signature, trust)
    except SignatureError as e:
        return {"status": "invalid", "signer": safe_text(record.author_name), "fingerprint": record.author,
                "text": f"signaturen kunde inte kontrolleras: {e}"}
    if v.fingerprint == me:
        return {"status": "own", "signer": v.signer_name, "fingerprint": me,
                "text": "din egen signatur, kontrollerad mot din nyckel"}
    return {"status": v.status, "signer": v.signer_name, "fingerprint": v.fingerprint, "text": describe_trust(v)}


def _ratings(tpl: Template, b: dict[str, Any], programme: Programme) -> list[tuple[str, str]]:
    """(domain label, level label) of each rating in an assessment's body, in the form's order."""
    from btdesk.forms import scale_for

    ratings: list[tuple[str, str]] = []
    for f in tpl.fields:
        if f.type not in ("rating", "entrustment"):
            continue
        val = b.get("entrustment") if f.type == "entrustment" else b.get(f.group, {}).get(f.id)
        if f.id in b.get("not_observed", []):
            ratings.append((data_text(f.label), _("Ej observerat")))
        elif isinstance(val, int):
            try:
                ratings.append((data_text(f.label), _level(scale_for(tpl, f, programme), val)))
            except BtdeskError:
                ratings.append((data_text(f.label), str(val)))
    return ratings


def _level(scale: Any, value: int) -> str:
    """A level's label in the run's language (the scale's own text when the programme has no English)."""
    for lv in scale.levels:
        if lv.value == value:
            return str(lv.label_in(language()))
    return str(scale.label(value))  # raises the programme's sentence for an unknown level


def assessment_rows(p: Portfolio, kinds: tuple[str, ...] = ("assessment", "signoff")) -> list[AssessmentRow]:
    """Signed assessments in this portfolio, newest first, with the signer's trust status."""
    from btdesk.forms import TemplateError, load_template

    from .exchange_trust import record_trust

    # shown, counted or not (marked by their trust); a supervisor sees what he gave, filed under his doctors
    records = [r for k in kinds for r in p.records(k, uncounted=True, everyone=p.profile.role != "doctor")]
    verdicts = record_trust(p, [r.hash for r in records])
    sigs = _signatures(p, [r.hash for r in records if r.hash not in verdicts])
    rows = []
    for r in records:
        b = r.body
        t = trust_of(p, r, sigs.get(r.hash), verdicts.get(r.hash))
        try:
            tpl = load_template(b.get("template") or b.get("instrument", ""), p.programme)
        except (TemplateError, BtdeskError):
            tpl = None
        ratings = _ratings(tpl, b, p.programme) if tpl is not None else []
        why = None if r.counted else _why(p, r, verdicts.get(r.hash))
        if why:
            t["text"] = _("{trust}; räknas inte: {why}").format(trust=t["text"], why=why)
        rows.append(AssessmentRow(
            id=r.id, instrument=safe_text(b.get("instrument", "")),
            instrument_name=safe_text(instrument_name(p, b.get("instrument", ""), r.kind)),
            date=str(b.get("date") or r.created[:10]), signer=t["signer"], trust=t["status"], trust_text=t["text"],
            fingerprint=t["fingerprint"], delmal=list(b.get("delmal", [])), placement=b.get("placement"),
            ratings=ratings, case=safe_text(b.get("case") or ""), kind=r.kind, counted=r.counted,
            not_counted_because=why))
    return sorted(rows, key=lambda x: x.date, reverse=True)


def _why(p: Portfolio, r: RecordView, t: TrustInfo | None) -> str | None:
    """Why a shown assessment does not count, by the one rule (btdesk.services.evidence)."""
    from .evidence import Verdict, reason

    verdict = Verdict(t.status, t.own_signature, t.fingerprint, t.standing) if t is not None else None
    about = r.body.get("doctor_fingerprint")
    subject = None if about in (None, p.profile.fingerprint) else str(about)
    return reason(r.kind, r.author, r.signed, verdict, me=p.profile.fingerprint, subject=subject,
                  me_assesses=p.profile.role != "doctor")


def confirm_signer(p: Portfolio, fingerprint: str) -> None:
    """The doctor vouches for a signer as an assessor ("Bekräfta bedömare", after a phone call):
    "confirmed by <name>", in the trust store and in every verdict of theirs already kept, and
    their assessments count from now on (btdesk.identity.standing)."""
    from .exchange_trust import confirm

    confirm(p, fingerprint, assessor=True)
