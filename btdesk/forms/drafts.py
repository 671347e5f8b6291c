"""Drafts of unsigned forms: home/drafts/<key>.json, written atomically so a crash or a
closed lid never leaves half a file, and offered again when the same form is reopened."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from btdesk.fileutil import atomic_write
from btdesk.timeutil import now_iso


def drafts_dir(home: Path) -> Path:
    return Path(home) / "drafts"


def _path(home: Path, key: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", key)[:120]
    return drafts_dir(home) / f"{safe}.json"


def save_draft(home: Path, key: str, data: dict[str, Any]) -> Path:
    path = _path(home, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps({"key": key, "saved": now_iso(), **data}, ensure_ascii=False, indent=1).encode("utf-8")
    return atomic_write(path, payload)


def load_draft(home: Path, key: str) -> dict[str, Any] | None:
    try:
        data = json.loads(_path(home, key).read_text("utf-8"))
    except (OSError, ValueError):
        return None  # no draft, or an unreadable one: start afresh rather than fail
    return data if isinstance(data, dict) else None


def discard_draft(home: Path, key: str) -> None:
    _path(home, key).unlink(missing_ok=True)


def list_drafts(home: Path) -> list[dict[str, Any]]:
    out = []
    for p in sorted(drafts_dir(home).glob("*.json")):
        try:
            d = json.loads(p.read_text("utf-8"))
            if isinstance(d, dict):
                out.append(d)
        except (OSError, ValueError):
            continue
    return out
