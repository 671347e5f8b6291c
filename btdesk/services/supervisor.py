"""The supervisor's side: their doctors and a dashboard per doctor.

Kept in local settings (not exchanged): a doctor is added from a request file or from the
doctor's certificate. Months served, the placement and the talks held come from what the
doctor's latest request carried, with the date it was true — the supervisor has no other
honest source (talks due: btdesk.services.talks_due).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.services.portfolio import Portfolio
from btdesk.timeutil import now_iso

if TYPE_CHECKING:
    from btdesk.services.requests import OpenedRequest

DOCTORS = "supervisor.doctors"
REQUESTS = "supervisor.requests"


@dataclass(frozen=True)
class DoctorRow:
    name: str
    fingerprint: str
    placement: str  # "Akut sjukvård, Södersjukhuset" or ""
    placement_id: str | None
    months_served: float | None
    months_as_of: str | None
    given: int  # assessments this supervisor signed for the doctor
    due: list[str]  # open requests, e.g. "Mini-CEX: bröstsmärta (begärd 2027-02-10)"
    last_given: str | None
    talks_given: int = 0  # supervision talks this supervisor signed for the doctor
    talks: Any = None  # btdesk.services.talks_due.TalksDue, or None while the placement is unknown


def _load(p: Portfolio, key: str) -> dict[str, Any]:
    try:
        data = json.loads(p.setting(key) or "{}")
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def _save(p: Portfolio, key: str, data: dict[str, Any]) -> None:
    p.set_setting(key, json.dumps(data, ensure_ascii=False, sort_keys=True))


def doctors(p: Portfolio) -> list[dict[str, Any]]:
    return sorted(_load(p, DOCTORS).values(), key=lambda d: d["name"])


def doctor(p: Portfolio, fingerprint: str) -> dict[str, Any]:
    d = _load(p, DOCTORS).get(fingerprint)
    if not isinstance(d, dict):
        raise BtdeskError(_("Läkaren finns inte bland dina läkare; öppna först en av hens begäranden."))
    return d


def add_doctor_from_request(p: Portfolio, opened: OpenedRequest) -> dict[str, Any]:
    """Remember the doctor (and the request as due) when a supervisor opens a request."""
    req = opened.request
    docs = _load(p, DOCTORS)
    fp = req["doctor"]["fingerprint"]
    d: dict[str, Any] = docs.get(fp, {"fingerprint": fp, "added": now_iso()})
    d.update({"name": req["doctor"]["name"], "cert_pem": opened.verification.cert_pem,
              "programme": req.get("programme")})
    if not d.get("months_as_of") or str(req.get("months_as_of") or "") >= d["months_as_of"]:
        d.update({"placement": req.get("placement"), "months_served": req.get("months_served"),
                  "months_as_of": req.get("months_as_of"), "bt_start": req.get("bt_start"),
                  "talks": req.get("talks"), "talks_as_of": req.get("months_as_of")})
    docs[fp] = d
    _save(p, DOCTORS, docs)
    reqs = _load(p, REQUESTS)
    reqs.setdefault(req["id"], {"doctor": fp, "instrument": req.get("instrument_name") or req["instrument"],
                                "instrument_id": req["instrument"], "programme": req.get("programme"),
                                "case": req.get("case", ""), "received": now_iso()[:10],
                                "asked": str(req.get("date") or "")[:10], "answered": False})
    _save(p, REQUESTS, reqs)
    return d


def add_doctor_from_cert(p: Portfolio, pem_path: Path | str) -> dict[str, Any]:
    from cryptography import x509

    from btdesk.identity import fingerprint
    from btdesk.identity.names import common_name, role_of

    try:
        certs = x509.load_pem_x509_certificates(Path(pem_path).read_bytes())
    except (OSError, ValueError):
        raise BtdeskError(_("Filen {pem_path} innehåller inget btdesk-certifikat.").format(pem_path=pem_path)) from None
    leaf = certs[0]
    if role_of(leaf.subject) not in (None, "doctor"):
        raise BtdeskError(_("Certifikatet tillhör en handledare eller en enhet, inte en BT-läkare."))
    docs = _load(p, DOCTORS)
    fp = fingerprint(leaf)
    d: dict[str, Any] = docs.get(fp, {"fingerprint": fp, "added": now_iso(), "placement": None,
                                      "months_served": None, "months_as_of": None})
    d.update({"name": common_name(leaf.subject), "cert_pem": Path(pem_path).read_text("ascii", "replace")})
    docs[fp] = d
    _save(p, DOCTORS, docs)
    return d


def mark_answered(p: Portfolio, request_id: str | None) -> None:
    if not request_id:
        return
    reqs = _load(p, REQUESTS)
    if request_id in reqs:
        reqs[request_id]["answered"] = True
        _save(p, REQUESTS, reqs)


def dashboard(p: Portfolio, today: date | None = None) -> list[DoctorRow]:
    from .talks_due import talks_due

    today = today or date.today()
    given: dict[str, list[str]] = {}
    for r in p.records("assessment", everyone=True):  # what he gave is filed under each doctor
        if r.author == p.profile.fingerprint:
            given.setdefault(r.body.get("doctor_fingerprint", ""), []).append(str(r.body.get("date") or r.created[:10]))
    talks_given: dict[str, int] = {}
    for r in p.records("talk", everyone=True):
        if r.author == p.profile.fingerprint:
            fp = r.body.get("doctor_fingerprint", "")
            talks_given[fp] = talks_given.get(fp, 0) + 1
    reqs = _load(p, REQUESTS)
    rows = []
    for d in doctors(p):
        pl = d.get("placement") or {}
        place = ", ".join(x for x in (pl.get("name"), pl.get("site")) if x)
        due = [_("{instrument}: {case} (begärd {date})").format(
                   instrument=q["instrument"], case=q["case"] or _("inget fall angivet"),
                   date=q.get("asked") or q["received"])  # the doctor's date; older entries kept only "received"
               for q in reqs.values() if q["doctor"] == d["fingerprint"] and not q["answered"]]
        mine = sorted(given.get(d["fingerprint"], []))
        rows.append(DoctorRow(d["name"], d["fingerprint"], place, pl.get("id"), d.get("months_served"),
                              d.get("months_as_of"), len(mine), due, mine[-1] if mine else None,
                              talks_given.get(d["fingerprint"], 0), talks_due(p, d, today)))
    return rows


def received_requests(p: Portfolio) -> list[dict[str, Any]]:
    """Every request this supervisor has opened, newest first: id, doctor (fingerprint),
    doctor_name, instrument, case, received (ISO date), answered (bool)."""
    names = {d["fingerprint"]: d["name"] for d in doctors(p)}
    out = [{"id": rid, **q, "doctor_name": names.get(q["doctor"], q["doctor"][:8])}
           for rid, q in _load(p, REQUESTS).items()]
    return sorted(out, key=lambda q: (q["received"], q["id"]), reverse=True)
