"""The frozen one-folder app builds and its selftest passes: resources, migrations,
fonts and keyring backends all survived PyInstaller; and it opens a request's form in its own
window (`btdesk FILE` under offscreen Qt, `btdesk open FILE` on an X screen), which cannot lean
on `sys.executable -m …` since there sys.executable is btdesk itself."""
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_frozen_app_builds_and_passes_selftest(tmp_path):
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    build = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "build"), str(ROOT / "packaging" / "btdesk.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    exe = tmp_path / "dist" / "btdesk" / "btdesk"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BTDESK_RESOURCES")}
    home = tmp_path / "home"
    r = subprocess.run([str(exe), "--home", str(home), "selftest"], capture_output=True, text=True,
                       env=env, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "resources:" in r.stdout and "stockholm" in r.stdout
    assert "window font:" in r.stdout and "FAIL" not in r.stdout
    assert "backends known: " in r.stdout  # keyring backends survived freezing
    # a portfolio made by the frozen app (Alembic migrations ran from the shipped scripts)
    r = subprocess.run([str(exe), "--home", str(home), "demo"], capture_output=True, text=True,
                       env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([str(exe), "--home", str(home), "progress", "--format", "json"],
                       capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0 and '"Amira Haddad"' in r.stdout
    _frozen_app_opens_a_request_form(exe, env, tmp_path)
    _frozen_app_imports_a_batch_read_ahead(exe, env, tmp_path)


def _frozen_app_imports_a_batch_read_ahead(exe: Path, env: dict[str, str], tmp_path: Path) -> None:
    """The unit's import starts its readers from the frozen executable itself: each must run its
    task (multiprocessing.freeze_support), not a second btdesk."""
    import re

    from test_unit_import_read_ahead import make_batch

    unit, files, _ = make_batch(tmp_path / "batch")
    inbox = tmp_path / "share" / "inbox"
    inbox.mkdir(parents=True)
    for f in files:
        shutil.copy2(f, inbox / f.name)
    r = subprocess.run([str(exe), "--home", str(unit), "unit", "import", "--folder", str(tmp_path / "share")],
                       capture_output=True, text=True, env={**env, "BTDESK_LANG": "sv"}, timeout=300)
    assert r.returncode == 1, r.stdout + r.stderr  # the damaged one is refused
    assert f"{len(files) - 1} av {len(files)} paket importerades från 2 personer; 1 avvisades" in r.stdout, r.stdout
    log = (unit / "logs" / "btdesk.log").read_text(encoding="utf-8")
    # the importer reads the first bundles itself while the workers start (read_ahead.HEAD)
    assert re.search(rf"read ahead: [1-9]\d* of {len(files)} bundles by \d+ worker processes", log), log[-2000:]


def _run(exe: Path, env: dict[str, str], *args: str) -> str:
    r = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def _form_shown(cmd: list[str], env: dict[str, str], log: Path, seen_before: int) -> None:
    """Start the window on a request and wait (bounded) until it logs the opened form; then end
    that process group, which the test started (a form waits for a person forever)."""
    marker = "form opened from a request: Mini-CEX"
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             start_new_session=True)
    try:
        for _ in range(600):  # up to 5 minutes on a loaded machine; returns as soon as the line is there
            if log.exists() and log.read_text(encoding="utf-8", errors="replace").count(marker) > seen_before:
                return
            try:
                child.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                continue
            raise AssertionError(f"the window ended before its form was shown: {child.stdout.read()}")
        raise AssertionError("the request's form never opened")
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
            child.wait(timeout=60)


def _frozen_app_opens_a_request_form(exe: Path, env: dict[str, str], tmp_path: Path) -> None:
    doc, sup = tmp_path / "doc", tmp_path / "sup"
    _run(exe, env, "--home", str(doc), "profile", "create", "--role", "doctor", "--name", "Amira Haddad",
         "--programme", "stockholm", "--start", "2026-09-01")
    req = tmp_path / "till-berg.btrequest"
    _run(exe, env, "--home", str(doc), "request", "create", "--instrument", "mini_cex", "--case", "Chest pain",
         "--delmal", "BT1,BT9", "--to", "Erik Berg", "--out", str(req))
    _run(exe, env, "--home", str(sup), "profile", "create", "--role", "supervisor", "--name", "Erik Berg")
    log = sup / "logs" / "btdesk.log"
    # the desktop entry's `btdesk %f`, under offscreen Qt
    _form_shown([str(exe), "--home", str(sup), str(req)], {**env, "QT_QPA_PLATFORM": "offscreen"}, log, 0)
    if shutil.which("xvfb-run"):  # `btdesk open F` on a screen (offscreen Qt keeps `open` on the command line)
        screen = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}
        _form_shown(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", str(exe), "--home", str(sup), "open", str(req)],
                    screen, log, 1)
