"""Assessment requests, offline: the doctor signs a small .btrequest file that the supervisor
opens to get a pre-filled form. A request may also ask for the sign-off of a talk."""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.canonical import canonical_bytes
from btdesk.errors import BtdeskError
from btdesk.identity.trust_text import describe_trust
from btdesk.services.portfolio import Portfolio
from btdesk.timeutil import now_iso, parse_date

if TYPE_CHECKING:
    from btdesk.identity.cms import Verification
    from btdesk.identity.keystore import PassphraseSource
    from btdesk.services.progress import Progress

from btdesk.i18n import _, language

from .signed_files import (
    SignedFileError,
    b64,
    cert_pem_of,
    read_json_file,
    unb64,
    write_json_atomic,
)

SUFFIX = ".btrequest"
FORMAT = "btrequest"
TYPES = ("assessment", "talk_signoff")


@dataclass(frozen=True)
class OpenedRequest:
    request: dict[str, Any]
    verification: Verification  # of the doctor's signature
    path: Path | None = None

    @property
    def doctor_name(self) -> str:
        return str(self.request["doctor"]["name"])

    def describe(self) -> str:
        r = self.request
        if r["type"] == "talk_signoff":
            what = _("signering av samtal")
        else:
            try:
                from btdesk.programme import load_programme

                what = load_programme(str(r.get("programme"))).instrument(r["instrument"]).name_in(language())
            except BtdeskError:  # a programme this installation lacks: the name the request carries
                what = r.get("instrument_name") or r["instrument"]
        return _("Begäran om {what} från {signer}: {trust}.").format(what=what, signer=self.verification.signer_name,
                                                                     trust=describe_trust(self.verification))


def _placement_info(p: Portfolio, placement_id: str | None, on: date) -> dict[str, Any] | None:
    from btdesk.services import bt

    pls = bt.placements(p)
    pl = next((x for x in pls if x.id == placement_id), None) if placement_id else bt.current_placement(p, on)
    if placement_id and pl is None:
        raise BtdeskError(_("Det finns ingen placering {placement_id} i den här portföljen.").format(
                              placement_id=placement_id))
    if pl is None:
        return None
    from btdesk.services.progress import introduction_days

    return {"id": pl.id, "kind": pl.kind, "name": pl.kind_name, "site": pl.site, "start": pl.start.isoformat(),
            "end": pl.end.isoformat(), "supervisor": pl.supervisor,
            "introduction_days": introduction_days(p, pl.id)}


def _talks_info(pr: Progress | None, pl_info: dict[str, Any] | None) -> dict[str, Any] | None:
    """The talks of the request's placement as of its date: the supervisor's dashboard shows
    talks due from this (the doctor's own talks are otherwise invisible to the supervisor)."""
    if pr is None or not pl_info:
        return None
    row = next((x for x in pr.placements if x.id == pl_info["id"]), None)
    if row is None:
        return None
    return {"placement": row.id, "held": row.talks_held, "expected_by_now": row.talks_expected_by_now,
            "total": row.talks_expected_total}


def _phase_info(pr: Any, pl_info: dict[str, Any] | None) -> dict[str, Any] | None:
    """The placement's in-phase verdict and its figures as progress has them (services/in_phase),
    so a placement summary written from this request starts from the same figures."""
    row = next((x for x in pr.placements if x.id == pl_info["id"]), None) if pr is not None and pl_info else None
    return {"in_phase": row.in_phase, "explanation": row.phase_explanation} if row is not None else None


