"""The store as a user relies on it: edits keep history, nothing is lost, one writer per home."""
from __future__ import annotations

import sqlite3

import pytest

from btdesk.errors import BtdeskError
from btdesk.services import entries
from btdesk.services.portfolio import DB_NAME, Portfolio, SignedRecordFrozen
from btdesk.store import schema


def test_edit_makes_a_new_version_and_history_is_kept(doctor):
    r, _ = entries.save_activity(doctor, type="course", title="ALS", date="2027-02-01", hours=6, delmal=["BT1"])
    r2, _ = entries.save_activity(doctor, type="course", title="ALS-kurs", date="2027-02-01", hours=8,
                                  delmal=["BT1"], record_id=r.id)
    assert (r2.id, r2.version, r2.prev) == (r.id, 2, r.hash)
    assert doctor.get(r.id).body["hours"] == 8
    hist = doctor.history(r.id)
    assert [v.version for v in hist] == [1, 2]
    assert hist[0].body["title"] == "ALS" and hist[1].body["title"] == "ALS-kurs"


def test_delete_is_a_tombstone_and_restore_brings_it_back(doctor):
    r, _ = entries.save_activity(doctor, type="seminar", title="Journalklubb", date="2027-02-03")
    doctor.delete(r.id)
    assert r.id not in {x.id for x in doctor.records("activity")}
    assert r.id in {x.id for x in doctor.records("activity", include_deleted=True)}
    assert [v.deleted for v in doctor.history(r.id)] == [False, True]
    doctor.restore(r.id)
    assert doctor.get(r.id).body["title"] == "Journalklubb" and not doctor.get(r.id).deleted


def test_two_leaves_are_a_conflict_kept_until_resolved(doctor):
    from btdesk.store import records as rec

    r, _ = entries.save_activity(doctor, type="course", title="A", date="2027-02-01")
    base = doctor.history(r.id)[0]
    # two machines each make version 2 from version 1
    for title in ("B from laptop", "C from desktop"):
        wire = doctor._wire("activity", {**base.body, "title": title}, r.id, 2, base.hash, base.created)
        with doctor.transaction() as s:
            rec.insert_version(s, wire, origin="elsewhere")
    conflicts = doctor.conflicts()
    assert set(conflicts) == {r.id}
    assert {v.body["title"] for v in conflicts[r.id]} == {"B from laptop", "C from desktop"}
    assert doctor.get(r.id).conflict
    keep = next(v for v in conflicts[r.id] if v.body["title"] == "C from desktop")
    doctor.resolve(r.id, keep.hash)
    assert doctor.conflicts() == {}
    assert doctor.get(r.id).body["title"] == "C from desktop"
    assert len(doctor.history(r.id)) == 4  # nothing dropped


def test_attachments_are_content_addressed_and_deduplicated(doctor, tmp_path):
    f1, f2 = tmp_path / "intyg.pdf", tmp_path / "kopia.pdf"
    f1.write_bytes(b"%PDF-1.4 kursintyg")
    f2.write_bytes(b"%PDF-1.4 kursintyg")
    d1, _ = entries.add_document(doctor, f1, title="Intyg")
    d2, _ = entries.add_document(doctor, f2, title="Kopia")
    assert d1.body["sha256"] == d2.body["sha256"]
    files = [p for p in (doctor.home / "attachments").rglob("*") if p.is_file()]
    assert len(files) == 1 and files[0].read_bytes() == b"%PDF-1.4 kursintyg"


def test_missing_attachment_is_one_sentence(doctor, tmp_path):
    with pytest.raises(BtdeskError, match="finns inte"):
        entries.add_document(doctor, tmp_path / "nope.pdf")


def test_second_open_is_told_the_portfolio_is_in_use(doctor):
    with pytest.raises(BtdeskError, match="redan öppen i en annan btdesk"):
        Portfolio.open(doctor.home)


def test_wal_and_foreign_keys_are_on(doctor):
    with doctor.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_portfolio_from_a_newer_version_is_refused_unchanged(doctor):
    home = doctor.home
    doctor.close()
    con = sqlite3.connect(home / DB_NAME)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    before = (home / DB_NAME).read_bytes()
    with pytest.raises(BtdeskError, match="nyare version av btdesk"):
        Portfolio.open(home)
    assert (home / DB_NAME).read_bytes() == before
    # the lock was released: once fixed, the database opens again
    con = sqlite3.connect(home / DB_NAME)
    con.execute(f"UPDATE alembic_version SET version_num='{schema.HEAD}'")
    con.commit()
    con.close()
    Portfolio.open(home).close()


# the unwritable home: tests/test_failures_cli.py, through the real command, for root too


def test_home_that_is_a_file_is_one_sentence(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(BtdeskError, match="kan inte"):
        Portfolio.create(f, name="A", role="supervisor")


def test_signed_record_by_someone_else_is_frozen(doctor):
    from btdesk.store import records as rec

    wire = {"id": "6f1c2a52-0000-4000-8000-000000000001", "kind": "assessment", "version": 1,
            "prev": None, "author": "ab" * 32, "author_name": "Dr Erik Berg",
            "created": "2027-02-01T10:00:00Z", "updated": "2027-02-01T10:00:00Z", "deleted": False,
            "body": {"instrument": "mini_cex", "delmal": ["BT1"]}}
    with doctor.transaction() as s:
        rec.insert_version(s, wire, signature=b"x", origin="bundle")
    with pytest.raises(SignedRecordFrozen, match="signerad av Dr Erik Berg"):
        doctor.put("assessment", {"instrument": "dops"}, wire["id"])
    with pytest.raises(SignedRecordFrozen):
        doctor.delete(wire["id"])
    assert doctor.get(wire["id"]).body["instrument"] == "mini_cex"


def test_someone_elses_unsigned_record_cannot_be_changed_here(doctor):
    """At the BT unit a doctor's records arrive unsigned inside a signed bundle: editing them would
    make a version by a second author, which every receiver refuses — so it is refused here."""
    from btdesk.store import records as rec

    wire = {"id": "6f1c2a52-0000-4000-8000-000000000002", "kind": "activity", "version": 1,
            "prev": None, "author": "cd" * 32, "author_name": "Amira Haddad",
            "created": "2027-02-01T10:00:00Z", "updated": "2027-02-01T10:00:00Z", "deleted": False,
            "body": {"title": "ALS"}}
    with doctor.transaction() as s:
        rec.insert_version(s, wire, origin="bundle")
    with pytest.raises(SignedRecordFrozen, match="tillhör Amira Haddad"):
        doctor.put("activity", {"title": "Ändrad"}, wire["id"])
    assert doctor.get(wire["id"]).body["title"] == "ALS"
