"""One signed assessment as a one-page PDF: find it, describe it, lay it out."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.reports.data import AssessmentPrint
from btdesk.services.bt import placements
from btdesk.services.evidence_text import describe
from btdesk.services.portfolio import Portfolio


def print_assessment(p: Portfolio, record_id: str, out: str | Path | BinaryIO) -> None:
    from btdesk.reports.assessment import render

    r = p.get(record_id)  # an unknown id is a BtdeskError in one sentence
    if r.kind != "assessment":
        raise BtdeskError(_("Post {record_id} är av typen {kind}, inte en bedömning.").format(
                              record_id=record_id, kind=r.kind))
    names = {pl.id: f"{pl.kind_name}, {pl.site}" for pl in placements(p)}
    render(AssessmentPrint(p.profile.name, describe(p, r, names)), out)
