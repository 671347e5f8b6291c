"""What went wrong with the machine, as one sentence: a full disk, a read-only or missing file,
a permission, a damaged database.

`explain(exc)` turns such an exception into a `Failure` (a BtdeskError: str() is the sentence),
or returns None for anything it does not know — a bug, which the caller logs with its traceback.
The command line and the window both use it, so a user reads the same sentence in either.
`nothing_changed` says whether the sentence may promise that nothing was changed; the caller
knows (btdesk.store.commits counts what was committed).
"""
from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from btdesk.errors import BtdeskError


class Failure(BtdeskError):
    """A failure of the machine or its files, explained in one sentence."""


def tail(nothing_changed: bool) -> str:
    return ("nothing was changed." if nothing_changed else
            "what was finished before stays saved, and the unfinished step changed nothing.")


def _name(e: OSError) -> str:
    return str(e.filename) if e.filename else "a file"


def _os_sentence(e: OSError) -> str | None:
    n = e.errno
    if n in (errno.ENOSPC, errno.EDQUOT):
        return "The disk is full; free space and try again"
    if n == errno.EROFS:
        return f"{_name(e)} is on a read-only disk; choose a place btdesk may write to and try again"
    if n in (errno.EACCES, errno.EPERM):
        return f"btdesk is not allowed to use {_name(e)} (permission denied); check its permissions and try again"
    if n == errno.ENOENT:
        return f"{_name(e)} does not exist; check the name and try again"
    if n == errno.EISDIR:
        return f"{_name(e)} is a folder, not a file; name a file and try again"
    if n == errno.ENOTDIR:
        return f"A part of the path {_name(e)} is a file, not a folder; check the path and try again"
    if n == errno.EIO:
        return f"The disk reported an error while reading or writing {_name(e)}; check the disk and try again"
    if n == errno.ENAMETOOLONG:
        return f"The name {_name(e)} is too long; choose a shorter one and try again"
    return None


DAMAGED = ("The portfolio database is damaged or is not a btdesk portfolio; restore it from the backups "
           "folder or a copy")


def _db_sentence(text: str) -> str | None:
    t = text.lower()
    if "disk is full" in t or "database or disk is full" in t:
        return "The disk is full; free space and try again"
    if "readonly" in t or "read-only" in t:
        return ("The portfolio database is read-only; give your user write permission on it (or work on a "
                "copy) and try again")
    if "not a database" in t or "malformed" in t or "disk image" in t or "no such table" in t \
            or "no such column" in t:
        return DAMAGED
    if "unable to open database" in t:
        return "The portfolio database cannot be opened; check that its folder exists and may be written to"
    if "database is locked" in t:
        return "The portfolio is busy in another program; close it and try again"
    if "disk i/o error" in t:
        return "The disk reported an error while writing the portfolio; check the disk and try again"
    return None


def _database_text(exc: BaseException) -> str | None:
    """The SQLite message of a database error, whether raw or wrapped by SQLAlchemy."""
    if isinstance(exc, sqlite3.Error):
        return str(exc)
    try:
        from sqlalchemy.exc import DBAPIError
    except ImportError:  # pragma: no cover - SQLAlchemy is a dependency
        return None
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return str(exc.orig)
    return None


def _disk_full(where: Path | None) -> bool:
    """SQLite reports a full disk during a write-ahead-log write as a plain I/O error."""
    if where is None:
        return False
    for folder in (where, *where.parents):
        if folder.exists():
            st = os.statvfs(folder)
            return st.f_bavail * st.f_frsize < 64 * 1024
    return False


def explain(exc: BaseException, *, nothing_changed: bool = True, where: Path | None = None) -> Failure | None:
    """One sentence for a known failure, or None (then it is a bug: log it with its traceback).
    `where`: the folder being written (the home), to tell a full disk behind an I/O error."""
    if isinstance(exc, Failure):
        return exc
    sentence: str | None = None
    if isinstance(exc, OSError):
        sentence = _os_sentence(exc)
    else:
        text = _database_text(exc)
        if text is not None:
            sentence = _db_sentence(text)
            if "disk i/o error" in text.lower() and _disk_full(where):
                sentence = _db_sentence("database or disk is full")
    if sentence is None:
        return None
    return Failure(f"{sentence} — {tail(nothing_changed)}")