def build_request(p: Portfolio, *, instrument: str, case: str = "", delmal: Iterable[str] = (), to: str = "",
                  on: date | str | None = None, placement: str | None = None, talk_id: str | None = None,
                  passphrase: PassphraseSource | None = None) -> dict[str, Any]:
    """The signed request file's content (not yet written)."""
    from btdesk.forms import load_template
    from btdesk.identity import load_signer
    from btdesk.services.progress import progress

    if p.profile.role != "doctor":
        raise BtdeskError(_("Bara en BT-läkares profil gör bedömningsbegäranden."))
    day = parse_date(on) if on else date.today()
    prog = p.programme
    rtype = "talk_signoff" if talk_id else "assessment"
    talk = None
    if talk_id:
        rec = p.get(talk_id)
        if rec.kind != "talk":
            raise BtdeskError(_("Posten {talk_id} är av typen {kind}, inte ett samtal.").format(
                                  talk_id=talk_id, kind=rec.kind))
        from .talks_signed import summary_link

        # a hand-over talk is held over the placement summary: the sign-off pins it too
        talk = {"id": rec.id, "hash": rec.hash, "body": rec.body, "placement_summary": summary_link(p, rec)}
        instrument, inst_name = "talk_signoff", "Signering av samtal"
        placement = placement or rec.body.get("placement")
        day = parse_date(rec.body["date"])
    else:
        inst_name = prog.instrument(instrument).name  # raises for an unknown instrument
        load_template(instrument, prog)  # a request for a form nobody can fill helps no one
    ids = [d.strip().upper() for d in delmal if d.strip()]
    for d in ids:
        prog.delmal_by_id(d)
    try:
        pr = progress(p, day)
        months = pr.months_served  # already cut to one decimal, as every figure of months shown
    except BtdeskError:
        pr, months = None, None
    from btdesk.services import bt

    bt_rec = bt.bt_record(p)
    pl_info = _placement_info(p, placement, day)
    request = {
        "id": str(uuid.uuid4()), "type": rtype, "instrument": instrument, "instrument_name": inst_name,
        "case": case.strip(), "date": day.isoformat(), "delmal": ids, "to": to.strip(), "created": now_iso(),
        "doctor": {"name": p.profile.name, "fingerprint": p.profile.fingerprint},
        "programme": prog.id, "placement": pl_info,
        "months_served": months, "months_as_of": day.isoformat(),
        "bt_start": bt_rec.body.get("start") if bt_rec else None, "talk": talk,
        "talks": _talks_info(pr, pl_info), "phase": _phase_info(pr, pl_info),
    }
    signer = load_signer(p.home, passphrase)
    return {"format": FORMAT, "version": 1, "request": request, "certificate": cert_pem_of(signer),
            "signature": b64(signer.sign(canonical_bytes(request)))}


def write_request(p: Portfolio, out: Path | str, **kw: Any) -> Path:
    out = Path(out)
    if out.suffix != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    write_json_atomic(out, build_request(p, **kw))
    return out


def _check_shape(req: Any, name: str) -> dict[str, Any]:
    ok = (isinstance(req, dict) and isinstance(req.get("id"), str) and req.get("type") in TYPES
          and isinstance(req.get("instrument"), str) and isinstance(req.get("case"), str)
          and isinstance(req.get("delmal"), list) and all(isinstance(d, str) for d in req["delmal"])
          and isinstance(req.get("doctor"), dict) and isinstance(req["doctor"].get("name"), str)
          and isinstance(req["doctor"].get("fingerprint"), str) and isinstance(req.get("date"), str)
          and (req.get("placement") is None or isinstance(req.get("placement"), dict))
          and (req.get("talk") is None or isinstance(req.get("talk"), dict)))
    if not ok:
        raise SignedFileError(_("Begäran {name} är ofullständig eller skadad.").format(name=name))
    return dict(req)


def read_request(path: Path | str, trust_home: Path) -> OpenedRequest:
    """Read and verify a request; an altered one raises SignedFileError in one sentence."""
    from btdesk.identity import SignatureError, TrustStore, verify_detached

    path = Path(path)
    obj = read_json_file(path, FORMAT, _("en bedömningsbegäran"))
    req = _check_shape(obj.get("request"), path.name)
    sig = unb64(obj.get("signature"), path.name)
    try:
        v = verify_detached(canonical_bytes(req), sig, TrustStore(trust_home))
    except SignatureError as e:
        raise SignedFileError(_("Begäran {name} godtogs inte: {e}{e2}").format(
                                  name=path.name, e=str(e)[0].lower(), e2=str(e)[1:])) from None
    if v.fingerprint != req["doctor"]["fingerprint"]:
        raise SignedFileError(_("Begäran {name} är signerad av någon annan än läkaren den anger.").format(
                                  name=path.name))
    return OpenedRequest(req, v, path)
