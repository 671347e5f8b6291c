"""The unit imports its inbox in groups of bundles, one transaction per group and a savepoint per
bundle (btdesk.store.grouped): a bundle refused in the middle of a group leaves the others
imported and nothing of itself, and an import killed in the middle of a group, run again, leaves
the same store as one that was never interrupted."""
from __future__ import annotations

import hashlib
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from btdesk import identity as idn
from btdesk.bundle import BundleError
from btdesk.services import entries, exchange_import, unit_import
from btdesk.services.exchange import Recipient, export_bundle
from conftest import ROOT, run_cli
from exchange_world import PASS, create
from test_unit_import_kills import _contents, _whole

DOCTORS = ("Amira Haddad", "Bo Ek", "Cecilia Lund", "David Sten", "Elin Ahl")
CHILD = r"""
import sys
from pathlib import Path
from btdesk.store import grouped
from btdesk.services.unit_import import import_inbox, open_target
grouped.PER_COMMIT, grouped.MAX_OPEN_S = int(sys.argv[3]), float(sys.argv[4])
def progress(done, total):
    print("progress", done, flush=True)
    sys.stdin.readline()  # the test says when to go on, or kills us here, between two bundles
with open_target(Path(sys.argv[1])) as target:
    import_inbox(target, Path(sys.argv[2]), progress=progress)
print("finished", flush=True)
"""


@pytest.fixture(scope="module")
def cohort(tmp_path_factory) -> tuple[Path, list[Path]]:
    """A unit's home and five doctors' bundles (in inbox order), each with two attachments."""
    tmp = tmp_path_factory.mktemp("batch")
    unit = create(tmp / "unit", "Region Stockholm BT-enheten", "unit")
    idn.ca_init(unit.home, PASS)
    rnd = random.Random(16)
    bundles = []
    for n, name in enumerate(DOCTORS, start=1):
        doc = create(tmp / name.split()[0], name, "doctor")
        idn.install_cert(doc.home, idn.ca_issue(unit.home, idn.make_csr(doc.home, PASS), PASS), trust_root=True)
        for k in range(2):
            scan = tmp / f"intyg-{k}.pdf"
            scan.write_bytes(b"%PDF-1.4\n" + rnd.randbytes(3000))
            entries.add_document(doc, scan, title=f"Kursintyg {k}", date="2027-02-01", delmal=["BT1"])
        for i in range(6):
            entries.save_activity(doc, type="course", title=f"Kurs {i}", date="2027-02-01", hours=2, delmal=["BT1"])
        res = export_bundle(doc, recipient=Recipient(unit.profile.fingerprint, unit.profile.name),
                            folder=tmp / "out", passphrase=PASS)
        bundles.append(res.path.rename(res.path.with_name(f"{n}-{res.path.name}")))  # the inbox's order
        doc.close()
    unit.close()
    return unit.home, bundles


def _fresh(unit: Path, bundles: list[Path], where: Path) -> tuple[Path, Path]:
    home = Path(shutil.copytree(unit, where / "unit"))
    share = where / "share"
    (share / "inbox").mkdir(parents=True)
    for b in bundles:
        shutil.copy2(b, share / "inbox" / b.name)
    return home, share


def _traces(home: Path, bundle: Path) -> list[str]:
    """What of this bundle is in the unit's store (nothing, for a refused one)."""
    manifest_hash, records, attachments = _contents(bundle)
    con = sqlite3.connect(home / "portfolio.sqlite")
    try:
        def count(sql: str, values: list[str]) -> int:
            marks = ",".join("?" * len(values))
            return con.execute(sql.format(marks), values).fetchone()[0] if values else 0
        found = {
            "receipt": count("SELECT count(*) FROM bundles_received WHERE manifest_hash IN ({})", [manifest_hash]),
            "versions": count("SELECT count(*) FROM record_versions WHERE hash IN ({})", sorted(records)),
            "versions from it": count("SELECT count(*) FROM record_versions WHERE origin IN ({})", [manifest_hash]),
            "verdicts": count("SELECT count(*) FROM record_trust WHERE hash IN ({})", sorted(records)),
            "attachment rows": count("SELECT count(*) FROM attachments WHERE sha256 IN ({})", sorted(attachments)),
            "heads": count("SELECT count(*) FROM record_heads h JOIN record_versions v ON v.vid = h.vid "
                           "WHERE v.hash IN ({})", sorted(records)),
        }
    finally:
        con.close()
    return [what for what, n in found.items() if n]


