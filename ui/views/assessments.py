"""Bedömningar: assessments signed by handledare; they arrive as signed files."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from ui.views.base import View, heading, selected_id, set_rows, table
from ui.widgets.fmt import date_text


class AssessmentsView(View):
    def __init__(self, host):
        super().__init__(host)
        self.table = table([self.tr("Datum"), self.tr("Instrument"), self.tr("Bedömare"), self.tr("Delmål"),
                            self.tr("Signatur")], stretch=2)
        self.rows = {}
        self.table.setAccessibleName(self.tr("Bedömningar"))
        self.table.doubleClicked.connect(lambda _i: self.show_selected())
        self.empty = QLabel(self.tr(
            "Inga bedömningar ännu. Be din handledare om en med Begär bedömning … nedan.\n\n"
            "Bedömningar (Mini-CEX, DOPS, CbD …) fylls i och signeras av din "
            "handledare i hens eget btdesk. Du får dem som en signerad fil – via e-post, USB-minne eller "
            "synkmappen – och släpper filen på det här fönstret. De visas då här och under sina delmål."))
        self.empty.setWordWrap(True)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        holder = QWidget()
        holder.setLayout(self.stack)
        edit = QPushButton(self.tr("Ä&ndra"))
        edit.clicked.connect(self.edit)
        reflect = QPushButton(self.tr("Skriv &reflektion …"))
        reflect.clicked.connect(lambda: self.selected_record_id() and host.write_reflection(self.selected_record_id()))
        hist = QPushButton(self.tr("&Historik"))
        hist.clicked.connect(lambda: host.show_history(self.selected_record_id()))
        self.confirm_button = QPushButton(self.tr("&Bekräfta bedömare …"))
        self.confirm_button.setToolTip(self.tr("Efter att ha jämfört fingeravtrycket med bedömaren, t.ex. per telefon"))
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.ask_button = QPushButton(self.tr("Be&gär bedömning …"))
        buttons = QHBoxLayout()
        for b in (self.ask_button, edit, reflect, self.confirm_button, hist):
            buttons.addWidget(b)
        buttons.addStretch(1)
        from ui.views.requests_panel import RequestsPanel

        self.requests = RequestsPanel(host)
        self.ask_button.clicked.connect(self.requests.ask)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Bedömningar")))
        lay.addWidget(holder, 2)
        lay.addLayout(buttons)
        lay.addWidget(self.requests, 1)

    def _trust_label(self, trust: str) -> str:
        return {"verified": self.tr("verifierad"), "confirmed": self.tr("bekräftad"),
                "unconfirmed": self.tr("ej bekräftad"), "invalid": self.tr("ogiltig"),
                "unsigned": self.tr("osignerad"), "own": self.tr("egen signatur")}.get(trust, trust)

    def refresh(self, portfolio) -> None:
        from btdesk.services.assessments import assessment_rows

        rows = assessment_rows(portfolio, ("assessment",))
        self.rows = {r.id: r for r in rows}
        set_rows(self.table, [[date_text(r.date), r.instrument_name, r.signer, ", ".join(r.delmal),
                               self._trust_label(r.trust)] for r in rows], [r.id for r in rows])
        for i, r in enumerate(rows):  # the whole sentence (who issued, who confirmed) on hover
            self.table.item(i, 4).setToolTip(r.trust_text)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self.requests.refresh(portfolio)

    def confirm_selected(self) -> None:
        """Journey 3: a self-signed handledare outside the region; the doctor compares the
        fingerprint with them over the phone and vouches for it."""
        from PySide6.QtWidgets import QMessageBox

        from btdesk.identity import format_fingerprint
        from btdesk.services.assessments import confirm_signer

        row = self.rows.get(self.selected_record_id() or "")
        if row is None:
            return
        # an unconfirmed signer, or one confirmed without being confirmed as assessor
        if row.trust != "unconfirmed" and not (row.trust == "confirmed" and not row.counted):
            QMessageBox.information(self, "btdesk", row.trust_text)
            return
        answer = QMessageBox.question(
            self, self.tr("Bekräfta bedömare"),
            self.tr("Jämför fingeravtrycket med %1, t.ex. per telefon:\n\n%2\n\nStämmer det?")
            .replace("%1", row.signer).replace("%2", format_fingerprint(row.fingerprint)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        confirm_signer(self.p, row.fingerprint)
        self.host.records_changed()

    def selected_record_id(self) -> str | None:
        return selected_id(self.table)

    def select_record(self, record_id: str) -> None:
        from PySide6.QtCore import Qt

        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == record_id:
                self.table.selectRow(r)

    def show_selected(self) -> None:
        """Open the signed assessment in its own form, read-only, with signer and trust status."""
        from ui.forms.signed_view import show_signed

        if rid := self.selected_record_id():
            self.shown = show_signed(self, self.p, rid)

    def edit(self) -> None:
        """A signed assessment cannot change; the window says so and offers a reflection. The
        doctor's own unsigned drafts are made in the forms, not here."""
        from ui.edit_controller import is_frozen

        rid = self.selected_record_id()
        if rid and is_frozen(self.p, self.p.get(rid)):
            self.host.explain_signed(rid)
