"""Services as the doctor meets them: plan rules, progress, phase, privacy warnings."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from btdesk.errors import BtdeskError
from btdesk.services import bt, entries
from btdesk.services.privacy import find_personnummer
from btdesk.services.progress import progress, talk_schedule


def test_full_stockholm_plan_has_no_warnings_and_right_sums(doctor):
    assert bt.plan_warnings(doctor) == []
    pr = progress(doctor, date(2028, 1, 15))
    assert pr.months_planned == pytest.approx(12.0, abs=0.01)
    assert pr.primarvard_months == pytest.approx(4.0, abs=0.01)
    assert pr.akut_months == pytest.approx(4.0, abs=0.01)


def test_months_served_follow_the_calendar_and_part_time(doctor):
    assert progress(doctor, date(2027, 2, 28)).months_served == pytest.approx(2.0, abs=0.01)
    pl = bt.placements(doctor)[0]
    bt.update_placement(doctor, pl.id, percent=50)
    assert progress(doctor, date(2027, 2, 28)).months_served == pytest.approx(1.0, abs=0.01)
    assert any("akut" in w.message.lower() for w in bt.plan_warnings(doctor))


def test_placement_errors_are_sentences(doctor):
    with pytest.raises(BtdeskError, match="ingen placeringstyp"):
        bt.add_placement(doctor, kind="kirurgi", site="X", start="2028-01-01", end="2028-02-01")
    with pytest.raises(BtdeskError, match="före sin start"):
        bt.add_placement(doctor, kind="geriatrik", site="X", start="2028-02-01", end="2028-01-01")


def test_delmal_progress_counts_linked_evidence(doctor):
    entries.save_activity(doctor, type="course", title="ALS", date="2027-01-20", hours=8, delmal=["BT1", "bt9"])
    entries.save_reflection(doctor, text="Lärde mig mycket", date="2027-01-21", delmal=["BT1"])
    pr = progress(doctor, date(2027, 1, 31))
    by = {d.id: d for d in pr.delmal}
    assert by["BT1"].evidence == 2 and by["BT1"].status == "started"
    assert by["BT9"].evidence == 1
    assert by["BT2"].status == "none"
    with pytest.raises(BtdeskError, match="BT19 är inget delmål"):
        entries.save_activity(doctor, type="course", title="X", date="2027-01-20", delmal=["BT19"])


def signed_assessments(doctor, tmp_path, bodies):
    """Real signed assessments from a self-signed supervisor, imported as .btresponse files."""
    import os

    from btdesk.identity import load_signer
    from btdesk.services import assessments
    from btdesk.services.portfolio import Portfolio
    from btdesk.services.signed_files import cert_pem_of
    from btdesk.store.wire import new_wire, signed_bytes

    pw = os.environ["BTDESK_PASSPHRASE"]
    with Portfolio.create(tmp_path / "sup", name="Dr Erik Berg", role="supervisor", programme_id="stockholm",
                          passphrase=lambda _: pw) as sup:
        signer = load_signer(sup.home, lambda _: pw)
        for i, body in enumerate(bodies):
            body = dict(body, doctor=doctor.profile.name, doctor_fingerprint=doctor.profile.fingerprint)
            wire = new_wire("assessment", body, author=sup.profile.fingerprint, author_name=sup.profile.name)
            resp = assessments.SignedResponse(wire, signer.sign(signed_bytes(wire)), cert_pem_of(signer), None)
            assessments.import_response(doctor, assessments.write_response(resp, tmp_path / f"a{i}"))
        return sup.profile.fingerprint


def test_out_of_phase_without_assessments_and_activities_and_in_phase_with_them(doctor, tmp_path):
    today = date(2027, 3, 15)
    pr = progress(doctor, today)
    assert not pr.in_phase
    assert [r.split(" ")[0] for r in pr.phase_reasons] == ["Bedömningar", "Lärandeaktiviteter"]
    akut = bt.placements(doctor)[0]
    bodies = []
    kind = doctor.programme.kind(akut.kind)
    for item in kind.checklist:
        if item.type == "assessment":
            for _ in range(item.min_count):
                bodies.append({"instrument": item.instrument, "placement": akut.id, "delmal": ["BT1"],
                               "date": "2027-02-10"})
        elif item.type == "activity":
            entries.tick_checklist(doctor, placement=akut.id, item=item.id, date="2027-02-10")
    # the doctor's own, unsigned "assessments" are no evidence
    for body in bodies:
        doctor.put("assessment", body)
    assert not progress(doctor, today).in_phase
    sup = signed_assessments(doctor, tmp_path, bodies)
    assert not progress(doctor, today).in_phase  # signed, but by someone nobody has confirmed
    from btdesk.services.assessments import confirm_signer

    confirm_signer(doctor, sup)
    pr = progress(doctor, today)
    assert pr.in_phase, pr.phase_reasons
    assert pr.next_talk is not None and pr.next_talk > today.isoformat()


def test_the_phase_explanation_gives_the_figures_per_item(doctor):
    akut = bt.placements(doctor)[0]
    # six assessments of one instrument: only the checklist's minimum for it counts
    from evidence_helpers import give

    give(doctor, [{"instrument": "dops", "placement": akut.id, "delmal": ["BT1"], "date": "2027-02-10"}] * 6)
    pr = progress(doctor, akut.end)
    dops_min = sum(i.min_count for i in doctor.programme.kind(akut.kind).checklist if i.instrument == "dops")
    figures = {f["key"]: (f["done"], f["expected"]) for f in pr.phase["figures"]}
    assert figures["dops"] == (dops_min, dops_min)
    assert f"DOPS {dops_min} av {dops_min} väntade" in pr.phase["explanation"]
    assert "aktiviteter 0 av" in pr.phase["explanation"]


def test_talk_schedule_ends_with_the_handover_talk(doctor):
    akut = bt.placements(doctor)[0]
    sched = talk_schedule(14, akut)
    assert sched[-1] == akut.end
    assert 7 <= len(sched) <= 9  # four months at a two-week rhythm


def test_last_agreed_actions_are_shown_for_the_next_talk(doctor):
    akut = bt.placements(doctor)[0]
    entries.save_talk(doctor, date="2027-01-14", placement=akut.id, agreed_actions=["Göra två DOPS"])
    entries.save_talk(doctor, date="2027-01-28", placement=akut.id, agreed_actions=["Boka CbD"])
    last, actions = entries.last_agreed_actions(doctor, before="2027-02-11")
    assert actions == ["Boka CbD"]
    _, earlier = entries.last_agreed_actions(doctor, before="2027-01-28")
    assert earlier == ["Göra två DOPS"]


def test_checklist_tick_with_evidence_counts(doctor):
    akut = bt.placements(doctor)[0]
    kind = doctor.programme.kind("akut_sjukvard")
    item = next(i for i in kind.checklist if i.type != "assessment")
    r, _ = entries.save_activity(doctor, type="clinical", title=item.text, date="2027-02-01")
    entries.tick_checklist(doctor, placement=akut.id, item=item.id, date="2027-02-01", evidence=[r.id])
    pl = next(x for x in progress(doctor, date(2027, 2, 2)).placements if x.id == akut.id)
    assert pl.checklist_done == 1
    entries.tick_checklist(doctor, placement=akut.id, item=item.id, done=False)
    pl = next(x for x in progress(doctor, date(2027, 2, 2)).placements if x.id == akut.id)
    assert pl.checklist_done == 0
    with pytest.raises(BtdeskError, match="ingen punkt"):
        entries.tick_checklist(doctor, placement=akut.id, item="nope")


@pytest.mark.parametrize("text,hit", [
    ("Patient 19121212-1212 med bröstsmärta", True),
    ("pat 121212-1212", True),
    ("samordningsnr 701063-2391", True),
    ("Telefon 070-123 45 67", False),
    ("Kurs 2027-02-01, 8 h", False),
    ("19121212-1213 fel kontrollsiffra", False),
])
def test_personnummer_is_spotted(text, hit):
    assert bool(find_personnummer(text)) is hit


def test_free_text_with_personnummer_warns_but_saves(doctor):
    r, warnings = entries.save_activity(doctor, type="clinical", title="Fall",
                                        notes="Pat 19121212-1212 hade sepsis", date="2027-02-01")
    assert warnings and "personnummer" in warnings[0]
    assert doctor.get(r.id).body["notes"].startswith("Pat")


def test_demo_is_five_months_in_with_entries_across_placements(tmp_path):
    from btdesk.services.demo import create_demo

    today = date.today()  # signed assessments cannot be dated in the future
    p = create_demo(tmp_path / "demo", today=today)
    try:
        pr = progress(p, today)
        # five whole months done, the sixth begun, less the week of sick leave in the second month
        assert [(lv["type"], lv["percent"]) for lv in pr.leave] == [("sjukfranvaro", 100)]
        assert 0.2 <= pr.leave_months <= 0.3
        assert 4.7 <= pr.months_served <= 5.8
        assert {a.body["instrument"] for a in p.records("assessment")} >= {"mini_cex", "dops", "cbd"}
        assert all(a.signed for a in p.records("assessment"))
        assert len(p.records("activity")) > 30
        assert len({a.body["placement"] for a in p.records("activity")}) >= 2
        assert p.records("talk") and p.records("document") and p.records("reflection")
        assert sum(d.evidence > 0 for d in pr.delmal) >= 10
        doc = p.records("document")[0]
        assert p.attachment_path(doc.body["sha256"]).read_bytes().startswith(b"%PDF")
    finally:
        p.close()


def test_stockholms_introduction_opens_the_first_placement(doctor):
    from btdesk.services.progress import placement_talk_schedule

    akut, am = bt.placements(doctor)[:2]
    intro = doctor.programme.introduction
    assert (intro.weeks, intro.days) == (2.5, 18)
    first, second = placement_talk_schedule(doctor, akut), placement_talk_schedule(doctor, am)
    # the first placement's talks start after the 2.5 weeks of introduction; the next one's at once
    assert first[0] == akut.start + timedelta(days=18 + 14 - 1)
    assert second[0] == am.start + timedelta(days=7 - 1)
    row = next(r for r in progress(doctor, date(2027, 1, 31)).placements if r.id == akut.id)
    assert row.talks_expected_by_now == 0  # none due yet during and just after the introduction
