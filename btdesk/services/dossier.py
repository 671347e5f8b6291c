"""Everything a final-assessment dossier shows, gathered from the portfolio as plain values,
then laid out by `btdesk.reports.dossier.render`.

What counts as the evidence for a delmål, who signed it and how far it can be trusted is
decided here; the reports package only prints it.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from btdesk.programme import ProgrammeError
from btdesk.reports.data import Attachment, DelmalSection, DossierData, EvidenceItem, PlacementRow
from btdesk.services import bt as btsvc
from btdesk.services.bt import Records
from btdesk.services.checklist_status import checklist_status
from btdesk.services.evidence_text import Reader, as_list, describe
from btdesk.services.progress import EVIDENCE_KINDS, Progress, done_by, progress
from btdesk.services.report_time import time_of
from btdesk.store.records import RecordView

KIND_ORDER = {"assessment": 0, "activity": 1, "talk": 2, "document": 3, "reflection": 4}
Reporter = Callable[[int, int], None] | None
SignWith = tuple[Any, Any, Any, str]  # (key, certificate, chain, signer's name), from services.pdf_keys


class Source(Records, Reader, Protocol):
    """What the dossier reads: a doctor's own Portfolio, or the unit's DoctorView of one."""


def _sort_key(it: EvidenceItem) -> tuple[int, str, str]:
    return KIND_ORDER.get(it.kind, 9), it.date, it.title


def _sections(p: Source, records: dict[str, list[RecordView]],
              item: Callable[[RecordView], EvidenceItem]) -> list[DelmalSection]:
    by_id = {r.id: r for k in EVIDENCE_KINDS for r in records[k]}
    chosen = {e.body.get("delmal"): as_list(e.body.get("records")) for e in records["evidence"]}
    linked: dict[str, list[RecordView]] = {}  # one pass over the records, not one per delmål
    for k in EVIDENCE_KINDS:
        for r in records[k]:
            for dm in dict.fromkeys(x for x in as_list(r.body.get("delmal")) if isinstance(x, str)):
                linked.setdefault(dm, []).append(r)
    sections = []
    for d in p.programme.delmal:
        if chosen.get(d.id):
            items = [item(by_id[i]) for i in chosen[d.id] if i in by_id]
            curated = True
        else:
            items = sorted((item(r) for r in linked.get(d.id, [])), key=_sort_key)
            curated = False
        sections.append(DelmalSection(d.id, d.title, list(d.kompetenskrav), items, curated))
    return sections


def _checklists(p: Source, rows: list[PlacementRow],
                records: dict[str, list[RecordView]]) -> dict[str, list[tuple[str, str, bool]]]:
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for pl in rows:
        try:
            kind = p.programme.kind(pl.kind)
        except ProgrammeError:  # a kind from another programme version has no checklist here
            out[pl.id] = []
            continue
        out[pl.id] = [(st.item.type, st.item.text, st.done)
                      for st in checklist_status(kind, pl.id, records["checklist"], records["assessment"])]
    return out


def _attachments(p: Source, records: list[RecordView]) -> list[Attachment]:
    out = []
    for r in records:
        b = r.body
        if not b.get("sha256"):
            continue
        out.append(Attachment(str(b.get("title") or ""), str(b.get("filename") or ""), str(b["sha256"]),
                              int(b.get("size") or 0), str(b.get("date") or ""), _file(p, str(b["sha256"]))))
    return sorted(out, key=lambda a: (a.date, a.title))


def _file(p: Source, sha256: str) -> bytes | None:
    """The stored file when this portfolio holds it and it is what its hash says."""
    store = getattr(p, "attachments", None)  # the unit's read-only view of a doctor holds no files
    if store is None:
        return None
    path = Path(store.path_for(sha256))
    try:
        data = path.read_bytes()
    except OSError:  # a file listed but not (yet) received: listed, not embedded
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def certificate_sha256(p: Source) -> str:
    """SHA-256 of the doctor's DER certificate, where this portfolio holds it."""
    home = getattr(p, "home", None)
    if home is None:
        return ""
    from cryptography.hazmat.primitives.serialization import Encoding

    from btdesk.identity import load_public
    from btdesk.identity.errors import IdentityError

    try:
        cert = load_public(Path(home)).cert
    except (IdentityError, OSError):  # no identity in this home: nothing to print
        return ""
    return hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest()


