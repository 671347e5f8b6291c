"""Engines with the pragmas a portfolio needs: WAL, foreign keys, durable commits."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine.interfaces import DBAPIConnection

from btdesk.store import commits  # noqa: F401 - counts committed writes for failure messages
from btdesk.store.batch import follow_sync_mode


def sqlite_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: DBAPIConnection, _record: object) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        # FULL: a commit survives power loss too, not only a killed process
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    follow_sync_mode(engine)  # relaxed only inside store.batch.redoable_batch
    return engine


def engine_for_url(url: str) -> Engine:
    """A shared store (PostgreSQL for a BT unit with several staff).

    Each query is planned for its own values: psycopg prepares a statement run five times, and
    PostgreSQL then keeps one generic plan, made while the tables were small. A cohort's import
    into an empty database so went on scanning whole tables for each bundle's look-ups (10 ms each
    and growing) long after they held thousands of rows."""
    from sqlalchemy.engine import make_url

    if make_url(url).get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True, connect_args={"options": "-c plan_cache_mode=force_custom_plan"})
    return create_engine(url, pool_pre_ping=True)
