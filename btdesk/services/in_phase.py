"""In phase: has the doctor done what their time served calls for?

The BT unit's judgement made explicit, on time served (full time, leave excluded): for each
placement begun, the share of its service done scales what its checklist expects by now —
each assessment instrument's minimum, and its learning activities. For assessments and for
activities each, the doctor is in phase when done >= threshold × expected, the expected count
rounded as the programme file says (`[in_phase]`, default 75 % and floor). The explanation
gives the figures per item: "DOPS 1 av 2 väntade; CbD 0 av 1 väntade; aktiviteter 3 av 4 väntade".
Progress, the overview, the cohort and a placement's summary all call `phase`.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from btdesk.i18n import _, language
from btdesk.programme import PhaseRule, PlacementKind, Programme, ProgrammeError
from btdesk.services.checklist_status import ItemStatus

ACTIVITIES = "activities"


@dataclass(frozen=True)
class PhaseInput:
    """One placement: its kind, how much of its own service is done (0..1), its checklist status."""

    kind: PlacementKind
    share: Fraction
    status: Sequence[ItemStatus]


@dataclass(frozen=True)
class PhaseFigure:
    key: str  # an instrument id, or "activities"
    name: str  # "DOPS", "aktiviteter"
    done: int
    expected: int

    def text_sv(self) -> str:
        """In the run's language (the name "_sv" is older than the catalogue)."""
        name = _("aktiviteter") if self.key == ACTIVITIES else self.name
        return _("{name} {done} av {expected} väntade").format(name=name, done=self.done, expected=self.expected)


@dataclass(frozen=True)
class Phase:
    in_phase: bool
    assessments_done: int
    assessments_expected: int
    activities_done: int
    activities_expected: int
    figures: tuple[PhaseFigure, ...]  # per instrument, then activities
    threshold: float
    reasons: tuple[str, ...]  # in the run's language, one per group that falls short

    def explanation_sv(self) -> str:
        return "; ".join(f.text_sv() for f in self.figures if f.expected or f.done)

    def to_dict(self) -> dict[str, Any]:
        return {"in_phase": self.in_phase, "threshold": self.threshold,
                "assessments_done": self.assessments_done, "assessments_expected": self.assessments_expected,
                "activities_done": self.activities_done, "activities_expected": self.activities_expected,
                "figures": [{"key": f.key, "name": f.name, "done": f.done, "expected": f.expected}
                            for f in self.figures],
                "explanation": self.explanation_sv()}


def _rounded(value: Fraction, rule: PhaseRule) -> int:
    if rule.rounding == "ceil":
        return math.ceil(value)
    if rule.rounding == "round":
        return math.floor(value + Fraction(1, 2))  # half up, the way a person rounds
    return math.floor(value)


def _name(programme: Programme, instrument: str) -> str:
    try:
        return programme.instrument(instrument).name_in(language())
    except ProgrammeError:
        return instrument


def phase(programme: Programme, rows: Sequence[PhaseInput]) -> Phase:
    """In phase over the placements given (those not begun have share 0 and expect nothing)."""
    rule = programme.phase_rule
    expected: dict[str, Fraction] = {}
    done: dict[str, int] = {}
    for row in rows:
        if row.share <= 0:
            continue
        for st in row.status:
            item = st.item
            if item.type == "assessment" and item.instrument:
                key, want, got = item.instrument, item.min_count, st.counted
            elif item.type == "activity":
                key, want, got = ACTIVITIES, 1, int(st.done)
            else:
                continue
            expected[key] = expected.get(key, Fraction(0)) + want * row.share
            done[key] = done.get(key, 0) + got
    keys = [k for k in expected if k != ACTIVITIES] + ([ACTIVITIES] if ACTIVITIES in expected else [])
    figures = tuple(PhaseFigure(k, "aktiviteter" if k == ACTIVITIES else _name(programme, k), done[k],
                                _rounded(expected[k], rule)) for k in keys)
    a_done = sum(f.done for f in figures if f.key != ACTIVITIES)
    a_exp = sum(f.expected for f in figures if f.key != ACTIVITIES)
    act = next((f for f in figures if f.key == ACTIVITIES), PhaseFigure(ACTIVITIES, "aktiviteter", 0, 0))
    reasons = []
    if a_done < rule.threshold * a_exp:
        per = "; ".join(f.text_sv() for f in figures if f.key != ACTIVITIES and f.expected)
        reasons.append(_("Bedömningar {done} av {expected} väntade vid det här laget ({per}).").format(
            done=a_done, expected=a_exp, per=per))
    if act.done < rule.threshold * act.expected:
        reasons.append(_("Lärandeaktiviteter {done} av {expected} väntade vid det här laget.").format(
            done=act.done, expected=act.expected))
    return Phase(not reasons, a_done, a_exp, act.done, act.expected, figures, rule.threshold, tuple(reasons))
