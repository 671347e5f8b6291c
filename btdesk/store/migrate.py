"""Migrating a SQLite portfolio all or nothing.

1. A copy beside the database (`.<db>.migrating`), migrated one Alembic revision at a time.
2. `PRAGMA integrity_check` on the copy.
3. A backup of the old version, one per schema version (`backups/<db>-before-migration-from-<rev>.sqlite`):
   a retry never makes another, and a failed upgrade makes none.
4. The copy replaces the database with one rename.

A kill anywhere leaves either the old database untouched (and a stale copy, removed next time)
or the new one complete. `STEP_HOOKS` are told each step's name ("copied", each revision,
"checked", "backed-up", "replaced"), so a test can stop the process at every one of them.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError

from btdesk.errors import BtdeskError
from btdesk.fileutil import fsync_dir
from btdesk.i18n import _

STEP_HOOKS: list[Callable[[str], None]] = []


class MigrationError(BtdeskError):
    pass


def _step(name: str) -> None:
    for hook in STEP_HOOKS:
        hook(name)


def _config(conn: object) -> object:
    from alembic.config import Config

    from btdesk.store.schema import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def upgrade(engine: Engine, target: str | None = None) -> None:
    """Every revision up to `target` (HEAD) in one transaction: a new database or a server's."""
    from alembic import command

    from btdesk.store.schema import HEAD

    with engine.begin() as conn:
        command.upgrade(_config(conn), target or HEAD)  # type: ignore[arg-type]


def backup_path(db_path: Path, rev: str) -> Path:
    return db_path.parent / "backups" / f"{db_path.stem}-before-migration-from-{rev}.sqlite"


def remove_database(path: Path) -> None:
    """A database file and its journals: a stale hot journal must never meet a new file."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _sqlite_copy(src: Path, dst: Path) -> None:
    """A consistent copy through SQLite's backup API (safe with WAL), synced to disk."""
    remove_database(dst)
    s, d = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        s.backup(d)
        d.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, whatever the source used
    finally:
        d.close()
        s.close()
    with open(dst, "rb") as f:
        os.fsync(f.fileno())


def backup_once(db_path: Path, rev: str) -> Path:
    """The backup of schema `rev`, made only if there is none yet."""
    target = backup_path(db_path, rev)
    if target.exists():
        return target
    target.parent.mkdir(exist_ok=True)
    for stale in target.parent.glob(f".{target.name}.*.tmp*"):  # from a killed earlier try
        stale.unlink(missing_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        _sqlite_copy(db_path, tmp)
        os.replace(tmp, target)
    finally:
        remove_database(tmp)
    fsync_dir(target.parent)
    return target


def _migrate_steps(copy: Path, rev: str) -> None:
    """Each later revision in its own transaction, a step hook after each."""
    from alembic import command

    from btdesk.store.schema import REVISIONS

    engine = create_engine(f"sqlite:///{copy}")

    @event.listens_for(engine, "connect")
    def _scratch(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # a scratch copy: no sync per statement; it is synced once, before it replaces anything
        dbapi_conn.execute("PRAGMA synchronous=OFF")

    try:
        for target in REVISIONS[REVISIONS.index(rev) + 1:]:
            with engine.begin() as conn:
                command.upgrade(_config(conn), target)  # type: ignore[arg-type]
            _step(target)
    finally:
        engine.dispose()
    with open(copy, "rb") as f:
        os.fsync(f.fileno())


def _integrity(copy: Path) -> None:
    conn = sqlite3.connect(copy)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
    if result != ["ok"]:
        raise MigrationError(_("Portföljen kunde inte uppgraderas (den uppgraderade kopian klarade inte "
                               "sin integritetskontroll); portföljen lämnades som den var — ingenting "
                               "ändrades."))


def migrate_copy(engine: Engine, db_path: Path, rev: str) -> Path:
    """Migrate the SQLite database at `db_path` (schema `rev`); returns the backup's path.
    The caller holds the home lock; `engine` is disposed and reconnects to the new file."""
    copy = db_path.with_name(f".{db_path.name}.migrating")
    engine.dispose()
    try:
        _sqlite_copy(db_path, copy)
        _step("copied")
        try:
            _migrate_steps(copy, rev)
        except OperationalError as e:
            # e.g. "table peers already exists": an older btdesk was killed half-way through an
            # upgrade in place; the copy shows it, the portfolio itself stays as it is
            raise MigrationError(
                _("Portföljen lämnades halvt uppgraderad av en avbruten tidigare uppgradering, så den kan "
                  "inte uppgraderas nu; återställ kopian i {parent} från före den uppgraderingen — "
                  "ingenting ändrades.").format(parent=db_path.parent / 'backups')) from e
        _integrity(copy)
        _step("checked")
        backup = backup_once(db_path, rev)  # only now: a failed upgrade leaves no backup to confuse
        _step("backed-up")
        _retire_wal(db_path)
        os.replace(copy, db_path)
        fsync_dir(db_path.parent)
    finally:
        remove_database(copy)
    _step("replaced")
    return backup


def _retire_wal(db_path: Path) -> None:
    """Fold the old database's write-ahead log in and remove it, so that no stale -wal file is
    ever applied to the new database after the rename."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
