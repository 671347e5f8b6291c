"""Talks due for one of a supervisor's doctors, and where the numbers come from.

The supervisor sees only what reached them: the doctor's latest request (placement dates,
and from this version on how many talks the doctor had recorded by then) and the talks the
supervisor signed themselves. The rhythm is the programme's (a talk every N days, the
hand-over talk at the end of the placement, as btdesk.services.progress counts it). Every
result says in one sentence which of these it rests on, so nobody mistakes an estimate for
the doctor's record.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.services.portfolio import Portfolio

if TYPE_CHECKING:
    from btdesk.programme.model import Programme


@dataclass(frozen=True)
class TalksDue:
    placement: str  # placement id the numbers are for
    held: int  # talks known to have been held in it (a lower bound)
    expected: int  # talks the rhythm asks for by today
    total: int  # talks in the whole placement, the hand-over included
    next: str | None  # the next date in the rhythm after today, or None when the placement is over
    interval_days: int
    source: str  # Swedish: what the numbers rest on

    @property
    def behind(self) -> int:
        return max(0, self.expected - self.held)

    def text(self) -> str:
        """Short, for a table cell."""
        t = f"{self.held} av {self.expected} hållna"
        if self.behind:
            t += f", {self.behind} saknas"
        return t + (f"; nästa {self.next}" if self.next else "; placeringen är slut")


@dataclass(frozen=True)
class _Span:
    start: date
    end: date


def _programme(p: Portfolio, programme_id: str | None) -> Programme:
    from btdesk.programme import load_programme

    if programme_id and programme_id != p.profile.programme_id:
        try:
            return load_programme(programme_id)
        except BtdeskError:
            pass  # a region this installation lacks: the supervisor's own programme is the best guess
    return p.programme


def _given_talks(p: Portfolio, doctor_fp: str, placement_id: str, after: str | None) -> int:
    """Talks this supervisor signed for the doctor in the placement, after a date (ISO) if given."""
    return sum(1 for r in p.records("talk", everyone=True)  # given talks are filed under each doctor
               if r.author == p.profile.fingerprint and r.body.get("doctor_fingerprint") == doctor_fp
               and r.body.get("placement") == placement_id and (after is None or str(r.body.get("date")) > after))


def talks_due(p: Portfolio, d: dict[str, Any], today: date | None = None) -> TalksDue | None:
    """For a doctor as supervisor.doctors() keeps them; None when no request has told us the
    placement (then there is nothing honest to count against)."""
    from btdesk.services.progress import talk_schedule

    today = today or date.today()
    pl = d.get("placement") or {}
    try:
        start, end = date.fromisoformat(pl["start"]), date.fromisoformat(pl["end"])
        kind = _programme(p, d.get("programme")).kind(pl["kind"])
    except (KeyError, TypeError, ValueError, BtdeskError):
        return None
    interval = kind.supervision_interval_days
    intro = pl.get("introduction_days")
    sched = talk_schedule(interval, _Span(start, end), intro if isinstance(intro, int) else 0)
    expected = sum(1 for x in sched if x <= today)
    upcoming = [x for x in sched if x > today]
    rhythm = _("programmets rytm (ett samtal var {interval}:e dag och överlämningssamtalet vid placeringens "
               "slut)").format(interval=interval)
    carried = d.get("talks") if isinstance(d.get("talks"), dict) else None
    if carried and carried.get("placement") == pl.get("id") and isinstance(carried.get("held"), int):
        as_of = d.get("talks_as_of") or d.get("months_as_of")
        mine = _given_talks(p, d["fingerprint"], pl["id"], as_of)
        held = carried["held"] + mine
        source = (_("Hållna samtal enligt BT-läkarens begäran {as_of}").format(as_of=as_of)
                  + (_(" och {mine} som du har signerat sedan dess").format(mine=mine) if mine else "")
                  + _("; väntade enligt {rhythm}, med placeringens datum ur begäran.").format(rhythm=rhythm))
    else:
        held = _given_talks(p, d["fingerprint"], pl["id"], None)
        source = _("Bara samtal som du själv har signerat räknas: BT-läkarens egna samtal syns först i nästa "
                   "begäran. Väntade enligt {rhythm}, med placeringens datum ur begäran.").format(rhythm=rhythm)
    if today > end:
        source += " " + _("Placeringen slutade {end}; en ny begäran visar nästa.").format(end=end.isoformat())
    return TalksDue(pl["id"], held, expected, len(sched), upcoming[0].isoformat() if upcoming else None,
                    interval, source)
