"""Completed BT: the programme's time served, HSLF-FS 2021:8's minimums served, and the final
assessment judged.

"Completed" is not "twelve months": the regulation's minimum is 6 months (3 primärvård, 3 akut
sjukvård), the programme sets the length, and a doctor at 75 % with leave completes later in
the calendar, not never. The completion date is the day the last of the three was met.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from btdesk.services.bt import Records
from btdesk.services.time_served import TimeServed
from btdesk.timeutil import parse_date

JUDGEMENT_KIND = "final_judgement"


@dataclass(frozen=True)
class Completion:
    time_on: date | None  # the programme's length served
    minimums_on: date | None  # HSLF-FS 2021:8's minimums served
    judged_on: date | None  # the final assessment judged uppnått by both assessors
    outcome: str  # uppnatt | ej_uppnatt | ej_bedomt

    @property
    def on(self) -> date | None:
        """The completion date: the day the last requirement was met, or None."""
        if self.time_on is None or self.minimums_on is None or self.judged_on is None:
            return None
        return max(self.time_on, self.minimums_on, self.judged_on)


def _judged(p: Records) -> tuple[str, date | None]:
    from btdesk.services.final.codes import outcome
    from btdesk.services.final.judgement import latest_per_role

    by_role = latest_per_role(p.records(JUDGEMENT_KIND))
    result = outcome(by_role) if by_role else "ej_bedomt"
    if result != "uppnatt":
        return result, None
    return result, max(parse_date(str(r.body.get("date") or r.created[:10])) for r in by_role.values())


def completion(p: Records, ts: TimeServed) -> Completion:
    result, judged_on = _judged(p)
    if judged_on is not None and judged_on > ts.as_of:  # not yet, as of the day asked about
        result, judged_on = "ej_bedomt", None
    return Completion(ts.completed_on, ts.minimums_on, judged_on, result)
