"""Double-click opens btdesk's files: the desktop entry runs `btdesk FILE` (the window) for exactly
the file types btdesk writes, and the MIME definitions match those file endings; a second launch
hands its file to the window already running on that home."""
from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

LINUX = Path(__file__).resolve().parent.parent / "packaging" / "linux"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def test_desktop_entry_opens_every_btdesk_file_type():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / "btdesk.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Exec"] == "btdesk %f"  # the window, with or without a file (ui.main.window_files)
    mime = ET.parse(LINUX / "btdesk-mime.xml").getroot()
    globs = {t.get("type"): t.find("m:glob", NS).get("pattern") for t in mime.findall("m:mime-type", NS)}
    assert set(d["MimeType"].strip(";").split(";")) == set(globs)
    assert sorted(globs.values()) == ["*.btbundle", "*.btrequest", "*.btresponse"]


def test_open_knows_each_file_type_the_desktop_sends(tmp_path, home):
    from conftest import made_profile, run_cli

    made_profile(home, "--role", "supervisor", "--name", "Erik Berg")
    for suffix in (".btrequest", ".btresponse", ".btbundle"):
        junk = tmp_path / f"x{suffix}"
        junk.write_bytes(b"not really")
        r = run_cli("open", str(junk), home=home)
        assert r.returncode == 1 and "does not know how to open" not in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    other = tmp_path / "x.txt"
    other.write_text("x")
    r = run_cli("open", str(other), home=home)
    assert r.returncode == 1 and "does not know how to open" in r.stderr


def test_double_clicked_bundle_is_verified_then_imported(tmp_path):
    from conftest import made_profile, run_cli

    doc, unit = tmp_path / "doc", tmp_path / "unit"
    made_profile(doc, "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm")
    assert run_cli("activity", "--title", "ALS-kurs", "--hours", "8", "--delmal", "BT1", home=doc).returncode == 0
    out = tmp_path / "amira.btbundle"
    assert run_cli("export", "--to", str(out), "--all", home=doc).returncode == 0
    made_profile(unit, "--role", "unit", "--name", "BT-enheten")
    r = run_cli("open", str(out), home=unit)
    assert r.returncode == 0, r.stderr
    assert "Sender:      Amira Haddad" in r.stdout and "Imported" in r.stdout
    assert "ALS-kurs" in run_cli("entries", home=unit).stdout


def test_a_second_launch_hands_its_file_to_the_running_window(qtbot, tmp_path, monkeypatch):
    """The menu or a double-click starts `btdesk FILE` while btdesk runs: the running window
    imports the file and says so; the second process exits at once instead of failing on the lock."""
    import subprocess

    from PySide6.QtWidgets import QMessageBox

    from btdesk.services.portfolio import Portfolio
    from conftest import ROOT, made_profile, run_cli
    from ui.main_window import MainWindow
    from ui.single_instance import Listener

    doc, unit = tmp_path / "doc", tmp_path / "unit"
    made_profile(doc, "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm")
    assert run_cli("activity", "--title", "ALS-kurs", "--hours", "8", "--delmal", "BT1", home=doc).returncode == 0
    out = tmp_path / "amira.btbundle"
    assert run_cli("export", "--to", str(out), "--all", home=doc).returncode == 0
    made_profile(unit, "--role", "unit", "--name", "BT-enheten")

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append("refused: " + text))
    w = MainWindow(unit, portfolio=Portfolio.open(unit))
    qtbot.addWidget(w)
    w.listener = Listener(unit, w.receive_files, w)
    w.show()
    exe = str(ROOT / ".venv" / "bin" / "btdesk")
    child = subprocess.Popen([exe, "--home", str(unit), str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    qtbot.waitUntil(lambda: bool(told) and child.poll() is not None, timeout=60000)
    assert child.returncode == 0, child.stderr.read()
    assert len(told) == 1 and "Amira Haddad" in told[0] and not told[0].startswith("refused"), told
    w.close()
