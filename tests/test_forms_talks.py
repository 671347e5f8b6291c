"""Talks across two profiles: a supervision talk the supervisor writes and signs, which the
doctor imports and which counts in the doctor's plan; the hand-over talk's sign-off with its
participants and the placement summary it rests on; the trust verdict kept in one table."""
from __future__ import annotations

import json
import os
from datetime import date

import pytest

from btdesk.services.portfolio import Portfolio, SignedRecordFrozen

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

PW = os.environ["BTDESK_PASSPHRASE"]
TALK = {"date": "2026-03-05", "occasion": "Extra samtal vid behov", "participants": ["Dr Karin Lind"],
        "topics": ["Prioritering på akuten", "Sömn efter nattpass"], "notes": "Lugnt samtal.",
        "agreed_actions": ["Be om DOPS vid nästa pleuratappning"], "delmal": ["BT9", "BT1"]}


@pytest.fixture
def two(tmp_path):
    from btdesk.services import bt

    doc = Portfolio.create(tmp_path / "doc", name="Amira Haddad", role="doctor", programme_id="stockholm",
                           passphrase=lambda _: PW)
    bt.set_bt(doc, start="2026-01-01", huvudhandledare="Dr Karin Lind")
    akut = bt.add_placement(doc, kind="akut_sjukvard", site="Södersjukhuset", supervisor="Dr Erik Berg",
                            start="2026-01-01", end="2026-04-30")
    bt.add_placement(doc, kind="allmanmedicin", site="Vårdcentralen Ringen", supervisor="Dr Sara Ek",
                     start="2026-05-01", end="2026-08-31")
    sup = Portfolio.create(tmp_path / "sup", name="Erik Berg", role="supervisor", programme_id="stockholm",
                           passphrase=lambda _: PW)
    yield doc, sup, akut
    doc.close()
    sup.close()


def _known(doc, sup, tmp_path, on="2026-03-02"):
    """The supervisor learns of the doctor the real way: from a request file."""
    from btdesk.services import requests, supervisor

    f = requests.write_request(doc, tmp_path / f"req-{on}", instrument="mini_cex", case="Bröstsmärta",
                               delmal=["BT1"], on=on, passphrase=PW)
    opened = requests.read_request(f, sup.home)
    supervisor.add_doctor_from_request(sup, opened)
    return opened


def test_supervisor_talk_reaches_the_doctor_and_counts(two, tmp_path):
    from btdesk.services import assessments, entries, progress, talks_signed
    from btdesk.services.exchange_trust import record_trust

    doc, sup, akut = two
    akut_id = akut.id
    _known(doc, sup, tmp_path)
    held_before = next(x for x in progress.progress(doc, date(2026, 3, 6)).placements if x.id == akut_id).talks_held

    resp = talks_signed.new_talk(sup, TALK, doctor_fingerprint=doc.profile.fingerprint, passphrase=PW)
    out = assessments.write_response(resp, tmp_path / assessments.response_file_name(resp))
    assert out.name.startswith("samtal_Amira_Haddad_2026-03-05")
    res = assessments.import_response(doc, out)
    assert res.message.startswith("Supervision talk from Erik Berg")

    talk = doc.get(res.record.id)
    b = talk.body
    assert talk.kind == "talk" and talk.signed and talk.author_name == "Erik Berg"
    # the doctor's own talk shape, so everything that reads talks reads this one
    assert set(entries.save_talk(doc, date="2026-03-01", placement=akut_id)[0].body) <= set(b)
    assert b["type"] == "supervision" and b["placement"] == akut_id and b["date"] == "2026-03-05"
    assert b["participants"] == ["Erik Berg", "Amira Haddad", "Dr Karin Lind"]
    assert b["topics"] == TALK["topics"] and b["delmal"] == ["BT1", "BT9"]
    assert b["doctor_fingerprint"] == doc.profile.fingerprint  # the BT unit files it under her
    # it counts among her talks of the placement, and its actions open her next talk
    after = next(x for x in progress.progress(doc, date(2026, 3, 6)).placements if x.id == akut_id).talks_held
    assert after == held_before + 1  # the one she wrote herself above; Erik is not confirmed yet
    assessments.confirm_signer(doc, sup.profile.fingerprint)
    after = next(x for x in progress.progress(doc, date(2026, 3, 6)).placements if x.id == akut_id).talks_held
    assert after == held_before + 2  # this one and the one she wrote herself above
    assert entries.last_agreed_actions(doc, "2026-03-10")[1] == TALK["agreed_actions"]
    with pytest.raises(SignedRecordFrozen):
        doc.put("talk", dict(b, notes="ändrat"), talk.id)
    # the verdict lives in the exchange's table, not in a Setting
    assert record_trust(doc, [talk.hash])[talk.hash].status == "confirmed"
    assert doc.setting("trust:" + talk.id) is None


