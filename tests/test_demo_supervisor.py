"""The supervisor's demo is a handledare's real few months: a BT-läkare he knows, the assessments
and talks he signed through the real request → response path, and one request still waiting,
shown with the date the doctor asked. It leaves nothing beside its own home."""
from __future__ import annotations

from datetime import date


def test_the_supervisor_demo_has_a_doctor_his_signed_work_and_an_open_request(tmp_path):
    from btdesk.services import supervisor
    from btdesk.services.demo import create_demo

    today = date(2026, 12, 2)
    with create_demo(tmp_path / "erik", role="supervisor", today=today) as p:
        rows = supervisor.dashboard(p, today)
        assert [r.name for r in rows] == ["Amira Haddad"]
        row = rows[0]
        assert row.given >= 5 and row.talks_given >= 1
        # the open DOPS, dated by her request (three days before), not by when he opened it
        assert row.due == ["DOPS: Pleuratappning (begärd 2026-11-29)"]
        reqs = supervisor.received_requests(p)
        assert sum(not q["answered"] for q in reqs) == 1 and sum(q["answered"] for q in reqs) >= 5
    assert sorted(x.name for x in tmp_path.iterdir()) == ["erik"]  # no demo unit or doctor left beside it


def test_the_unit_demo_holds_a_cohort_it_imported_from_signed_bundles(tmp_path):
    """Three BT-läkare the unit's own CA certified, each imported from her signed bundle: the
    cohort lists them with the months each has served, and nothing is left beside the home."""
    from btdesk.services.cohort import overview_of_store
    from btdesk.services.demo import create_demo
    from btdesk.services.unit_import import store_of

    today = date(2026, 12, 2)
    with create_demo(tmp_path / "enheten", role="unit", today=today) as p:
        rows = {r.name: r for r in overview_of_store(store_of(p), today)}
    assert sorted(rows) == ["Amira Haddad", "Johan Lindqvist", "Sofia Karlsson"]
    assert all(r.problem is None and r.last_bundle for r in rows.values())
    served = [rows[n].months_served for n in ("Amira Haddad", "Johan Lindqvist", "Sofia Karlsson")]
    assert served == sorted(served) and len(set(served)) == 3
    assert sorted(x.name for x in tmp_path.iterdir()) == ["enheten"]
