"""What a portfolio's data is now, in one cheap read-only pass, as a digest: the schema
revision, the profile, the record versions (append-only: their last id and count), which
version is current for each record (record_heads) and every kept trust verdict (record_trust),
which decide what counts. Anything a record read could return differently changes the digest,
so a figure cached under it is current exactly while the digest is unchanged.

Plain sqlite3: no SQLAlchemy, so it can run before the store is loaded (≈1 ms for a year)."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

_QUERIES = (
    "SELECT version_num FROM alembic_version",
    "SELECT id, name, role, fingerprint, programme_id FROM profile",
    "SELECT max(vid), count(*) FROM record_versions",
    "SELECT record_id, kind, vid, deleted, conflict, subject FROM record_heads ORDER BY record_id",
    "SELECT hash, status, signer_name, fingerprint FROM record_trust ORDER BY hash",
)


def data_stamp(db_path: Path) -> str | None:
    """The digest of the portfolio database at `db_path`, or None when it cannot be read (no
    file, another schema, busy): the caller then treats every cached figure as stale."""
    if not db_path.is_file():
        return None
    digest = hashlib.blake2b(digest_size=20)
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:
        conn.execute("BEGIN")  # one read transaction: every query sees the same state
        for query in _QUERIES:
            digest.update(repr(conn.execute(query).fetchall()).encode())
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return digest.hexdigest()
