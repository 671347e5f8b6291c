"""A batch of imports commits without waiting for the disk, then settles: every commit is
durable again before anything presumes it (imported files move to done/ only afterwards)."""
from __future__ import annotations

from types import SimpleNamespace

from btdesk.services.inbox import import_each
from btdesk.store.batch import redoable_batch
from btdesk.store.engine import sqlite_engine

FULL, NORMAL = 2, 1


def _mode(engine) -> int:
    with engine.begin() as conn:
        return conn.exec_driver_sql("PRAGMA synchronous").scalar()


def test_commits_are_relaxed_only_inside_the_batch(tmp_path):
    engine = sqlite_engine(tmp_path / "x.sqlite")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
    assert _mode(engine) == FULL
    with redoable_batch(engine) as settle:
        with engine.begin() as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == NORMAL
            conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        settle()
        assert _mode(engine) == FULL  # the same pooled connection, durable again
    with redoable_batch(engine):
        assert _mode(engine) == NORMAL
    assert _mode(engine) == FULL  # leaving the block settles too
    engine.dispose()


def test_imported_files_move_to_done_only_after_settling(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = [inbox / f"b{i}.btbundle" for i in range(3)]
    for f in files:
        f.write_bytes(b"x")
    seen = []

    def settle() -> None:
        seen.append(sorted(p.name for p in inbox.iterdir() if p.is_file()))
        assert not (inbox / "done").exists()

    got = import_each(files, lambda f: SimpleNamespace(already=False, warnings=[]), inbox=inbox, settle=settle)
    assert seen == [["b0.btbundle", "b1.btbundle", "b2.btbundle"]] and len(got.imported) == 3
    assert sorted(p.name for p in (inbox / "done").iterdir()) == ["b0.btbundle", "b1.btbundle", "b2.btbundle"]


def test_settling_puts_the_wal_on_disk_when_a_reader_holds_an_older_snapshot(tmp_path, monkeypatch):
    """The window reading for longer than the busy timeout keeps the checkpoint from copying the
    batch's pages, and a checkpoint that copies nothing syncs nothing: settle then syncs the WAL
    itself, so that the relaxed commits survive a power cut (the store replays the WAL)."""
    import os
    import sqlite3

    from btdesk.store import batch

    db = tmp_path / "x.sqlite"
    engine = sqlite_engine(db)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
        conn.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
        conn.exec_driver_sql("PRAGMA busy_timeout=50")  # the pooled connection settle will use
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM t").fetchall()  # a snapshot from before the batch
    synced: list[str] = []
    real = os.fsync
    monkeypatch.setattr(batch.os, "fsync", lambda fd: (synced.append(os.path.realpath(f"/proc/self/fd/{fd}")),
                                                       real(fd))[1])
    with redoable_batch(engine) as settle:
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        settle()
    reader.execute("COMMIT")
    reader.close()
    assert str(db.resolve()) + "-wal" in synced
    engine.dispose()
