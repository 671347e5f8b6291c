"""2,000 hostile senders (bench/hostile_senders.py): crafted subjects, self-made and unconfirmed
signers, privacy attacks, with random choices; no count at the doctor or the unit may change."""
from __future__ import annotations

import os
import shutil

CASES = int(os.environ.get("BTDESK_HOSTILE_CASES", "2000"))


def test_hostile_senders_change_no_count():
    from bench.hostile_senders import run, scratch

    tmp = scratch()
    try:
        rep = run(CASES, seed=int(os.environ.get("BTDESK_HOSTILE_SEED", "11")), tmp=tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\n  {rep.cases} hostile cases: {rep.imported} imported ({rep.records} records), "
          f"{rep.refused} refused, {rep.seconds:.1f} s")
    # both outcomes are exercised: most bundles are accepted (and must count for nothing)
    assert rep.cases == CASES and rep.imported > CASES // 2 and rep.refused > CASES // 20