def test_talk_needs_a_known_doctor_and_a_supervisor(two, tmp_path):
    from btdesk.errors import BtdeskError
    from btdesk.services import talks_signed

    doc, sup, _ = two
    with pytest.raises(BtdeskError, match="not among your doctors"):
        talks_signed.new_talk(sup, TALK, doctor_fingerprint=doc.profile.fingerprint, passphrase=PW)
    with pytest.raises(BtdeskError, match="Only a supervisor"):
        talks_signed.new_talk(doc, TALK, doctor_fingerprint=doc.profile.fingerprint, passphrase=PW)
    _known(doc, sup, tmp_path)
    with pytest.raises(BtdeskError, match="Ämnen som togs upp"):  # required, named as the form names it
        talks_signed.new_talk(sup, dict(TALK, topics=[]), doctor_fingerprint=doc.profile.fingerprint, passphrase=PW)
    assert sup.records("talk") == []


def test_talk_for_someone_else_is_refused(two, tmp_path):
    from btdesk.services import assessments, talks_signed
    from btdesk.services.signed_files import SignedFileError

    doc, sup, _ = two
    _known(doc, sup, tmp_path)
    other = Portfolio.create(tmp_path / "other", name="Bo Ström", role="doctor", programme_id="stockholm",
                             passphrase=lambda _: PW)
    try:
        resp = talks_signed.new_talk(sup, TALK, doctor_fingerprint=doc.profile.fingerprint, passphrase=PW)
        out = assessments.write_response(resp, tmp_path / "t.btresponse")
        with pytest.raises(SignedFileError, match="not for this portfolio"):
            assessments.import_response(other, out)
        assert other.records("talk") == []
    finally:
        other.close()


def _summary(doc, sup, tmp_path, placement_id):
    """The outgoing supervisor's placement summary, through the real request/response path."""
    from btdesk.forms import load_template
    from btdesk.services import assessments, requests

    f = requests.write_request(doc, tmp_path / "ps", instrument="placement_summary", delmal=["BT1"],
                               on="2026-04-28", placement=placement_id, passphrase=PW)
    opened = requests.read_request(f, sup.home)
    t = load_template("placement_summary", sup.programme)
    values = {"date": "2026-04-28", "placement_name": "Akut sjukvård, Södersjukhuset", "delmal": ["BT1"],
              "overall": 3, "checklist_done": True, "assessments_reviewed": True, "went_well": "Trygg.",
              "improve": "Delegera.", "action": "Fortsätt med DOPS."}
    resp = assessments.build_response(sup, t, values, doctor=opened.request["doctor"], request=opened.request,
                                      passphrase=PW)
    return assessments.import_response(doc, assessments.write_response(resp, tmp_path / "ps.btresponse")).record


