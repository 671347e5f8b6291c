"""Two BT administrators import at once into the unit's shared PostgreSQL database."""
from __future__ import annotations

import subprocess
import sys
import time

from pg import pg_cluster, pg_url  # noqa: F401  (pytest fixtures)

from btdesk.services import cohort, unit_import
from btdesk.services.exchange_trust import record_trust
from test_unit_import import DOCTORS, make_cohort

IMPORTER = r"""
import sys, time
from pathlib import Path
from btdesk.services import exchange_import, unit_import

home, go, hold, sup = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
files = [Path(f) for f in sys.argv[5:]]
inside = go.with_name("inside")
if hold == "hold":
    # stop inside the transaction right after filing the supervisor, so that the other
    # process files the same supervisor at the same moment
    real = exchange_import.remember_peer
    def peer(s, v, me):
        real(s, v, me)
        if v.fingerprint == sup and not inside.exists():
            s.flush()
            inside.touch()
            time.sleep(1.0)
    exchange_import.remember_peer = peer
while not go.exists():
    time.sleep(0.005)
if hold == "follow":
    while not inside.exists():
        time.sleep(0.005)
with unit_import.open_target(home) as target:
    s = unit_import.import_files(target, files)
print(len(s.imported), len(s.rejected))
"""


def test_two_processes_importing_different_bundles_lose_nothing(pg_url, tmp_path):
    world = make_cohort(tmp_path, unit_portfolio=False)  # a shared database: no local portfolio
    (world.unit / "config.toml").write_text(f'database_url = "{pg_url}"\n')
    go = tmp_path / "go"
    halves = ([world.bundles[0]], world.bundles[1:])
    procs = [subprocess.Popen([sys.executable, "-c", IMPORTER, str(world.unit), str(go), role, world.supervisor,
                               *map(str, h)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for role, h in zip(("hold", "follow"), halves)]
    time.sleep(0.5)
    go.touch()  # the second files the same supervisor while the first has not committed
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (out, err) in zip(procs, outs):
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
