"""Every version of one entry: who changed it, when, and what it said then."""
from __future__ import annotations

import json

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QSplitter, QVBoxLayout

from ui.views.base import set_rows, table


class HistoryDialog(QDialog):
    def __init__(self, portfolio, record_id: str, parent=None):
        super().__init__(parent)
        from PySide6.QtCore import QDateTime, QLocale

        from btdesk.services.search import record_title

        self.versions = sorted(portfolio.history(record_id), key=lambda v: v.version, reverse=True)
        self.setWindowTitle(self.tr("Historik: %1").replace("%1", record_title(self.versions[0])))
        self.table = table([self.tr("Version"), self.tr("Tid"), self.tr("Av"), self.tr("Status")], stretch=2)
        loc = QLocale()

        def when(iso: str) -> str:
            dt = QDateTime.fromString(iso[:19], "yyyy-MM-ddTHH:mm:ss")
            return loc.toString(dt, QLocale.FormatType.ShortFormat) if dt.isValid() else iso

        set_rows(self.table, [[str(v.version), when(v.updated), v.author_name,
                               self.tr("borttagen") if v.deleted else (self.tr("signerad") if v.signed else "")]
                              for v in self.versions])
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.table.currentCellChanged.connect(lambda r, *_: self._show(r))
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        lay.addWidget(buttons)
        self.resize(900, 460)
        self.table.selectRow(0)
        self._show(0)
        self.table.setFocus()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.versions):
            self.body.setPlainText(json.dumps(self.versions[row].body, ensure_ascii=False, indent=2))
