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
from btdesk.i18n import _


class Failure(BtdeskError):
    """A failure of the machine or its files, explained in one sentence."""


def tail(nothing_changed: bool) -> str:
    return (_("ingenting ändrades.") if nothing_changed else
            _("det som redan var klart är sparat, och det oavslutade steget ändrade ingenting."))


def _name(e: OSError) -> str:
    return str(e.filename) if e.filename else _("en fil")


def _os_sentence(e: OSError) -> str | None:
    n = e.errno
    if n in (errno.ENOSPC, errno.EDQUOT):
        return _("Disken är full; frigör utrymme och försök igen")
    if n == errno.EROFS:
        return _("{name} ligger på en skrivskyddad disk; välj en plats där btdesk får skriva och försök igen").format(
            name=_name(e))
    if n in (errno.EACCES, errno.EPERM):
        return _("btdesk får inte använda {name} (åtkomst nekad); kontrollera behörigheterna och försök igen").format(
            name=_name(e))
    if n == errno.ENOENT:
        return _("{name} finns inte; kontrollera namnet och försök igen").format(name=_name(e))
    if n == errno.EISDIR:
        return _("{name} är en mapp, inte en fil; ange en fil och försök igen").format(name=_name(e))
    if n == errno.ENOTDIR:
        return _("En del av sökvägen {name} är en fil, inte en mapp; kontrollera sökvägen och försök igen").format(
            name=_name(e))
    if n == errno.EIO:
        return _("Disken rapporterade ett fel vid läsning eller skrivning av {name}; kontrollera disken och försök igen"
          ).format(name=_name(e))
    if n == errno.ENAMETOOLONG:
        return _("Namnet {name} är för långt; välj ett kortare och försök igen").format(name=_name(e))
    return None


def damaged() -> str:
    return _("Portföljdatabasen är skadad eller är inte en btdesk-portfölj; återställ den från mappen "
             "backups eller från en kopia")


def _db_sentence(text: str) -> str | None:
    t = text.lower()
    if "disk is full" in t or "database or disk is full" in t:
        return _("Disken är full; frigör utrymme och försök igen")
    if "readonly" in t or "read-only" in t:
        return _("Portföljdatabasen är skrivskyddad; ge din användare skrivrätt till den (eller arbeta på "
                 "en kopia) och försök igen")
    if "not a database" in t or "malformed" in t or "disk image" in t or "no such table" in t \
            or "no such column" in t:
        return damaged()
    if "unable to open database" in t:
        return _("Portföljdatabasen kan inte öppnas; kontrollera att dess mapp finns och är skrivbar")
    if "database is locked" in t:
        return _("Portföljen används av ett annat program; stäng det och försök igen")
    if "disk i/o error" in t:
        return _("Disken rapporterade ett fel när portföljen skrevs; kontrollera disken och försök igen")
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
