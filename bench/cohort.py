"""`btdesk bench cohort`: the BT unit imports its cohort's bundles, as `btdesk unit import` does.

The fixture (bench/cohort_fixture.py, cached on disk) holds the unit's profile and one real
`.btbundle` per doctor. Each run copies the unit into a fresh home, puts the bundles into its
sync inbox, and times `open_target` + `import_inbox` — the two calls `btdesk unit import
--folder DIR` makes — in this process. With `--database-url` the fresh home's config.toml
names that (empty) database, so the import goes to PostgreSQL as a unit's shared store would.

Baseline, in the same run: verifying the same files' signatures alone (every manifest's CMS
signature and every signed record's) with the unit's trust store, in a fresh process, so that
like the import it meets each certificate for the first time (parsing it and checking who
issued it is part of verifying; the caches in btdesk.identity.cms keep them afterwards). Only
the verification loop is timed there, not reading the files. The ratio import ÷ verification
says what the import costs beyond the cryptography it cannot skip. Peak memory is counted from
just before the import.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import replace
from datetime import date
from pathlib import Path

from bench.cohort_fixture import Fixture, fixture
from bench.measure import ROOT, checkout_env, peak_rss_mb, profiled, reset_peak_rss

GOAL_RATIO = 2.0
GOAL_RSS_MB = 250


Signature = tuple[bytes, bytes, str, bool]  # signed bytes, CMS, what it vouches for, valid now?


def signatures(bundles: list[Path]) -> list[Signature]:
    """Every signature in these files as the import verifies it: each manifest's (a bundle, its
    certificate valid now, as the unit demands) and each signed record's (its kind, which the
    trust policy may restrict)."""
    from btdesk.canonical import canonical_bytes

    out: list[Signature] = []
    for path in bundles:
        with zipfile.ZipFile(path) as z:
            out.append((z.read("manifest.json"), z.read("manifest.p7s"), "bundle", True))
            for raw in z.read("records.jsonl").splitlines():
                line = json.loads(raw)
                if line["signature"]:
                    out.append((canonical_bytes(line["record"]), base64.b64decode(line["signature"]),
                                line["record"]["kind"], False))
    return out


def verify_all(pairs: list[Signature], unit_home: Path) -> tuple[float, float]:
    """(seconds, CPU seconds) to verify every signature with the unit's trust store, in this process."""
    from btdesk.identity import TrustStore, verify_detached

    trust = TrustStore(unit_home)
    t, cpu = time.perf_counter(), time.process_time()
    for data, sig, kind, now in pairs:
        verify_detached(data, sig, trust, kind=kind, valid_now=now)
    return time.perf_counter() - t, time.process_time() - cpu


def verify_fresh(bundles: list[Path], unit_home: Path) -> tuple[float, float]:
    """verify_all of these files' signatures in a fresh process (no certificate seen before)."""
    out = subprocess.run([sys.executable, "-m", "bench.cohort", "verify", str(unit_home), *map(str, bundles)],
                         capture_output=True, text=True, env=checkout_env(), cwd=ROOT, check=True)
    seconds, cpu = out.stdout.split()[-2:]
    return float(seconds), float(cpu)


def fresh_unit(fx: Fixture, where: Path, database_url: str | None) -> tuple[Path, Path]:
    """A copy of the unit's home and a sync folder whose inbox holds every bundle."""
    home = where / "unit"
    shutil.copytree(fx.unit_home, home)
    if database_url:
        (home / "config.toml").write_text(f"database_url = {json.dumps(database_url)}\n", encoding="utf-8")
    inbox = where / "sync" / "inbox"
    inbox.mkdir(parents=True)
    for b in fx.bundles:
        shutil.copy2(b, inbox / b.name)
    _up_to_date(home)
    return home, where / "sync"


def _up_to_date(home: Path) -> None:
    """Open the unit once, untimed and in a child (this process stays cold): a cached fixture made
    by an older btdesk is migrated, as the unit's own btdesk does at its first start after an
    update, not inside the timed import."""
    code = ("import sys; from pathlib import Path; from btdesk.services.unit_import import open_target\n"
            "with open_target(Path(sys.argv[1])):\n    pass\n")
    subprocess.run([sys.executable, "-c", code, str(home)], check=True, capture_output=True, timeout=600)


