"""When the bundle the importer needs next is not read yet, it reads ahead the next one no worker
was given (services.read_ahead, `STEAL`): those bundles are stored, refused and checked against
the trust store exactly as a worker's, and each bundle is read once."""
from __future__ import annotations

from pathlib import Path

import pytest

import btdesk.bundle as bundle_pkg
from btdesk import identity as idn
from btdesk.identity import TrustStore
from btdesk.services import exchange_import, read_ahead, unit_import
from test_unit_import_batch import _fresh, _store
from test_unit_import_read_ahead import CHANGE_AT, _as_one_by_one, _one_by_one, _outcome, make_batch


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[Path, list[Path], dict[str, object]]:
    return make_batch(tmp_path_factory.mktemp("here"))

def _importer_reads_ahead(monkeypatch: pytest.MonkeyPatch, most: int) -> list[int]:
    """The worker's answer is never there when the importer looks, so the importer reads ahead
    itself whenever it may (up to `most` bundles); returns how many it held at each look."""
    monkeypatch.setattr(read_ahead, "HEAD", 0)
    monkeypatch.setattr(read_ahead, "MAX_WORKERS", 1)  # the same window on any machine
    monkeypatch.setattr(read_ahead, "STEAL", most)
    monkeypatch.setattr(read_ahead.ReadAhead, "_ready", staticmethod(lambda fut: False))
    held: list[int] = []
    real = read_ahead.ReadAhead._read_here

    def read_here(ra):
        got = real(ra)
        held.append(len(ra._here))
        return got

    monkeypatch.setattr(read_ahead.ReadAhead, "_read_here", read_here)
    return held



def test_bundles_the_importer_reads_ahead_while_waiting_store_and_refuse_what_one_by_one_does(
        batch, tmp_path, monkeypatch):
    unit, files, _ = batch
    held = _importer_reads_ahead(monkeypatch, most=2)
    read_here: list[str] = []

    def counted(real):
        def read(path, *a, **kw):
            read_here.append(Path(path).name)
            return real(path, *a, **kw)
        return read

    monkeypatch.setattr(bundle_pkg, "read_bundle", counted(bundle_pkg.read_bundle))  # read_ahead._read's
    monkeypatch.setattr(exchange_import, "read_bundle", counted(exchange_import.read_bundle))
    home, share = _fresh(unit, files, tmp_path / "ahead")
    with unit_import.open_target(home) as target:
        summary = unit_import.import_inbox(target, share)
    assert max(held) == 2, "the importer holds no more than STEAL bundles read ahead"
    assert 0 < summary.read_by_workers < len(files) - 2, "the importer read some of the batch ahead itself"
    assert len(read_here) == len(set(read_here)) == len(files) - summary.read_by_workers, \
        "each bundle was read once, here or in the worker"
    assert not list((home / "attachments").glob(read_ahead.STAGING + "*")), "nothing staged is left"
    assert [name for name, _ in summary.rejected] == ["07x-skadat.btbundle"]
    _as_one_by_one(unit, files, tmp_path / "serial", summary, home, share)


def test_a_trust_change_counts_for_bundles_the_importer_read_ahead_before_it(batch, tmp_path, monkeypatch):
    unit, files, people = batch
    _importer_reads_ahead(monkeypatch, most=len(files))
    ahead: list[read_ahead.ReadAhead] = []
    real_init = read_ahead.ReadAhead.__init__

    def init(ra, *a, **kw):
        real_init(ra, *a, **kw)
        ahead.append(ra)

    monkeypatch.setattr(read_ahead.ReadAhead, "__init__", init)
    home, share = _fresh(unit, files, tmp_path / "ahead")

    def change(home: Path):
        def progress(done: int, total: int) -> None:
            if done == CHANGE_AT:
                idn.ca_revoke(home, people["amira_serial"], "Lämnade BT-tjänsten")
                TrustStore(home).confirm(str(people["bo"]), "Telefonsamtal med Bo Ek")
        return progress

    with unit_import.open_target(home) as target:
        summary = unit_import.import_inbox(target, share, progress=change(home))
    assert ahead[0].stolen > CHANGE_AT, "the importer had read bundles after the change ahead, before it"
    serial_home, _, serial = _one_by_one(unit, files, tmp_path / "serial", progress=change(tmp_path / "serial/unit"))
    assert _outcome(summary) == serial
    assert _store(home) == _store(serial_home)
    assert ahead[0].reread > 0, "those were read again"
