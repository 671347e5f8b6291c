"""Creating a profile all or nothing.

The database is built beside its place (`.portfolio.sqlite.creating`), filled (the profile row,
and whatever `initial` adds: the BT record, a demo's portfolio), then renamed into place: that
rename is the moment the profile exists. Anything that fails before it — a short passphrase, no
passphrase without a terminal, a full disk, a kill — leaves no portfolio behind, so the next
try starts afresh. An identity left by a killed earlier try (a key and certificate with no
portfolio) is moved aside to `identity.orphaned-<time>`, never deleted.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from btdesk.errors import BtdeskError
from btdesk.fileutil import fsync_dir
from btdesk.i18n import _
from btdesk.store import commits
from btdesk.store.engine import sqlite_engine
from btdesk.store.lock import HomeLock
from btdesk.store.migrate import remove_database
from btdesk.store.models import Profile
from btdesk.store.schema import check_file, ensure_schema
from btdesk.timeutil import now_iso

if TYPE_CHECKING:
    from btdesk.identity.keystore import PassphraseSource
    from btdesk.services.portfolio import Portfolio

Initial = Callable[["Portfolio"], None]


def create_portfolio(home: Path, *, name: str, role: str, programme_id: str | None,
                     passphrase: PassphraseSource | None, initial: Initial | None = None) -> Portfolio:
    """A new portfolio in `home` (validated arguments), open and locked."""
    from btdesk.services.portfolio import DB_NAME, Portfolio, prepare_home

    home = prepare_home(home)
    lock = HomeLock(home)
    lock.acquire()
    try:
        db = home / DB_NAME
        check_file(db)  # an empty or damaged file is refused, never taken for "no portfolio yet"
        if db.exists():
            raise BtdeskError(_("Det finns redan en portfölj i {home}; välj en annan mapp med --home.").format(
                                  home=home))
        _set_aside_orphaned_identity(home)
        _build(home, db, name=name, role=role, programme_id=programme_id, passphrase=passphrase,
               initial=initial, lock=lock)
        p = Portfolio.open_locked(home, lock)
    except BaseException:
        lock.release()
        raise
    return p


def _build(home: Path, db: Path, *, name: str, role: str, programme_id: str | None,
           passphrase: PassphraseSource | None, initial: Initial | None, lock: HomeLock) -> None:
    from btdesk.identity import create_identity
    from btdesk.services.portfolio import Portfolio, ProfileInfo

    staging = db.with_name(f".{db.name}.creating")
    remove_database(staging)
    written = commits.count()
    ident = create_identity(home, name, role, passphrase)
    engine = sqlite_engine(staging)
    try:
        ensure_schema(engine, None)
        row = Profile(id=str(uuid.uuid4()), name=name, role=role, fingerprint=ident.fingerprint,
                      programme_id=programme_id, created=now_iso())
        with Session(engine) as s, s.begin():
            s.add(row)
            profile = ProfileInfo.of(row)
        if initial is not None:
            initial(Portfolio(home, engine, lock, profile))
        engine.dispose()  # the last connection folds the write-ahead log into the file
        with open(staging, "rb") as f:
            os.fsync(f.fileno())
        os.rename(staging, db)
        fsync_dir(home)
    except BaseException:
        engine.dispose()
        remove_database(staging)
        _remove_identity(home, ident.fingerprint)
        commits.rewind(written)  # what this try committed went with the staging file
        raise


def _remove_identity(home: Path, fp: str) -> None:
    from btdesk.identity.files import cert_path
    from btdesk.identity.keystore import delete_key

    delete_key(home, fp)
    cert_path(home).unlink(missing_ok=True)


def _set_aside_orphaned_identity(home: Path) -> None:
    from btdesk.identity.files import identity_dir

    folder = identity_dir(home)
    if folder.exists() and any(folder.iterdir()):
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        folder.rename(folder.with_name(f"identity.orphaned-{stamp}"))
