"""`btdesk import` killed (SIGKILL) at its two worst moments, then run again as a user would:

- the attachments are on disk but the transaction that names them has not committed;
- the transaction has committed but the command has not said so (nor closed anything).

Either way the rerun ends with the whole bundle in the portfolio, its attachment whole, the
database passing SQLite's integrity check, and a third run changing nothing."""
from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from pathlib import Path

import pytest

from btdesk.services import entries
from btdesk.services.exchange import export_bundle
from conftest import ROOT, run_cli
from exchange_world import PASS, create

CHILD = r"""
import os, signal, sys
from btdesk.services import exchange_import as ei
from btdesk.store.attachments import AttachmentStore

def killed(real):
    def run(*a, **k):
        out = real(*a, **k)
        os.kill(os.getpid(), signal.SIGKILL)
        return out
    return run

if sys.argv[1] == "committed":
    ei._merge = killed(ei._merge)  # after its transaction commits
else:
    AttachmentStore.put_verified = killed(AttachmentStore.put_verified)  # the file written, nothing committed
from btdesk.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.fixture(scope="module")
def laptop(tmp_path_factory) -> tuple[Path, Path, bytes]:
    """Her identity file and her bundle (activities and a scanned course certificate)."""
    tmp = tmp_path_factory.mktemp("killed")
    doc = create(tmp / "old", "Amira Haddad", "doctor")
    scan = tmp / "ALS-intyg.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    entries.add_document(doc, scan, title="Kursintyg ALS", date="2027-02-01", delmal=["BT1"])
    for i in range(12):
        entries.save_activity(doc, type="course", title=f"Kurs {i}", date="2027-02-01", hours=2, delmal=["BT1"])
    bundle = export_bundle(doc, tmp / "sync.btbundle", everything=True, passphrase=PASS).path
    doc.close()
    r = run_cli("identity", "export", "--out", str(tmp / "amira.btidentity"), home=tmp / "old")
    assert r.returncode == 0, r.stderr
    return tmp / "amira.btidentity", bundle, scan.read_bytes()


@pytest.mark.parametrize("moment", ["attachment-written", "committed"])
def test_a_killed_import_run_again_has_everything_once(laptop, tmp_path, moment):
    identity, bundle, scan = laptop
    home = tmp_path / "new"
    r = run_cli("identity", "import", str(identity), home=home)
    assert r.returncode == 0, r.stderr
    child = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", CHILD, moment, "--home", str(home),
                            "import", str(bundle)], capture_output=True, text=True, timeout=120)
    assert child.returncode == -9, child.stderr  # it was killed where we meant

    again = run_cli("import", str(bundle), home=home)
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    listed = run_cli("entries", home=home).stdout
    assert "Kursintyg ALS" in listed and all(f"Kurs {i}" in listed for i in range(12))
    held = home / "attachments"
    files = [f for f in held.rglob("*") if f.is_file()]
    assert [hashlib.sha256(f.read_bytes()).hexdigest() for f in files] == [hashlib.sha256(scan).hexdigest()]
    con = sqlite3.connect(home / "portfolio.sqlite")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT count(*) FROM attachments").fetchone() == (1,)
    finally:
        con.close()
    third = run_cli("import", str(bundle), home=home, env={"BTDESK_LANG": "en"})
    assert third.returncode == 0 and "already imported; nothing changed" in third.stdout, third.stdout + third.stderr
