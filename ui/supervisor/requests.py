"""Begäranden: the requests a supervisor has received — open ones first, with their age — and
those answered. Opening a request file fills its form."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ui.views.base import View, heading, set_rows, table

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio
    from ui.host import ViewHost


def age_days(received: str, today: date) -> int:
    try:
        return max(0, (today - date.fromisoformat(received[:10])).days)
    except ValueError:
        return 0


class RequestsPage(View):
    def __init__(self, host: ViewHost) -> None:
        super().__init__(host)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Begäranden")))
        self.empty = QLabel(self.tr("Inga begäranden ännu. När en BT-läkare skickar en begäran om bedömning "
                                    "öppnar du filen här, med Arkiv → Öppna fil, eller genom att dubbelklicka på den."))
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        lay.addWidget(QLabel(self.tr("<b>Öppna</b>")))
        self.open_table = table([self.tr("BT-läkare"), self.tr("Formulär"), self.tr("Fall"), self.tr("Mottagen"),
                                 self.tr("Ålder")], stretch=2)
        lay.addWidget(self.open_table, 2)
        lay.addWidget(QLabel(self.tr("<b>Besvarade</b>")))
        self.answered_table = table([self.tr("BT-läkare"), self.tr("Formulär"), self.tr("Fall"),
                                     self.tr("Mottagen")], stretch=2)
        lay.addWidget(self.answered_table, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Öppna begäran …"))
        row.addWidget(self.open_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.open_button.clicked.connect(self._open_file)

    def refresh(self, portfolio: Portfolio) -> None:
        from btdesk.services.supervisor import received_requests

        today = date.today()
        reqs = received_requests(portfolio)
        waiting = [q for q in reqs if not q.get("answered")]
        done = [q for q in reqs if q.get("answered")]
        def who(q):
            return f"{q['doctor_name']} ({q['doctor'][:8]})"

        what = lambda q: self._what(portfolio, q)  # noqa: E731
        set_rows(self.open_table, [[who(q), what(q), q.get("case") or "–", q["received"],
                                    self.tr("%1 dagar").replace("%1", str(age_days(q["received"], today)))]
                                   for q in waiting], ids=[q["id"] for q in waiting])
        set_rows(self.answered_table, [[who(q), what(q), q.get("case") or "–", q["received"]] for q in done],
                 ids=[q["id"] for q in done])
        self.empty.setVisible(not reqs)

    def _what(self, portfolio: Portfolio, q: dict) -> str:
        """The form asked for, in the window's language (the request keeps its Swedish name)."""
        from btdesk.errors import BtdeskError
        from btdesk.i18n import language
        from btdesk.services.profile_edit import programme_for

        inst = q.get("instrument_id")
        if inst == "talk_signoff":
            return self.tr("Signering av samtal")
        try:
            return str(programme_for(portfolio, q.get("programme")).instrument(str(inst)).name_in(language()))
        except BtdeskError:  # an older entry without the id, or a form this installation lacks
            return str(q["instrument"])

    def _open_file(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from ui.forms.dialog import open_request

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Öppna begäran"), str(Path.home()),
                                              self.tr("Begäran om bedömning (*.btrequest)"))
        if path and self.p is not None:
            dlg = open_request(self, self.p, path)
            if dlg is not None:
                dlg.exec()
            self.host.records_changed()
