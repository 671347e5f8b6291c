"""How many write transactions this process has committed, so a failure message can say
truthfully whether anything was changed before it."""
from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

_count = 0


def count() -> int:
    return _count


def rewind(to: int) -> None:
    """Forget commits whose effect was undone as a whole (a staging file that was thrown away)."""
    global _count
    _count = min(_count, to)


@event.listens_for(Session, "after_flush")
def _wrote(session: Session, _context: Any) -> None:
    session.info["btdesk_wrote"] = True


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    global _count
    if session.info.pop("btdesk_wrote", False):
        _count += 1
