"""Export asks for the passphrase before it opens its transaction: no database connection is held
while a person types (a held transaction would keep the portfolio's write-ahead log from being
folded in and, on a server, hold locks)."""
from __future__ import annotations

import os

from btdesk.identity import forget_session
from btdesk.services import entries
from btdesk.services.exchange import export_bundle


def test_the_passphrase_is_asked_with_no_connection_checked_out(doctor, tmp_path):
    entries.save_activity(doctor, type="course", title="ALS-kurs", date="2027-02-01", hours=8, delmal=["BT1"])
    forget_session()
    held = []

    def ask(_prompt: str) -> str:
        held.append(doctor.engine.pool.checkedout())
        return os.environ["BTDESK_PASSPHRASE"]

    res = export_bundle(doctor, tmp_path / "b.btbundle", everything=True, passphrase=ask)
    assert res is not None and res.path.exists()
    assert held and held == [0] * len(held)
