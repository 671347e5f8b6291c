"""The BT unit's cohort overview and statistics, from every doctor's imported records.

Each doctor's figures come from btdesk.services.progress run on a read-only DoctorView,
so the unit and the doctor always agree on months served and on being in phase.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from typing import Any

from btdesk.i18n import _, months_shown
from btdesk.services.doctor_view import DoctorView
from btdesk.services.progress import EVIDENCE_KINDS, Progress, progress
from btdesk.services.unit_store import UnitStore as UnitStore  # re-exported for the CLI
from btdesk.services.unit_store import open_unit_store as open_unit_store
from btdesk.store.records import RecordView
from btdesk.timeutil import fte_months, months_tenths

STALE_DAYS = 42
MILESTONES = (12, 14, 18)


@dataclass
class DoctorRow:
    fingerprint: str
    name: str
    programme: str | None
    cohort: str
    start: str | None
    current_placement: str | None
    months_served: float
    assessments_done: int
    assessments_due: int
    talks_held: int
    talks_due: int
    delmal: dict[str, int]
    in_phase: bool
    phase_reasons: list[str]
    last_bundle: str | None
    stale: bool
    conflicts: int
    left: bool
    problem: str | None = None  # why figures are missing (e.g. no BT record yet)
    months_planned: float = 0.0  # the whole plan, leave subtracted
    leave_months: float = 0.0  # leave taken from service so far, full time
    expected_end: str | None = None
    completion_date: str | None = None  # programme time + HSLF-FS minimums + final assessment judged

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def csv_row(self) -> list[Any]:
        # cut to tenths, as every figure of months (4.96 served is 4.9, never the 5.0 it falls short of)
        served, planned, leave = (f"{months_tenths(m):.1f}" for m in (self.months_served, self.months_planned,
                                                                     self.leave_months))
        return [self.name, self.fingerprint, self.cohort, self.start or "", self.current_placement or "",
                served, self.assessments_done, self.assessments_due, self.talks_held,
                self.talks_due, self.delmal.get("evidenced", 0), self.delmal.get("started", 0),
                self.delmal.get("none", 0), "yes" if self.in_phase else "no", " ".join(self.phase_reasons),
                self.last_bundle or "", "yes" if self.stale else "no", self.conflicts, "yes" if self.left else "no",
                planned, leave, self.expected_end or "",
                self.completion_date or ""]


CSV_COLUMNS = ("name", "fingerprint", "cohort", "start", "current_placement", "months_served",
               "assessments_done", "assessments_due", "talks_held", "talks_due", "delmal_evidenced",
               "delmal_started", "delmal_none", "in_phase", "phase_reasons", "last_bundle", "stale",
               "conflicts", "left", "months_planned", "leave_months", "expected_end", "completion_date")


UNKNOWN_COHORT = "unknown"  # the value in CSV and JSON; shown in words by cohort_text


def start_cohort(start: str | None) -> str:
    """"2027 VT" for a start in January–June (vårtermin), "2027 HT" for July–December."""
    if not start:
        return UNKNOWN_COHORT
    d = date.fromisoformat(start[:10])
    return f"{d.year} {'VT' if d.month <= 6 else 'HT'}"


def _stale(last: str | None, today: date, days: int) -> bool:
    if last is None:
        return True
    when = datetime.fromisoformat(last.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.date() < today - timedelta(days=days)


def doctor_row(d: DoctorView, today: date, last_bundle: str | None = None,
               stale_days: int = STALE_DAYS) -> DoctorRow:
    bt = d.latest("bt")
    base: dict[str, Any] = dict(fingerprint=d.fingerprint, name=d.profile.name, programme=d.profile.programme_id,
                                last_bundle=last_bundle, stale=_stale(last_bundle, today, stale_days),
                                conflicts=len(d.conflicts()),
                                left=d.withdrew_bt() or bool(bt and bt.body.get("left")))
    if bt is None:
        return DoctorRow(**base, cohort=UNKNOWN_COHORT, start=None, current_placement=None, months_served=0.0,
                         assessments_done=0, assessments_due=0, talks_held=0, talks_due=0, delmal={},
                         in_phase=False, phase_reasons=[], problem="no BT record has arrived yet")
    pr = progress(d, today)
    names = {pl.id: pl.name for pl in pr.placements}
    return DoctorRow(
        **base, cohort=start_cohort(pr.start), start=pr.start,
        current_placement=names.get(pr.current_placement or ""), months_served=pr.months_served,
        # the in-phase figures: what counts, against what is expected by now
        assessments_done=pr.phase.get("assessments_done", 0), assessments_due=pr.phase.get("assessments_expected", 0),
        talks_held=sum(min(pl.talks_held, pl.talks_expected_total) for pl in pr.placements),
        talks_due=sum(pl.talks_expected_by_now for pl in pr.placements),
        delmal=dict(Counter(x.status for x in pr.delmal)), in_phase=pr.in_phase,
        phase_reasons=pr.phase_reasons, months_planned=pr.months_planned, leave_months=pr.leave_months,
        expected_end=pr.expected_end, completion_date=pr.completion_date,
    )


def doctors(records: Mapping[str, Sequence[RecordView]]) -> list[DoctorView]:
    """{doctor fingerprint: that doctor's records (tombstones included)} → one view each."""
    return [DoctorView(fp, rs) for fp, rs in records.items()]


def overview(records: Mapping[str, Sequence[RecordView]], today: date | None = None, *,
             last_bundles: Mapping[str, str] | None = None, stale_days: int = STALE_DAYS) -> list[DoctorRow]:
    today = today or date.today()
    last_bundles = last_bundles or {}
    rows = [doctor_row(d, today, last_bundles.get(d.fingerprint), stale_days) for d in doctors(records)]
    return sorted(rows, key=lambda r: (r.cohort, r.name.casefold(), r.fingerprint))


def doctors_of_store(store: UnitStore) -> list[DoctorView]:
    return doctors(store.records_by_subject(include_deleted=True))


# what progress and the overview read; a unit's other records (final judgements, archives)
# and any kind added later stay in the database
OVERVIEW_KINDS = ("bt", "placement", "leave", "checklist", "evidence", "final_judgement") + EVIDENCE_KINDS


def overview_of_store(store: UnitStore, today: date | None = None, *,
                      stale_days: int = STALE_DAYS) -> list[DoctorRow]:
    rows = overview(store.records_by_subject(include_deleted=True, kinds=OVERVIEW_KINDS), today,
                    last_bundles=store.last_bundles(), stale_days=stale_days)
    conflicts = store.conflict_counts()
    for r in rows:
        r.conflicts = conflicts.get(r.fingerprint, 0)
    return rows


def _end(r: DoctorRow) -> str:
    """Completed or expected: the column says which (a completion date is a fact, an end a forecast)."""
    if r.completion_date:
        return f"{r.completion_date}✓"
    return f"~{r.expected_end}" if r.expected_end else "–"


def cohort_text(cohort: str) -> str:
    """A start cohort as a person reads it, in the run's language."""
    return _("okänd") if cohort == UNKNOWN_COHORT else cohort


def table(rows: Sequence[DoctorRow]) -> str:
    """The cohort as the command line shows it, in the run's language."""
    # (the catalogue finds _() only outside f-strings)
    words = [_("Kull"), _("BT-läkare"), _("Placering"), _("Tjänst."), _("Plan."), _("Ledigt"), _("Slut"),
             _("Bedömn."), _("Samtal"), _("Delmål U/P/–"), _("Fas"), _("Senaste paket"), _("Konfl.")]
    widths = ["<9", "<26", "<20", ">8", ">8", ">7", ">12", ">9", ">8", ">14", "<7", "<13", ">7"]
    head = "".join(("  " if w == "<7" else "") + format(word, w) for word, w in zip(words, widths, strict=True))
    lines = [head]
    for r in rows:
        dm = f"{r.delmal.get('evidenced', 0)}/{r.delmal.get('started', 0)}/{r.delmal.get('none', 0)}"
        last = (r.last_bundle or _("aldrig"))[:10] + (" !" if r.stale else "")
        phase = _("slutat") if r.left else (_("i fas") if r.in_phase else _("efter"))
        lines.append(
            f"{cohort_text(r.cohort):<9}{r.name[:25]:<26}{(r.current_placement or '–')[:19]:<20}"
            f"{months_shown(r.months_served):>8}"
            f"{months_shown(r.months_planned):>8}{months_shown(r.leave_months):>7}{_end(r):>12}"
            f"{f'{r.assessments_done}/{r.assessments_due}':>9}{f'{r.talks_held}/{r.talks_due}':>8}{dm:>14}  "
            f"{phase:<7}{last:<13}{r.conflicts:>7}")
    behind = sum(1 for r in rows if not r.in_phase and not r.left)
    stale = sum(1 for r in rows if r.stale)
    lines.append("\n" + _("{n} BT-läkare; {behind} efter i fas; {stale} utan paket på länge (markerade !). "
                          "Slut: ~ väntat, ✓ fullgjort.").format(n=len(rows), behind=behind, stale=stale))
    return "\n".join(lines)


# -- statistics ------------------------------------------------------------------------


@dataclass
class SupervisionRow:
    kind: str
    name: str
    interval_days: int
    placements: int
    talks_held: int
    talks_due: int
    achieved: float | None  # held / due, 1.0 = the programme's rhythm


@dataclass
class Statistics:
    doctors: int
    started: int
    completed: int  # programme time, HSLF-FS 2021:8's minimums and the final assessment all done
    within: dict[str, int]  # "12" → doctors who completed within 12 calendar months of their start
    eligible: dict[str, int]  # "12" → doctors whose start is at least 12 calendar months ago
    leavers: int
    supervision: list[SupervisionRow] = field(default_factory=list)
    # leave beside the milestones: of the doctors counted, how many had leave, and its full-time months
    within_with_leave: dict[str, int] = field(default_factory=dict)
    eligible_with_leave: dict[str, int] = field(default_factory=dict)
    eligible_leave_months: dict[str, float] = field(default_factory=dict)
    time_served: int = 0  # doctors who have served the programme's time (not yet necessarily completed)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def completion_date(d: DoctorView, today: date) -> date | None:
    """The day the doctor completed BT (services/completion), if that day has come."""
    done = progress(d, today).completion_date
    return date.fromisoformat(done) if done else None


def _calendar_months(start: date, end: date) -> Fraction:
    # calendar time, whatever the percent or leave: the "finished within 12/14/18 months" measure
    return fte_months(start, end, 100)


def _milestones(st: Statistics, start: date, pr: Progress, today: date) -> None:
    done = date.fromisoformat(pr.completion_date) if pr.completion_date else None
    elapsed = _calendar_months(start, today)
    for m in MILESTONES:
        key = str(m)
        if elapsed < m:
            continue
        st.eligible[key] += 1
        st.eligible_with_leave[key] += pr.leave_months > 0
        st.eligible_leave_months[key] = round(st.eligible_leave_months[key] + pr.leave_months, 1)
        if done is not None and _calendar_months(start, done) <= m:
            st.within[key] += 1
            st.within_with_leave[key] += pr.leave_months > 0


def _supervision(sup: dict[str, list[int]], kinds: dict[str, tuple[str, int]], d: DoctorView,
                 pr: Progress) -> None:
    for pl in pr.placements:
        if pl.served_share <= 0:
            continue
        row = sup[pl.kind]
        row[0] += 1
        row[1] += min(pl.talks_held, pl.talks_expected_total)
        row[2] += pl.talks_expected_by_now
        if pl.kind not in kinds:
            k = d.programme.kind(pl.kind)
            kinds[pl.kind] = (k.name, k.supervision_interval_days)


def statistics(views: Sequence[DoctorView], today: date | None = None) -> Statistics:
    today = today or date.today()
    zero = {str(m): 0 for m in MILESTONES}
    st = Statistics(len(views), 0, 0, dict(zero), dict(zero), 0, [], dict(zero), dict(zero),
                    {str(m): 0.0 for m in MILESTONES})
    sup: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    kinds: dict[str, tuple[str, int]] = {}
    for d in views:
        bt = d.latest("bt")
        if d.withdrew_bt() or (bt and bt.body.get("left")):
            st.leavers += 1
            continue
        if bt is None:
            continue
        start = date.fromisoformat(bt.body["start"])
        if start > today:
            continue
        st.started += 1
        pr = progress(d, today)
        st.completed += pr.completion_date is not None
        st.time_served += pr.completed_on is not None
        _milestones(st, start, pr, today)
        _supervision(sup, kinds, d, pr)
    st.supervision = [SupervisionRow(k, kinds[k][0], kinds[k][1], n, held, due,
                                     round(held / due, 2) if due else None)
                      for k, (n, held, due) in sorted(sup.items())]
    return st


def stats_table(st: Statistics) -> str:
    """The cohort's statistics as the command line shows them, in the run's language."""
    lines = [_("{doctors} BT-läkare; {started} har börjat BT, {served} har tjänstgjort programmets tid, "
               "{completed} har fullgjort den (tiden, minimikraven i HSLF-FS 2021:8 och slutbedömningen), "
               "{leavers} har slutat.").format(doctors=st.doctors, started=st.started, served=st.time_served,
                                                completed=st.completed, leavers=st.leavers)]
    for m in MILESTONES:
        k = str(m)
        n, of = st.within[k], st.eligible[k]
        share = f" ({100 * n / of:.0f} %)" if of else ""
        leave = _("; ledighet: {with_leave} av de {of} ({months} månader heltid sammanlagt), {done_with_leave} "
                  "av de {n} som fullgjorde").format(
            with_leave=st.eligible_with_leave.get(k, 0), of=of,
            months=months_shown(st.eligible_leave_months.get(k, 0.0)), done_with_leave=st.within_with_leave.get(k, 0),
            n=n) if of else ""
        done = _("Fullgjort inom {m} kalendermånader: {n} av {of} som började för minst {m} månader sedan")
        lines.append(done.format(m=m, n=n, of=of) + share + leave + ".")
    kind, rhythm, placements, talks, achieved = (_("Placeringstyp"), _("Rytm"), _("Placeringar"),
                                                 _("Samtal hållna/väntade"), _("Uppnått"))
    lines.append(f"\n{kind:<24}{rhythm:>9}{placements:>12}{talks:>23}{achieved:>10}")
    for r in st.supervision:
        ach = f"{100 * r.achieved:.0f} %" if r.achieved is not None else "–"
        days = _("{n} d").format(n=r.interval_days)
        lines.append(f"{r.name[:23]:<24}{days:>9}{r.placements:>12}{f'{r.talks_held}/{r.talks_due}':>23}{ach:>10}")
    return "\n".join(lines)
