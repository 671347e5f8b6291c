"""The final assessment (slutbedömning): scheduled by the BT unit, judged by the extern bedömare
and the huvudhandledare, archived by the unit together with the dossier.

- The unit schedules it: a record of kind "final_assessment" (date, assigned extern bedömare),
  authored by the unit and filed under the doctor (`subject`). A request file (.btfinalreq)
  tells the two assessors whom and what they judge.
- Each assessor records uppnått / ej uppnått / ej bedömt and a comment per delmål and overall, on
  their own profile, as a "final_judgement" record signed with their own key, delivered as a
  .btfinal file (the same shape as an assessment response: record, hash, signature, certificate).
- The unit imports it: signature verified against the unit's trust store and its trust kept,
  refused when nothing is scheduled or the extern judgement is signed by someone other than
  the assigned assessor.
- The unit archives: the dossier PDF rendered from the doctor's records as received, the
  decision (both judgements with their signatures) as JSON, and the SHA-256 of both, in one
  folder and in the store ("final_archive").
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from btdesk.errors import BtdeskError
from btdesk.store.records import RecordView, insert_version, view
from btdesk.store.wire import new_wire, signed_bytes, wire_hash, wire_of
from btdesk.timeutil import now_iso
from btdesk.services.portfolio import Portfolio

from .signed_files import (SignedFileError, b64, cert_pem_of, read_json_file, unb64, write_json_atomic)

SCHEDULE_KIND = "final_assessment"
JUDGEMENT_KIND = "final_judgement"
ARCHIVE_KIND = "final_archive"
SUFFIX, FORMAT = ".btfinal", "btfinal"
REQUEST_SUFFIX, REQUEST_FORMAT = ".btfinalreq", "btfinal-request"

JUDGEMENTS = {"uppnatt": "uppnått", "ej_uppnatt": "ej uppnått", "ej_bedomt": "ej bedömt"}
ROLES = {"extern_bedomare": "extern bedömare", "huvudhandledare": "huvudhandledare"}
SHORT = {"uppnatt": "U", "ej_uppnatt": "EU", "ej_bedomt": "EB", None: "–"}


def judgement_code(text: str) -> str:
    """"uppnått", "Ej uppnått", "ej_bedomt", "EU" … → the stored code."""
    t = re.sub(r"[\s_-]+", " ", str(text).strip().casefold()).replace("å", "a").replace("ö", "o")
    codes = {"uppnatt": "uppnatt", "u": "uppnatt", "ej uppnatt": "ej_uppnatt", "eu": "ej_uppnatt",
             "ej bedomt": "ej_bedomt", "eb": "ej_bedomt"}
    if t not in codes:
        raise BtdeskError(f"“{text}” is not a judgement; use uppnått, ej uppnått or ej bedömt.")
    return codes[t]


def role_code(text: str) -> str:
    t = str(text).strip().casefold().replace("ö", "o").replace(" ", "_")
    if t in ("extern", "extern_bedomare", "external"):
        return "extern_bedomare"
    if t in ("huvudhandledare", "hh", "main_supervisor"):
        return "huvudhandledare"
    raise BtdeskError(f"“{text}” is not a role in the final assessment; use extern or huvudhandledare.")


def _same_person(a: str, b: str) -> bool:
    def norm(n: str) -> str:
        return re.sub(r"^(dr\.?|doktor)\s+", "", " ".join(str(n).split()).casefold())
    return norm(a) == norm(b)


def _store(target):
    from btdesk.services.unit_import import store_of

    return store_of(target)


def _latest(rows: list[RecordView]) -> RecordView | None:
    return max(rows, key=lambda r: r.updated) if rows else None


# -- the unit schedules -----------------------------------------------------------------


def schedule(target, doctor: str, when: date, assessor: str) -> RecordView:
    """Schedule (or move) the doctor's final assessment; `doctor` is a fingerprint or its start."""
    from btdesk.services.doctor_view import DoctorView

    if not assessor.strip():
        raise BtdeskError("Name the extern bedömare who will assess the doctor.")
    store = _store(target)
    fp = find_doctor(store, doctor)
    d = DoctorView(fp, store.records(fp, include_deleted=True))
    bt = d.latest("bt")
    body = {"doctor_fingerprint": fp, "doctor": d.profile.name, "programme": d.profile.programme_id,
            "date": when.isoformat(), "assessor": " ".join(assessor.split()),
            "huvudhandledare": (bt.body.get("huvudhandledare") if bt else "") or ""}
    current = _latest(store.records(fp, SCHEDULE_KIND))
    me = target.profile
    wire = new_wire(SCHEDULE_KIND, body, author=me.fingerprint, author_name=me.name)
    if current:
        wire.update(id=current.id, version=current.version + 1, prev=current.hash, created=current.created)
    with target.transaction() as s:
        v, _ = insert_version(s, wire, origin="local", subject=fp)
        return view(v)


