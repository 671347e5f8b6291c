"""Double-click opens btdesk's files: the desktop entry runs `btdesk open FILE` for exactly the
file types btdesk writes, and the MIME definitions match those file endings."""
from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

LINUX = Path(__file__).resolve().parent.parent / "packaging" / "linux"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def test_desktop_entry_opens_every_btdesk_file_type():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / "btdesk.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Exec"].split()[:2] == ["btdesk", "open"] and d["Exec"].endswith("%f")
    mime = ET.parse(LINUX / "btdesk-mime.xml").getroot()
    globs = {t.get("type"): t.find("m:glob", NS).get("pattern") for t in mime.findall("m:mime-type", NS)}
    assert set(d["MimeType"].strip(";").split(";")) == set(globs)
    assert sorted(globs.values()) == ["*.btbundle", "*.btrequest", "*.btresponse"]


def test_open_knows_each_file_type_the_desktop_sends(tmp_path, home):
    from conftest import run_cli

    assert run_cli("profile", "create", "--role", "supervisor", "--name", "Erik Berg", home=home).returncode == 0
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
    from conftest import run_cli

    doc, unit = tmp_path / "doc", tmp_path / "unit"
    assert run_cli("profile", "create", "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
                   home=doc).returncode == 0
    assert run_cli("activity", "--title", "ALS-kurs", "--hours", "8", "--delmal", "BT1", home=doc).returncode == 0
    out = tmp_path / "amira.btbundle"
    assert run_cli("export", "--to", str(out), "--all", home=doc).returncode == 0
    assert run_cli("profile", "create", "--role", "unit", "--name", "BT-enheten", home=unit).returncode == 0
    r = run_cli("open", str(out), home=unit)
    assert r.returncode == 0, r.stderr
    assert "Sender:      Amira Haddad" in r.stdout and "Imported" in r.stdout
    assert "ALS-kurs" in run_cli("entries", home=unit).stdout
