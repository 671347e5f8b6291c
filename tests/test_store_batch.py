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
