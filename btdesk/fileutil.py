"""Files that appear whole or not at all: written to a temp file beside the target, fsynced,
then renamed over it, so a crash or a full disk never leaves half a file behind, and a failed
rewrite leaves the previous file byte-identical.

A temporary name carries the writer's process id (`.NAME.PID.RANDOM.tmp`); the next btdesk that
writes into the same folder removes those whose process is gone, so a killed writer leaves
nothing for long.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

_TEMP = re.compile(r"^\..+\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.(tmp|partial)$")


def _prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}."


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` itself durable (POSIX; a no-op elsewhere)."""
    if hasattr(os, "O_DIRECTORY"):
        dfd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove what killed writers left in `path`'s folder (any file's hidden temporary names whose
    process is gone); returns what was removed."""
    folder = Path(path).parent
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for stale in folder.glob(".*.*"):
        m = _TEMP.search(stale.name)
        if m is None or _alive(int(m["pid"])):
            continue
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)
        removed.append(stale)
    return removed


def _prepare(path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    return path


def _syncfs(fd: int) -> bool:
    """Linux's syncfs(2): everything written to the file system holding `fd` reaches the disk in
    one journal commit. False where it does not exist."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        call = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return False
    if call(fd) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))
    return True


def sync_paths(paths: Iterable[Path]) -> None:
    """Make these files, and the folder entries naming them, durable. On Linux one syncfs per file
    system (an fsync per file costs a journal commit each: seconds for a thousand files);
    elsewhere an fsync of each file and each folder."""
    paths = [Path(p) for p in paths]
    done: set[int] = set()
    for p in paths:
        dev = p.stat().st_dev
        if dev in done:
            continue
        fd = os.open(p, os.O_RDONLY)
        try:
            if not _syncfs(fd):
                break
        finally:
            os.close(fd)
        done.add(dev)
    else:
        return
    for p in paths:
        with open(p, "rb") as f:
            os.fsync(f.fileno())
    for folder in {p.parent for p in paths}:
        fsync_dir(folder)


class SyncLater:
    """Files written without waiting for the disk, made durable together by `flush()`: for a batch
    that can be redone (btdesk.store.batch), where nothing presumes them durable before then."""

    def __init__(self) -> None:
        self.paths: set[Path] = set()

    def add(self, path: Path) -> None:
        self.paths.add(Path(path))

    def flush(self) -> None:
        sync_paths(sorted(p for p in self.paths if p.exists()))
        self.paths.clear()


@contextmanager
def atomic_file(path: Path, *, mode: int | None = None, later: SyncLater | None = None) -> Iterator[BinaryIO]:
    """`later`: do not wait for the disk here; `later.flush()` makes the file durable."""
    path = _prepare(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_prefix(path), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if later is None:
                os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if later is None:
        fsync_dir(path.parent)
    else:
        later.add(path)


def atomic_write(path: Path, data: bytes, *, mode: int | None = None, later: SyncLater | None = None) -> Path:
    with atomic_file(path, mode=mode, later=later) as f:
        f.write(data)
    return Path(path)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` for a writer that wants a file name (a PDF builder, a
    signer that rewrites its input); it replaces `path` only when the block succeeds."""
    path = _prepare(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=_prefix(path), suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


@contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """A temporary folder beside `path`, renamed to `path` when the block succeeds (never over an
    existing one: FileExistsError) and removed when it fails."""
    path = _prepare(path)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=_prefix(path), suffix=".partial"))
    try:
        yield tmp
        for f in tmp.iterdir():
            with open(f, "rb") as fh:
                os.fsync(fh.fileno())
        fsync_dir(tmp)
        if path.exists():
            raise FileExistsError(path)
        os.rename(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    fsync_dir(path.parent)
