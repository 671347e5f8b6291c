"""Schema versions: create, back up and migrate, or refuse a newer portfolio.

The check reads alembic_version with plain SQL so that alembic (≈0.5 s to import) is only
loaded when a migration is actually due.
"""
from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from btdesk.errors import BtdeskError

# Every revision ever released, oldest first. A test keeps this equal to alembic's history.
REVISIONS = ("0001", "0002")
HEAD = REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaError(BtdeskError):
    pass


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, target: str = HEAD) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def ensure_schema(engine: Engine, db_path: Path | None) -> str | None:
    """Bring the database to HEAD. Returns the backup path when an older one was migrated."""
    rev = current_revision(engine)
    if rev == HEAD:
        return None
    if rev is not None and rev not in REVISIONS:
        raise SchemaError(
            f"This portfolio was saved by a newer version of btdesk (schema {rev}); "
            "install the newer btdesk to open it — nothing was changed."
        )
    backup = None
    if rev is not None and db_path is not None:
        backup = backup_sqlite(db_path, f"before-migration-from-{rev}")
    upgrade(engine)
    return str(backup) if backup else None


def backup_sqlite(db_path: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe with WAL)."""
    folder = db_path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{db_path.stem}-{label}-{stamp}.sqlite"
    tmp = target.with_suffix(".tmp")
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    shutil.move(tmp, target)
    return target
