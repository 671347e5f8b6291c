"""The unit's import is a batch that can be redone (btdesk.store.batch): its commits and files
reach the disk together when it settles, before any bundle moves to done/. What a power cut
during the batch can take — an attachment, the kept copy of a bundle — comes back when the
bundles, still in the inbox, are imported again."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from btdesk import fileutil
from btdesk import identity as idn
from btdesk.services import entries, unit_import
from btdesk.services.exchange import Recipient, export_bundle
from conftest import run_cli
from exchange_world import PASS, create

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 20  # a scanned certificate


@pytest.fixture(scope="module")
def sent(tmp_path_factory) -> tuple[Path, Path, str]:
    """(the unit's home, a doctor's bundle with one attachment, that attachment's hash)."""
    tmp = tmp_path_factory.mktemp("redo")
    unit = create(tmp / "unit", "Region Stockholm BT-enheten", "unit")
    idn.ca_init(unit.home, PASS)
    doc = create(tmp / "doc", "Amira Haddad", "doctor")
    idn.install_cert(doc.home, idn.ca_issue(unit.home, idn.make_csr(doc.home, PASS), PASS), trust_root=True)
    scan = tmp / "intyg.pdf"
    scan.write_bytes(SCAN)
    entries.add_document(doc, scan, title="Kursintyg ALS", date="2027-02-01", delmal=["BT1"])
    res = export_bundle(doc, recipient=Recipient(unit.profile.fingerprint, unit.profile.name), folder=tmp / "out",
                        passphrase=PASS)
    doc.close()
    unit.close()
    return unit.home, res.path, hashlib.sha256(SCAN).hexdigest()


def _share(tmp: Path, bundle: Path) -> Path:
    share = tmp / "share"
    (share / "inbox").mkdir(parents=True)
    (share / "inbox" / bundle.name).write_bytes(bundle.read_bytes())
    return share


def _copy_unit(home: Path, tmp: Path) -> Path:
    import shutil

    return Path(shutil.copytree(home, tmp / "unit"))


def test_files_reach_the_disk_before_any_bundle_moves_to_done(sent, tmp_path, monkeypatch):
    home, bundle, sha = sent
    unit, share = _copy_unit(home, tmp_path), _share(tmp_path, bundle)
    synced: list[tuple[set[Path], list[str]]] = []
    real = fileutil.sync_paths

    def watch(paths):
        paths = list(paths)
        synced.append(({Path(p) for p in paths}, sorted(f.name for f in (share / "inbox").glob("*.btbundle"))))
        real(paths)

    monkeypatch.setattr(fileutil, "sync_paths", watch)
    with unit_import.open_target(unit) as target:
        summary = unit_import.import_inbox(target, share)
    assert len(summary.imported) == 1
    [(paths, still_in_inbox)] = synced
    assert still_in_inbox == [bundle.name]  # nothing acknowledged before the files are durable
    kept = list((unit / "received").rglob("*.btbundle"))
    assert unit / "attachments" / sha[:2] / sha in paths and kept and set(kept) <= paths
    assert (share / "inbox" / "done" / bundle.name).is_file()


def test_importing_again_brings_back_what_a_power_cut_took(sent, tmp_path):
    home, bundle, sha = sent
    unit, share = _copy_unit(home, tmp_path), _share(tmp_path, bundle)
    r = run_cli("unit", "import", "--folder", str(share), home=unit)
    assert r.returncode == 0 and "1 av 1 paket importerades från en person." in r.stdout, r.stderr
    # what a power cut before the batch settled may leave: the database has the bundle, but the
    # attachment is gone or empty and the kept copy cut short; the bundle is still in the inbox
    stored = unit / "attachments" / sha[:2] / sha
    stored.write_bytes(b"")
    [kept] = (unit / "received").rglob("*.btbundle")
    kept.write_bytes(kept.read_bytes()[:100])
    (share / "inbox" / "done" / bundle.name).replace(share / "inbox" / bundle.name)
    r = run_cli("unit", "import", "--folder", str(share), home=unit)
    assert r.returncode == 0 and "1 hade importerats förut" in r.stdout, r.stderr
    assert stored.read_bytes() == SCAN
    assert kept.read_bytes() == bundle.read_bytes()
    stored.unlink()
    (share / "inbox" / "done" / bundle.name).replace(share / "inbox" / bundle.name)
    assert run_cli("unit", "import", "--folder", str(share), home=unit).returncode == 0
    assert stored.read_bytes() == SCAN