def _refuse_non_empty(home: Path) -> None:
    from btdesk.errors import BtdeskError
    from btdesk.services.unit_store import open_unit_store

    with open_unit_store(home) as store:
        if store.head_count():
            raise BtdeskError("The benchmark needs an empty database; the one given already holds records.")


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (the import's workers, once it has joined them)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def import_timed(home: Path, folder: Path, profile: Path | None
                 ) -> tuple[float, float, object, int, float, int, float, float]:
    """(seconds, peak MB, summary, overview rows, overview seconds, records stored, CPU seconds of this
    process, CPU seconds of the workers it started) of one `unit import`."""
    from btdesk.services import cohort
    from btdesk.services.unit_import import import_inbox, open_target, store_of

    reset_peak_rss()
    t, cpu, workers = time.perf_counter(), time.process_time(), _children_cpu()
    with profiled(profile), open_target(home) as target:
        summary = import_inbox(target, folder)
    seconds, cpu, workers = time.perf_counter() - t, time.process_time() - cpu, _children_cpu() - workers
    peak = peak_rss_mb()
    with open_target(home) as target:
        t = time.perf_counter()
        rows = cohort.overview_of_store(store_of(target), date(2028, 1, 15))
        t_overview = time.perf_counter() - t
        stored = store_of(target).head_count()
    return seconds, peak, summary, len(rows), t_overview, stored, cpu, workers


def run(doctors: int = 300, n_supervisors: int = 40, database_url: str | None = None, *,
        cache: Path | None = None, profile: Path | None = None, out: Callable[[str], None] = print,
        bundles: int | None = None, runs: int = 1, where: Path | None = None) -> dict:
    """`bundles`: only the first N of the fixture's bundles (the fixture of `doctors` is made or
    reused whole), for quick runs while changing the code. `runs`: more than one runs each in a
    fresh process and reports the median (bench/cohort_runs.py). `where`: a folder for the unit's
    copy, left for the caller to remove (default: a temporary folder removed at the end)."""
    from btdesk.errors import BtdeskError

    if runs > 1:
        from bench.cohort_runs import median_of

        return median_of(runs, out, doctors=doctors, n_supervisors=n_supervisors, database_url=database_url,
                         cache=cache, bundles=bundles)

    _quiet_keyring()
    fx = fixture(doctors, n_supervisors, cache, out)
    if bundles is not None:
        fx = replace(fx, bundles=fx.bundles[:bundles])
    pairs = signatures(fx.bundles)
    n_records = sum(len(json.loads(zipfile.ZipFile(b).read("manifest.json"))["records"]) for b in fx.bundles)
    with (tempfile.TemporaryDirectory(prefix="btdesk-bench-cohort-") if where is None
          else nullcontext(str(where))) as tmp:
        home, folder = fresh_unit(fx, Path(tmp), database_url)
        if database_url:
            _refuse_non_empty(home)
        # the baseline before and after the import, and their mean: this machine's speed drifts by
        # a third within minutes, and one side alone would carry that drift into the ratio
        before = verify_fresh(fx.bundles, home)
        t_import, peak, summary, n_rows, t_overview, stored, cpu_import, cpu_workers = import_timed(
            home, folder, profile)
        after = verify_fresh(fx.bundles, home)
        t_verify, cpu_verify = (before[0] + after[0]) / 2, (before[1] + after[1]) / 2
        if summary.rejected or len(summary.imported) != len(fx.bundles):
            raise BtdeskError(f"The benchmark's import refused bundles: {summary.rejected[:1]}")
    result = {
        "store": "postgresql" if database_url else "sqlite", "doctors": doctors, "supervisors": n_supervisors,
        "bundles": len(fx.bundles), "records": n_records, "signatures": len(pairs),
        "fixture_built_s": None if fx.built_s is None else round(fx.built_s, 1),
        "import_s": round(t_import, 3), "records_per_s": round(n_records / t_import),
        "baseline": {"what": "verifying the same files' signatures alone, in a fresh process, before and "
                             "after the import: the mean",
                     "seconds": round(t_verify, 3), "cpu_seconds": round(cpu_verify, 3),
                     "before_s": round(before[0], 3), "after_s": round(after[0], 3)},
        "ratio": round(t_import / t_verify, 2), "goal_ratio": GOAL_RATIO,
        "import_cpu_s": round(cpu_import, 3), "workers_cpu_s": round(cpu_workers, 3),
        "cpu_ratio": round((cpu_import + cpu_workers) / cpu_verify, 2),
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "read_by_workers": summary.read_by_workers,
        "workers_peak_rss_mb": [round(kb / 1024) for kb in summary.workers_peak_kb],
        "peak_rss_mb": round(peak), "goal_rss_mb": GOAL_RSS_MB,
        # every process at its peak at once: more than was ever resident together
        "all_processes_peak_rss_mb": round(peak + sum(summary.workers_peak_kb) / 1024),
        "overview_s": round(t_overview, 3), "overview_rows": n_rows, "stored_records": stored,
    }
    _report(result, out)
    return result


