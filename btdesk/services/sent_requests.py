"""The doctor's sent assessment requests: made and remembered here, open until a response that
answers one is imported (its signed body names the request), or until she withdraws it.

Kept as a local setting (not exchanged): the signed request itself, so that it can be sent
again, and whether it was withdrawn. Whether it is answered is read from the records each time,
so importing a response closes its request without a second place to update.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.errors import BtdeskError
from btdesk.i18n import _

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio

KEY = "doctor.sent_requests"


@dataclass(frozen=True)
class SentRequest:
    id: str
    instrument_name: str
    case: str
    to: str
    delmal: list[str]
    sent: str  # ISO date
    withdrawn: bool
    answered: bool

    @property
    def open(self) -> bool:
        return not (self.withdrawn or self.answered)

    def age_days(self, today: date) -> int:
        return max(0, (today - date.fromisoformat(self.sent[:10])).days)


def _load(p: Portfolio) -> dict[str, Any]:
    try:
        data = json.loads(p.setting(KEY) or "{}")
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def _save(p: Portfolio, data: dict[str, Any]) -> None:
    p.set_setting(KEY, json.dumps(data, ensure_ascii=False, sort_keys=True))


def make_request(p: Portfolio, out: Path | str, **kw: Any) -> tuple[Path, SentRequest]:
    """Build, sign and write a request (btdesk.services.requests) and remember it as open."""
    from btdesk.services.requests import SUFFIX, build_request
    from btdesk.services.signed_files import write_json_atomic

    out = Path(out)
    if out.suffix != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    signed = build_request(p, **kw)
    write_json_atomic(out, signed)
    data = _load(p)
    data[signed["request"]["id"]] = {"signed": signed, "withdrawn": False}
    _save(p, data)
    return out, get(p, signed["request"]["id"])


def _answered_ids(p: Portfolio) -> set[str]:
    return {str(r.body["request"]) for kind in ("assessment", "signoff")
            for r in p.records(kind, uncounted=True)  # answered, whether or not the signer is confirmed yet
            if r.body.get("request")}


def _row(rid: str, entry: dict[str, Any], answered: set[str]) -> SentRequest:
    req = entry["signed"]["request"]
    return SentRequest(rid, str(req.get("instrument_name") or req.get("instrument")), str(req.get("case") or ""),
                       str(req.get("to") or ""), list(req.get("delmal") or []),
                       str(req.get("created") or req["date"])[:10], bool(entry.get("withdrawn")), rid in answered)


def sent_requests(p: Portfolio) -> list[SentRequest]:
    """Every request this doctor has made here, newest first."""
    answered = _answered_ids(p)
    rows = [_row(rid, e, answered) for rid, e in _load(p).items()]
    return sorted(rows, key=lambda r: (r.sent, r.id), reverse=True)


def open_requests(p: Portfolio) -> list[SentRequest]:
    return [r for r in sent_requests(p) if r.open]


def get(p: Portfolio, request_id: str) -> SentRequest:
    entry = _load(p).get(request_id)
    if entry is None:
        raise BtdeskError(_("Begäran gjordes inte i den här portföljen."))
    return _row(request_id, entry, _answered_ids(p))


def resend(p: Portfolio, request_id: str, out: Path | str) -> Path:
    """The same signed request written again, e.g. when the first e-mail was lost."""
    from btdesk.services.requests import SUFFIX
    from btdesk.services.signed_files import write_json_atomic

    entry = _load(p).get(request_id)
    if entry is None:
        raise BtdeskError(_("Begäran gjordes inte i den här portföljen."))
    out = Path(out)
    if out.suffix != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    return write_json_atomic(out, entry["signed"])


def withdraw(p: Portfolio, request_id: str) -> None:
    """No longer waited for: it leaves the open list (an answer that still comes is imported)."""
    data = _load(p)
    if request_id not in data:
        raise BtdeskError(_("Begäran gjordes inte i den här portföljen."))
    data[request_id]["withdrawn"] = True
    _save(p, data)
