"""The figures `btdesk.services.progress` computes, as plain dataclasses, in a module light enough
to import before the store is (the window's first paint shows them from a cached copy:
btdesk.services.overview_cache)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class DelmalProgress:
    id: str
    title: str
    evidence: int
    assessments: int
    chosen: int
    status: str  # none | started | evidenced


@dataclass
class PlacementProgress:
    id: str
    kind: str
    name: str
    site: str
    start: str
    end: str
    fte_months: float  # planned: the whole placement, full time, leave subtracted
    served_share: float  # share of the placement's own service done (0..1)
    checklist_done: int
    checklist_total: int
    assessments_done: int
    assessments_required: int
    talks_held: int
    talks_expected_by_now: int
    talks_expected_total: int
    missing: list[str] = field(default_factory=list)
    served_months: float = 0.0
    leave_months: float = 0.0
    percent: int = 100
    state: str = "planned"  # served | current | planned
    in_phase: bool = True
    phase_explanation: str = ""


@dataclass
class Progress:
    doctor: str
    programme: str
    start: str | None
    months_served: float
    months_planned: float  # the whole plan (served and to come), leave subtracted
    primarvard_months: float  # served
    akut_months: float  # served
    in_phase: bool
    phase_reasons: list[str]
    current_placement: str | None
    next_talk: str | None
    delmal: list[DelmalProgress]
    placements: list[PlacementProgress]
    warnings: list[str]
    # the same warnings with their code and figures (btdesk.programme.PlanWarning), for translation
    plan_warnings: list[Any] = field(default_factory=list)
    programme_months: float = 12.0
    primarvard_planned: float = 0.0
    akut_planned: float = 0.0
    leave_months: float = 0.0  # taken from service up to today
    leave_planned_months: float = 0.0  # over the whole plan
    leave: list[dict[str, Any]] = field(default_factory=list)
    bt_percent: int = 100
    expected_end: str | None = None
    expected_end_presumed: bool = False
    completed_on: str | None = None  # the day the programme's time was served
    minimums_on: str | None = None  # the day HSLF-FS 2021:8's minimums were served
    final_outcome: str = "ej_bedomt"  # the final assessment: uppnatt | ej_uppnatt | ej_bedomt
    completion_date: str | None = None  # time, minimums and final assessment all done (services/completion)
    summary: str = ""  # "4,0 av 12,0 månader tjänstgjorda · planerat: 12,0"
    phase: dict[str, Any] = field(default_factory=dict)  # btdesk.services.in_phase.Phase.to_dict()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class WarningCopy:
    """A btdesk.programme.PlanWarning read back from a cached copy: the same code, sentence and
    figures, without importing the programme package."""
    code: str
    message: str
    args: tuple[str, ...] = ()


def progress_from_dict(d: dict[str, Any]) -> Progress:
    """The inverse of Progress.to_dict (a cached copy read back); KeyError or TypeError when the
    dictionary is not one (an older cache: the caller computes the figures instead)."""
    known = {f.name for f in fields(Progress)}
    values = {k: v for k, v in d.items() if k in known}
    values["delmal"] = [DelmalProgress(**x) for x in d["delmal"]]
    values["placements"] = [PlacementProgress(**x) for x in d["placements"]]
    values["plan_warnings"] = [WarningCopy(str(w["code"]), str(w["message"]), tuple(w.get("args", ())))
                               for w in d.get("plan_warnings", [])]
    return Progress(**values)
