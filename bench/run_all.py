"""`btdesk bench all`: the four benchmarks in one run, every figure with its baseline, in one
JSON file, so that two runs (two commits, two machines) can be compared figure by figure.

Each benchmark's entry holds its figures, a `baseline` measured in the same run (what the
figure is compared with, and its value) and the ratio to it. The machine's load average is
recorded too: the benchmarks share the CPU with whatever else runs, and the ratios, not the
absolute times, are what stays comparable.
"""
from __future__ import annotations

import json
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FORMAT = "btdesk-bench/1"
NAMES = ("startup", "bundle", "dossier", "cohort")
# the sizes the issue asks for, and small ones for a smoke test (figures then mean little)
FULL = {"startup": {"runs": 5, "entries": 600}, "bundle": {"entries": 600},
        "dossier": {"sizes": ("year", "large"), "repeats": 3}, "cohort": {"doctors": 300, "supervisors": 40, "runs": 3}}
QUICK = {"startup": {"runs": 1, "entries": 30}, "bundle": {"entries": 60},
         "dossier": {"sizes": ("quick",), "repeats": 1}, "cohort": {"doctors": 3, "supervisors": 2, "runs": 1}}


def _machine() -> dict[str, Any]:
    return {"python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None}


def _runners(sizes: dict, cache: Path | None, database_url: str | None,
             out: Callable[[str], None]) -> dict[str, Callable[[], dict]]:
    from bench import bundle, cohort, dossier, startup

    return {
        "startup": lambda: startup.run(sizes["startup"]["runs"], out, entries=sizes["startup"]["entries"]),
        "bundle": lambda: _shown(bundle.run(entries=sizes["bundle"]["entries"]), bundle.report, out),
        "dossier": lambda: dossier.run(sizes["dossier"]["sizes"], cache=cache, repeats=sizes["dossier"]["repeats"],
                                       out=out),
        "cohort": lambda: cohort.run(sizes["cohort"]["doctors"], sizes["cohort"]["supervisors"], database_url,
                                     cache=cache, out=out, runs=1 if database_url else sizes["cohort"]["runs"]),
    }


def _shown(figures: dict, report: Callable[..., None], out: Callable[[str], None]) -> dict:
    """A benchmark's figures, also printed (the bundle benchmark prints only when asked)."""
    report(figures, out)
    return figures


def run(path: Path, *, quick: bool = False, cache: Path | None = None, database_url: str | None = None,
        only: tuple[str, ...] = NAMES, out: Callable[[str], None] = print) -> dict[str, Any]:
    from btdesk.fileutil import atomic_write

    sizes = QUICK if quick else FULL
    result: dict[str, Any] = {"format": FORMAT, "started": datetime.now(UTC).isoformat(timespec="seconds"),
                              "quick": quick, "sizes": {n: sizes[n] for n in only}, "machine": _machine(),
                              "benchmarks": {}}
    runners = _runners(sizes, cache, database_url, out)
    for name in only:
        out(f"== {name}")
        t = time.perf_counter()
        result["benchmarks"][name] = runners[name]()
        result["benchmarks"][name]["wall_s"] = round(time.perf_counter() - t, 1)
    result["machine"]["load_average_after"] = _machine()["load_average"]
    atomic_write(Path(path), (json.dumps(result, indent=2, ensure_ascii=False, default=_plain) + "\n").encode())
    out(f"Wrote {path}.")
    return result


def _plain(value: Any) -> Any:
    if isinstance(value, (tuple, set)):
        return list(value)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON")
