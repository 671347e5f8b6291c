"""The unit store on a real PostgreSQL server: schema, records per doctor, concurrent imports."""
from __future__ import annotations

import json
import subprocess
import sys
import uuid

import pytest

import gate
from btdesk.services.unit_store import UnitStore
from btdesk.store.schema import HEAD, current_revision

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

DOC_A, DOC_B = "a" * 64, "b" * 64


def wire(author: str, kind: str = "activity", body: dict | None = None, *, rid: str | None = None,
         version: int = 1, prev: str | None = None, updated: str = "2027-02-01T10:00:00Z") -> dict:
    return {"id": rid or str(uuid.uuid4()), "kind": kind, "version": version, "prev": prev,
            "author": author, "author_name": f"Dr {author[:4]}", "created": "2027-02-01T10:00:00Z",
            "updated": updated, "deleted": False, "body": body or {"title": "ALS", "delmal": ["BT1"]}}


def test_schema_records_and_conflicts_on_postgres(pg_url):
    with UnitStore.open_url(pg_url) as store:
        assert store.engine.dialect.name == "postgresql"
        assert current_revision(store.engine) == HEAD
        first = wire(DOC_A, rid="r1")
        assert store.insert([(first, b"\x30\x00"), (wire(DOC_A), None)], subject=DOC_A, origin="m" * 64) == 2
        assert store.insert([(first, b"\x30\x00")], subject=DOC_A) == 0  # idempotent
        assert store.insert([(wire(DOC_B, "bt", {"start": "2027-01-01"}), None)], subject=DOC_B) == 1
        # two machines edited the same version: both kept, the record marked in conflict
        from btdesk.canonical import record_hash

        h = record_hash(first)
        left = wire(DOC_A, rid="r1", version=2, prev=h, body={"title": "ALS 1"}, updated="2027-02-02T10:00:00Z")
        right = wire(DOC_A, rid="r1", version=2, prev=h, body={"title": "ALS 2"}, updated="2027-02-03T10:00:00Z")
        assert store.insert([(left, None), (right, None)], subject=DOC_A) == 2
        by = store.records_by_subject()
        assert sorted(by) == [DOC_A, DOC_B] == store.subjects()
        r1 = next(r for r in by[DOC_A] if r.id == "r1")
        assert r1.conflict and r1.body["title"] == "ALS 2" and r1.version == 2
        assert [r.kind for r in store.records(DOC_B)] == ["bt"]
        assert store.records(DOC_A, "bt") == []
        assert store.head_count() == 3
    # a second opening finds the schema in place and the data intact
    with UnitStore.open_url(pg_url) as store:
        assert store.head_count() == 3


def test_unreachable_server_is_one_sentence(tmp_path):
    import pytest

    from btdesk.errors import BtdeskError

    url = f"postgresql+psycopg://postgres@/nothing?host={tmp_path}&port=1"
    with pytest.raises(BtdeskError, match=r"^The unit database at .* cannot be reached: .*\.$"):
        UnitStore.open_url(url)


WRITER = gate.CHILD + r"""
import json, sys, uuid
from pathlib import Path
from btdesk.services.unit_store import UnitStore

url, subject, go, shared = sys.argv[1], sys.argv[2], Path(sys.argv[3]), json.loads(sys.argv[4])
gate_wait(go)
store = UnitStore.open_url(url)  # both create the schema at once on an empty database

def wire(rid, author, n):
    return {"id": rid, "kind": "activity", "version": 1, "prev": None, "author": author,
            "author_name": "Dr X", "created": "2027-02-01T10:00:00Z", "updated": "2027-02-01T10:00:00Z",
            "deleted": False, "body": {"title": f"activity {n}", "delmal": ["BT1"]}}

new = 0
for n in range(200):
    new += store.insert([(wire(str(uuid.uuid4()), subject, n), None)], subject=subject)
    if n < len(shared):  # the same records from both processes: one wins, the other finds it
        new += store.insert([(wire(shared[n], "c" * 64, n), None)], subject="c" * 64)
store.close()
print(new)
"""


def test_two_processes_importing_at_once_lose_nothing(pg_url, tmp_path):
    go = gate.Gate(tmp_path / "go")
    shared = [str(uuid.uuid4()) for _ in range(50)]
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, pg_url, subj, str(go.path), json.dumps(shared)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for subj in (DOC_A, DOC_B)]
    go.open_when_arrived(procs)  # both interpreters are up; they start at the same moment
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0 and err == "", err
    # every own record is new once; each shared record is new in exactly one of the two
    assert sum(int(out) for out, _ in outs) == 450
    with UnitStore.open_url(pg_url) as store:
        assert store.head_count() == 450
        by = store.records_by_subject()
        assert len(by[DOC_A]) == len(by[DOC_B]) == 200 and len(by["c" * 64]) == 50


def test_the_unit_plans_each_look_up_for_its_values(pg_url):
    """psycopg prepares a statement run five times, and PostgreSQL would then keep one generic plan
    made while the tables were empty: a cohort import scanned whole tables for every bundle's
    look-ups (30 s instead of 9 for 300 doctors, bench/README.md). The unit's connections plan
    each query anew."""
    from sqlalchemy import text

    with UnitStore.open_url(pg_url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SHOW plan_cache_mode")).scalar() == "force_custom_plan"
