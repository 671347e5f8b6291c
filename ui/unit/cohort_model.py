"""The cohort as a Qt table: one row per doctor (btdesk.services.cohort.DoctorRow), and a proxy
that filters by start cohort, phase and staleness and sorts by the raw values, not the text."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

COLUMNS = (  # (header, value for sorting, text)
    ("BT-läkare", lambda r: r.name.casefold(), lambda r: f"{r.name} ({r.fingerprint[:8]})"),  # two may share a name
    ("Startkull", lambda r: r.cohort, lambda r: r.cohort),
    ("Placering", lambda r: r.current_placement or "", lambda r: r.current_placement or "–"),
    ("Tjänstgjort", lambda r: r.months_served, lambda r: f"{r.months_served:.1f}".replace(".", ",")),
    ("Planerat", lambda r: r.months_planned, lambda r: f"{r.months_planned:.1f}".replace(".", ",")),
    ("Ledighet", lambda r: r.leave_months,
     lambda r: f"{r.leave_months:.1f}".replace(".", ",") if r.leave_months else ""),
    ("Klar / beräknat slut", lambda r: r.completion_date or r.expected_end or "",
     lambda r: (f"klar {r.completion_date}" if r.completion_date else (r.expected_end or "–"))),
    ("Bedömningar", lambda r: r.assessments_done - r.assessments_due,
     lambda r: f"{r.assessments_done} av {r.assessments_due}"),
    ("Samtal", lambda r: r.talks_held - r.talks_due, lambda r: f"{r.talks_held} av {r.talks_due}"),
    ("Delmål", lambda r: r.delmal.get("evidenced", 0),
     lambda r: f"{r.delmal.get('evidenced', 0)} styrkta, {r.delmal.get('started', 0)} påbörjade"),
    ("I fas", lambda r: (r.left, r.in_phase),
     lambda r: "slutat" if r.left else ("ja" if r.in_phase else "efter")),
    ("Senaste paket", lambda r: r.last_bundle or "",
     lambda r: ((r.last_bundle or "aldrig")[:10] + (" ⚠" if r.stale else ""))),
    ("Konflikter", lambda r: r.conflicts, lambda r: str(r.conflicts) if r.conflicts else ""),
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


class CohortModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][0])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        _, key, text = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(r)
        if role == SORT_ROLE:
            return key(r)
        if role == ROW_ROLE:
            return r
        if role == Qt.ItemDataRole.ToolTipRole:
            if COLUMNS[index.column()][0] == "I fas" and r.phase_reasons:
                return " ".join(r.phase_reasons)
            if r.problem:
                return r.problem
        return None


class CohortFilter(QSortFilterProxyModel):
    """Filters: start cohort ("" = all), phase ("" | "in" | "behind"), stale only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cohort, self.phase, self.stale_only = "", "", False
        self.setSortRole(SORT_ROLE)

    def set_filters(self, *, cohort: str | None = None, phase: str | None = None, stale_only: bool | None = None):
        self.beginFilterChange()  # Qt 6.10+: replaces invalidateFilter()
        if cohort is not None:
            self.cohort = cohort
        if phase is not None:
            self.phase = phase
        if stale_only is not None:
            self.stale_only = stale_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        src = self.sourceModel()
        if not isinstance(src, CohortModel):
            return True
        r = src.rows[source_row]
        if self.cohort and r.cohort != self.cohort:
            return False
        if self.phase == "in" and not (r.in_phase and not r.left):
            return False
        if self.phase == "behind" and (r.in_phase or r.left):
            return False
        return not (self.stale_only and not r.stale)

    def lessThan(self, left, right) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def visible_rows(self) -> list:
        return [self.index(i, 0).data(ROW_ROLE) for i in range(self.rowCount())]
