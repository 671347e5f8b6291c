"""A unit importing a batch reads its bundles ahead in worker processes (services.read_ahead) while
it merges the one before. What it stores, refuses and says must be what importing the bundles one
at a time gives — also when the trust store changes in the middle of the batch (a certificate
revoked, a fingerprint confirmed), when a worker dies, and in English."""
from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import random
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from btdesk import identity as idn
from btdesk.bundle import BundleError, read_bundle
from btdesk.i18n import set_language
from btdesk.identity import TrustStore
from btdesk.services import entries, read_ahead, unit_import
from btdesk.services.exchange import Recipient, export_bundle
from conftest import ROOT, run_cli
from exchange_world import PASS, create
from test_unit_import_batch import _fresh, _store

PER_DOCTOR = 7  # two doctors' bundles and a damaged one: more than read_ahead.MIN_BUNDLES
CHANGE_AT = 5  # the bundle before which the trust store changes


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[Path, list[Path], dict[str, object]]:
    return make_batch(tmp_path_factory.mktemp("ahead"))


def make_batch(tmp: Path) -> tuple[Path, list[Path], dict[str, object]]:
    """A unit's home and, in inbox order, bundles from Amira (certified by the unit) and Bo
    (self-signed, not yet confirmed) alternating, with a damaged copy of one of Bo's in the middle."""
    unit = create(tmp / "unit", "Region Stockholm BT-enheten", "unit")
    idn.ca_init(unit.home, PASS)
    amira = create(tmp / "amira", "Amira Haddad", "doctor")
    idn.install_cert(amira.home, idn.ca_issue(unit.home, idn.make_csr(amira.home, PASS), PASS), trust_root=True)
    bo = create(tmp / "bo", "Bo Ek", "doctor")
    rnd = random.Random(7)
    files: list[Path] = []
    for n in range(PER_DOCTOR):
        for tag, doc in (("a", amira), ("b", bo)):
            scan = tmp / f"intyg-{tag}{n}.pdf"
            scan.write_bytes(b"%PDF-1.4\n" + rnd.randbytes(2000))
            entries.add_document(doc, scan, title=f"Kursintyg {n}", date="2027-02-01", delmal=["BT1"])
            entries.save_activity(doc, type="course", title=f"Kurs {n}", date="2027-02-01", hours=2, delmal=["BT1"])
            res = export_bundle(doc, recipient=Recipient(unit.profile.fingerprint, unit.profile.name),
                                folder=tmp / "out", passphrase=PASS)
            files.append(res.path.rename(res.path.with_name(f"{len(files):02d}{tag}-{res.path.name}")))
    damaged = files[7].with_name("07x-skadat.btbundle")
    data = bytearray(files[7].read_bytes())
    data[len(data) // 3] ^= 0xFF  # inside the compressed records: a CRC that no longer matches
    damaged.write_bytes(bytes(data))
    files.insert(8, damaged)
    people = {"amira_serial": x509_serial(amira.home), "bo": bo.profile.fingerprint}
    for p in (unit, amira, bo):
        p.close()
    assert len(files) >= read_ahead.MIN_BUNDLES
    return unit.home, files, people


def x509_serial(home: Path) -> int:
    from cryptography import x509

    from btdesk.identity.files import cert_path

    return x509.load_pem_x509_certificate(cert_path(home).read_bytes()).serial_number


def _workers_read_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every bundle to the workers: the tests of what they read must see them read."""
    monkeypatch.setattr(read_ahead, "HEAD", 0)
    monkeypatch.setattr(read_ahead, "STEAL", 0)


class Spy:
    """Counts bundles the importer got from the workers, and holds the read-ahead of the run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        _workers_read_all(monkeypatch)
        self.from_workers, self.ahead = 0, None
        real_take, real_init = read_ahead.ReadAhead.take, read_ahead.ReadAhead.__init__

        def init(ra, *a, **kw):
            real_init(ra, *a, **kw)
            self.ahead = ra

        def take(ra, path):
            got = real_take(ra, path)
            self.from_workers += got is not None
            return got

        monkeypatch.setattr(read_ahead.ReadAhead, "__init__", init)
        monkeypatch.setattr(read_ahead.ReadAhead, "take", take)


def _one_by_one(unit: Path, files: list[Path], where: Path, progress=None) -> tuple[Path, Path, list]:
    """The same bundles imported each on its own (no read-ahead: one file is below its minimum)."""
    home, share = _fresh(unit, files, where)
    inbox, out = share / "inbox", []
    with unit_import.open_target(home) as target:
        for n, f in enumerate(files):
            if progress:
                progress(n, len(files))
            got = unit_import.import_files(target, [inbox / f.name], inbox=inbox)
            out += [(r.file_name, r.sender_status) for r in got.imported] + got.rejected
    return home, share, out


def _outcome(summary: unit_import.UnitImportSummary) -> list:
    order = {name: n for n, name in enumerate(sorted([r.file_name for r in summary.imported]
                                                     + [n for n, _ in summary.rejected]))}
    got = [(r.file_name, r.sender_status) for r in summary.imported] + summary.rejected
    return sorted(got, key=lambda x: order[x[0]])


def _folders(share: Path) -> dict[str, list[tuple[str, str]]]:
    return {d: sorted((f.name, f.read_text("utf-8") if f.suffix == ".txt" else "")
                      for f in (share / "inbox" / d).iterdir()) for d in ("done", "rejected")}


def _as_one_by_one(unit: Path, files: list[Path], where: Path, summary: unit_import.UnitImportSummary,
                   home: Path, share: Path) -> None:
    """What the batch stored, said and left in the inbox is what importing each bundle alone gives."""
    serial_home, serial_share, serial = _one_by_one(unit, files, where)
    assert _outcome(summary) == serial
    assert _store(home) == _store(serial_home)
    assert _folders(share) == _folders(serial_share)


def test_read_ahead_stores_and_refuses_what_one_by_one_does(batch, tmp_path, monkeypatch):
    unit, files, _ = batch
    spy = Spy(monkeypatch)
    home, share = _fresh(unit, files, tmp_path / "ahead")
    collecting = gc.get_threshold()
    with unit_import.open_target(home) as target:
        summary = unit_import.import_inbox(target, share)
    assert (gc.get_threshold(), gc.get_freeze_count()) == (collecting, 0), "the window's process collects as before"
    assert spy.from_workers >= len(files) - 2, "the workers read the batch"
    assert multiprocessing.active_children() == [], "no worker outlives the import"
    assert [name for name, _ in summary.rejected] == ["07x-skadat.btbundle"]
    _as_one_by_one(unit, files, tmp_path / "serial", summary, home, share)


def test_a_trust_change_in_the_middle_of_the_batch_counts_for_every_bundle_after_it(batch, tmp_path, monkeypatch):
    unit, files, people = batch
    spy = Spy(monkeypatch)
    home, share = _fresh(unit, files, tmp_path / "ahead")

    def change(home: Path):
        def progress(done: int, total: int) -> None:
            if done != CHANGE_AT:
                return
            if spy.ahead is not None:  # let the workers finish reading what they had begun, before the change
                for fut, _ in list(spy.ahead._running.values()):
                    fut.result()
            idn.ca_revoke(home, people["amira_serial"], "Lämnade BT-tjänsten")
            TrustStore(home).confirm(str(people["bo"]), "Telefonsamtal med Bo Ek")
        return progress

    with unit_import.open_target(home) as target:
        summary = unit_import.import_inbox(target, share, progress=change(home))
    assert spy.ahead is not None and spy.ahead.reread > 0, "bundles read before the change were read again"
    outcome = _outcome(summary)
    got = dict(outcome)
    bo_before = [f.name for f in files[:CHANGE_AT] if f.name[2] == "b"]
    bo_after = [f.name for f in files[CHANGE_AT:] if f.name[2] == "b"]
    assert [got[n] for n in bo_before] == ["unconfirmed"] * len(bo_before)
    assert [got[n] for n in bo_after] == ["confirmed"] * len(bo_after)
    refused_amira = sorted(name for name, _ in summary.rejected if name[2] == "a")
    assert refused_amira == [f.name for f in files[CHANGE_AT:] if f.name[2] == "a"]
    assert all("spärrades" in why for name, why in summary.rejected if name[2] == "a"), \
        summary.rejected
    serial_home, _, serial = _one_by_one(unit, files, tmp_path / "serial", progress=change(tmp_path / "serial/unit"))
    assert outcome == serial
    assert _store(home) == _store(serial_home)


def test_a_worker_killed_in_the_middle_leaves_the_reading_to_the_importer(batch, tmp_path, monkeypatch):
    unit, files, _ = batch
    spy = Spy(monkeypatch)
    home, share = _fresh(unit, files, tmp_path / "ahead")

    def progress(done: int, total: int) -> None:
        if done == 3:
            workers = multiprocessing.active_children()
            assert workers, "the batch is read by workers"
            os.kill(workers[0].pid, signal.SIGKILL)

    with unit_import.open_target(home) as target:
        summary = unit_import.import_inbox(target, share, progress=progress)
    assert 0 < spy.from_workers < len(files)
    _as_one_by_one(unit, files, tmp_path / "serial", summary, home, share)


def test_a_refusal_read_in_a_worker_is_in_the_language_of_the_run(batch, tmp_path):
    unit, files, _ = batch
    home, share = _fresh(unit, files, tmp_path / "en")
    r = run_cli("unit", "import", "--folder", str(share), home=home, env={"BTDESK_LANG": "en"})
    assert r.returncode == 1, r.stderr  # a bundle was refused
    set_language("en")
    try:
        with pytest.raises(BundleError) as refused:
            read_bundle(files[8], TrustStore(home), valid_now=True)
    finally:
        set_language(None)
    why = (share / "inbox" / "rejected" / "07x-skadat.btbundle.why.txt").read_text("utf-8").strip()
    assert why == str(refused.value) and "damaged" in why, why
    assert f"Imported {len(files) - 1} of {len(files)} bundles from 2 people; 1 refused" in r.stdout, r.stdout


def test_the_window_s_language_reaches_the_workers(batch, tmp_path, monkeypatch):
    """The window sets its language in the process (not the environment) before an import."""
    unit, files, _ = batch
    monkeypatch.delenv("BTDESK_LANG", raising=False)
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    home, share = _fresh(unit, files, tmp_path / "en")
    spy = Spy(monkeypatch)
    set_language("en")
    try:
        with unit_import.open_target(home) as target:
            summary = unit_import.import_inbox(target, share)
    finally:
        set_language(None)
    assert spy.from_workers > 0
    assert [why for _, why in summary.rejected] == [
        "The bundle is damaged; it may have been changed or cut short in transfer."], summary.rejected


CHILD = r"""
import multiprocessing, sys
from pathlib import Path
from btdesk.services.unit_import import import_inbox, open_target
def progress(done, total):
    if done == 3:
        print("workers", *[p.pid for p in multiprocessing.active_children()], flush=True)
        sys.stdin.readline()  # killed here
with open_target(Path(sys.argv[1])) as target:
    import_inbox(target, Path(sys.argv[2]), progress=progress)
"""


def test_the_workers_end_with_an_importer_that_was_killed(batch, tmp_path):
    unit, files, _ = batch
    home, share = _fresh(unit, files, tmp_path / "killed")
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(home), str(share)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    line = proc.stdout.readline().split()
    assert line[:1] == ["workers"] and len(line) > 1, line
    watched = [os.pidfd_open(int(pid)) for pid in line[1:]]
    proc.kill()
    proc.wait()  # not communicate(): a worker left behind would hold its output open
    proc.stdin.close()
    proc.stdout.close()
    # each pidfd becomes readable when its process has ended; a minute is far beyond what ending takes
    for fd in watched:
        ready, _, _ = select.select([fd], [], [], 60)
        os.close(fd)
        assert ready, "a worker outlived the importer"
    # what the killed run staged is cleared by the next import, which completes the batch
    assert list((home / "attachments").glob(read_ahead.STAGING + "*"))
    with unit_import.open_target(home) as target:
        summary = unit_import.import_inbox(target, share)
    assert not list((home / "attachments").glob(read_ahead.STAGING + "*"))
    serial_home, _, _ = _one_by_one(unit, files, tmp_path / "serial")
    assert _store(home) == _store(serial_home)
    assert len(summary.imported) + len(summary.already) == len(files) - 1


def test_the_unit_window_imports_a_batch_read_ahead(batch, qtbot, tmp_path, monkeypatch):
    """Kullen's import button runs the import on a thread; its workers are spawned from there."""
    from datetime import date

    _workers_read_all(monkeypatch)
    from btdesk.services.portfolio import Portfolio
    from ui.unit.cohort_view import CohortView

    unit, files, _ = batch
    home, share = _fresh(unit, files, tmp_path / "window")
    portfolio = Portfolio.open(home)
    try:
        view = CohortView(today=date(2027, 3, 1))
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.loaded, timeout=20000):
            view.refresh(portfolio)
        with qtbot.waitSignal(view.imported, timeout=120000) as got:
            view.start_import([share / "inbox" / f.name for f in files])
        summary = got.args[0]
        assert summary.read_by_workers >= len(files) - 2
        assert len(summary.imported) == len(files) - 1 and len(summary.rejected) == 1
        qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=20000)
        assert sorted(r.name for r in view.proxy.visible_rows()) == ["Amira Haddad", "Bo Ek"]
        assert multiprocessing.active_children() == []
    finally:
        portfolio.close()


