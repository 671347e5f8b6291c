"""Givna bedömningar and Samtal: what this supervisor has signed, per doctor. Read-only: a
signed record cannot change; double-click opens it in its form."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QVBoxLayout

from ui.views.base import View, heading, selected_id, set_rows, table

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio
    from btdesk.store.records import RecordView
    from ui.host import ViewHost


def _doctor_names(portfolio: Portfolio) -> dict[str, str]:
    from btdesk.services.supervisor import doctors

    return {d["fingerprint"]: d["name"] for d in doctors(portfolio)}


def _who(names: dict[str, str], body: dict[str, Any]) -> str:
    fp = str(body.get("doctor_fingerprint") or "")
    return f"{names.get(fp) or body.get('doctor') or '–'} ({fp[:8]})"


def _instrument(portfolio: Portfolio, body: dict[str, Any]) -> str:
    """The form's name in the doctor's programme (a supervisor may have none of his own)."""
    from btdesk.errors import BtdeskError
    from btdesk.services.profile_edit import programme_for
    from btdesk.services.supervisor import doctors

    inst = str(body.get("instrument") or "")
    programmes = {d["fingerprint"]: d.get("programme") for d in doctors(portfolio)}
    from btdesk.i18n import language

    try:
        programme = programme_for(portfolio, programmes.get(str(body.get("doctor_fingerprint"))))
        return str(programme.instrument(inst).name_in(language()))
    except BtdeskError:
        return inst


class _SignedList(View):
    KIND = ""

    def __init__(self, host: ViewHost, title: str, empty: str, headers: list[str]) -> None:
        super().__init__(host)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title))
        self.empty = QLabel(empty)
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        self.table = table(headers, stretch=len(headers) - 1)
        self.table.setWordWrap(True)
        lay.addWidget(self.table, 1)
        self.table.doubleClicked.connect(lambda _i: self.show_selected())

    def mine(self, portfolio: Portfolio) -> list[RecordView]:
        me = portfolio.profile.fingerprint
        rows = [r for r in portfolio.records(self.KIND, everyone=True) if r.author == me]
        return sorted(rows, key=lambda r: str(r.body.get("date") or r.created), reverse=True)

    def selected_record_id(self) -> str | None:
        return selected_id(self.table)

    def show_selected(self) -> None:
        from ui.forms.signed_view import show_signed

        if (rid := self.selected_record_id()) and self.p is not None:
            self.shown = show_signed(self, self.p, rid)


class GivenAssessmentsPage(_SignedList):
    KIND = "assessment"

    def __init__(self, host: ViewHost) -> None:
        super().__init__(host, self.tr("Givna bedömningar"),
                         self.tr("Du har inte signerat någon bedömning ännu. Öppna en begäran under Begäranden, "
                                 "eller gör en bedömning utan begäran under Mina BT-läkare."),
                         [self.tr("BT-läkare"), self.tr("Formulär"), self.tr("Datum"), self.tr("Delmål")])

    def refresh(self, portfolio: Portfolio) -> None:
        names, recs = _doctor_names(portfolio), self.mine(portfolio)
        set_rows(self.table, [[_who(names, r.body), _instrument(portfolio, r.body),
                               str(r.body.get("date") or ""), ", ".join(r.body.get("delmal") or [])] for r in recs],
                 ids=[r.id for r in recs])
        self.empty.setVisible(not recs)


class TalksPage(_SignedList):
    KIND = "talk"

    def __init__(self, host: ViewHost) -> None:
        super().__init__(host, self.tr("Samtal"),
                         self.tr("Du har inte signerat något handledningssamtal ännu. Välj en BT-läkare under "
                                 "Mina BT-läkare och tryck Nytt samtal."),
                         [self.tr("BT-läkare"), self.tr("Datum"), self.tr("Ämnen")])

    def refresh(self, portfolio: Portfolio) -> None:
        names, recs = _doctor_names(portfolio), self.mine(portfolio)
        set_rows(self.table, [[_who(names, r.body), str(r.body.get("date") or ""),
                               "; ".join(str(t) for t in r.body.get("topics") or [])] for r in recs],
                 ids=[r.id for r in recs])
        self.empty.setVisible(not recs)