def _report(r: dict, out: Callable[[str], None]) -> None:
    who = (f"{r['doctors']} doctors" if r["bundles"] == r["doctors"]
           else f"the first {r['bundles']} of {r['doctors']} doctors (--bundles)")
    out(f"Cohort: {r['bundles']} bundles from {who}, {r['records']} record versions, "
        f"{r['signatures']} signatures ({r['supervisors']} supervisors).")
    out(f"Baseline: verifying those {r['signatures']} signatures alone (manifests' CMS and signed records'), "
        f"in a fresh process, before and after the import: {r['baseline']['before_s']:.2f} s and "
        f"{r['baseline']['after_s']:.2f} s, {r['baseline']['seconds']:.2f} s on average.")
    out(f"btdesk unit import of the {r['bundles']} bundles from a sync inbox into a fresh unit home's "
        f"{'PostgreSQL database' if r['store'] == 'postgresql' else 'SQLite store'} (open_target + import_inbox, "
        f"in the run's process): {r['import_s']:.2f} s, {r['records_per_s']} record versions/s, "
        f"{r['ratio']}× the baseline (goal ≤ {GOAL_RATIO}×).")
    workers = len(r["workers_peak_rss_mb"])
    out(f"{r['read_by_workers']} of the {r['bundles']} bundles were read ahead by {workers} worker "
        f"{'process' if workers == 1 else 'processes'} (btdesk.services.read_ahead) while the run's process "
        "merged and read the others." if workers else
        "No worker processes read ahead (too few bundles or cores); the run's process read every bundle.")
    out(f"CPU time, which the machine's load (now {r['load_average']}) moves less: import {r['import_cpu_s']:.2f} s "
        f"in the run's process + {r['workers_cpu_s']:.2f} s in its workers, "
        f"baseline {r['baseline']['cpu_seconds']:.2f} s, {r['cpu_ratio']}×.")
    out(f"Peak resident memory during the import: {r['peak_rss_mb']} MB in the run's process, "
        f"{' + '.join(str(m) for m in r['workers_peak_rss_mb']) or '0'} MB in its workers, "
        f"{r['all_processes_peak_rss_mb']} MB if all peaked at once (goal ≤ {GOAL_RSS_MB} MB).")
    out(f"Cohort overview of {r['overview_rows']} doctors afterwards: {r['overview_s']:.3f} s.")


def _quiet_keyring() -> None:
    """The benchmark's profiles keep their keys in passphrase files, never in the real keyring."""
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())


def _verify_main(argv: list[str]) -> None:
    """`python -m bench.cohort verify UNIT_HOME BUNDLE…`: print verify_all's seconds (verify_fresh's child)."""
    pairs = signatures([Path(a) for a in argv[1:]])
    print(*verify_all(pairs, Path(argv[0])))


if __name__ == "__main__":
    if sys.argv[1:2] == ["verify"]:
        _verify_main(sys.argv[2:])
    else:
        run()