def _with_talks(rows: list[PlacementRow], prg: Progress) -> list[PlacementRow]:
    from dataclasses import replace

    by_id = {r.id: r for r in prg.placements}
    return [replace(r, talks_held=by_id[r.id].talks_held, talks_expected_by_now=by_id[r.id].talks_expected_by_now,
                    talks_expected_total=by_id[r.id].talks_expected_total) if r.id in by_id else r for r in rows]


def _done(records: dict[str, list[RecordView]], today: date) -> dict[str, list[RecordView]]:
    """The delmål pages show evidence as progress counts it: nothing dated after the day compiled."""
    return {k: [r for r in rs if done_by(r, today)] if k in EVIDENCE_KINDS else rs for k, rs in records.items()}


def gather(p: Source, today: date | None = None) -> DossierData:
    from btdesk.services.record_snapshot import snapshot

    today = today or date.today()
    p = snapshot(p)  # progress, time served and the sections read the same kinds: each once
    prog = p.programme
    prg = progress(p, today)
    rows, time = time_of(p, today, list(prg.warnings))
    rows = _with_talks(rows, prg)
    names = {pl.id: f"{pl.kind_name}, {pl.site}" if pl.site else pl.kind_name for pl in rows}
    # shown with how each signature was checked, trusted or not (the trust mark says which)
    records = {k: p.records(k, uncounted=True) for k in EVIDENCE_KINDS + ("checklist", "evidence")}
    described: dict[str, EvidenceItem] = {}

    def item(r: RecordView) -> EvidenceItem:
        if r.id not in described:
            described[r.id] = describe(p, r, names)
        return described[r.id]

    talks = {pl.id: sorted((item(t) for t in records["talk"] if t.body.get("placement") == pl.id),
                           key=lambda x: x.date) for pl in rows}
    bt = btsvc.bt_record(p)
    bb: dict[str, Any] = bt.body if bt else {}
    return DossierData(
        doctor=p.profile.name, programme=prog.name, region=prog.region,
        start=bb.get("start") or (rows[0].start.isoformat() if rows else None),
        end=rows[-1].end.isoformat() if rows else None, percent=int(bb.get("percent", 100) or 100),
        huvudhandledare=str(bb.get("huvudhandledare") or ""), today=today.isoformat(),
        time=time, placements=rows, delmal=_sections(p, _done(records, today), item),
        checklists=_checklists(p, rows, records), talks=talks,
        attachments=_attachments(p, records["document"]),
        assessments=sorted((item(a) for a in records["assessment"] if a.signed), key=lambda x: (x.date, x.id)),
        certificate_sha256=certificate_sha256(p), key_fingerprint=p.profile.fingerprint,
        counts_as={k.id: frozenset(k.counts_as) for k in prog.placement_kinds},
    )


def build_dossier(p: Source, out: str | Path | BinaryIO, *, today: date | None = None,
                  progress: Reporter = None, sign: SignWith | None = None) -> int:
    """Gather, lay out and (with `sign`) sign the dossier; a path is written whole or not at all.
    Returns the page count."""
    from btdesk.fileutil import atomic_write
    from btdesk.reports.dossier import render_pdf
    from btdesk.reports.layout import gc_paused

    with gc_paused():  # gathering makes as many short-lived objects as the layout
        pdf, pages = render_pdf(gather(p, today), progress)
    if sign is not None:
        from btdesk.reports.pdfsign import sign_pdf_bytes

        key, cert, chain, name = sign
        pdf = sign_pdf_bytes(pdf, key, cert, chain, name=name)
    if isinstance(out, (str, Path)):
        atomic_write(Path(out), pdf)
    else:
        out.write(pdf)
    return pages