def test_a_bundle_refused_in_the_middle_of_a_group_leaves_nothing_and_stops_nothing(cohort, tmp_path, monkeypatch):
    unit, bundles = cohort
    home, share = _fresh(unit, bundles, tmp_path)
    # the third bundle is refused late, after its versions, heads and attachments are written in
    # the group's transaction: as a database refusing it at that point would
    bad_hash = _contents(bundles[2])[0]
    real = exchange_import.keep_verdicts

    def keep_verdicts(s, items):
        real(s, items)
        if any(p.manifest_hash == bad_hash for p in parsed):
            raise BundleError("Paketet avvisades sent (test).")

    parsed: list = []
    real_read = exchange_import.read_bundle

    def read_bundle(*args, **kw):
        parsed[:] = [real_read(*args, **kw)]
        return parsed[0]

    monkeypatch.setattr(exchange_import, "keep_verdicts", keep_verdicts)
    monkeypatch.setattr(exchange_import, "read_bundle", read_bundle)
    with unit_import.open_target(home) as target:
        summary = unit_import.import_inbox(target, share)
    assert [name for name, _ in summary.rejected] == [bundles[2].name]
    assert len(summary.imported) == 4
    assert _traces(home, bundles[2]) == []
    assert (share / "inbox" / "rejected" / bundles[2].name).is_file()
    for b in bundles[:2] + bundles[3:]:
        assert _whole(home, b) == [], b.name
        assert (share / "inbox" / "done" / b.name).is_file()
    # refused, it can come again later, whole
    (share / "inbox" / "rejected" / bundles[2].name).replace(share / "inbox" / bundles[2].name)
    monkeypatch.undo()
    r = run_cli("unit", "import", "--folder", str(share), home=home)
    assert r.returncode == 0, r.stderr
    assert _whole(home, bundles[2]) == []


def _store(home: Path) -> dict[str, list[tuple]]:
    """Everything the import stored, without the moments it stored it."""
    con = sqlite3.connect(home / "portfolio.sqlite")
    queries = {
        "versions": "SELECT record_id, kind, version, prev, author, hash, signature IS NOT NULL, origin, subject, "
                    "body FROM record_versions",
        "heads": "SELECT h.record_id, h.kind, v.hash, h.subject, h.deleted, h.conflict FROM record_heads h "
                 "JOIN record_versions v ON v.vid = h.vid",
        "verdicts": "SELECT hash, status, signer_name, fingerprint, issuer, own_signature, standing FROM record_trust",
        "receipts": "SELECT sender, recipient, sequence, manifest_hash, file_name, records, records_new, attachments "
                    "FROM bundles_received",
        "peers": "SELECT fingerprint, name, role, trust FROM peers",
        "attachments": "SELECT sha256, size FROM attachments",
    }
    try:
        out = {name: sorted(con.execute(sql).fetchall()) for name, sql in queries.items()}
    finally:
        con.close()
    for folder in ("attachments", "received"):
        out[folder] = sorted((str(f.relative_to(home)), hashlib.sha256(f.read_bytes()).hexdigest())
                             for f in (home / folder).rglob("*") if f.is_file())
    return out


def _killed_at(home: Path, share: Path, kill_at: int, per_commit: int, max_open_s: float) -> None:
    """Run the import in a child and SIGKILL it while it waits before bundle `kill_at`."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(home), str(share), str(per_commit), str(max_open_s)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdin is not None and proc.stdout is not None
    while (line := proc.stdout.readline()) and line.split() != ["progress", str(kill_at)]:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    assert line, "the import ended before the moment to kill it"
    proc.send_signal(signal.SIGKILL)
    proc.communicate()


def _receipts(home: Path) -> int:
    con = sqlite3.connect(home / "portfolio.sqlite")
    try:
        return con.execute("SELECT count(*) FROM bundles_received").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("kill_at", [1, 3])
def test_a_kill_in_the_middle_of_a_group_then_importing_again_gives_the_same_store(cohort, tmp_path, kill_at):
    unit, bundles = cohort
    whole_home, whole_share = _fresh(unit, bundles, tmp_path / "whole")
    r = run_cli("unit", "import", "--folder", str(whole_share), home=whole_home)
    assert r.returncode == 0 and "5 av 5 paket importerades" in r.stdout, r.stderr
    home, share = _fresh(unit, bundles, tmp_path / "killed")
    # groups of two, never closed by time: before bundle 1 the first group is open; before
    # bundle 3 the first is committed and the second holds one bundle, not yet committed
    _killed_at(home, share, kill_at, per_commit=2, max_open_s=3600)
    assert _receipts(home) == (kill_at // 2) * 2
    assert not (share / "inbox" / "done").exists()  # nothing acknowledged before the batch settles
    r = run_cli("unit", "import", "--folder", str(share), home=home)
    assert r.returncode == 0, r.stderr
    assert _store(home) == _store(whole_home)
    assert sorted(f.name for f in (share / "inbox" / "done").iterdir()) == sorted(b.name for b in bundles)


def test_a_group_open_too_long_commits_between_bundles(cohort, tmp_path):
    """The group holds the write lock: after MAX_OPEN_S it commits at the next bundle's end, however
    few bundles it holds, so a write from the window waits no longer than a bundle or so."""
    unit, bundles = cohort
    home, share = _fresh(unit, bundles, tmp_path)
    _killed_at(home, share, 3, per_commit=1000, max_open_s=0)
    assert _receipts(home) == 3