def find_doctor(store, text: str) -> str:
    want = re.sub(r"[\s:]", "", text).lower()
    hits = [fp for fp in store.subjects() if fp.startswith(want)] if len(want) >= 8 else []
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise BtdeskError("That fingerprint prefix matches more than one doctor; give more of it.")
    raise BtdeskError(f"No doctor with the fingerprint {text[:20]} has sent the unit anything yet.")


def scheduled(store, fp: str) -> RecordView | None:
    return _latest(store.records(fp, SCHEDULE_KIND))


def request(store, fp: str) -> dict[str, Any]:
    """What the two assessors need to judge: the doctor, the date and the programme's delmål."""
    from btdesk.services.doctor_view import programme

    sch = scheduled(store, fp)
    if sch is None:
        raise BtdeskError("No final assessment is scheduled for this doctor; schedule it first.")
    b = sch.body
    prog = programme(b["programme"]) if b.get("programme") else None
    return {"format": REQUEST_FORMAT, "version": 1, "schedule": sch.id, "doctor": b["doctor"],
            "doctor_fingerprint": fp, "programme": b.get("programme"), "date": b["date"],
            "assessor": b["assessor"], "huvudhandledare": b.get("huvudhandledare", ""),
            "delmal": [{"id": d.id, "title": d.title} for d in (prog.delmal if prog else [])]}


def write_request(store, fp: str, out: Path) -> Path:
    out = Path(out)
    if out.suffix != REQUEST_SUFFIX:
        out = out.with_name(out.name + REQUEST_SUFFIX)
    return write_json_atomic(out, request(store, fp))


def read_request(path: Path) -> dict[str, Any]:
    obj = read_json_file(path, REQUEST_FORMAT, "a final-assessment request")
    if not isinstance(obj.get("doctor_fingerprint"), str) or not isinstance(obj.get("delmal"), list):
        raise SignedFileError(f"The request {Path(path).name} is incomplete or damaged.")
    return obj


