"""Commits that need not wait for the disk, during a batch that can be redone.

A portfolio commits with synchronous=FULL: every commit waits until the disk has it, so it
survives a power cut. Importing a folder of bundles commits once per bundle (each bundle all
or nothing) and that wait was a large part of the unit's import. Inside `redoable_batch` a
SQLite store commits with synchronous=NORMAL (in WAL mode a commit then survives a crash of
the program, not yet a power cut) until `settle()`, which checkpoints the WAL to disk: from
then on everything committed in the batch is as durable as ever. The caller does nothing that
presumes durability (moving imported files to done/) before settling, so a power cut during the
batch leaves the files in the inbox and importing them again is safe: import is idempotent.
Attachment files are still written durably before the commit that names them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, event

_MODE = "btdesk.synchronous"
DURABLE, RELAXED = "FULL", "NORMAL"
_modes: WeakKeyDictionary[Engine, str] = WeakKeyDictionary()  # engines in a batch: RELAXED


def follow_sync_mode(engine: Engine) -> None:
    """Make each transaction on this SQLite engine use the engine's current mode."""
    @event.listens_for(engine, "begin")
    def _mode(conn: Connection) -> None:
        want = _modes.get(engine, DURABLE)
        if conn.info.get(_MODE, DURABLE) != want:
            conn.exec_driver_sql(f"PRAGMA synchronous={want}")
            conn.info[_MODE] = want


def settle(engine: Engine) -> None:
    """Back to durable commits, with everything committed so far on disk."""
    _modes.pop(engine, None)
    with engine.begin() as conn:  # this transaction's begin restores FULL on its connection
        conn.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")


@contextmanager
def redoable_batch(engine: Engine) -> Iterator[Callable[[], None]]:
    """Relaxed commits until the `settle` this yields is called (or the block ends)."""
    if engine.dialect.name != "sqlite":
        yield lambda: None  # a server decides its own durability
        return
    _modes[engine] = RELAXED
    try:
        yield lambda: settle(engine)
    finally:
        if engine in _modes:
            settle(engine)
