"""The wire record: one shape for what a record's hash and signature cover."""
from __future__ import annotations

import json

from btdesk.canonical import record_hash
from btdesk.resources import resource_path
from btdesk.store.records import to_wire, view
from btdesk.store.wire import WIRE_KEYS, is_wire, make_wire, new_wire, signed_bytes, wire_hash, wire_of


def test_the_wire_keys_are_the_record_schemas():
    schema = json.loads(resource_path("schema", "record.schema.json").read_text("utf-8"))
    record = schema["$defs"]["record"]
    assert sorted(record["required"]) == sorted(WIRE_KEYS)


def test_new_wire_is_version_one_made_now():
    w = new_wire("activity", {"title": "ALS"}, author="a" * 64, author_name="Amira", when="2027-01-01T00:00:00Z")
    assert is_wire(w) and w["version"] == 1 and w["prev"] is None and not w["deleted"]
    assert w["created"] == w["updated"] == "2027-01-01T00:00:00Z"
    assert new_wire("activity", {}, author="a" * 64, author_name="A")["id"] != w["id"]


def test_a_stored_version_gives_back_the_wire_it_was_made_from(doctor):
    r = doctor.put("activity", {"title": "ALS-kurs", "hours": 8})
    assert wire_hash(wire_of(r)) == r.hash
    from sqlalchemy.orm import Session

    from btdesk.store.models import RecordVersion

    with Session(doctor.engine) as s:
        row = s.query(RecordVersion).filter_by(hash=r.hash).one()
        assert to_wire(row) == wire_of(r) == wire_of(row)
        assert view(row).hash == record_hash(wire_of(row))


def test_a_signature_over_the_wire_verifies_from_the_stored_view(doctor):
    from btdesk.identity import TrustStore, load_signer, verify_detached

    signer = load_signer(doctor.home, lambda _: "correct horse battery staple")
    r = doctor.put("activity", {"title": "signed"}, sign=signer.sign)
    sig = doctor.history(r.id)[0]
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from btdesk.store.models import RecordVersion

    with Session(doctor.engine) as s:
        der = s.scalar(select(RecordVersion.signature).where(RecordVersion.hash == sig.hash))
    v = verify_detached(signed_bytes(wire_of(r)), der, TrustStore(doctor.home))
    assert v.fingerprint == doctor.profile.fingerprint


def test_is_wire_refuses_extra_missing_and_mistyped_keys():
    w = make_wire(record_id="x", kind="assessment", version=1, prev=None, author="a", author_name="A",
                  created="t", updated="t", deleted=False, body={})
    assert is_wire(w)
    assert not is_wire({**w, "extra": 1})
    assert not is_wire({k: v for k, v in w.items() if k != "body"})
    assert not is_wire({**w, "version": True})
    assert not is_wire({**w, "version": 0})
    assert not is_wire({**w, "deleted": "no"})
    assert not is_wire([w])
