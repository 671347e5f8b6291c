"""Share a table's width so that its text column stays readable at any width and scaling.

Qt's Stretch mode gives the text column only what the content-sized columns leave, so at 200 %
scaling a checklist item shrank to a few letters wide. Here every column asks for its content
width; when the table is too narrow, the other columns give up room down to a share of the width
and the text column keeps at least its own share (the rest wraps, or elides with a tooltip)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableWidget
from shiboken6 import isValid


class FitColumns(QObject):
    """text: the column that gets the room; least: its share of the width when room is short."""

    def __init__(self, table: QTableWidget, text: int, least: float = 0.45) -> None:
        super().__init__(table)
        self.table, self.text, self.least = table, text, least
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        table.viewport().installEventFilter(self)
        self._due = False
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self._soon)

    def _soon(self, *_args: object) -> None:
        """Filling a table changes every cell: one fit once the filling is done, not one per cell."""
        if not self._due:
            self._due = True
            QTimer.singleShot(0, self._fit_due)

    def _fit_due(self) -> None:
        self._due = False
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self, *_args: object) -> None:
        t = self.table
        if not isValid(t):  # the table's own teardown still sends it events
            return
        room = t.viewport().width()
        count = t.columnCount()
        if room <= 0 or count == 0:
            return
        header = t.horizontalHeader()
        wanted = [max(t.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(count)]
        short = t.fontMetrics().averageCharWidth() * 18
        fixed = [c for c in range(count) if c != self.text and wanted[c] <= short]
        flex = [c for c in range(count) if c != self.text and c not in fixed]
        left = room - sum(wanted[c] for c in fixed)
        if left < room * self.least:  # narrow: the short columns give up room too, down to their header
            scale = max(room * (1 - self.least), 0) / max(sum(wanted[c] for c in fixed), 1)
            for c in fixed:
                wanted[c] = max(int(wanted[c] * scale), min(wanted[c], header.sectionSizeHint(c)))
            left = room - sum(wanted[c] for c in fixed)
        if wanted[self.text] + sum(wanted[c] for c in flex) > left and flex:
            # long columns share with the text column, which keeps two parts in three
            each = left // (3 * len(flex)) if left > 0 else 0
            for c in flex:
                wanted[c] = min(wanted[c], max(each, header.sectionSizeHint(c)))
        wanted[self.text] = max(left - sum(wanted[c] for c in flex), 40)
        for c in range(count):
            if t.columnWidth(c) != wanted[c]:
                t.setColumnWidth(c, wanted[c])
        if t.wordWrap():
            t.resizeRowsToContents()
