"""What every view shares: its host (ui.host.ViewHost: the portfolio, undoable edits, drafts,
history; never the window itself) and a stale flag.

A view is refreshed only when it is shown; a change marks the others stale, so one edit
never rebuilds nine views.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QWidget

if TYPE_CHECKING:
    from ui.host import ViewHost


class View(QWidget):
    def __init__(self, host: ViewHost | None) -> None:
        super().__init__()
        self.host: Any = host  # ViewHost; Any so that views alone in a dialog (host None) type-check

    @property
    def p(self) -> Any:
        return self.host.portfolio

    def refresh(self, portfolio) -> None:  # pragma: no cover - every view overrides
        raise NotImplementedError

    def selected_record_id(self) -> str | None:
        """The entry the history dialog (Ctrl+H) shows; None when the view has no selection."""
        return None


def heading(text: str) -> QLabel:
    label = QLabel(text)
    f = label.font()
    f.setPointSizeF(f.pointSizeF() * 1.5)
    f.setBold(True)
    label.setFont(f)
    return label


def table(headers: list[str], stretch: int | None = None) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.setWordWrap(False)
    # rows as tall as one line of text: scales with the font, so 200 % stays readable
    t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
    h = t.horizontalHeader()
    h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        h.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return t


def set_rows(t: QTableWidget, rows: list[list[str]], ids: list[str] | None = None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableWidgetItem

    from btdesk.safetext import safe_text

    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(safe_text(text))  # names and texts from files are data
            if ids is not None:
                item.setData(Qt.ItemDataRole.UserRole, ids[r])
            t.setItem(r, c, item)


def selected_id(t: QTableWidget) -> str | None:
    from PySide6.QtCore import Qt

    items = t.selectedItems()
    return items[0].data(Qt.ItemDataRole.UserRole) if items else None
