"""The real `btdesk` command, run as a child process the way a user or a script runs it."""
from __future__ import annotations

import json
import os

import pytest

from conftest import run_cli

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences


def one_sentence(stderr: str) -> bool:
    lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
    return len(lines) == 1 and "Traceback" not in stderr


def test_help_lists_the_commands():
    r = run_cli("--help")
    assert r.returncode == 0
    for cmd in ("profile", "demo", "programme", "progress", "selftest"):
        assert cmd in r.stdout


def test_profile_progress_json_and_activity(home):
    r = run_cli("profile", "create", "--role", "doctor", "--name", "Amira Haddad",
                "--programme", "stockholm", "--start", "2026-01-01", home=home)
    assert r.returncode == 0, r.stderr
    r = run_cli("activity", "--title", "ALS-kurs", "--date", "2026-01-20", "--hours", "8",
                "--delmal", "BT1,BT9", home=home)
    assert r.returncode == 0, r.stderr
    r = run_cli("progress", "--format", "json", home=home)
    data = json.loads(r.stdout)
    assert data["doctor"] == "Amira Haddad"
    bt1 = next(d for d in data["delmal"] if d["id"] == "BT1")
    assert bt1["evidence"] == 1
    r = run_cli("progress", "--format", "csv", home=home)
    assert r.stdout.splitlines()[0].startswith("delmal,title")
    assert len(r.stdout.splitlines()) == 19


def test_personnummer_in_activity_warns(home):
    run_cli("profile", "create", "--role", "doctor", "--name", "A", "--programme", "skane", home=home)
    r = run_cli("activity", "--title", "Fall", "--notes", "pat 19121212-1212", home=home)
    assert r.returncode == 0 and "personnummer" in r.stderr


def test_user_errors_are_one_sentence_and_exit_1(home, tmp_path):
    r = run_cli("progress", home=home)
    assert r.returncode == 1 and one_sentence(r.stderr) and "no portfolio" in r.stderr
    r = run_cli("profile", "create", "--role", "doctor", "--name", "A", "--programme", "gotland", home=home)
    assert r.returncode == 1 and one_sentence(r.stderr) and "gotland" in r.stderr
    assert not (home / "portfolio.sqlite").exists()  # nothing was changed
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\nname = [\n', encoding="utf-8")
    r = run_cli("programme", "check", str(bad))
    assert r.returncode == 1 and one_sentence(r.stderr) and "bad.toml" in r.stderr


def test_usage_errors_exit_2():
    r = run_cli("profile", "create", "--role", "nurse", "--name", "X")
    assert r.returncode == 2


def test_programme_commands():
    r = run_cli("programme", "list")
    assert r.returncode == 0 and "stockholm" in r.stdout and "skane" in r.stdout
    r = run_cli("programme", "show", "skane")
    assert r.returncode == 0 and "BT18" in r.stdout
    from btdesk.resources import resource_path

    r = run_cli("programme", "check", str(resource_path("programmes", "stockholm.toml")))
    assert r.returncode == 0 and "valid" in r.stdout


def test_second_btdesk_on_the_same_home_is_told_it_is_in_use(doctor):
    r = run_cli("progress", home=doctor.home)
    assert r.returncode == 1 and one_sentence(r.stderr) and "already open" in r.stderr


def test_no_display_is_one_sentence_with_the_headless_commands(home):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    import subprocess

    from conftest import ROOT

    r = subprocess.run([str(ROOT / ".venv/bin/btdesk"), "--home", str(home)], capture_output=True,
                       text=True, env=env, timeout=60)
    assert r.returncode == 1 and one_sentence(r.stderr)
    assert "no display" in r.stderr and "btdesk progress" in r.stderr


def test_selftest_reports_each_part(home):
    r = run_cli("selftest", home=home)
    assert r.returncode == 0, r.stdout + r.stderr
    for part in ("resources", "database", "PDF font", "keyring", "Qt", "window font"):
        assert f"{part}:" in r.stdout


def test_selftest_fails_with_the_reason_when_resources_are_missing(home, tmp_path):
    empty = tmp_path / "res"
    (empty / "programmes").mkdir(parents=True)
    r = run_cli("selftest", home=home, env={"BTDESK_RESOURCES": str(empty)})
    assert r.returncode == 1 and "FAIL" in r.stdout


@pytest.mark.parametrize("args", [["demo", "--help"], ["progress", "--help"], ["programme", "check", "--help"]])
def test_help_everywhere(args):
    r = run_cli(*args)
    assert r.returncode == 0 and "usage:" in r.stdout
