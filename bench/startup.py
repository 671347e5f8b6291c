"""`btdesk bench startup`: cold start of the window against a bare PySide6 window.

Each run is a fresh child process. The bare child shows a QMainWindow and prints the time once
the event loop has run (first paint); the btdesk child opens a full-year portfolio (≥ 600
entries), shows the window as `btdesk` does (ui.app) and does the same — the hooks live here, on
the window's first_painted and portfolio_loaded signals — then times one filter of the activity
list inside itself. Reported: medians of the runs, and the ratio to the bare window.

    python bench/startup.py [RUNS]
"""
from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

BARE = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
class W(QMainWindow):
    painted = False
    def event(self, e):
        if not self.painted and e.type() == e.Type.Paint:
            self.painted = True
            print(f"BTDESK_READY {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return super().event(e)
app = QApplication(sys.argv)
w = W()
w.setCentralWidget(QLabel("bare"))
w.resize(1180, 760)
w.show()
app.exec()
"""

# the window as ui.app.run starts it, reporting first paint, data on screen and one filter
BTDESK = r"""
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui.main_window import MainWindow
app = QApplication(sys.argv)
app.setApplicationName("btdesk")
app.setOrganizationName("btdesk")
w = MainWindow(Path(sys.argv[1]), defer=True)
w.first_painted.connect(lambda: print(f"BTDESK_READY {time.time():.6f}", flush=True))
w.data_shown.connect(lambda: print(f"BTDESK_DATA {time.time():.6f}", flush=True))
def loaded():
    print(f"BTDESK_LOADED {time.time():.6f}", flush=True)
    view = w.views["Aktiviteter"]
    view.refresh(w.portfolio)
    t0 = time.perf_counter()
    view.proxy.set_filter(delmal="BT1", text="kurs")
    n = view.proxy.rowCount()
    print(f"BTDESK_FILTER_MS {(time.perf_counter() - t0) * 1000:.2f} rows={view.model.rowCount()} shown={n}",
          flush=True)
    app.quit()
w.portfolio_loaded.connect(loaded)
w.show()
app.exec()
w.close()
"""

PASSPHRASE = "bench passphrase"
GOAL_DATA_RATIO = 3.0


def build_year(home: Path, size: int = 600) -> int:
    """A doctor one year into BT: four placements, weekly talks, ~600 activities."""
    from btdesk.services import bt, entries
    from btdesk.services.portfolio import Portfolio
    from btdesk.timeutil import add_months

    start = date(date.today().year - 1, date.today().month, 1)
    p = Portfolio.create(home, name="Bench Doctor", role="doctor", programme_id="stockholm",
                         passphrase=lambda _: PASSPHRASE)
    n = 0
    try:
        bt.set_bt(p, start=start, huvudhandledare="Dr Lind")
        plan = [("akut_sjukvard", 4), ("allmanmedicin", 4), ("geriatrik", 2), ("psykiatri", 2)]
        cursor, pls = start, []
        for kind, months in plan:
            end = add_months(cursor, months) - timedelta(days=1)
            pls.append(bt.add_placement(p, kind=kind, site=f"Site {kind}", supervisor="Dr Berg",
                                        start=cursor, end=end))
            cursor = end + timedelta(days=1)
        types = ["course", "seminar", "self_study", "teaching", "clinical"]
        day, i = start, 0
        while n < size:
            pl = next((x for x in pls if x.start <= day <= x.end), pls[-1])
            entries.save_activity(p, type=types[i % 5], title=f"Aktivitet {i}: kurs i ämne {i % 37}",
                                  date=day, hours=1 + i % 6, delmal=[f"BT{1 + i % 18}", f"BT{1 + (i * 7) % 18}"],
                                  placement=pl.id, notes="Anteckning om lärande" if i % 3 == 0 else "")
            n, i = n + 1, i + 1
            if i % 2 == 0:
                day += timedelta(days=1)
            if i % 14 == 0:
                entries.save_talk(p, date=day, placement=pl.id, topics=["Veckan"], agreed_actions=["Läsa"])
                n += 1
    finally:
        p.close()
    return n


def _btdesk_cmd() -> list[str]:
    return [sys.executable, "-c", BTDESK]


def _ready_ms(cmd: list[str], env: dict) -> tuple[float, dict[str, float], str]:
    """Milliseconds from spawn to first paint; and to each later mark the child printed
    (DATA: the overview shows the portfolio's figures; LOADED: the portfolio is open)."""
    t0 = time.time()
    out = subprocess.run(cmd, check=False, capture_output=True, text=True, env=env, timeout=120)
    m = re.search(r"BTDESK_READY (\d+\.\d+)", out.stdout)
    if not m:
        raise RuntimeError(f"the child did not report readiness: {out.stderr.strip()[-400:]}")
    marks = {k: (float(v) - t0) * 1000 for k, v in re.findall(r"BTDESK_(DATA|LOADED) (\d+\.\d+)", out.stdout)}
    return (float(m.group(1)) - t0) * 1000, marks, out.stdout


def _env(tmp: Path) -> dict[str, str]:
    """The children's environment: this checkout's code, compiled to bytecode once (kept in a
    folder of the run, never in the tree) as an installed btdesk is, even where the shell sets
    PYTHONDONTWRITEBYTECODE."""
    from bench.measure import checkout_env

    env = checkout_env(XDG_CONFIG_HOME=str(tmp / "config"), PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _btdesk_run(home: Path, env: dict[str, str], kept: bool) -> dict[str, float]:
    """One start: first paint, data on screen, portfolio open (ms) and the filter. Without
    `kept`, the overview's kept copy is removed first, as after a change since the last start."""
    from btdesk.services.overview_cache import CACHE_FILE

    if not kept:
        (home / CACHE_FILE).unlink(missing_ok=True)
    ms, marks, stdout = _ready_ms(_btdesk_cmd() + [str(home)], env)
    if "DATA" not in marks or "LOADED" not in marks:
        raise RuntimeError("btdesk did not report its data shown and loaded: " + stdout[-400:])
    m = re.search(r"BTDESK_FILTER_MS (\d+\.\d+)", stdout)
    return {"paint": ms, "data": marks["DATA"], "open": marks["LOADED"], "filter": float(m.group(1)) if m else -1}


def run(runs: int = 5, out=print, entries: int = 600) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="btdesk-bench-"))
    try:
        home = tmp / "home"
        t = time.perf_counter()
        n = build_year(home, entries)
        out(f"portfolio: {n} entries built in {time.perf_counter() - t:.1f} s")
        env = _env(tmp)
        _ready_ms([sys.executable, "-c", BARE], env)  # warm the OS file cache and compile for both
        _btdesk_run(home, env, kept=False)  # … and keep the overview's figures, as every start does
        bare, kept, fresh = [], [], []
        for _ in range(runs):
            bare.append(_ready_ms([sys.executable, "-c", BARE], env)[0])
            kept.append(_btdesk_run(home, env, kept=True))
            fresh.append(_btdesk_run(home, env, kept=False))
        med = statistics.median
        result = {"entries": n, "bare_ms": med(bare), "btdesk_ms": med(r["paint"] for r in kept),
                  "data_ms": med(r["data"] for r in kept), "open_ms": med(r["open"] for r in kept),
                  "data_changed_ms": med(r["data"] for r in fresh),
                  "filter_ms": med(r["filter"] for r in kept)}
        for k in ("btdesk", "data", "open", "data_changed"):
            result[f"{k}_ratio"] = result[f"{k}_ms"] / result["bare_ms"]
        result["ratio"] = result.pop("btdesk_ratio")
        result["goal_data_ratio"] = GOAL_DATA_RATIO
        result["baseline"] = {"what": f"a bare PySide6 window to its first paint (median of {runs})",
                              "ms": result["bare_ms"]}
        _report(result, out)
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _report(r: dict, out) -> None:
    out(f"bare PySide6 window:   {r['bare_ms']:7.0f} ms (median)")
    out(f"btdesk to interactive: {r['btdesk_ms']:7.0f} ms  = {r['ratio']:.2f}× the bare window "
        f"(aim ≤ 1.5×; window painted, menus and keys live)")
    out(f"btdesk data on screen: {r['data_ms']:7.0f} ms  = {r['data_ratio']:.2f}× (goal ≤ {GOAL_DATA_RATIO:g}×; "
        f"the overview's figures, kept from the last start and current)")
    out(f"  after a change:      {r['data_changed_ms']:7.0f} ms  = {r['data_changed_ratio']:.2f}× "
        f"(no current kept copy: the portfolio opened in a worker, figures computed)")
    out(f"portfolio open:        {r['open_ms']:7.0f} ms  = {r['open_ratio']:.2f}× (editing possible)")
    out(f"one activity filter:   {r['filter_ms']:7.1f} ms over {r['entries']} entries (aim < 50 ms)")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
