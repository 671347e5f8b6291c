"""Small measuring tools the benchmarks share: peak memory, an optional cProfile, and the
environment of a child process that runs this checkout's code."""
from __future__ import annotations

import os
import resource
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the source checkout the benchmarks run from
_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def reset_peak_rss() -> bool:
    """Start counting peak memory from now (Linux: writing 5 to clear_refs resets VmHWM).

    Returns False where the peak cannot be reset; the figure then covers the whole process."""
    try:
        _CLEAR_REFS.write_text("5")
        return True
    except OSError:
        return False


def peak_rss_mb() -> float:
    """The process's peak resident memory in MB since the last reset (or since it started)."""
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def profiled(path: Path | None) -> Iterator[None]:
    """cProfile the block into `path` (read it with `python -m pstats PATH`); nothing when None."""
    if path is None:
        yield
        return
    import cProfile

    prof = cProfile.Profile()
    prof.enable()
    try:
        yield
    finally:
        prof.disable()
        prof.dump_stats(str(path))


def checkout_env(**extra: str) -> dict[str, str]:
    """This process's environment with this checkout first on PYTHONPATH, and `extra`."""
    path = os.pathsep.join(x for x in (str(ROOT), os.environ.get("PYTHONPATH")) if x)
    return {**os.environ, "PYTHONPATH": path, **extra}
