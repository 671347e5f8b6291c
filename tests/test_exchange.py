"""Export and import of bundles between a doctor, a self-signed supervisor and the BT unit."""
from __future__ import annotations

import pytest

from btdesk import identity as idn
from btdesk.bundle import BundleError
from btdesk.services.exchange import Recipient, export_bundle
from btdesk.services.exchange_import import import_bundle, verify_bundle
from btdesk.services.exchange_trust import confirm, record_trust
from exchange_world import PASS, activity, assessment, clone_db, dump, make_world

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences


@pytest.fixture
def w(tmp_path):
    world = make_world(tmp_path)
    yield world
    world.close()


def to_unit(w):
    return Recipient(w.unit.profile.fingerprint, w.unit.profile.name)


def test_supervisor_assessment_travels_through_the_doctor_to_the_unit_with_its_own_signature(w):
    assessment(w.sup, w.doc)
    r = export_bundle(w.sup, w.tmp / "sup.btbundle", passphrase=PASS)
    got = import_bundle(w.doc, r.path)
    assert got.new == 1 and got.sender_status == "unconfirmed" and got.unconfirmed == 1
    assert "trust confirm" in got.warnings[0]
    activity(w.doc, "ALS")
    b = export_bundle(w.doc, w.tmp / "doc.btbundle", recipient=to_unit(w), passphrase=PASS)
    assert b.records == 2 and b.sequence == 1
    v = verify_bundle(w.unit, b.path)
    assert (v.sender_status, v.records, v.new, v.signed, v.already) == ("verified", 2, 2, {"unconfirmed": 1}, False)
    got = import_bundle(w.unit, b.path)
    assert got.new == 2
    verdicts = record_trust(w.unit, [r.hash for r in w.unit.records(everyone=True, uncounted=True)])
    texts = sorted(t.describe() for t in verdicts.values())
    assert texts[0].startswith("self-signed and not yet confirmed") and verdicts
    assert "signature verified (certificate issued by Region Stockholm BT-enheten)" in texts
    # the unit keeps both records under the doctor they concern
    import sqlite3
    subjects = sqlite3.connect(w.unit.home / "portfolio.sqlite").execute(
        "SELECT DISTINCT subject FROM record_versions").fetchall()
    assert subjects == [(w.doc.profile.fingerprint,)]


def test_confirming_a_self_signed_supervisor_marks_their_records_and_stays(w):
    a = assessment(w.sup, w.doc)
    import_bundle(w.doc, export_bundle(w.sup, w.tmp / "s.btbundle", passphrase=PASS).path)
    fp, name, n = confirm(w.doc, w.sup.profile.fingerprint[:32])
    assert (fp, name, n) == (w.sup.profile.fingerprint, "Dr Erik Berg", 1)
    t = record_trust(w.doc, [a.hash])[a.hash]
    assert t.status == "confirmed" and t.describe() == "signature confirmed by Amira Haddad"
    # a later bundle from the same supervisor is confirmed from the start
    assessment(w.sup, w.doc)
    got = import_bundle(w.doc, export_bundle(w.sup, w.tmp / "s2.btbundle", passphrase=PASS).path)
    assert got.sender_status == "confirmed" and got.unconfirmed == 0 and not got.warnings


def test_export_sends_only_what_changed_since_the_last_bundle_to_that_recipient(w):
    x = activity(w.doc, "ALS")
    first = export_bundle(w.doc, w.tmp / "1.btbundle", recipient=to_unit(w), passphrase=PASS)
    activity(w.doc, "ALS-kurs", x.id)
    second = export_bundle(w.doc, w.tmp / "2.btbundle", recipient=to_unit(w), passphrase=PASS)
    assert (first.records, second.records, second.sequence) == (1, 1, 2)
    assert export_bundle(w.doc, w.tmp / "3.btbundle", recipient=to_unit(w), passphrase=PASS, skip_empty=True) is None
    everything = export_bundle(w.doc, w.tmp / "all.btbundle", recipient=to_unit(w), everything=True, passphrase=PASS)
    assert everything.records == 2 and everything.sequence == 3
    # another recipient has its own watermark and numbering
    anyone = export_bundle(w.doc, w.tmp / "any.btbundle", passphrase=PASS)
    assert (anyone.records, anyone.sequence, anyone.recipient) == (2, 1, "*")


