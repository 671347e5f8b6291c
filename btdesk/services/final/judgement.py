"""The assessor signs a judgement on their own profile; the unit reads and imports it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.services.signed_files import (
    SignedFileError,
    b64,
    cert_pem_of,
    read_json_file,
    unb64,
    write_json_atomic,
)
from btdesk.store.records import RecordView, insert_version, view
from btdesk.store.wire import new_wire, signed_bytes, wire_hash

from .codes import (
    FORMAT,
    JUDGEMENT_KIND,
    ROLES,
    SUFFIX,
    Target,
    judgement_code,
    role_code,
    same_person,
    scheduled,
    store_of,
)

if TYPE_CHECKING:
    from btdesk.identity.cms import Verification
    from btdesk.identity.keystore import PassphraseSource
    from btdesk.services.portfolio import Portfolio
    from btdesk.services.unit_store import UnitStore


@dataclass(frozen=True)
class SignedJudgement:
    wire: dict[str, Any]
    signature: bytes
    certificate: str

    def to_file(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": 1, "record": self.wire, "hash": wire_hash(self.wire),
                "signature": b64(self.signature), "certificate": self.certificate}


def judge(p: Portfolio, req: dict[str, Any], *, role: str, delmal: dict[str, tuple[str, str]], overall: str,
          comment: str = "", default: str | None = None, when: date | None = None,
          passphrase: PassphraseSource | None = None) -> SignedJudgement:
    """Sign the assessor's judgement. `delmal`: {id: (judgement, comment)}; delmål not named take
    `default` — without one every delmål must be judged, so none is skipped by mistake."""
    from btdesk.identity import load_signer

    role = role_code(role)
    ids = [d["id"] for d in req["delmal"]]
    unknown = sorted(set(delmal) - set(ids))
    if unknown:
        raise BtdeskError(_("{unknown} är inget delmål i programmet.").format(unknown=unknown[0]))
    missing = [i for i in ids if i not in delmal]
    if missing and default is None:
        raise BtdeskError(_("{missing} har inget omdöme; bedöm varje delmål eller ge ett för resten.").format(
                              missing=missing[0]))
    per = {i: {"judgement": judgement_code(delmal[i][0] if i in delmal else str(default)),
               "comment": (delmal[i][1] if i in delmal else "").strip()} for i in ids}
    body = {"doctor": req["doctor"], "doctor_fingerprint": req["doctor_fingerprint"],
            "programme": req.get("programme"), "schedule": req.get("schedule"), "role": role,
            "date": (when or date.today()).isoformat(), "delmal": per,
            "overall": {"judgement": judgement_code(overall), "comment": comment.strip()}}
    wire = new_wire(JUDGEMENT_KIND, body, author=p.profile.fingerprint, author_name=p.profile.name)
    signer = load_signer(p.home, passphrase)
    sig = signer.sign(signed_bytes(wire))
    with p.transaction() as s:  # the assessor keeps what they signed
        insert_version(s, wire, signature=sig, origin="given")
    return SignedJudgement(wire, sig, cert_pem_of(signer))


def write_judgement(j: SignedJudgement, out: Path) -> Path:
    out = Path(out)
    if out.suffix != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    return write_json_atomic(out, j.to_file())


def judgement_file_name(j: SignedJudgement) -> str:
    b = j.wire["body"]
    who = re.sub(r"[^A-Za-z0-9]+", "_", b["doctor"]).strip("_") or "bt"
    return f"slutbedomning_{who}_{b['role']}_{b['date']}{SUFFIX}"


def read_judgement(path: Path, trust_home: Path) -> tuple[dict[str, Any], bytes, Verification]:
    """(wire, signature, verification) of a .btfinal file, or one sentence why not."""
    from btdesk.identity import SignatureError, TrustStore, verify_detached

    path = Path(path)
    obj = read_json_file(path, FORMAT, _("ett signerat slutomdöme"))
    wire = obj.get("record")
    body = wire.get("body") if isinstance(wire, dict) else None
    if (not isinstance(wire, dict) or not isinstance(body, dict) or wire.get("kind") != JUDGEMENT_KIND
            or body.get("role") not in ROLES or not isinstance(body.get("delmal"), dict)
            or not isinstance(body.get("overall"), dict) or not isinstance(body.get("doctor_fingerprint"), str)):
        raise SignedFileError(_("Omdömet {name} är ofullständigt eller skadat; ingenting importerades.").format(
                                  name=path.name))
    sig = unb64(obj.get("signature"), path.name)
    if obj.get("hash") != wire_hash(wire):
        raise SignedFileError(_("Omdömet {name} har ändrats efter att det signerades; ingenting "
                                "importerades.").format(name=path.name))
    try:
        v = verify_detached(signed_bytes(wire), sig, TrustStore(trust_home), kind=JUDGEMENT_KIND)
    except SignatureError as e:
        why = str(e).rstrip(".")
        raise SignedFileError(_("Omdömet {name} avvisades: {why}{why2}.").format(
                                  name=path.name, why=why[0].lower(), why2=why[1:])) from None
    if v.fingerprint != wire.get("author"):
        raise SignedFileError(_("Omdömet {name} anger en annan författare än den som signerade; ingenting "
                                "importerades.").format(name=path.name))
    return wire, sig, v


@dataclass(frozen=True)
class ImportedJudgement:
    record: RecordView
    verification: Verification
    new: bool
    message: str


def import_judgement(target: Target, path: Path) -> ImportedJudgement:
    from btdesk.services.exchange_trust import TrustInfo, remember_verdict

    wire, sig, v = read_judgement(path, target.home)
    b = wire["body"]
    store = store_of(target)
    fp = b["doctor_fingerprint"]
    sch = scheduled(store, fp) if fp in store.subjects() else None
    if sch is None:
        raise SignedFileError(_("Ingen slutbedömning är inplanerad för {doctor}, så omdömet importerades "
                                "inte; planera in den först.").format(doctor=b.get('doctor') or 'this doctor'))
    role = ROLES[b["role"]]
    if b["role"] == "extern_bedomare" and not same_person(v.signer_name, sch.body["assessor"]):
        raise SignedFileError(_("Omdömet är signerat av {signer_name}, men {assessor} är utsedd extern "
                                "bedömare för {doctor}; ingenting importerades.").format(
                                  signer_name=v.signer_name, assessor=sch.body['assessor'], doctor=sch.body['doctor']))
    with target.transaction() as s:
        row, new = insert_version(s, wire, signature=sig, origin="final", subject=fp)
        remember_verdict(s, row.hash, v, target.profile.fingerprint)
        rv = view(row)
    trust = TrustInfo(v.status, v.signer_name, v.fingerprint, v.issuer, v.confirmed_by, True).describe()
    msg = (_("Slutomdöme av {signer} ({role}) för {doctor}, {trust}.") if new else
           _("Slutomdömet av {signer} för {doctor} var redan importerat; ingenting ändrades.")).format(
        signer=v.signer_name, role=role, doctor=b.get("doctor"), trust=trust)
    return ImportedJudgement(rv, v, new, msg)


def judgements(store: UnitStore, fp: str) -> dict[str, RecordView]:
    """The latest judgement per role: {"extern_bedomare": …, "huvudhandledare": …}."""
    return latest_per_role(store.records(fp, JUDGEMENT_KIND))


def latest_per_role(rows: list[RecordView]) -> dict[str, RecordView]:
    out: dict[str, RecordView] = {}
    for r in sorted(rows, key=lambda r: r.updated):
        out[r.body.get("role", "")] = r
    return out
