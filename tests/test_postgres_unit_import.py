"""Two BT administrators import at once into the unit's shared PostgreSQL database."""
from __future__ import annotations

import subprocess
import sys

import gate
from btdesk.services import cohort, unit_import
from btdesk.services.exchange_trust import record_trust
from test_unit_import import DOCTORS, make_cohort

IMPORTER = gate.CHILD + r"""
import sys
from pathlib import Path
from btdesk.services import exchange_import, unit_import

home, go, sup = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
files = [Path(f) for f in sys.argv[4:]]
# both stop inside their import transaction just before filing the supervisor, and go on together:
# each files the same supervisor while the other's transaction is open
real = exchange_import.remember_peers
waited = []
def peers(s, verifications, me):
    if not waited and any(v.fingerprint == sup for v in verifications):
        waited.append(1)
        gate_wait(go)
    real(s, verifications, me)
    s.flush()
exchange_import.remember_peers = peers
with unit_import.open_target(home) as target:
    s = unit_import.import_files(target, files)
print(len(s.imported), len(s.rejected))
"""


def test_two_processes_importing_different_bundles_lose_nothing(pg_url, tmp_path):
    world = make_cohort(tmp_path, unit_portfolio=False)  # a shared database: no local portfolio
    (world.unit / "config.toml").write_text(f'database_url = "{pg_url}"\n')
    go = gate.Gate(tmp_path / "go")
    halves = ([world.bundles[0]], world.bundles[1:])
    procs = [subprocess.Popen([sys.executable, "-c", IMPORTER, str(world.unit), str(go.path), world.supervisor,
                               *map(str, h)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for h in halves]
    go.open_when_arrived(procs)  # both are inside their transactions, at the same supervisor
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0 and err == "", err
    assert [o.split() for o, _ in outs] == [["1", "0"], ["2", "0"]]
    with unit_import.open_target(world.unit) as unit:
        assert unit.engine.dialect.name == "postgresql"
        store = unit_import.store_of(unit)
        by = store.records_by_subject()
        assert sorted(by) == sorted(world.doctors.values())
        assert all(sorted(r.kind for r in rs) == ["activity", "assessment", "bt", "placement"] for rs in by.values())
        trust = record_trust(unit, [r.hash for rs in by.values() for r in rs if r.kind == "assessment"])
        assert len(trust) == 3 and {t.status for t in trust.values()} == {"verified"}
        assert sorted(r.name for r in cohort.overview_of_store(store)) == list(DOCTORS)
        assert len(store.last_bundles()) == 3
