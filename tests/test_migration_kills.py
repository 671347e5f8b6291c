"""A migration killed at any point leaves a usable portfolio: the old one untouched, or the new
one complete; exactly one backup per schema version, however often it is retried.

Every step boundary is hit deterministically (btdesk.store.migrate.STEP_HOOKS), through the real
command; then 200 kills at random SQL statements of the upgrade (forked children, so the run
costs seconds, not minutes)."""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from btdesk.services.portfolio import DB_NAME, Portfolio
from btdesk.store import migrate, schema

ROOT = Path(__file__).resolve().parent.parent
OLDEST = Path(__file__).parent / "fixtures" / "schema" / f"{schema.REVISIONS[0]}.sqlite"
STEPS = ["copied", *schema.REVISIONS[1:], "checked", "backed-up", "replaced"]

KILL_AT_STEP = """
import os, signal, sys
from btdesk.store import migrate
step = sys.argv[1]
migrate.STEP_HOOKS.append(lambda s: s == step and os.kill(os.getpid(), signal.SIGKILL))
from btdesk.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _old_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir(parents=True)
    shutil.copy(OLDEST, home / DB_NAME)
    return home


def _assert_usable(home: Path) -> None:
    """Opens at HEAD with the fixture's data, passes integrity_check, one backup of the old schema."""
    with Portfolio.open(home) as p:
        assert schema.current_revision(p.engine) == schema.HEAD
        assert p.profile.name == "Fixture Doktor"
        assert [a.body["title"] for a in p.records("activity")] == ["ALS-kurs"]
    conn = sqlite3.connect(home / DB_NAME)
    assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
    conn.close()
    backups = sorted((home / "backups").iterdir())
    assert backups == [migrate.backup_path(home / DB_NAME, schema.REVISIONS[0])]
    assert not list(home.glob(f".{DB_NAME}.migrating*"))


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_every_step_of_the_upgrade(step, tmp_path):
    home = _old_home(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-c", KILL_AT_STEP, step, "--home", str(home), "entries"],
                       capture_output=True, text=True, env=env, timeout=120, check=False)
    assert r.returncode == -signal.SIGKILL, r.stderr
    if step != "replaced":
        assert _revision(home) == schema.REVISIONS[0]  # untouched until the rename
    # the next command, as a user would run it, finds a sound portfolio
    from conftest import run_cli

    r = run_cli("entries", home=home)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    _assert_usable(home)


def _revision(home: Path) -> str | None:
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{home / DB_NAME}")
    try:
        return schema.current_revision(engine)
    finally:
        engine.dispose()


def _kill_at_statement(home: Path, n: int) -> int:
    """Fork a child that migrates and is SIGKILLed at its n-th SQL statement; its exit status."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            from sqlalchemy import Engine, event

            seen = [0]

            def count(*_a: object) -> None:
                seen[0] += 1
                if seen[0] == n:
                    os.kill(os.getpid(), signal.SIGKILL)
            event.listen(Engine, "before_cursor_execute", count)
            migrate.STEP_HOOKS.append(lambda _s: count())
            with Portfolio.open(home):
                pass
        finally:
            os._exit(0)
    return os.waitpid(pid, 0)[1]


def _statements(tmp_path: Path) -> int:
    """How many SQL statements and steps one whole upgrade takes."""
    from sqlalchemy import Engine, event

    home = _old_home(tmp_path / "count")
    seen = [0]

    def count(*_a: object) -> None:
        seen[0] += 1
    event.listen(Engine, "before_cursor_execute", count)
    migrate.STEP_HOOKS.append(count)
    try:
        with Portfolio.open(home):
            pass
    finally:
        event.remove(Engine, "before_cursor_execute", count)
        migrate.STEP_HOOKS.remove(count)
    return seen[0]


@pytest.fixture
def scratch(tmp_path: Path):
    """Memory-backed when the machine has it: the kills test the logic, and 200 upgrades on a
    disk that syncs every commit would take minutes."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    import tempfile

    d = Path(tempfile.mkdtemp(dir=shm, prefix="btdesk-kills-"))
    try:
        yield d
    finally:
        shutil.rmtree(d, ignore_errors=True)


@pytest.mark.slow
def test_200_random_kills_during_the_upgrade(scratch):
    tmp_path = scratch
    total = _statements(tmp_path)
    assert total >= 10
    rng = random.Random(20261201)
    killed = 0
    for i in range(200):
        home = _old_home(tmp_path / str(i))
        killed += os.WIFSIGNALED(_kill_at_statement(home, rng.randint(1, total)))
        if rng.random() < 0.3:  # sometimes a second kill during the retry
            killed += os.WIFSIGNALED(_kill_at_statement(home, rng.randint(1, total)))
        _assert_usable(home)
        shutil.rmtree(tmp_path / str(i))
    assert killed >= 200  # every child really died mid-way
