"""Full-text search over a portfolio's live records, for the window's Ctrl+F."""
from __future__ import annotations

from dataclasses import dataclass

from btdesk.services.portfolio import Portfolio
from btdesk.store.records import RecordView

SEARCHED_KINDS = ("activity", "talk", "document", "reflection", "assessment", "placement", "checklist")


def _texts(value: object) -> list[str]:
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return [str(value)] if isinstance(value, (str, int, float)) and value != "" else []


def record_title(r: RecordView) -> str:
    b = r.body
    for key in ("title", "site", "instrument", "text", "item"):
        if b.get(key):
            return str(b[key])
    if r.kind == "talk":
        return ", ".join(b.get("topics", [])) or str(b.get("date", ""))
    return r.id[:8]


@dataclass(frozen=True)
class Hit:
    record: RecordView
    title: str
    snippet: str


def search(p: Portfolio, text: str, limit: int = 200) -> list[Hit]:
    """Records whose every word (case-insensitive) occurs somewhere in the body, newest first."""
    words = [w.casefold() for w in text.split() if w]
    if not words:
        return []
    hits = []
    for kind in SEARCHED_KINDS:
        for r in p.records(kind):
            texts = _texts(r.body)
            blob = " ".join(texts).casefold()
            if all(w in blob for w in words):
                snippet = next((t for t in texts if words[0] in t.casefold()), "")
                hits.append(Hit(r, record_title(r), snippet[:160]))
    hits.sort(key=lambda h: str(h.record.body.get("date") or h.record.updated), reverse=True)
    return hits[:limit]
