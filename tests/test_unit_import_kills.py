"""The unit's import is killed (SIGKILL) at random moments of its redoable batch: whatever it
acknowledged — a bundle moved to inbox/done — is in the store whole, with its attachments and its
kept copy; the store passes SQLite's integrity check; importing the inbox again completes it."""
from __future__ import annotations

import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from btdesk import identity as idn
from btdesk.canonical import sha256_hex
from btdesk.services import entries
from btdesk.services.exchange import Recipient, export_bundle
from conftest import ROOT, run_cli
from exchange_world import PASS, create

CHILD = r"""
import sys
from pathlib import Path
from btdesk.services.unit_import import import_inbox, open_target
print("ready", flush=True)
with open_target(Path(sys.argv[1])) as target:
    import_inbox(target, Path(sys.argv[2]), progress=lambda done, total: print("progress", done, flush=True))
print("finished", flush=True)
"""
TRIALS = 8


@pytest.fixture(scope="module")
def cohort(tmp_path_factory) -> tuple[Path, list[Path]]:
    """A unit's home and three doctors' bundles, each with two attachments."""
    tmp = tmp_path_factory.mktemp("kills")
    unit = create(tmp / "unit", "Region Stockholm BT-enheten", "unit")
    idn.ca_init(unit.home, PASS)
    rnd = random.Random(16)
    bundles = []
    for name in ("Amira Haddad", "Bo Ek", "Cecilia Lund"):
        doc = create(tmp / name.split()[0], name, "doctor")
        idn.install_cert(doc.home, idn.ca_issue(unit.home, idn.make_csr(doc.home, PASS), PASS), trust_root=True)
        for k in range(2):
            scan = tmp / f"intyg-{k}.pdf"
            scan.write_bytes(b"%PDF-1.4\n" + rnd.randbytes(5000))
            entries.add_document(doc, scan, title=f"Kursintyg {k}", date="2027-02-01", delmal=["BT1"])
        for i in range(20):
            entries.save_activity(doc, type="course", title=f"Kurs {i}", date="2027-02-01", hours=2, delmal=["BT1"])
        res = export_bundle(doc, recipient=Recipient(unit.profile.fingerprint, unit.profile.name),
                            folder=tmp / "out", passphrase=PASS)
        bundles.append(res.path)
        doc.close()
    unit.close()
    return unit.home, bundles


def _contents(bundle: Path) -> tuple[str, set[str], set[str]]:
    """(manifest hash, record hashes, attachment hashes) of a bundle file."""
    with zipfile.ZipFile(bundle) as z:
        manifest = z.read("manifest.json")
        m = json.loads(manifest)
    return sha256_hex(manifest), {r["hash"] for r in m["records"]}, {a["sha256"] for a in m["attachments"]}


def _whole(home: Path, bundle: Path) -> list[str]:
    """What of this bundle is missing from the unit's store (nothing, for an acknowledged one)."""
    manifest_hash, records, attachments = _contents(bundle)
    con = sqlite3.connect(home / "portfolio.sqlite")
    try:
        got = con.execute("SELECT 1 FROM bundles_received WHERE manifest_hash = ?", (manifest_hash,)).fetchone()
        held = {h for (h,) in con.execute("SELECT hash FROM record_versions")}
    finally:
        con.close()
    missing = [] if got else ["its receipt"]
    missing += [f"record {h[:8]}" for h in sorted(records - held)]
    for sha in attachments:
        f = home / "attachments" / sha[:2] / sha
        if not f.is_file() or sha256_hex(f.read_bytes()) != sha:
            missing.append(f"attachment {sha[:8]}")
    kept = [k for k in (home / "received").rglob("*.btbundle") if k.read_bytes() == bundle.read_bytes()]
    return missing + ([] if kept else ["its kept copy"])


def _trial(seed: int, unit: Path, bundles: list[Path], work: Path) -> list[str]:
    rng = random.Random(seed)
    home = Path(shutil.copytree(unit, work / f"unit-{seed}"))
    share = work / f"share-{seed}"
    (share / "inbox").mkdir(parents=True)
    for b in bundles:
        shutil.copy2(b, share / "inbox" / b.name)
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(home), str(share)], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    # kill once the child has reached a random bundle (progress, not time, decides), a moment in
    wanted = rng.randint(1, len(bundles))
    while (line := proc.stdout.readline()) and line.split()[:2] != ["progress", str(wanted)]:
        pass
    time.sleep(rng.uniform(0.0, 0.05))
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    problems = []
    con = sqlite3.connect(home / "portfolio.sqlite")
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    if integrity != "ok":
        problems.append(f"trial {seed}: integrity_check says {integrity}")
    done = {f.name for f in (share / "inbox" / "done").glob("*.btbundle")} if (share / "inbox" / "done").is_dir() \
        else set()
    for b in bundles:
        if b.name in done and (missing := _whole(home, b)):
            problems.append(f"trial {seed}: {b.name} was acknowledged but lacks {', '.join(missing)}")
    r = run_cli("unit", "import", "--folder", str(share), home=home)
    if r.returncode != 0:
        problems.append(f"trial {seed}: importing again failed: {r.stderr.strip()}")
    for b in bundles:
        if missing := _whole(home, b):
            problems.append(f"trial {seed}: after importing again {b.name} lacks {', '.join(missing)}")
    if sorted(f.name for f in (share / "inbox" / "done").glob("*.btbundle")) != sorted(b.name for b in bundles):
        problems.append(f"trial {seed}: not every bundle ended in done/")
    return problems


def test_a_kill_during_the_batch_loses_nothing_acknowledged(cohort, tmp_path):
    unit, bundles = cohort
    problems = [p for seed in range(TRIALS) for p in _trial(seed, unit, bundles, tmp_path)]
    assert problems == []
