"""The competence committee's view: every scheduled doctor, both judgements side by side."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from .codes import (
    ARCHIVE_KIND,
    JUDGEMENT_KIND,
    ROLES,
    SCHEDULE_KIND,
    disagreements,
    latest,
    outcome,
)
from .judgement import latest_per_role

if TYPE_CHECKING:
    from btdesk.services.unit_store import UnitStore


@dataclass
class CommitteeRow:
    doctor: str
    fingerprint: str
    date: str
    assessor: str
    outcome: str
    delmal: dict[str, dict[str, str | None]]  # id -> {"extern_bedomare": code, "huvudhandledare": code, …comments}
    overall: dict[str, str | None]
    disagreements: list[str]
    archived: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def committee(store: UnitStore) -> list[CommitteeRow]:
    """Every doctor with a scheduled final assessment, both judgements side by side per delmål."""
    from btdesk.services.doctor_view import programme

    judged = store.records_by_subject(JUDGEMENT_KIND)
    archived = store.records_by_subject(ARCHIVE_KIND)
    rows = []
    for fp, rs in store.records_by_subject(SCHEDULE_KIND).items():
        sch = latest(rs)
        if sch is None:
            continue
        by_role = latest_per_role(judged.get(fp, []))
        pid = sch.body.get("programme")
        ids = [d.id for d in programme(pid).delmal] if pid else []
        delmal = {}
        for i in ids:
            cell: dict[str, str | None] = {}
            for role in ROLES:
                j = by_role[role].body["delmal"].get(i, {}) if role in by_role else {}
                cell[role] = j.get("judgement")
                cell[role + "_comment"] = j.get("comment") or None
            delmal[i] = cell
        overall = {role: by_role[role].body["overall"]["judgement"] if role in by_role else None for role in ROLES}
        rows.append(CommitteeRow(sch.body["doctor"], fp, sch.body["date"], sch.body["assessor"],
                                 outcome(by_role) if by_role else "ej_bedomt", delmal, overall,
                                 disagreements(by_role), fp in archived))
    return sorted(rows, key=lambda r: (r.date, r.doctor.casefold()))
