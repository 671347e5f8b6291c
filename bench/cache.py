"""Generated fixtures kept on disk between benchmark runs, keyed by a version string.

A fixture is built in a temporary folder beside its final name and renamed into place once
complete, so an interrupted build leaves nothing that looks finished. Change the version a
benchmark passes whenever what it generates changes.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

DONE = "done"
SHM = Path("/dev/shm")


def default_cache() -> Path:
    base = os.environ.get("BTDESK_BENCH_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "btdesk-bench"


def cached(key: str, build: Callable[[Path], None], cache: Path | None = None,
           out: Callable[[str], None] = print) -> tuple[Path, float | None]:
    """(folder, seconds it took to build, or None when it came from the cache)."""
    root = (cache or default_cache()) / key
    if (root / DONE).exists():
        return root, None
    out(f"Making the fixture {key} in {root} (kept for later runs) …")
    root.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=root.name + ".", dir=root.parent))
    t = time.perf_counter()
    try:
        build(work)
        (work / DONE).write_text(key + "\n", encoding="utf-8")
        shutil.rmtree(root, ignore_errors=True)
        work.rename(root)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return root, time.perf_counter() - t


def scratch_dir() -> Path:
    """A temporary folder in memory where there is a tmpfs: portfolios built only to be
    exported or copied need not wait for a disk on every commit."""
    return Path(tempfile.mkdtemp(prefix="btdesk-bench-", dir=SHM if SHM.is_dir() else None))
