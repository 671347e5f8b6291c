"""The doctor's requests still waiting for an answer, with their age: make one (Begär
bedömning …), send one again, or withdraw it. Importing the response closes it."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ui.views.base import selected_id, set_rows, table

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio


class RequestsPanel(QGroupBox):
    def __init__(self, host: Any) -> None:
        super().__init__()
        self.setTitle(self.tr("Väntande begäranden"))
        self.host = host
        lay = QVBoxLayout(self)
        self.empty = QLabel(self.tr("Inga obesvarade begäranden. Begär en bedömning av din handledare med "
                                    "knappen Begär bedömning …"))
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        self.table = table([self.tr("Formulär"), self.tr("Fall"), self.tr("Till"), self.tr("Skickad"),
                            self.tr("Väntat")], stretch=1)
        self.table.setAccessibleName(self.tr("Väntande begäranden"))
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.resend_button = QPushButton(self.tr("Skicka &igen …"))
        self.withdraw_button = QPushButton(self.tr("&Återkalla"))
        row.addWidget(self.resend_button)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.resend_button.clicked.connect(self.resend)
        self.withdraw_button.clicked.connect(self.withdraw)

    def refresh(self, portfolio: Portfolio) -> None:
        from btdesk.services.sent_requests import open_requests

        today = date.today()
        rows = open_requests(portfolio)
        set_rows(self.table, [[r.instrument_name, r.case or "–", r.to or "–", r.sent,
                               self.tr("%1 dagar").replace("%1", str(r.age_days(today)))] for r in rows],
                 [r.id for r in rows])
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        # no half-empty box: with nothing waiting the panel is one line high
        self.setMaximumHeight(16777215 if rows else self.sizeHint().height())
        for b in (self.resend_button, self.withdraw_button):
            b.setEnabled(bool(rows))

    def _save_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Spara begäran"), str(Path.home() / suggested),
                                              self.tr("Begäran om bedömning (*.btrequest)"))
        return path or None

    def ask(self) -> None:
        """Begär bedömning …: the dialog, the file, then how to send it."""
        from btdesk.services import bt
        from btdesk.services.sent_requests import make_request
        from ui.send_file import offer_to_send
        from ui.views.export import ask_passphrase
        from ui.views.request_dialog import RequestDialog

        p = self.host.portfolio
        cur = bt.current_placement(p, date.today())
        dlg = RequestDialog(p, self, to=cur.supervisor if cur else "")
        made: list[Any] = []

        def save(v: dict[str, Any]) -> None:
            name = f"begaran-{v['instrument']}-{date.today().isoformat()}.btrequest"
            if (path := self._save_path(name)) is None:
                from btdesk.errors import BtdeskError

                raise BtdeskError(self.tr("Välj var begäran ska sparas."))
            made.append(make_request(p, path, passphrase=ask_passphrase(self), **v))
        dlg.on_save = save
        if dlg.exec() and made:
            path, req = made[0]
            self.host.records_changed()
            offer_to_send(self, path, req.to, self.tr("Begäran om bedömning: %1").replace("%1", req.instrument_name))

    def resend(self) -> None:
        from btdesk.errors import BtdeskError
        from btdesk.services.sent_requests import get, resend
        from ui.send_file import offer_to_send

        rid, p = selected_id(self.table), self.host.portfolio
        if rid is None:
            QMessageBox.information(self, "btdesk", self.tr("Markera först en begäran i listan."))
            return
        req = get(p, rid)
        path = self._save_path(f"begaran-{req.sent}.btrequest")
        if path is None:
            return
        try:
            written = resend(p, rid, path)
        except (BtdeskError, OSError) as e:
            QMessageBox.warning(self, "btdesk", str(e))
            return
        offer_to_send(self, written, req.to, self.tr("Begäran om bedömning: %1").replace("%1", req.instrument_name))

    def withdraw(self) -> None:
        from btdesk.services.sent_requests import withdraw

        rid = selected_id(self.table)
        if rid is None:
            QMessageBox.information(self, "btdesk", self.tr("Markera först en begäran i listan."))
            return
        withdraw(self.host.portfolio, rid)
        self.host.records_changed()