def test_same_bundle_twice_changes_nothing_and_a_gap_is_reported(w):
    activity(w.doc, "A")
    b1 = export_bundle(w.doc, w.tmp / "1.btbundle", recipient=to_unit(w), passphrase=PASS)
    activity(w.doc, "B")
    export_bundle(w.doc, w.tmp / "2.btbundle", recipient=to_unit(w), passphrase=PASS)
    activity(w.doc, "C")
    b3 = export_bundle(w.doc, w.tmp / "3.btbundle", recipient=to_unit(w), passphrase=PASS)
    import_bundle(w.unit, b1.path)
    got = import_bundle(w.unit, b3.path)
    assert got.warnings == ["Bundles 2 from Amira Haddad have not arrived yet; ask them to send them again if they do "
                            "not turn up."]
    before = dump(w.unit)
    again = import_bundle(w.unit, b3.path)
    assert again.already and "already imported" in again.message
    assert dump(w.unit) == before


def test_two_machines_editing_one_record_are_kept_as_a_conflict(w, tmp_path):
    x = activity(w.doc, "ALS")
    base = export_bundle(w.doc, w.tmp / "base.btbundle", recipient=to_unit(w), passphrase=PASS)
    import_bundle(w.unit, base.path)
    # the same identity on a second laptop makes another edit of the same version
    laptop = tmp_path / "laptop"
    idn.export_identity(w.doc.home, tmp_path / "id.btid", lambda _: PASS)
    from btdesk.services.portfolio import Portfolio
    idn.import_identity(laptop, tmp_path / "id.btid", lambda _: PASS)
    clone_db(w.doc, laptop)
    with Portfolio.open(laptop) as other:
        activity(other, "ALS på laptop", x.id)
        b2 = export_bundle(other, laptop / "b2.btbundle", recipient=to_unit(w), passphrase=PASS, everything=True)
    activity(w.doc, "ALS-kurs", x.id)
    b1 = export_bundle(w.doc, w.tmp / "b1.btbundle", recipient=to_unit(w), passphrase=PASS)
    import_bundle(w.unit, b1.path)
    with pytest.raises(BundleError, match="replay or a forgery"):
        import_bundle(w.unit, b2.path)  # both laptops used sequence 2 for the unit
    res = import_bundle(w.doc, b2.path)  # the doctor's main laptop receives its twin's edit
    got = w.doc.get(x.id)
    assert got.conflict and len(w.doc.conflicts()[x.id]) == 2
    assert res.conflicts == [x.id]  # the import names it


def test_a_bundle_for_another_recipient_is_refused(w):
    activity(w.doc, "ALS")
    to_sup = Recipient(w.sup.profile.fingerprint, w.sup.profile.name)
    b = export_bundle(w.doc, w.tmp / "b.btbundle", recipient=to_sup, passphrase=PASS)
    before = dump(w.unit)
    with pytest.raises(BundleError, match="addressed to Dr Erik Berg, not to you"):
        import_bundle(w.unit, b.path)
    assert dump(w.unit) == before


