"""The unit schedules a doctor's final assessment and writes the assessors' request file."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.services.signed_files import (
    SignedFileError,
    read_json_file,
    write_json_atomic,
)
from btdesk.store.records import RecordView, insert_version, view
from btdesk.store.wire import new_wire

from .codes import (
    REQUEST_FORMAT,
    REQUEST_SUFFIX,
    SCHEDULE_KIND,
    Target,
    latest,
    scheduled,
    store_of,
)

if TYPE_CHECKING:
    from btdesk.services.unit_store import UnitStore


def schedule(target: Target, doctor: str, when: date, assessor: str) -> RecordView:
    """Schedule (or move) the doctor's final assessment; `doctor` is a fingerprint or its start."""
    from btdesk.services.doctor_view import DoctorView

    if not assessor.strip():
        raise BtdeskError(_("Ange den externa bedömare som ska bedöma läkaren."))
    store = store_of(target)
    fp = find_doctor(store, doctor)
    d = DoctorView(fp, store.records(fp, include_deleted=True))
    bt = d.latest("bt")
    body = {"doctor_fingerprint": fp, "doctor": d.profile.name, "programme": d.profile.programme_id,
            "date": when.isoformat(), "assessor": " ".join(assessor.split()),
            "huvudhandledare": (bt.body.get("huvudhandledare") if bt else "") or ""}
    current = latest(store.records(fp, SCHEDULE_KIND))
    me = target.profile
    wire = new_wire(SCHEDULE_KIND, body, author=me.fingerprint, author_name=me.name)
    if current:
        wire.update(id=current.id, version=current.version + 1, prev=current.hash, created=current.created)
    with target.transaction() as s:
        v, _created = insert_version(s, wire, origin="local", subject=fp)
        return view(v)


def find_doctor(store: UnitStore, text: str) -> str:
    from btdesk.short_ids import unique_prefix

    found = unique_prefix(text, store.subjects(), _("fingeravtryck"))
    if found is None:
        raise BtdeskError(_("Ingen läkare med fingeravtrycket {text} har skickat något till enheten än.").format(
                              text=text[:20]))
    return found


def request(store: UnitStore, fp: str) -> dict[str, Any]:
    """What the two assessors need to judge: the doctor, the date and the programme's delmål."""
    from btdesk.services.doctor_view import programme

    sch = scheduled(store, fp)
    if sch is None:
        raise BtdeskError(_("Ingen slutbedömning är inplanerad för den här läkaren; planera in den först."))
    b = sch.body
    prog = programme(b["programme"]) if b.get("programme") else None
    return {"format": REQUEST_FORMAT, "version": 1, "schedule": sch.id, "doctor": b["doctor"],
            "doctor_fingerprint": fp, "programme": b.get("programme"), "date": b["date"],
            "assessor": b["assessor"], "huvudhandledare": b.get("huvudhandledare", ""),
            "delmal": [{"id": d.id, "title": d.title} for d in (prog.delmal if prog else [])]}


def write_request(store: UnitStore, fp: str, out: Path) -> Path:
    out = Path(out)
    if out.suffix != REQUEST_SUFFIX:
        out = out.with_name(out.name + REQUEST_SUFFIX)
    return write_json_atomic(out, request(store, fp))


def read_request(path: Path) -> dict[str, Any]:
    obj = read_json_file(path, REQUEST_FORMAT, _("en begäran om slutbedömning"))
    if not isinstance(obj.get("doctor_fingerprint"), str) or not isinstance(obj.get("delmal"), list):
        raise SignedFileError(_("Begäran {name} är ofullständig eller skadad.").format(name=Path(path).name))
    return obj
