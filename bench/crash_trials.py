"""Crash safety: SIGKILL a process that is writing entries, at random points, and prove that
every entry it reported as committed survives and that SQLite's integrity check passes.

    python bench/crash_trials.py [TRIALS] [WORKERS]     (the test suite runs 50)
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CHILD = r"""
import sys, os
from btdesk.services.portfolio import Portfolio
p = Portfolio.open(sys.argv[1])
print("ready", flush=True)
i = 0
while True:
    i += 1
    body = {"type": "course", "title": f"Kurs {i} " + "x" * (i % 500), "date": "2027-02-01",
            "hours": 1.0, "delmal": ["BT1"], "placement": None, "notes": ""}
    r = p.put("activity", body)
    if i % 7 == 0:
        sha, _ = p.attachments.put_bytes(os.urandom(2048))
        print("file", sha, flush=True)
    if i % 5 == 0:
        p.put("activity", {**body, "title": body["title"] + " (ändrad)"}, r.id)
    print("committed", r.id, flush=True)
"""


def make_template(root: Path) -> Path:
    from btdesk.services.portfolio import Portfolio

    home = root / "template"
    os.environ.setdefault("BTDESK_PASSPHRASE", "crash-trials")
    Portfolio.create(home, name="Crash Test", role="supervisor",
                     passphrase=lambda _: os.environ["BTDESK_PASSPHRASE"]).close()
    return home


def one_trial(template: Path, work: Path, seed: int) -> tuple[int, str]:
    """Returns (entries verified, problem or '')."""
    rng = random.Random(seed)
    home = work / f"trial-{seed}"
    shutil.copytree(template, home)
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(home)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    # kill only once the child has committed a random number of entries (progress, not time,
    # decides: a loaded machine gets the same trials), then a moment into the next write
    seen: list[str] = []
    wanted = rng.randint(1, 8)
    while sum(1 for line in seen if line.startswith("committed ")) < wanted:
        line = proc.stdout.readline()
        if not line:  # the child died on its own: what it said is all there is
            break
        seen.append(line)
    time.sleep(rng.uniform(0.0, 0.02))
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate()
    out = "".join(seen) + rest
    # a line cut by the kill is not a report: only whole "committed <uuid>" lines count
    lines = [line.split() for line in out.splitlines()]
    committed = [w[1] for w in lines if len(w) == 2 and w[0] == "committed" and len(w[1]) == 36]
    files = [w[1] for w in lines if len(w) == 2 and w[0] == "file" and len(w[1]) == 64]
    con = sqlite3.connect(home / "portfolio.sqlite")
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        have = {r[0] for r in con.execute("SELECT record_id FROM record_heads")}
    finally:
        con.close()
    if integrity != "ok":
        return len(committed), f"trial {seed}: integrity_check says {integrity}"
    lost = [c for c in committed if c not in have]
    if lost:
        return len(committed), f"trial {seed}: {len(lost)} committed entries lost"
    missing = [f for f in files if not (home / "attachments" / f[:2] / f).is_file()]
    if missing:
        return len(committed), f"trial {seed}: {len(missing)} stored attachments lost"
    # the killed home opens again (the OS released the lock)
    from btdesk.services.portfolio import Portfolio

    Portfolio.open(home).close()
    shutil.rmtree(home)
    return len(committed), ""


def run_trials(n: int, workers: int = 4, seed: int = 1) -> tuple[int, list[str]]:
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        template = make_template(work)
        with ThreadPoolExecutor(workers) as pool:
            results = list(pool.map(lambda i: one_trial(template, work, seed * 100000 + i), range(n)))
    return sum(r[0] for r in results), [r[1] for r in results if r[1]]


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    t = time.perf_counter()
    verified, problems = run_trials(n, workers)
    print(f"{n} trials, {verified} committed entries verified, {len(problems)} problems, "
          f"{time.perf_counter() - t:.1f} s")
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)
