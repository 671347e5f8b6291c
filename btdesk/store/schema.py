"""Schema versions: create, back up and migrate, or refuse a newer, foreign or empty database.

The check reads alembic_version with plain SQL so that alembic (≈0.5 s to import) is only
loaded when a migration is actually due. A SQLite portfolio is migrated on a copy that
replaces it only once it passed `integrity_check` (btdesk.store.migrate).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from btdesk.errors import BtdeskError
from btdesk.i18n import _

# Every revision ever released, oldest first. A test keeps this equal to alembic's history.
REVISIONS = ("0001", "0002", "0003", "0004")
HEAD = REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"


class SchemaError(BtdeskError):
    pass


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return str(rev) if rev is not None else None


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


def check_file(db_path: Path) -> None:
    """Refuse a database file that is empty or not SQLite before anything writes to it: a
    zero-byte file (an interrupted copy) must not quietly become a new, empty portfolio."""
    try:
        with open(db_path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    if not head:
        raise SchemaError(_("Portföljdatabasen {path} är tom (0 byte), kanske efter en avbruten kopiering; "
                            "återställ den från mappen backups eller från en kopia — ingenting ändrades."
                            ).format(path=db_path))
    if head != SQLITE_HEADER:
        raise SchemaError(_("{path} är ingen btdesk-portfölj (ingen SQLite-databas); återställ den från mappen "
                            "backups eller från en kopia — ingenting ändrades.").format(path=db_path))
    # read-only: opening it as a portfolio would switch it to WAL, a change to someone else's file
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()
    if tables and "alembic_version" not in tables:
        raise SchemaError(_foreign(db_path))


def _foreign(db_path: Path | None) -> str:
    if db_path is None:
        return _("Databasen är ingen btdesk-portfölj (den har andra tabeller); välj en annan mapp — "
                 "ingenting ändrades.")
    return _("{path} är ingen btdesk-portfölj (den har andra tabeller); välj en annan mapp — "
             "ingenting ändrades.").format(path=db_path)


def ensure_schema(engine: Engine, db_path: Path | None) -> str | None:
    """Bring the database to HEAD. Returns the backup path when an older one was migrated."""
    rev = current_revision(engine)
    if rev == HEAD:
        return None
    if rev is not None and rev not in REVISIONS:
        raise SchemaError(
            _("Portföljen sparades av en nyare version av btdesk (schema {rev}); installera den nyare "
              "btdesk för att öppna den — ingenting ändrades.").format(rev=rev)
        )
    if rev is None and _has_tables(engine):
        raise SchemaError(_foreign(db_path))
    from btdesk.store import migrate

    if rev is None or db_path is None:  # a new database, or a server's (one transaction)
        migrate.upgrade(engine)
        return None
    return str(migrate.migrate_copy(engine, db_path, rev))
