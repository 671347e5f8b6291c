"""Entries a doctor keeps: activities, talks, checklist ticks, documents, reflections.

Every function returns (record, warnings); warnings are sentences for the user (a
personnummer in free text), never reasons to refuse.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.services.portfolio import Portfolio
from btdesk.services.privacy import privacy_warnings
from btdesk.store.records import RecordView
from btdesk.timeutil import parse_date

ACTIVITY_TYPES = {
    "course": "Kurs",
    "seminar": "Seminarium",
    "self_study": "Självstudier",
    "teaching": "Undervisningseftermiddag",
    "clinical": "Klinisk aktivitet",
}
TALK_TYPES = {"supervision": "Handledningssamtal", "handover": "Överlämningssamtal"}

# what an entry kind's free text fields are, for the privacy check and for search
TEXT_FIELDS = {
    "activity": ("title", "notes"),
    "talk": ("notes", "topics", "agreed_actions"),
    "document": ("title",),
    "reflection": ("text",),
}

Result = tuple[RecordView, list[str]]


def _delmal(p: Portfolio, ids: Iterable[str]) -> list[str]:
    known = {d.id for d in p.programme.delmal}
    out = []
    for raw in ids:
        d = raw.strip().upper()
        if not d:
            continue
        if d not in known:
            raise BtdeskError(_("{raw} är inget delmål i programmet; använd BT1–BT18.").format(raw=raw))
        if d not in out:
            out.append(d)
    return sorted(out, key=lambda x: int(x[2:]))


def _placement(p: Portfolio, placement_id: str | None) -> str | None:
    if placement_id and p.get(placement_id).kind != "placement":
        raise BtdeskError(_("{id} är ingen placering.").format(id=placement_id))
    return placement_id or None


def _text(values: Iterable[object]) -> list[str]:
    out: list[object] = []
    for v in values:
        out.extend(v if isinstance(v, list) else [v])
    return [str(x) for x in out]


def _save(p: Portfolio, kind: str, body: dict[str, Any], record_id: str | None) -> Result:
    warnings = privacy_warnings(*_text(body.get(f, "") for f in TEXT_FIELDS.get(kind, ())))
    return p.put(kind, body, record_id), warnings


def save_activity(p: Portfolio, *, type: str, title: str, date: date | str, hours: float | None = None,
                  delmal: Iterable[str] = (), placement: str | None = None, notes: str = "",
                  record_id: str | None = None) -> Result:
    if type not in ACTIVITY_TYPES:
        raise BtdeskError(_("Okänd aktivitetstyp {type!r}; använd någon av {known}.").format(
            type=type, known=", ".join(ACTIVITY_TYPES)))
    if not title.strip():
        raise BtdeskError(_("En aktivitet behöver en rubrik."))
    if hours is not None and not 0 <= float(hours) <= 1000:
        raise BtdeskError(_("Timmarna ska vara mellan 0 och 1000, inte {hours}.").format(hours=hours))
    body = {"type": type, "title": title.strip(), "date": parse_date(date).isoformat(),
            "hours": float(hours) if hours is not None else None, "delmal": _delmal(p, delmal),
            "placement": _placement(p, placement), "notes": notes}
    return _save(p, "activity", body, record_id)


def save_talk(p: Portfolio, *, date: date | str, type: str = "supervision", placement: str | None = None,
              participants: Iterable[str] = (), topics: Iterable[str] = (), notes: str = "",
              agreed_actions: Iterable[str] = (), delmal: Iterable[str] = (),
              record_id: str | None = None) -> Result:
    if type not in TALK_TYPES:
        raise BtdeskError(_("Okänd samtalstyp {type!r}; använd supervision eller handover.").format(type=type))
    body = {"type": type, "date": parse_date(date).isoformat(), "placement": _placement(p, placement),
            "participants": [x for x in participants if x], "topics": [x for x in topics if x],
            "notes": notes, "agreed_actions": [x for x in agreed_actions if x],
            "delmal": _delmal(p, delmal)}
    return _save(p, "talk", body, record_id)


def last_agreed_actions(p: Portfolio, before: date | str | None = None) -> tuple[RecordView | None, list[str]]:
    """What was agreed at the latest talk before a date: shown when the next talk opens."""
    talks = [t for t in p.records("talk")
             if before is None or t.body["date"] < parse_date(before).isoformat()]
    if not talks:
        return None, []
    last = max(talks, key=lambda t: (t.body["date"], t.updated))
    return last, list(last.body.get("agreed_actions", []))


def tick_checklist(p: Portfolio, *, placement: str, item: str, done: bool = True,
                   date: date | str | None = None, evidence: Iterable[str] = (),
                   note: str = "") -> Result:
    pl = p.get(placement)
    kind = p.programme.kind(pl.body["kind"])
    if item not in {i.id for i in kind.checklist}:
        raise BtdeskError(_("{item} är ingen punkt i checklistan {name}.").format(item=item, name=kind.name))
    for e in evidence:
        p.get(e)  # raises for an unknown record
    existing = next((r for r in p.records("checklist")
                     if r.body["placement"] == placement and r.body["item"] == item), None)
    body = {"placement": placement, "item": item, "done": bool(done),
            "date": parse_date(date).isoformat() if date else None,
            "evidence": list(evidence), "note": note}
    return _save(p, "checklist", body, existing.id if existing else None)


def _activity(p: Portfolio, activity_id: str | None) -> str | None:
    if not activity_id:
        return None
    if p.get(activity_id).kind != "activity":
        raise BtdeskError(_("{id} är ingen aktivitet.").format(id=activity_id))
    return activity_id


def add_document(p: Portfolio, path: Path | str, *, title: str | None = None, date: date | str | None = None,
                 delmal: Iterable[str] = (), placement: str | None = None, activity: str | None = None,
                 record_id: str | None = None) -> Result:
    """Attach a PDF, PNG or JPEG (checked by its content, not its name) with its details."""
    from btdesk.services.file_kinds import attachment_mime

    path = Path(path)
    if not path.is_file():
        raise BtdeskError(_("Filen {path} finns inte.").format(path=path))
    mime = attachment_mime(path)  # before anything is stored
    digest, size = p.add_attachment(path)
    body = {"title": (title or path.stem).strip(), "filename": path.name, "sha256": digest,
            "size": size, "mime": mime, "date": parse_date(date).isoformat() if date else None,
            "delmal": _delmal(p, delmal), "placement": _placement(p, placement), "activity": _activity(p, activity)}
    return _save(p, "document", body, record_id)


def save_document_details(p: Portfolio, record_id: str, *, title: str, date: date | str | None,
                          delmal: Iterable[str] = (), placement: str | None = None,
                          activity: str | None = None) -> Result:
    """New title, date, delmål, placement or activity for an attached document; the file stays."""
    old = p.get(record_id)
    if old.kind != "document":
        raise BtdeskError(_("{id} är inget dokument.").format(id=record_id))
    if not title.strip():
        raise BtdeskError(_("Ett dokument behöver en rubrik."))
    body = dict(old.body, title=title.strip(), date=parse_date(date).isoformat() if date else None,
                delmal=_delmal(p, delmal), placement=_placement(p, placement), activity=_activity(p, activity))
    return _save(p, "document", body, record_id)


def save_reflection(p: Portfolio, *, text: str, date: date | str, links: Iterable[str] = (),
                    delmal: Iterable[str] = (), record_id: str | None = None) -> Result:
    if not text.strip():
        raise BtdeskError(_("En reflektion behöver text."))
    for link in links:
        p.get(link)
    body = {"text": text, "date": parse_date(date).isoformat(), "links": list(links),
            "delmal": _delmal(p, delmal)}
    return _save(p, "reflection", body, record_id)


def choose_evidence(p: Portfolio, delmal: str, record_ids: Iterable[str]) -> RecordView:
    """The doctor's choice of what to present for one delmål at the final assessment."""
    (d,) = _delmal(p, [delmal])
    ids = list(dict.fromkeys(record_ids))
    for i in ids:
        p.get(i)
    existing = next((r for r in p.records("evidence") if r.body["delmal"] == d), None)
    return p.put("evidence", {"delmal": d, "records": ids}, existing.id if existing else None)