# -- the assessor judges (on their own profile) ------------------------------------------------


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
          passphrase=None) -> SignedJudgement:
    """Sign the assessor's judgement. `delmal`: {id: (judgement, comment)}; delmål not named take
    `default` — without one every delmål must be judged, so none is skipped by mistake."""
    from btdesk.identity import load_signer

    role = role_code(role)
    ids = [d["id"] for d in req["delmal"]]
    unknown = sorted(set(delmal) - set(ids))
    if unknown:
        raise BtdeskError(f"{unknown[0]} is not a delmål of this programme.")
    missing = [i for i in ids if i not in delmal]
    if missing and default is None:
        raise BtdeskError(f"{missing[0]} has no judgement; judge every delmål or give one for the rest.")
    per = {i: {"judgement": judgement_code(delmal[i][0] if i in delmal else default),
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


# -- the unit imports and archives -------------------------------------------------------------


def read_judgement(path: Path, trust_home: Path):
    """(wire, signature, verification) of a .btfinal file, or one sentence why not."""
    from btdesk.identity import SignatureError, TrustStore, verify_detached

    path = Path(path)
    obj = read_json_file(path, FORMAT, "a signed final-assessment judgement")
    wire = obj.get("record")
    body = wire.get("body") if isinstance(wire, dict) else None
    if (not isinstance(body, dict) or wire.get("kind") != JUDGEMENT_KIND or body.get("role") not in ROLES
            or not isinstance(body.get("delmal"), dict) or not isinstance(body.get("overall"), dict)
            or not isinstance(body.get("doctor_fingerprint"), str)):
        raise SignedFileError(f"The judgement {path.name} is incomplete or damaged; nothing was imported.")
    sig = unb64(obj.get("signature"), path.name)
    if obj.get("hash") != wire_hash(wire):
        raise SignedFileError(f"The judgement {path.name} has been altered after it was signed; nothing was imported.")
    try:
        v = verify_detached(signed_bytes(wire), sig, TrustStore(trust_home), kind=JUDGEMENT_KIND)
    except SignatureError as e:
        why = str(e).rstrip(".")
        raise SignedFileError(f"The judgement {path.name} was refused: {why[0].lower()}{why[1:]}.") from None
    if v.fingerprint != wire.get("author"):
        raise SignedFileError(f"The judgement {path.name} names an author other than its signer; nothing was imported.")
    return wire, sig, v


@dataclass(frozen=True)
class ImportedJudgement:
    record: RecordView
    verification: Any
    new: bool
    message: str


def import_judgement(target, path: Path) -> ImportedJudgement:
    from btdesk.services.exchange_trust import remember_verdict

    wire, sig, v = read_judgement(path, target.home)
    b = wire["body"]
    store = _store(target)
    fp = b["doctor_fingerprint"]
    sch = scheduled(store, fp) if fp in store.subjects() else None
    if sch is None:
        raise SignedFileError(f"No final assessment is scheduled for {b.get('doctor') or 'this doctor'}, "
                              "so the judgement was not imported; schedule it first.")
    role = ROLES[b["role"]]
    if b["role"] == "extern_bedomare" and not _same_person(v.signer_name, sch.body["assessor"]):
        raise SignedFileError(f"The judgement is signed by {v.signer_name}, but {sch.body['assessor']} is the "
                              f"assigned extern bedömare for {sch.body['doctor']}; nothing was imported.")
    with target.transaction() as s:
        row, new = insert_version(s, wire, signature=sig, origin="final", subject=fp)
        remember_verdict(s, row.hash, v, target.profile.fingerprint)
        rv = view(row)
    from btdesk.services.exchange_trust import TrustInfo

    trust = TrustInfo(v.status, v.signer_name, v.fingerprint, v.issuer, v.confirmed_by, True).describe()
    msg = (f"Final judgement by {v.signer_name} ({role}) for {b.get('doctor')}, {trust}." if new else
           f"The final judgement by {v.signer_name} for {b.get('doctor')} was already imported; nothing changed.")
    return ImportedJudgement(rv, v, new, msg)


def judgements(store, fp: str) -> dict[str, RecordView]:
    """The latest judgement per role: {"extern_bedomare": …, "huvudhandledare": …}."""
    out: dict[str, RecordView] = {}
    for r in sorted(store.records(fp, JUDGEMENT_KIND), key=lambda r: r.updated):
        out[r.body.get("role")] = r
    return out


def outcome(by_role: dict[str, RecordView]) -> str:
    """uppnatt only when both judged the whole BT uppnått; ej_uppnatt when either said not."""
    overall = [by_role[r].body["overall"]["judgement"] if r in by_role else None for r in ROLES]
    if "ej_uppnatt" in overall:
        return "ej_uppnatt"
    return "uppnatt" if all(o == "uppnatt" for o in overall) else "ej_bedomt"


def decision(target, fp: str) -> dict[str, Any]:
    from btdesk.services.exchange_trust import record_trust
    from btdesk.store.models import RecordVersion
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    store = _store(target)
    sch = scheduled(store, fp)
    by_role = judgements(store, fp)
    missing = [ROLES[r] for r in ROLES if r not in by_role]
    if sch is None or missing:
        raise BtdeskError(f"The final assessment cannot be archived yet: the {' and the '.join(missing) or 'schedule'}"
                          f" judgement has not been imported.")
    trust = record_trust(target, [r.hash for r in by_role.values()])
    with Session(target.engine) as s:
        sigs = dict(s.execute(select(RecordVersion.hash, RecordVersion.signature)
                              .where(RecordVersion.hash.in_([r.hash for r in by_role.values()]))).all())
        certs = _certs(s, [r.author for r in by_role.values()])
    entries = []
    for role, r in by_role.items():
        t = trust.get(r.hash)
        entries.append({"role": role, "assessor": r.author_name, "fingerprint": r.author,
                        "trust": t.describe() if t else "unknown", "trust_status": t.status if t else None,
                        "record": wire_of(r),
                        "hash": r.hash, "signature": b64(sigs[r.hash]), "certificate": certs.get(r.author)})
    return {"format": "btfinal-decision", "version": 1, "doctor": sch.body["doctor"], "doctor_fingerprint": fp,
            "programme": sch.body.get("programme"), "date": sch.body["date"], "assessor": sch.body["assessor"],
            "outcome": outcome(by_role), "outcome_text": JUDGEMENTS[outcome(by_role)],
            "disagreements": disagreements(by_role), "judgements": entries,
            "unit": target.profile.name, "unit_fingerprint": target.profile.fingerprint}


def _certs(s, fps: list[str]) -> dict[str, str]:
    from sqlalchemy import select

    from btdesk.store.exchange_models import Peer

    return {fp: pem for fp, pem in s.execute(select(Peer.fingerprint, Peer.cert_pem).where(Peer.fingerprint.in_(fps)))}


def disagreements(by_role: dict[str, RecordView]) -> list[str]:
    if len(by_role) < 2:
        return []
    a, b = (by_role[r].body["delmal"] for r in ROLES)
    return sorted((k for k in a if a[k]["judgement"] != b.get(k, {}).get("judgement")), key=_delmal_key)


def _delmal_key(k: str):
    m = re.match(r"([A-Za-z]+)(\d+)$", k)
    return (m.group(1), int(m.group(2))) if m else (k, 0)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def archive(target, doctor: str, out: Path, *, today: date | None = None) -> tuple[Path, dict[str, str]]:
    """Write dossier.pdf, decision.json and SHA256SUMS into a new folder under `out`; returns
    (folder, {file: sha256}), and keeps the hashes in the store."""
    from btdesk.services.dossier import build_dossier
    from btdesk.services.doctor_view import DoctorView

    store = _store(target)
    fp = find_doctor(store, doctor)
    dec = decision(target, fp)
    today = today or date.today()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", dec["doctor"]).strip("-") or "bt"
    folder = Path(out) / f"slutbedomning-{slug}-{fp[:12]}-{today.isoformat()}"
    try:
        folder.mkdir(parents=True, exist_ok=False)
    except FileExistsError:
        raise BtdeskError(f"{folder} already exists; an archive is never overwritten.") from None
    except OSError as e:
        raise BtdeskError(f"The archive folder {folder} cannot be made: {e.strerror}.") from None
    d = DoctorView(fp, store.records(fp, include_deleted=True), engine=target.engine)
    build_dossier(d, folder / "dossier.pdf", today=today)
    dec["dossier"] = {"file": "dossier.pdf", "sha256": _sha256(folder / "dossier.pdf")}
    dec["archived"] = now_iso()
    (folder / "decision.json").write_text(json.dumps(dec, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                          encoding="utf-8")
    sums = {name: _sha256(folder / name) for name in ("dossier.pdf", "decision.json")}
    # `sha256sum -c SHA256SUMS` checks the folder years later without btdesk
    (folder / "SHA256SUMS").write_text("".join(f"{h}  {n}\n" for n, h in sums.items()), encoding="ascii")
    me = target.profile
    wire = new_wire(ARCHIVE_KIND, {"doctor_fingerprint": fp, "doctor": dec["doctor"], "folder": str(folder),
                                   "outcome": dec["outcome"], "dossier_sha256": sums["dossier.pdf"],
                                   "decision_sha256": sums["decision.json"],
                                   "judgements": [j["hash"] for j in dec["judgements"]]},
                    author=me.fingerprint, author_name=me.name)
    with target.transaction() as s:
        insert_version(s, wire, subject=fp)
    return folder, sums


# -- the competence committee ------------------------------------------------------------------


@dataclass
class CommitteeRow:
    doctor: str
    fingerprint: str
    date: str
    assessor: str
    outcome: str
    delmal: dict[str, dict[str, str | None]]  # id -> {"extern_bedomare": code, "huvudhandledare": code, …comments}
    overall: dict[str, str | None]
    disagreements: list[str]
    archived: bool

    def to_dict(self) -> dict:
        from dataclasses import asdict

        return asdict(self)


def committee(store) -> list[CommitteeRow]:
    """Every doctor with a scheduled final assessment, both judgements side by side per delmål."""
    from btdesk.services.doctor_view import programme

    scheds = store.records_by_subject(SCHEDULE_KIND)
    judged = store.records_by_subject(JUDGEMENT_KIND)
    archived = store.records_by_subject(ARCHIVE_KIND)
    rows = []
    for fp, rs in scheds.items():
        sch = _latest(rs)
        by_role: dict[str, RecordView] = {}
        for r in sorted(judged.get(fp, []), key=lambda r: r.updated):
            by_role[r.body.get("role")] = r
        pid = sch.body.get("programme")
        ids = [d.id for d in programme(pid).delmal] if pid else []
        delmal = {}
        for i in ids:
            cell: dict[str, str | None] = {}
            for role in ROLES:
                j = by_role[role].body["delmal"].get(i, {}) if role in by_role else {}
                cell[role] = j.get("judgement")
                cell[role + "_comment"] = j.get("comment") or None
            delmal[i] = cell
        overall = {role: by_role[role].body["overall"]["judgement"] if role in by_role else None for role in ROLES}
        rows.append(CommitteeRow(sch.body["doctor"], fp, sch.body["date"], sch.body["assessor"],
                                 outcome(by_role) if by_role else "ej_bedomt", delmal, overall,
                                 disagreements(by_role), fp in archived))
    return sorted(rows, key=lambda r: (r.date, r.doctor.casefold()))


def committee_table(rows: list[CommitteeRow]) -> str:
    """Per doctor two lines — extern bedömare (E) and huvudhandledare (H) — one column per delmål."""
    if not rows:
        return "No final assessment has been scheduled yet."
    ids = list(rows[0].delmal)
    head = f"{'Doctor':<24}{'':<3}" + "".join(f"{i:>5}" for i in ids) + f"{'Overall':>9}  Outcome"
    lines = [head]
    for r in rows:
        for role, tag in (("extern_bedomare", "E"), ("huvudhandledare", "H")):
            name = f"{r.doctor[:22]}" if tag == "E" else f"  {r.date}"
            cells = "".join(f"{SHORT[r.delmal.get(i, {}).get(role)]:>5}" for i in ids)
            tail = f"{SHORT[r.overall[role]]:>9}" + (f"  {JUDGEMENTS[r.outcome]}" if tag == "E" else
                                                      ("  differ: " + ", ".join(r.disagreements)
                                                       if r.disagreements else ""))
            lines.append(f"{name:<24}{tag:<3}{cells}{tail}")
    lines.append("\nU uppnått · EU ej uppnått · EB ej bedömt · – not yet judged; "
                 "E extern bedömare, H huvudhandledare.")
    return "\n".join(lines)


COMMITTEE_CSV = ("doctor", "fingerprint", "date", "assessor", "delmal", "extern_bedomare", "extern_comment",
                 "huvudhandledare", "huvudhandledare_comment", "agree", "outcome")


def committee_csv_rows(rows: list[CommitteeRow]) -> list[list]:
    out = []
    for r in rows:
        for i, c in [*r.delmal.items(), ("overall", {**r.overall, "extern_bedomare_comment": None,
                                                    "huvudhandledare_comment": None})]:
            e, h = c.get("extern_bedomare"), c.get("huvudhandledare")
            out.append([r.doctor, r.fingerprint, r.date, r.assessor, i, JUDGEMENTS.get(e, ""),
                        c.get("extern_bedomare_comment") or "", JUDGEMENTS.get(h, ""),
                        c.get("huvudhandledare_comment") or "", "" if e is None or h is None else
                        ("yes" if e == h else "no"), JUDGEMENTS[r.outcome]])
    return out
