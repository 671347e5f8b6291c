"""Commits and files that need not wait for the disk, during a batch that can be redone.

A portfolio commits with synchronous=FULL: every commit waits until the disk has it, so it
survives a power cut. Importing a folder of bundles commits once per bundle (each bundle all
or nothing) and writes attachments and a kept copy of each bundle; waiting for the disk each
time was most of the unit's import. Inside `redoable_batch` a SQLite store commits with
synchronous=NORMAL (in WAL mode a commit then survives a crash of the program, not yet a power
cut) and files are written without an fsync (a killed program loses nothing the OS holds)
until `settle()`: it makes the files durable (fileutil.SyncLater: one syncfs on Linux) and
checkpoints the WAL to disk, and from then on everything the batch did is as durable as ever.
The caller does nothing that presumes durability (moving imported files to done/) before
settling, so a power cut during the batch leaves the files in the inbox, and importing them
again is safe and complete: import is idempotent, and a bundle found already imported has its
attachments and kept copy rewritten where they did not reach the disk.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, event

from btdesk.fileutil import SyncLater

_MODE = "btdesk.synchronous"
DURABLE, RELAXED = "FULL", "NORMAL"
# WAL pages between automatic checkpoints: SQLite's default, and in a batch enough for dozens of
# bundles, since a checkpoint copies each index page once however often the batch changed it
_CHECKPOINT_PAGES = {DURABLE: 1000, RELAXED: 16000}
# the page cache in KiB: SQLite's default, and in a batch room for the indexes the import updates
_CACHE_KIB = {DURABLE: -2000, RELAXED: -32768}
# where a savepoint keeps the pages it may have to restore: a file by default; in a batch, where
# each bundle is a savepoint, in memory (it held ~250,000 writes of a cohort import's 300,000)
_TEMP_STORE = {DURABLE: "DEFAULT", RELAXED: "MEMORY"}
_modes: WeakKeyDictionary[Engine, str] = WeakKeyDictionary()  # engines in a batch: RELAXED


def follow_sync_mode(engine: Engine) -> None:
    """Make each transaction on this SQLite engine use the engine's current mode."""
    @event.listens_for(engine, "begin")
    def _mode(conn: Connection) -> None:
        want = _modes.get(engine, DURABLE)
        if conn.info.get(_MODE, DURABLE) != want:
            conn.exec_driver_sql(f"PRAGMA synchronous={want}")
            conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint={_CHECKPOINT_PAGES[want]}")
            conn.exec_driver_sql(f"PRAGMA cache_size={_CACHE_KIB[want]}")
            conn.exec_driver_sql(f"PRAGMA temp_store={_TEMP_STORE[want]}")
            conn.info[_MODE] = want


def settle(engine: Engine) -> None:
    """Back to durable commits, with everything committed so far on disk."""
    _modes.pop(engine, None)
    with engine.begin() as conn:  # this transaction's begin restores FULL on its connection
        busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(FULL)").one()[0]
    if busy:
        _sync_wal(engine)


def _sync_wal(engine: Engine) -> None:
    """The WAL file on disk, when a reader (the window) kept an older snapshot for longer than the
    busy timeout and the checkpoint could not copy the batch's pages: a checkpoint that copies
    nothing syncs nothing, and the relaxed commits would then not survive a power cut. Once the WAL
    is on disk, opening the store replays them."""
    wal = f"{engine.url.database}-wal"
    try:
        fd = os.open(wal, os.O_RDWR)  # writable: Windows flushes only a file opened for writing
    except FileNotFoundError:
        return  # nothing in a WAL: everything is in the database file, which the checkpoint synced
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def redoable_batch(engine: Engine, later: SyncLater | None = None) -> Iterator[Callable[[], None]]:
    """Relaxed commits until the `settle` this yields is called (or the block ends); `later`:
    the files written meanwhile, made durable by the same settle."""
    files = later if later is not None else SyncLater()
    relaxed = engine.dialect.name == "sqlite"  # a server decides its own durability
    if relaxed:
        _modes[engine] = RELAXED

    def done() -> None:
        files.flush()
        if relaxed:
            settle(engine)

    try:
        yield done
    finally:
        if files.paths or (relaxed and engine in _modes):
            done()