def test_own_bundle_reimported_on_a_new_laptop_continues_the_numbering(w, tmp_path):
    activity(w.doc, "ALS")
    b = export_bundle(w.doc, w.tmp / "b.btbundle", recipient=to_unit(w), passphrase=PASS)
    import_bundle(w.unit, b.path)
    new = tmp_path / "new"
    idn.export_identity(w.doc.home, tmp_path / "id.btid", lambda _: PASS)
    idn.import_identity(new, tmp_path / "id.btid", lambda _: PASS)
    from sqlalchemy.orm import Session

    from btdesk.services.portfolio import Portfolio
    from btdesk.store.models import Profile
    # a fresh portfolio database for the imported identity
    engine, lock, _ = Portfolio._open_db(new)
    with Session(engine) as s, s.begin():
        s.add(Profile(id="x", name="Amira Haddad", role="doctor", fingerprint=w.doc.profile.fingerprint,
                      programme_id="stockholm", created="2027-07-01T00:00:00Z"))
    engine.dispose()
    lock.release()
    with Portfolio.open(new) as p:
        got = import_bundle(p, b.path)
        assert got.new == 1 and [r.body["title"] for r in p.records("activity")] == ["ALS"]
        activity(p, "Efter bytet")
        nxt = export_bundle(p, new / "n.btbundle", recipient=to_unit(w), passphrase=PASS)
    assert (nxt.sequence, nxt.records) == (2, 1)
    assert import_bundle(w.unit, nxt.path).new == 1


def test_attachments_of_documents_travel(w, tmp_path):
    from btdesk.services import entries
    f = tmp_path / "intyg.pdf"
    f.write_bytes(b"%PDF-1.4 intyg " * 100)
    entries.add_document(w.doc, f, title="ALS-intyg", date="2027-02-01")
    b = export_bundle(w.doc, w.tmp / "b.btbundle", recipient=to_unit(w), passphrase=PASS)
    assert b.attachments == 1
    import_bundle(w.unit, b.path)
    doc = w.unit.records("document", everyone=True)[0]
    assert w.unit.attachment_path(doc.body["sha256"]).read_bytes() == f.read_bytes()


def test_revocations_travel_from_the_unit_and_are_applied(w):
    serial = idn.load_public(w.doc.home).serial
    idn.ca_revoke(w.unit.home, serial, "Lämnat regionen")
    b = export_bundle(w.unit, w.tmp / "u.btbundle", passphrase=PASS)
    assert b.attachments == 1 and b.records == 1
    other = w.sup  # trusts the unit's root after enrolment
    idn.TrustStore(other.home).add_root(idn.load_public(w.unit.home).cert_pem)
    got = import_bundle(other, b.path)
    assert "1 revoked certificates were added to your trust decisions." in got.warnings
    assert idn.TrustStore(other.home).revocation(w.unit.profile.fingerprint, serial)
    # a bundle from the revoked doctor is now refused, and nothing changes
    activity(w.doc, "ALS")
    d = export_bundle(w.doc, w.tmp / "d.btbundle", passphrase=PASS)
    before = dump(other)
    with pytest.raises(BundleError, match="revoked"):
        import_bundle(other, d.path)
    assert dump(other) == before
    # an unchanged revocation list is not published again
    assert export_bundle(w.unit, w.tmp / "u2.btbundle", passphrase=PASS).records == 0


def test_nobody_may_rewrite_someone_elses_record(w):
    from sqlalchemy import select

    from btdesk.store.models import RecordVersion
    from btdesk.store.records import insert_version, to_wire

    x = activity(w.doc, "ALS")
    with w.doc.transaction() as s:
        wire = to_wire(s.scalar(select(RecordVersion).where(RecordVersion.hash == x.hash)))
    forged = dict(wire, version=2, prev=x.hash, author=w.sup.profile.fingerprint, author_name="Dr Erik Berg",
                  body=dict(wire["body"], title="Underkänd"))
    with w.sup.transaction() as s:
        insert_version(s, wire)
        insert_version(s, forged)
    b = export_bundle(w.sup, w.tmp / "f.btbundle", passphrase=PASS)
    assert (b.records, b.skipped_unsigned) == (1, 1)
    before = dump(w.doc)
    with pytest.raises(BundleError, match="would change a record written by someone else"):
        import_bundle(w.doc, b.path)
    assert dump(w.doc) == before and w.doc.get(x.id).body["title"] == "ALS"
