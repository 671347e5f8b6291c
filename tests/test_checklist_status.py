"""Checklist status per item: one rule, matched by placement and item id."""
from __future__ import annotations

from btdesk.services import bt, entries
from btdesk.services.checklist_status import checklist_status


def _status(p, pl):
    kind = p.programme.kind(pl.kind)
    return {st.item.id: st for st in checklist_status(kind, pl.id, p.records("checklist"), p.records("assessment"))}


def _assessment(p, pl, instrument: str, n: int) -> None:
    from evidence_helpers import give  # signed by a supervisor the doctor confirmed: they count

    give(p, [{"instrument": instrument, "placement": pl.id, "date": f"2027-05-{10 + i}", "delmal": ["BT1"],
              "ratings": {}} for i in range(n)])


def test_a_tick_counts_for_its_own_placement_only(doctor):
    pls = bt.placements(doctor)
    akut, am = pls[0], pls[1]
    item = next(i for i in doctor.programme.kind(am.kind).checklist if i.type != "assessment")
    entries.tick_checklist(doctor, placement=am.id, item=item.id, date="2027-05-20")
    assert _status(doctor, am)[item.id].done and _status(doctor, am)[item.id].ticked
    entries.tick_checklist(doctor, placement=am.id, item=item.id, done=False)
    assert not _status(doctor, am)[item.id].done
    assert all(not st.done for st in _status(doctor, akut).values())


def test_an_assessment_item_is_done_at_its_minimum_and_counts_at_most_the_minimum(doctor):
    am = bt.placements(doctor)[1]
    item = doctor.programme.kind(am.kind).item("am_medsittning")  # min 2 medsittning
    _assessment(doctor, am, "medsittning", 1)
    st = _status(doctor, am)["am_medsittning"]
    assert (st.done, st.have, st.counted) == (False, 1, 1)
    _assessment(doctor, am, "medsittning", 2)
    st = _status(doctor, am)["am_medsittning"]
    assert (st.done, st.have, st.counted) == (True, 3, item.min_count)


def test_progress_and_dossier_agree_with_the_rule(doctor):
    from btdesk.services.dossier import gather
    from btdesk.services.progress import progress

    am = bt.placements(doctor)[1]
    _assessment(doctor, am, "medsittning", 2)
    item = next(i for i in doctor.programme.kind(am.kind).checklist if i.type == "activity")
    entries.tick_checklist(doctor, placement=am.id, item=item.id, date="2027-05-20")
    status = _status(doctor, am)
    row = next(r for r in progress(doctor, bt.placements(doctor)[1].end).placements if r.id == am.id)
    assert row.checklist_done == sum(st.done for st in status.values()) == 2
    # two items can share a text; the dossier lists them by item, in the programme's order
    listed = gather(doctor, am.end).checklists[am.id]
    assert [done for _t, _text, done in listed] == [st.done for st in status.values()]
