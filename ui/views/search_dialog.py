"""Ctrl+F: search every entry; Enter jumps to it in its view."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from ui.widgets.fmt import date_text


class SearchDialog(QDialog):
    def __init__(self, portfolio, parent=None):
        super().__init__(parent)
        self.p = portfolio
        self.chosen = None
        self.setWindowTitle(self.tr("Sök"))
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Sök i aktiviteter, samtal, dokument …"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Träffar"))
        self.count = QLabel()
        lay = QVBoxLayout(self)
        lay.addWidget(self.query)
        lay.addWidget(self.results, 1)
        lay.addWidget(self.count)
        self.resize(700, 480)
        # search after a short pause in typing, not on every key
        self._timer = QTimer(self, singleShot=True, interval=150, timeout=self.run)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._enter)
        self.results.itemActivated.connect(self._choose)

    def run(self) -> None:
        from btdesk.services.search import search
        from ui.views.labels import record_kinds

        kinds = record_kinds()
        self.hits = search(self.p, self.query.text())
        self.results.clear()
        for h in self.hits:
            d = date_text(h.record.body.get("date"))
            item = QListWidgetItem(f"{kinds.get(h.record.kind, h.record.kind)} · {h.title}" + (f" · {d}" if d else ""))
            item.setToolTip(h.snippet)
            item.setData(Qt.ItemDataRole.UserRole, h.record)
            self.results.addItem(item)
        self.count.setText(self.tr("%1 träffar").replace("%1", str(len(self.hits))))
        if self.hits:
            self.results.setCurrentRow(0)

    def _enter(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.run()
        if self.results.currentItem() is not None:
            self._choose(self.results.currentItem())

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
