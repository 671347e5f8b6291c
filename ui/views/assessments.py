"""Bedömningar: assessments signed by handledare; they arrive as signed files."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedLayout, QVBoxLayout, QWidget

from ui.views.base import View, heading, selected_id, set_rows, table
from ui.widgets.fmt import date_text


class AssessmentsView(View):
    def __init__(self, host):
        super().__init__(host)
        self.table = table([self.tr("Datum"), self.tr("Instrument"), self.tr("Bedömare"), self.tr("Delmål"),
                            self.tr("Signerad")], stretch=2)
        self.table.setAccessibleName(self.tr("Bedömningar"))
        self.table.doubleClicked.connect(lambda _i: self.show_selected())
        self.empty = QLabel(self.tr(
            "Inga bedömningar ännu.\n\nBedömningar (Mini-CEX, DOPS, CbD …) fylls i och signeras av din "
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
        buttons = QHBoxLayout()
        for b in (edit, reflect, hist):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Bedömningar")))
        lay.addWidget(holder, 1)
        lay.addLayout(buttons)

    def refresh(self, portfolio) -> None:
        recs = sorted(portfolio.records("assessment"), key=lambda r: str(r.body.get("date", "")), reverse=True)
        names = {i.id: i.name for i in portfolio.programme.instruments}
        set_rows(self.table, [[date_text(r.body.get("date")), names.get(r.body.get("instrument"),
                                                                        str(r.body.get("instrument", ""))),
                               r.author_name, ", ".join(r.body.get("delmal", [])),
                               self.tr("ja") if r.signed else self.tr("nej")] for r in recs],
                 [r.id for r in recs])
        self.stack.setCurrentWidget(self.table if recs else self.empty)

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
        rid = self.selected_record_id()
        if rid and self.host.is_frozen(self.p.get(rid)):
            self.host.explain_signed(rid)
