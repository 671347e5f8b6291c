"""One btdesk per home: an OS file lock, released by the OS even when the process dies."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from btdesk.errors import BtdeskError
from btdesk.i18n import _


class PortfolioInUse(BtdeskError):
    pass


class HomeLock:
    def __init__(self, home: Path):
        self.path = home / "portfolio.lock"
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            try:
                other = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            finally:
                os.close(fd)
            raise PortfolioInUse(
                _("Portföljen i {parent} är redan öppen i en annan btdesk (process {other}); stäng den "
                  "först.").format(parent=self.path.parent, other=other)
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock
            self._fd = None


@contextmanager
def waiting_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive OS lock on `path` for a short read-change-write, waiting for any other
    process that holds it (released by the OS even if that process dies)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _wait_lock(fd)
        yield
    finally:
        os.close(fd)  # closing drops the lock


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _wait_lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _wait_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)