def test_handover_signoff_covers_participants_and_the_placement_summary(two, tmp_path):
    from btdesk.forms import load_template
    from btdesk.services import assessments, entries, requests, talks_signed

    doc, sup, akut = two
    akut_id = akut.id
    summary = _summary(doc, sup, tmp_path, akut_id)
    incoming = Portfolio.create(tmp_path / "in", name="Sara Ek", role="supervisor", programme_id="stockholm",
                                passphrase=lambda _: PW)
    try:
        people = ["Erik Berg (utgående)", "Sara Ek (inkommande)", "Karin Lind (huvudhandledare)"]
        handover, _ = entries.save_talk(doc, date="2026-04-30", type="handover", placement=akut_id,
                                        participants=people, topics=["Sammanfattande bedömning"],
                                        agreed_actions=["Två Medsittningar första månaden"])
        signed = []
        for who, role in ((sup, "Utgående handledare"), (incoming, "Inkommande handledare")):
            f = requests.write_request(doc, tmp_path / f"so-{who.profile.name}", instrument="", talk_id=handover.id,
                                       to=who.profile.name, passphrase=PW)
            opened = requests.read_request(f, who.home)
            talk = opened.request["talk"]
            # the supervisor sees who took part and the summary on the table, pinned by hash
            assert talk["body"]["participants"] == people
            assert talk["placement_summary"]["id"] == summary.id and talk["placement_summary"]["hash"] == summary.hash
            lines = dict(talks_signed.describe_talk(talk))
            assert lines["Deltagare"] == ", ".join(people) and lines["Samtal"] == "Överlämningssamtal 2026-04-30"
            assert lines["Sammanfattande bedömning"] == "2026-04-28 av Erik Berg"
            t = load_template("talk_signoff", who.programme)
            resp = assessments.build_response(who, t, {"date": "2026-04-30", "role": role, "attended": True},
                                              doctor=opened.request["doctor"], request=opened.request, passphrase=PW)
            signed.append(assessments.import_response(
                doc, assessments.write_response(resp, tmp_path / f"so-{role}.btresponse")).record)
        assert [s.body["role"] for s in signed] == ["Utgående handledare", "Inkommande handledare"]
        for s in signed:
            assert s.kind == "signoff" and s.body["target"] == {"id": handover.id, "hash": handover.hash,
                                                                "kind": "talk"}
            assert s.body["summary"] == {"id": summary.id, "hash": summary.hash, "kind": "assessment"}
        assert talks_signed.placement_summary_for(doc, akut_id).id == summary.id
    finally:
        incoming.close()


def test_supervision_talk_signoff_has_no_summary(two, tmp_path):
    from btdesk.services import entries, requests, talks_signed

    doc, sup, akut = two
    talk, _ = entries.save_talk(doc, date="2026-02-01", placement=akut.id, participants=["Erik Berg"])
    f = requests.write_request(doc, tmp_path / "so", instrument="", talk_id=talk.id, passphrase=PW)
    req = json.loads(f.read_text("utf-8"))["request"]
    assert req["talk"]["placement_summary"] is None
    assert "Sammanfattande bedömning" not in dict(talks_signed.describe_talk(req["talk"]))


def test_trust_verdict_in_one_table_and_confirm_upgrades_it(two, tmp_path):
    """A response's verdict is kept where a bundle's is; confirming the signer upgrades it."""
    from btdesk.forms import load_template
    from btdesk.services import assessments
    from btdesk.services.exchange_trust import peers, record_trust

    doc, sup, _ = two
    opened = _known(doc, sup, tmp_path)
    t = load_template("mini_cex", sup.programme)
    values = {"date": "2026-03-02", "case": "Bröstsmärta", "setting": "Akutmottagning", "complexity": "Hög",
              "observed_minutes": 15, "delmal": ["BT1"], **{k: 6 for k in (
                  "interviewing", "examination", "professionalism", "counselling", "judgement", "organisation",
                  "overall")}, "went_well": "a", "improve": "b", "action": "c"}
    resp = assessments.build_response(sup, t, values, doctor=opened.request["doctor"], request=opened.request,
                                      passphrase=PW)
    rec = assessments.import_response(doc, assessments.write_response(resp, tmp_path / "r.btresponse")).record
    v = record_trust(doc, [rec.hash])[rec.hash]
    assert (v.status, v.signer_name, v.fingerprint, v.own_signature) == (
        "unconfirmed", "Erik Berg", sup.profile.fingerprint, True)
    assert [x.name for x in peers(doc)] == ["Erik Berg"]  # so `btdesk trust confirm PREFIX` finds him
    assert doc.setting("trust:" + rec.id) is None
    assessments.confirm_signer(doc, sup.profile.fingerprint)
    v = record_trust(doc, [rec.hash])[rec.hash]
    assert v.status == "confirmed" and v.confirmed_by == "Amira Haddad"
    row = assessments.assessment_rows(doc)[0]
    assert row.trust == "confirmed"
    assert row.trust_text.endswith(("bekräftat av Amira Haddad", "confirmed by Amira Haddad"))  # the run's language
