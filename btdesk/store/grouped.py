"""Many bundles' imports in one database transaction, each bundle in its own savepoint.

A commit per bundle was a fixed cost of every bundle: a session, a begin, a commit that writes
the WAL's pages again (the same index pages each time), and on PostgreSQL a round trip and a
wait for the server's disk. Here a group of bundles shares one transaction and each bundle is a
SAVEPOINT inside it: a bundle refused halfway rolls back to its savepoint and leaves nothing,
the bundles before it stay. The group commits every `per_commit` bundles, after a second, and
when the caller settles. A killed import loses at most the open group, whose bundles are still in the inbox
(nothing is acknowledged before the batch settles, store.batch), and importing them again
completes it.

pysqlite begins a transaction only before a write, so a first SAVEPOINT would open, and its
RELEASE commit, the transaction; the group therefore says BEGIN IMMEDIATE itself. The unit's
SQLite home is held by one process (store.lock), so taking the write lock at once waits for
nobody.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

PER_COMMIT = 32  # bundles per commit at most
# and seconds a group stays open at most (checked between bundles): it holds the write lock, and
# the window may want to write meanwhile (SQLite waits 5 s for a lock, store.engine)
MAX_OPEN_S = 1.0


class GroupedTransactions:
    """`bundle()` yields a session in a savepoint of the open group; `commit()` ends the group."""

    def __init__(self, engine: Engine, per_commit: int | None = None) -> None:
        self.engine = engine
        self.per_commit = per_commit or PER_COMMIT
        self._session: Session | None = None
        self._bundles = 0
        self._opened = 0.0

    def _open(self) -> Session:
        if self._session is None:
            s = Session(self.engine, expire_on_commit=False)
            s.begin()
            if self.engine.dialect.name == "sqlite":
                s.connection().exec_driver_sql("BEGIN IMMEDIATE")
            self._session, self._bundles, self._opened = s, 0, time.monotonic()
        return self._session

    @contextmanager
    def bundle(self) -> Iterator[Session]:
        """One bundle's changes, all or nothing: an exception rolls back to its savepoint."""
        s = self._open()
        with s.begin_nested():
            yield s

    def bundle_done(self) -> None:
        """Count a bundle imported (or refused); after `per_commit` of them, or MAX_OPEN_S, the
        group commits. Called outside the bundle's own retries, so a failed commit is never
        retried as if it were only that bundle's."""
        self._bundles += 1
        if self._bundles >= self.per_commit or time.monotonic() - self._opened >= MAX_OPEN_S:
            self.commit()

    def commit(self) -> None:
        s, self._session = self._session, None
        if s is None:
            return
        try:
            s.commit()
        finally:
            s.close()

    def close(self) -> None:
        """Commit what the group holds (every bundle in it is whole); if the database refuses,
        roll it back: its bundles are still in the inbox to import again."""
        try:
            self.commit()
        except SQLAlchemyError:
            pass  # the session was closed, which rolls back

    def __enter__(self) -> GroupedTransactions:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.close()
