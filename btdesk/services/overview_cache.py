"""A small copy of the overview's figures (btdesk.services.progress), so that the window shows
them at once while the portfolio opens in the background: loading SQLAlchemy, the programme
and its checks takes a second or more on a slow laptop.

The copy is shown only while it is current: it is kept under a key made of the data's digest
(btdesk.store.stamp), the day (months served change with it), the language (delmål titles) and
the code and programme files that compute the figures. Any change to one of them makes the copy
stale and the window computes the figures as before. This module imports neither the store's
SQLAlchemy models nor the programme package."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from btdesk.services.progress_model import Progress, progress_from_dict
from btdesk.store.stamp import data_stamp

CACHE_FILE = Path("cache") / "overview.json"
DB_NAME = "portfolio.sqlite"  # btdesk.services.portfolio.DB_NAME, without importing the store
FORMAT = 1


def _code_stamp() -> list[int]:
    """The newest modification time of the code and programme files the figures come from:
    an upgraded btdesk or an edited programme file makes every copy stale."""
    from btdesk.resources import resource_path

    here = Path(__file__).resolve().parent
    files = [*here.glob("*.py"), *here.parent.joinpath("programme").glob("*.py"),
             *resource_path("programmes").glob("*")]
    return [len(files), max((f.stat().st_mtime_ns for f in files), default=0)]


def cache_key(home: Path, today: date | None = None) -> str | None:
    """The key the portfolio in `home` has now, or None when its database cannot be read."""
    from btdesk.i18n import language

    stamp = data_stamp(home / DB_NAME)
    if stamp is None:
        return None
    return json.dumps([FORMAT, stamp, (today or date.today()).isoformat(), language(), _code_stamp()])


def save(home: Path, key: str | None, progress: Progress) -> None:
    """Keep `progress`, computed from the data that had `key` (read before computing it, so
    a change made meanwhile leaves the copy stale, never wrong)."""
    from btdesk.fileutil import atomic_write

    if key is None:
        return
    data = json.dumps({"key": key, "progress": progress.to_dict()}, ensure_ascii=False)
    try:
        atomic_write(home / CACHE_FILE, data.encode("utf-8"))
    except OSError:  # a read-only home: the window computes the figures each time, as before
        return


def load(home: Path, today: date | None = None) -> Progress | None:
    """The kept figures when they are current for the portfolio in `home`; else None."""
    try:
        kept = json.loads((home / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("key") is None or kept.get("key") != cache_key(home, today):
        return None
    try:
        return progress_from_dict(kept["progress"])
    except (KeyError, TypeError, ValueError):  # another shape (an older copy): computed instead
        return None