def test_the_unit_keeps_the_bytes_it_checked_even_if_the_file_is_replaced_meanwhile(batch, tmp_path, monkeypatch):
    """The copy kept to hand back to the doctor (unit return) is the bundle the import verified,
    not whatever lies in the inbox under that name by the time the merge comes to it."""
    unit, files, _ = batch
    spy = Spy(monkeypatch)
    home, share = _fresh(unit, files, tmp_path / "swap")
    victim = share / "inbox" / files[6].name

    def progress(done: int, total: int) -> None:
        if done == 4:
            fut, _ = spy.ahead._running[victim]
            fut.result()  # read and checked by its worker
            victim.write_bytes(b"PK\x03\x04 not the bundle that was checked")

    with unit_import.open_target(home) as target:
        summary = unit_import.import_inbox(target, share, progress=progress)
    [result] = [r for r in summary.imported if r.file_name == files[6].name]
    kept = home / "received" / result.sender / f"{result.sequence:06d}-{result.manifest_hash[:16]}.btbundle"
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == hashlib.sha256(files[6].read_bytes()).hexdigest()


def test_a_large_bundle_is_read_by_the_importer_and_the_batch_stays_in_order(batch, tmp_path, monkeypatch):
    """Bundles above read_ahead.LARGEST_AHEAD are not read ahead (memory); the others still are."""
    unit, files, _ = batch
    sizes = sorted(f.stat().st_size for f in files)
    monkeypatch.setattr(read_ahead, "LARGEST_AHEAD", sizes[len(sizes) // 2])
    large = sum(f.stat().st_size > read_ahead.LARGEST_AHEAD for f in files)
    spy = Spy(monkeypatch)
    home, share = _fresh(unit, files, tmp_path / "ahead")
    with unit_import.open_target(home) as target:
        summary = unit_import.import_inbox(target, share)
    assert large and len(files) - large - 1 <= spy.from_workers <= len(files) - large  # (one is refused there)
    _as_one_by_one(unit, files, tmp_path / "serial", summary, home, share)


def test_a_swedish_import_says_everything_in_swedish(batch, tmp_path):
    """The import's warnings (an unconfirmed sender) come in the run's language like its summary."""
    unit, files, _ = batch
    home, share = _fresh(unit, files, tmp_path / "sv")
    r = run_cli("unit", "import", "--folder", str(share), home=home, env={"BTDESK_LANG": "sv"})
    assert r.returncode == 1, r.stderr
    assert "Bo Ek är självsignerad och ännu inte bekräftad; kontrollera fingeravtrycket" in r.stdout, r.stdout
    for english in ("self-signed", "not yet", "bundles", "Imported", "check the"):
        assert english not in r.stdout, english


def test_a_revocation_list_read_in_a_worker_is_applied(tmp_path, monkeypatch):
    """A worker writes a bundle's attachments to files for the importer to move into the store,
    except a revocation list, which the importer applies after the merge: one read ahead must
    still revoke (a list left behind as a file would be skipped without a word)."""
    from btdesk.services.exchange_import import REVOCATIONS_KIND
    from exchange_world import make_world

    w = make_world(tmp_path / "world")
    serial = idn.load_public(w.doc.home).serial
    idn.ca_revoke(w.unit.home, serial, "Lämnat regionen")
    crl = export_bundle(w.unit, tmp_path / "crl.btbundle", passphrase=PASS)
    scan = tmp_path / "intyg.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + random.Random(3).randbytes(3000))
    entries.add_document(w.unit, scan, title="Kursintyg", date="2027-02-01")
    other = export_bundle(w.unit, tmp_path / "doc.btbundle", passphrase=PASS)
    assert crl.attachments == 1 and other.attachments == 1
    skane = create(tmp_path / "skane", "Region Skåne BT-enheten", "unit")
    idn.TrustStore(skane.home).add_root(idn.load_public(w.unit.home).cert_pem)
    idn.ca_init(skane.home, PASS)
    skane.close()
    monkeypatch.setattr(read_ahead, "MIN_BUNDLES", 1)  # two bundles, read ahead all the same
    spy = Spy(monkeypatch)
    inbox = tmp_path / "share" / "inbox"
    inbox.mkdir(parents=True)
    for n, b in enumerate((other, crl)):  # the list last: applying it changes the trust store, and a
        # bundle read ahead before a trust change is read again by the importer
        b.path.rename(inbox / f"{n}-{b.path.name}")
    with unit_import.open_target(skane.home) as target:
        summary = unit_import.import_inbox(target, tmp_path / "share")
        kinds = {r.kind for r in target.records(REVOCATIONS_KIND, everyone=True)}
    assert spy.from_workers == 2, "both bundles were read in a worker"
    assert not summary.rejected, summary.rejected
    assert idn.TrustStore(skane.home).revocation(w.unit.profile.fingerprint, serial), "the list was applied"
    assert any("1 spärrade certifikat" in t for t in summary.warnings), summary.warnings
    assert kinds == {REVOCATIONS_KIND}
    # the other attachment reached the store through its worker's file, whole
    held = [f for f in (skane.home / "attachments").rglob("*") if f.is_file()]
    assert scan.read_bytes() in [f.read_bytes() for f in held]
    assert not list((skane.home / "attachments").glob(read_ahead.STAGING + "*"))


def test_the_importer_reads_the_first_bundles_itself_while_the_workers_start(batch, tmp_path, monkeypatch):
    unit, files, _ = batch
    monkeypatch.setattr(read_ahead, "HEAD", len(files) - 3)
    home, share = _fresh(unit, files, tmp_path / "head")
    with unit_import.open_target(home) as target:
        summary = unit_import.import_inbox(target, share)
    assert summary.read_by_workers == 3, "the workers read only what the importer left them"
    _as_one_by_one(unit, files, tmp_path / "serial", summary, home, share)
