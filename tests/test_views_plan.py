"""pytest-qt drives the plan, talks, checklists, delmål, overview and assessments views of the
doctor's window on a real portfolio, as a user would."""
from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt

from test_views import in_dialog


@pytest.fixture(autouse=True)
def _own_settings(own_qsettings):
    """QSettings caches its file per process: point it at this test's folder."""


@pytest.fixture
def window(doctor_window):
    return doctor_window


def test_placement_dialog_checks_the_plan_as_you_type(qtbot, window):
    view = window.go_to("Plan")
    assert view.table.rowCount() == 4
    seen = {}

    def edit(dlg):
        seen["before"] = dlg.warnings.text()
        dlg.kind.setCurrentIndex(dlg.kind.findData("akut_sjukvard"))
        qtbot.keyClicks(dlg.site, "Karolinska")
        dlg.start.setDate(dlg.start.date().fromString("2027-03-01", "yyyy-MM-dd"))
        dlg.end.setDate(dlg.end.date().fromString("2027-06-30", "yyyy-MM-dd"))
        seen["overlap"] = dlg.warnings.text()
        dlg.done(0)  # closed by the test, past Esc's question about changes

    done = in_dialog(qtbot, window, edit)
    view.edit(new=True)
    assert done
    assert seen["before"] != seen["overlap"]
    assert "Karolinska" in seen["overlap"] or "överlapp" in seen["overlap"].lower()


def test_edit_a_placement_and_undo(qtbot, window):
    view = window.go_to("Plan")
    view.table.selectRow(0)

    def change(dlg):
        dlg.site.clear()
        qtbot.keyClicks(dlg.site, "Karolinska Huddinge")
        qtbot.keyClick(dlg.site, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    done = in_dialog(qtbot, window, change)
    view.edit()
    assert done
    assert view.table.item(0, 1).text() == "Karolinska Huddinge"
    window.undo_action.trigger()
    assert view.table.item(0, 1).text() == "Södersjukhuset"


def test_talk_dialog_shows_last_times_agreed_actions(qtbot, window):
    from btdesk.services import bt
    from btdesk.services.entries import save_talk

    p = window.portfolio
    akut = bt.placements(p)[0]
    save_talk(p, date="2027-01-14", placement=akut.id, topics=["Triage"],
              agreed_actions=["Göra två DOPS före nästa samtal"])
    view = window.go_to("Handledning")
    view.placement.setCurrentIndex(view.placement.findData(akut.id))
    assert "1 samtal hållna" in view.summary.text()
    seen = {}

    def record(dlg):
        seen["last"] = dlg.last.text()
        qtbot.keyClicks(dlg.topics, "Feedback DOPS")
        qtbot.keyClicks(dlg.agreed, "Boka CbD")
        qtbot.keyClick(dlg.agreed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    done = in_dialog(qtbot, window, record)
    view.edit(new=True)
    assert done
    assert "Göra två DOPS före nästa samtal" in seen["last"]
    assert view.talks.rowCount() == 2
    assert "Boka CbD" in [view.talks.item(r, 3).text() for r in range(2)]


def test_tick_a_checklist_item_with_evidence(qtbot, window):
    from btdesk.services import bt
    from btdesk.services.entries import save_activity

    p = window.portfolio
    akut = bt.placements(p)[0]
    act, _ = save_activity(p, type="clinical", title="Triage på akuten", date="2027-01-20", placement=akut.id)
    view = window.go_to("Checklistor")
    view.placement.setCurrentIndex(view.placement.findData(akut.id))
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 2).text() == "Aktivitet")
    assert view.table.item(row, 0).text() == ""
    before = view.summary.text()
    view.table.selectRow(row)

    def choose(dlg):
        dlg.entry.setCurrentIndex(dlg.entry.findData(act.id))
        dlg.accept()

    done = in_dialog(qtbot, window, choose)
    view.tick()
    assert done
    assert view.table.item(row, 0).text() == "✓"
    assert "Triage på akuten" in view.table.item(row, 3).text()
    assert view.summary.text() != before
    window.undo_action.trigger()
    assert view.table.item(row, 0).text() == ""


def test_delmal_view_marks_evidence_to_present(qtbot, window):
    from btdesk.services.entries import save_activity

    p = window.portfolio
    save_activity(p, type="course", title="ALS", date="2027-01-10", delmal=["BT1"])
    view = window.go_to("Delmål")
    window.refresh()
    view.list.setCurrentRow(0)
    assert view.title.text().startswith("BT1 ")
    assert "<li>" in view.krav.text()
    assert view.linked.item(0, 2).text() == "ALS"
    view.linked.item(0, 0).setCheckState(Qt.CheckState.Checked)
    (ev,) = p.records("evidence")
    assert ev.body["delmal"] == "BT1" and len(ev.body["records"]) == 1


def test_overview_shows_plan_timeline_and_due(qtbot, window):
    ov = window.go_to("Översikt")
    assert ov.delmal.rowCount() == 18
    names = [(n, start) for n, start, *_ in ov.timeline.placements]
    assert [n.removesuffix(" (planerad)") for n, _ in names] == ["Akut sjukvård", "Allmänmedicin", "Geriatrik",
                                                                 "Psykiatri"]
    assert all(n.endswith(" (planerad)") == (start > date.today()) for n, start in names)  # future: planned
    assert "av 12,0 månader tjänstgjorda · planerat: 12,0" in ov.summary.text()
    assert ov.due.text() and ov.warnings.text()


def test_assessments_view_explains_how_assessments_arrive(qtbot, window):
    view = window.go_to("Bedömningar")
    assert view.stack.currentWidget() is view.empty
    assert "signerad fil" in view.empty.text()
