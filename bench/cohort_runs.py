"""`btdesk bench cohort --runs N`: N runs of the cohort benchmark, each in a fresh process, and
the one with the median ratio reported with every run's figures.

This machine's speed drifts by a third within minutes, so one run's ratio can land a quarter off
either way. Each run is a whole `bench.cohort.run` (its own baseline before and after its own
import) in a fresh process, so that every import meets the modules and certificates for the
first time as `btdesk unit import` does; a second import in the same process would not. The
runs' unit copies are removed only after the last run: this machine's file system creates files
slowly for a minute after many were deleted (bench/README.md), which would slow the next run.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.measure import ROOT, checkout_env

KEPT = ("import_s", "ratio", "baseline", "import_cpu_s", "workers_cpu_s", "all_processes_peak_rss_mb",
        "load_average")


def median_of(runs: int, out: Callable[[str], None], *, database_url: str | None, **kwargs: Any) -> dict:
    from bench.cohort import _report
    from bench.cohort_fixture import fixture
    from btdesk.errors import BtdeskError
    from btdesk.i18n import _

    if database_url:
        raise BtdeskError(_("--runs över 1 behöver en ny tom databas för varje körning; ange --runs 1."))
    fixture(kwargs["doctors"], kwargs["n_supervisors"], kwargs["cache"], out)  # made here once, not in a run
    results = []
    with tempfile.TemporaryDirectory(prefix="btdesk-bench-cohort-") as tmp:
        for k in range(runs):
            where = Path(tmp) / f"run-{k + 1}"
            where.mkdir()
            results.append(_one(where, kwargs))
            out(f"run {k + 1} of {runs}: {results[-1]['import_s']:.2f} s, {results[-1]['ratio']}× the baseline")
    median = sorted(results, key=lambda r: r["ratio"])[len(results) // 2]
    result = {**median, "runs": [{key: r[key] for key in KEPT} for r in results],
              "ratios": [r["ratio"] for r in results]}
    _report(result, out)
    out(f"The {runs} runs, each in a fresh process with its own baseline: "
        f"{', '.join(f'{r}×' for r in result['ratios'])}; the run reported above is the median.")
    return result


def _one(where: Path, kwargs: dict[str, Any]) -> dict:
    args = {**kwargs, "cache": None if kwargs["cache"] is None else str(kwargs["cache"]), "where": str(where)}
    got = subprocess.run([sys.executable, "-m", "bench.cohort_runs", json.dumps(args)], capture_output=True,
                         text=True, env=checkout_env(), cwd=ROOT)
    if got.returncode != 0:
        raise RuntimeError(f"a cohort run failed: {got.stderr.strip()[-2000:]}")
    return json.loads(got.stdout.splitlines()[-1])


def _main(argv: list[str]) -> None:
    from bench.cohort import run

    args = json.loads(argv[0])
    args["cache"] = None if args["cache"] is None else Path(args["cache"])
    args["where"] = Path(args["where"])
    print(json.dumps(run(**args, out=lambda _line: None)))


if __name__ == "__main__":
    _main(sys.argv[1:])
