"""The activity list as Qt model/view: one table model, one filtering proxy (no widget per row)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ui.widgets.fmt import date_text, number_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Row:
    id: str
    date: str
    type: str
    type_label: str
    title: str
    hours: float | None
    delmal: tuple[str, ...]
    placement: str | None
    placement_name: str
    notes: str
    haystack: str  # casefolded text the text filter looks in


class ActivityModel(QAbstractTableModel):
    COLUMNS = ("date", "type", "title", "hours", "delmal", "placement")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Row] = []
        self._headers = [self.tr("Datum"), self.tr("Typ"), self.tr("Titel"), self.tr("Timmar"),
                         self.tr("Delmål"), self.tr("Placering")]

    def set_records(self, records, type_labels: dict[str, str], placement_names: dict[str, str]) -> None:
        self.beginResetModel()
        rows = []
        for r in records:
            b = r.body
            dm = tuple(b.get("delmal") or ())
            pname = placement_names.get(b.get("placement") or "", "")
            label = type_labels.get(b.get("type", ""), b.get("type", ""))
            hay = " ".join((b.get("title", ""), b.get("notes", "") or "", label, pname)).casefold()
            rows.append(Row(r.id, b.get("date", ""), b.get("type", ""), label, b.get("title", ""),
                            b.get("hours"), dm, b.get("placement"), pname, b.get("notes", "") or "", hay))
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"date": date_text(row.date), "type": row.type_label, "title": row.title,
                    "hours": number_text(row.hours), "delmal": ", ".join(row.delmal),
                    "placement": row.placement_name}[col]
        if role == SORT_ROLE:
            return {"date": row.date, "type": row.type_label, "title": row.title.casefold(),
                    "hours": row.hours if row.hours is not None else -1.0,
                    "delmal": int(row.delmal[0][2:]) if row.delmal else 99,
                    "placement": row.placement_name}[col]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "hours":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == "title" and row.notes:
            return row.notes
        return None


class ActivityFilter(QSortFilterProxyModel):
    """Filters by delmål, placement, type and words of text; sorts on raw values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.delmal: str | None = None
        self.placement: str | None = None
        self.type: str | None = None
        self.words: list[str] = []

    def set_filter(self, *, delmal=..., placement=..., type=..., text=...) -> None:
        self.beginFilterChange()
        if delmal is not ...:
            self.delmal = delmal or None
        if placement is not ...:
            self.placement = placement or None
        if type is not ...:
            self.type = type or None
        if text is not ...:
            self.words = [w.casefold() for w in (text or "").split()]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        src = self.sourceModel()
        if not isinstance(src, ActivityModel):
            return True
        row = src.rows[source_row]
        if self.delmal and self.delmal not in row.delmal:
            return False
        if self.placement and row.placement != self.placement:
            return False
        if self.type and row.type != self.type:
            return False
        return all(w in row.haystack for w in self.words)
