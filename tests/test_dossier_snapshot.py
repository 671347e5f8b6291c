"""The dossier gathers from a snapshot that reads each kind of record once
(btdesk.services.record_snapshot): it must answer exactly as the portfolio does."""
from __future__ import annotations


def test_a_snapshot_answers_every_kind_as_the_portfolio_does(tmp_path):
    from btdesk.services.demo import create_demo
    from btdesk.services.progress import EVIDENCE_KINDS
    from btdesk.services.record_snapshot import Snapshot

    p = create_demo(tmp_path / "demo")
    try:
        snap = Snapshot(p)
        kinds = (*EVIDENCE_KINDS, "checklist", "evidence", "placement", "bt", "leave", None)
        uncounted = 0
        for _ in range(2):  # the second time from what the snapshot kept
            for kind in kinds:
                counted = [(r.id, r.hash, r.counted) for r in p.records(kind)]
                every = [(r.id, r.hash, r.counted) for r in p.records(kind, uncounted=True)]
                assert [(r.id, r.hash, r.counted) for r in snap.records(kind)] == counted, kind
                assert [(r.id, r.hash, r.counted) for r in snap.records(kind, uncounted=True)] == every, kind
                uncounted += len(every) - len(counted)
                if kind is not None:
                    mine, theirs = snap.latest(kind), p.latest(kind)
                    assert (mine and mine.hash) == (theirs and theirs.hash), kind
        assert uncounted > 0  # the demo has records that do not count: the filter was tried
        deleted = [r.id for r in p.records("activity", include_deleted=True)]
        assert [r.id for r in snap.records("activity", include_deleted=True)] == deleted
    finally:
        p.close()
