"""In phase as the programme file states it: threshold and rounding, figures per item."""
from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest

from btdesk.programme import PhaseRule, load_programme
from btdesk.services.checklist_status import checklist_status
from btdesk.services.in_phase import PhaseInput, phase


def _half_of_allmanmedicin(rule: PhaseRule):
    prog = dataclasses.replace(load_programme("stockholm"), phase_rule=rule)
    kind = prog.kind("allmanmedicin")
    return prog, [PhaseInput(kind, Fraction(1, 2), checklist_status(kind, "pl", [], []))]


@pytest.mark.parametrize("rounding, mini_cex_expected", [("floor", 0), ("round", 1), ("ceil", 1)])
def test_the_expected_count_is_rounded_as_the_file_says(rounding, mini_cex_expected):
    prog, rows = _half_of_allmanmedicin(PhaseRule(0.75, rounding))
    figures = {f.key: f for f in phase(prog, rows).figures}
    assert figures["medsittning"].expected == 1  # minimum 2, half the placement served
    assert figures["mini_cex"].expected == mini_cex_expected  # minimum 1: a half


def test_nothing_done_halfway_is_out_of_phase_with_the_figures_per_item():
    prog, rows = _half_of_allmanmedicin(PhaseRule())
    ph = phase(prog, rows)
    assert not ph.in_phase
    assert ph.explanation_sv().startswith("Medsittning (konsultationsobservation) 0 av 1 väntade")
    assert ph.reasons[0].startswith(f"Bedömningar 0 av {ph.assessments_expected} väntade vid det här laget (")


def test_a_lower_threshold_in_the_file_changes_the_verdict():
    prog = load_programme("stockholm")
    kind = prog.kind("allmanmedicin")
    # the whole placement served, one medsittning done: 1 of the 5 assessments its checklist expects
    status = checklist_status(kind, "pl", [], [_assessment("medsittning")])
    strict = dataclasses.replace(prog, phase_rule=PhaseRule(0.75, "floor"))
    lenient = dataclasses.replace(prog, phase_rule=PhaseRule(0.2, "floor"))
    rows = [PhaseInput(kind, Fraction(1), status)]
    assert phase(strict, rows).assessments_expected == 5
    assert phase(strict, rows).reasons != phase(lenient, rows).reasons
    assert not any(r.startswith("Bedömningar") for r in phase(lenient, rows).reasons)


def _assessment(instrument: str):
    from btdesk.store.records import RecordView

    return RecordView("a", "assessment", 1, "x", "X", "", "", False, {"instrument": instrument, "placement": "pl"},
                      "h", None, True)
