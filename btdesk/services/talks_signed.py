"""Talks on the supervisor's side: a supervision talk the supervisor writes and signs, and
what a hand-over talk brings to its sign-off (who took part, the placement summary).

Either side may write a supervision talk. The doctor's is a plain record; the supervisor's
travels like an assessment, as a signed .btresponse of record kind "talk" whose body has
the doctor's talk shape (so progress, the talks view and the dossier need nothing new) plus
`doctor_fingerprint`, so the BT unit files it under the right doctor.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.services.portfolio import Portfolio
from btdesk.store.records import RecordView

if TYPE_CHECKING:
    from btdesk.identity.keystore import PassphraseSource
    from btdesk.services.assessments import SignedResponse

TEMPLATE = "supervision_talk"
HANDOVER_ROLES = ("Utgående handledare", "Inkommande handledare", "Huvudhandledare")


def complete_talk_body(body: dict[str, Any], *, supervisor: str, doctor: dict[str, str],
                       placement: str | None) -> dict[str, Any]:
    """A form's talk body made whole: every key a doctor's talk has, both people present."""
    others = [x for x in body.get("participants") or [] if x not in (supervisor, doctor["name"])]
    out = {"type": "supervision", "date": body.get("date"), "placement": placement,
           "participants": [supervisor, doctor["name"], *others], "topics": list(body.get("topics") or []),
           "notes": str(body.get("notes") or ""), "agreed_actions": list(body.get("agreed_actions") or []),
           "delmal": list(body.get("delmal") or [])}
    extra = {k: v for k, v in body.items() if k not in out}  # template, template_version, occasion …
    return {**extra, **out, "doctor": doctor["name"], "doctor_fingerprint": doctor["fingerprint"]}


def new_talk(p: Portfolio, values: dict[str, Any], *, doctor_fingerprint: str,
             passphrase: PassphraseSource | None = None) -> SignedResponse:
    """Sign a supervision talk for one of this supervisor's doctors; returns the SignedResponse
    (write it with assessments.write_response). The placement is the one the doctor's latest
    request named, if any: the supervisor has no other source for it."""
    from btdesk.forms import load_template

    from . import assessments, supervisor

    if p.profile.role != "supervisor":
        raise BtdeskError(_("Bara en handledares profil signerar samtal åt en läkare; en läkare för in "
                            "sina egna samtal."))
    d = supervisor.doctor(p, doctor_fingerprint)
    t = load_template(TEMPLATE, p.programme)
    return assessments.build_response(p, t, values, doctor={"name": d["name"], "fingerprint": d["fingerprint"]},
                                      placement=(d.get("placement") or {}).get("id"), passphrase=passphrase)


def placement_summary_for(p: Portfolio, placement_id: str | None) -> RecordView | None:
    """The newest placement summary (sammanfattande bedömning) of a placement, or None: the
    document the hand-over talk at the end of that placement is held over."""
    if not placement_id:
        return None
    # the document on the table, whether or not its signer is confirmed yet (nothing is counted here)
    found = [r for r in p.records("assessment", uncounted=True)
             if r.body.get("instrument") == "placement_summary" and r.body.get("placement") == placement_id]
    return max(found, key=lambda r: (str(r.body.get("date") or ""), r.updated), default=None)


def summary_link(p: Portfolio, talk: RecordView) -> dict[str, Any] | None:
    """For a hand-over talk: the placement summary it rests on, as a request carries it."""
    if talk.body.get("type") != "handover":
        return None
    r = placement_summary_for(p, talk.body.get("placement"))
    if r is None:
        return None
    return {"id": r.id, "hash": r.hash, "date": r.body.get("date"), "signer": r.author_name}


def describe_talk(talk: dict[str, Any]) -> list[tuple[str, str]]:
    """A talk (as a request carries it) in Swedish lines, so the supervisor signs what they read."""
    b = talk.get("body") or {}
    kind = "Överlämningssamtal" if b.get("type") == "handover" else "Handledningssamtal"
    rows = [("Samtal", f"{kind} {b.get('date') or ''}".strip())]
    for key, label, sep in (("participants", "Deltagare", ", "), ("topics", "Ämnen", "; "),
                            ("agreed_actions", "Överenskommet", "; ")):
        items = [str(x) for x in b.get(key) or [] if str(x).strip()]
        rows.append((label, sep.join(items) if items else "–"))
    if str(b.get("notes") or "").strip():
        rows.append(("Anteckningar", str(b["notes"]).strip()))
    if b.get("type") == "handover":
        s = talk.get("placement_summary")
        rows.append(("Sammanfattande bedömning",
                     f"{s.get('date') or ''} av {s.get('signer') or 'okänd'}".strip() if isinstance(s, dict)
                     else "ingen finns ännu för placeringen"))
    return rows
