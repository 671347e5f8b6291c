"""Profile creation and the demo are all or nothing: a failed or killed try leaves nothing that
blocks the next, and `demo --if-missing` never reports success over an unusable portfolio."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

CREATE = ("profile", "create", "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
          "--start", "2027-01-01")


def _nothing_left(home: Path) -> None:
    """No portfolio, no staging file, no identity: only the lock and the log may remain."""
    left = {p.name for p in home.iterdir()} if home.exists() else set()
    assert left <= {"portfolio.lock", "logs"}, left


def test_a_short_passphrase_leaves_nothing_and_the_retry_works(tmp_path):
    home = tmp_path / "h"
    r = run_cli(*CREATE, home=home, env={"BTDESK_PASSPHRASE": "short"})
    assert r.returncode == 1 and "minst 8 tecken" in r.stderr and "Traceback" not in r.stderr
    _nothing_left(home)
    r = run_cli(*CREATE, home=home)
    assert r.returncode == 0, r.stderr
    assert "2027-01-01" in run_cli("progress", home=home).stdout  # the BT record came with the profile


def test_no_passphrase_and_no_terminal_leaves_nothing(tmp_path):
    home = tmp_path / "h"
    env = {k: v for k, v in os.environ.items() if k != "BTDESK_PASSPHRASE"}
    cmd = [str(ROOT / ".venv/bin/btdesk"), "--home", str(home), *CREATE]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120,
                       check=False)
    assert r.returncode == 1 and "En lösenfras behövs" in r.stderr
    _nothing_left(home)
    r = run_cli("demo", home=home)
    assert r.returncode == 0, r.stderr


KILLED_CREATION = """
import os, signal, sys
from btdesk.services.portfolio import Portfolio
Portfolio.create(sys.argv[1], name="Amira Haddad", role="doctor", programme_id="stockholm",
                 passphrase=lambda _p: os.environ["BTDESK_PASSPHRASE"],
                 initial=lambda p: os.kill(os.getpid(), signal.SIGKILL))
"""


def test_a_creation_killed_half_way_does_not_block_the_next(tmp_path):
    home = tmp_path / "h"
    r = subprocess.run([sys.executable, "-c", KILLED_CREATION, str(home)], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=120, check=False)
    assert r.returncode == -signal.SIGKILL
    assert not (home / "portfolio.sqlite").exists()
    r = run_cli(*CREATE, home=home)
    assert r.returncode == 0, r.stderr
    # the killed try's key was set aside, not deleted, and is not the profile's
    orphans = list(home.glob("identity.orphaned-*"))
    assert len(orphans) == 1 and (orphans[0] / "cert.pem").exists()
    assert not list(home.glob(".portfolio.sqlite.creating*"))


@pytest.mark.parametrize("damage", [b"", b"not a database at all"])
def test_demo_if_missing_does_not_succeed_over_an_unusable_portfolio(tmp_path, damage):
    home = tmp_path / "h"
    home.mkdir()
    (home / "portfolio.sqlite").write_bytes(damage)
    r = run_cli("demo", "--if-missing", home=home)
    assert r.returncode == 1 and r.stderr.startswith("btdesk: ") and r.stderr.count("\n") == 1
    assert (home / "portfolio.sqlite").read_bytes() == damage


def test_demo_if_missing_keeps_a_good_portfolio(tmp_path):
    home = tmp_path / "h"
    assert run_cli(*CREATE, home=home).returncode == 0
    before = (home / "portfolio.sqlite").read_bytes()
    r = run_cli("demo", "--if-missing", home=home)
    assert r.returncode == 0 and r.stdout == ""
    assert (home / "portfolio.sqlite").read_bytes() == before


def test_the_demo_uses_its_documented_passphrase_even_at_a_terminal(tmp_path):
    """No prompt may override btdesk-demo: with a terminal as input and nothing typed, the demo
    is made (a prompt would wait for ever), and its key opens with btdesk-demo."""
    home = tmp_path / "h"
    env = {k: v for k, v in os.environ.items() if k != "BTDESK_PASSPHRASE"}
    master, slave = os.openpty()
    try:
        r = subprocess.run([str(ROOT / ".venv/bin/btdesk"), "--home", str(home), "demo", "--role", "unit"],
                           stdin=slave, capture_output=True, text=True, env=env, timeout=120,
                           start_new_session=True, check=False)
    finally:
        os.close(slave)
        os.close(master)
    assert r.returncode == 0, r.stderr
    from btdesk.identity import forget_session, load_signer

    forget_session()
    assert load_signer(home, "btdesk-demo").sign(b"x")
    forget_session()
