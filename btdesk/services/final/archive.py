"""The unit archives a final assessment: the dossier, the decision and their SHA-256, published
as one folder (built beside it, then renamed into place) and kept in the store."""
from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.errors import BtdeskError
from btdesk.fileutil import atomic_folder
from btdesk.i18n import _
from btdesk.services.signed_files import b64
from btdesk.store.records import insert_version
from btdesk.store.wire import new_wire, wire_of
from btdesk.timeutil import now_iso

from .codes import (
    ARCHIVE_KIND,
    JUDGEMENTS,
    ROLES,
    Target,
    disagreements,
    outcome,
    scheduled,
    store_of,
)
from .judgement import judgements
from .schedule import find_doctor

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def decision(target: Target, fp: str) -> dict[str, Any]:
    """The decision document: both judgements with their signatures and certificates."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from btdesk.services.exchange_trust import record_trust
    from btdesk.store.models import RecordVersion

    store = store_of(target)
    sch = scheduled(store, fp)
    by_role = judgements(store, fp)
    missing = [ROLES[r] for r in ROLES if r not in by_role]
    if sch is None or missing:
        absent = ([] if sch else [_("schemat")]) + [_("omdömet från {role}").format(role=role) for role in missing]
        raise BtdeskError(_("Slutbedömningen kan inte arkiveras än; ännu inte importerat: {missing}.").format(
            missing=", ".join(absent)))
    trust = record_trust(target, [r.hash for r in by_role.values()])
    with Session(target.engine) as s:
        sigs = dict(s.execute(select(RecordVersion.hash, RecordVersion.signature)
                              .where(RecordVersion.hash.in_([r.hash for r in by_role.values()]))).tuples().all())
        certs = _certs(s, [r.author for r in by_role.values()])
    entries = []
    for role, r in by_role.items():
        t = trust.get(r.hash)
        entries.append({"role": role, "assessor": r.author_name, "fingerprint": r.author,
                        "trust": t.describe("sv") if t else "okänd", "trust_status": t.status if t else None,
                        "record": wire_of(r),
                        "hash": r.hash, "signature": b64(sigs[r.hash] or b""), "certificate": certs.get(r.author)})
    result = outcome(by_role)
    return {"format": "btfinal-decision", "version": 1, "doctor": sch.body["doctor"], "doctor_fingerprint": fp,
            "programme": sch.body.get("programme"), "date": sch.body["date"], "assessor": sch.body["assessor"],
            "outcome": result, "outcome_text": JUDGEMENTS[result],
            "disagreements": disagreements(by_role), "judgements": entries,
            "unit": target.profile.name, "unit_fingerprint": target.profile.fingerprint}


def _certs(s: Session, fps: list[str]) -> dict[str, str]:
    from sqlalchemy import select

    from btdesk.store.exchange_models import Peer

    rows = s.execute(select(Peer.fingerprint, Peer.cert_pem).where(Peer.fingerprint.in_(fps))).tuples()
    return {fp: pem for fp, pem in rows if pem}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def archive(target: Target, doctor: str, out: Path, *, today: date | None = None) -> tuple[Path, dict[str, str]]:
    """Write dossier.pdf, decision.json and SHA256SUMS into a new folder under `out`; returns
    (folder, {file: sha256}), and keeps the hashes in the store. All or nothing: the folder
    appears whole or not at all, so a failed day can be run again."""
    store = store_of(target)
    fp = find_doctor(store, doctor)
    dec = decision(target, fp)
    today = today or date.today()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", dec["doctor"]).strip("-") or "bt"
    folder = Path(out) / f"slutbedomning-{slug}-{fp[:12]}-{today.isoformat()}"
    if folder.exists():
        raise BtdeskError(_("{folder} finns redan; ett arkiv skrivs aldrig över.").format(folder=folder))
    try:
        with atomic_folder(folder) as tmp:
            sums = _write_files(target, fp, dec, tmp, today)
            _remember(target, fp, dec, folder, sums)
    except FileExistsError:
        raise BtdeskError(_("{folder} finns redan; ett arkiv skrivs aldrig över.").format(folder=folder)) from None
    return folder, sums


def _write_files(target: Target, fp: str, dec: dict[str, Any], folder: Path, today: date) -> dict[str, str]:
    from btdesk.services.doctor_view import DoctorView
    from btdesk.services.dossier import build_dossier

    store = store_of(target)
    d = DoctorView(fp, store.records(fp, include_deleted=True), engine=target.engine)
    build_dossier(d, folder / "dossier.pdf", today=today)
    dec["dossier"] = {"file": "dossier.pdf", "sha256": _sha256(folder / "dossier.pdf")}
    dec["archived"] = now_iso()
    (folder / "decision.json").write_text(json.dumps(dec, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                          encoding="utf-8")
    sums = {name: _sha256(folder / name) for name in ("dossier.pdf", "decision.json")}
    # `sha256sum -c SHA256SUMS` checks the folder years later without btdesk
    (folder / "SHA256SUMS").write_text("".join(f"{h}  {n}\n" for n, h in sums.items()), encoding="ascii")
    return sums


def _remember(target: Target, fp: str, dec: dict[str, Any], folder: Path, sums: dict[str, str]) -> None:
    """Kept in the store just before the folder is published: a kill in between leaves a record
    without its folder (the day can be archived again), never a folder that blocks a retry."""
    me = target.profile
    wire = new_wire(ARCHIVE_KIND, {"doctor_fingerprint": fp, "doctor": dec["doctor"], "folder": str(folder),
                                   "outcome": dec["outcome"], "dossier_sha256": sums["dossier.pdf"],
                                   "decision_sha256": sums["decision.json"],
                                   "judgements": [j["hash"] for j in dec["judgements"]]},
                    author=me.fingerprint, author_name=me.name)
    with target.transaction() as s:
        insert_version(s, wire, subject=fp)
