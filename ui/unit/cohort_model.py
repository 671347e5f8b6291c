"""The cohort as a Qt table: one row per doctor (btdesk.services.cohort.DoctorRow), and a proxy
that filters by start cohort, phase and staleness and sorts by the raw values, not the text."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt

T = QCoreApplication  # the cells' words: literal T.translate calls, so that pyside6-lupdate finds them


def _of(done: int, due: int) -> str:
    return T.translate("CohortModel", "%1 av %2").replace("%1", str(done)).replace("%2", str(due))


def _cohort(value: str) -> str:
    """The core's word for a start cohort ("okänd" for none), in the window's language (ui.i18n
    sets the core's too); loaded when there are rows, not at start."""
    from btdesk.services.cohort import cohort_text

    return cohort_text(value)


def _months(value: float) -> str:
    from ui.widgets.fmt import months_text

    return months_text(value)

COLUMNS = (  # (header, value for sorting, text)
    ("BT-läkare", lambda r: r.name.casefold(), lambda r: f"{r.name} ({r.fingerprint[:8]})"),  # two may share a name
    ("Startkull", lambda r: r.cohort, lambda r: _cohort(r.cohort)),
    ("Placering", lambda r: r.current_placement or "", lambda r: r.current_placement or "–"),
    ("Tjänstgjort", lambda r: r.months_served, lambda r: _months(r.months_served)),
    ("Planerat", lambda r: r.months_planned, lambda r: _months(r.months_planned)),
    ("Ledighet", lambda r: r.leave_months,
     lambda r: _months(r.leave_months) if r.leave_months else ""),
    ("Klar / beräknat slut", lambda r: r.completion_date or r.expected_end or "",
     lambda r: (T.translate("CohortModel", "klar %1").replace("%1", r.completion_date) if r.completion_date
                else (r.expected_end or "–"))),
    ("Bedömningar", lambda r: r.assessments_done - r.assessments_due,
     lambda r: _of(r.assessments_done, r.assessments_due)),
    ("Samtal", lambda r: r.talks_held - r.talks_due, lambda r: _of(r.talks_held, r.talks_due)),
    ("Delmål", lambda r: r.delmal.get("evidenced", 0),
     lambda r: T.translate("CohortModel", "%1 styrkta, %2 påbörjade").replace("%1", str(r.delmal.get("evidenced", 0)))
     .replace("%2", str(r.delmal.get("started", 0)))),
    ("I fas", lambda r: (r.left, r.in_phase),
     lambda r: T.translate("CohortModel", "slutat") if r.left else (T.translate("CohortModel", "ja") if r.in_phase
                                                                   else T.translate("CohortModel", "efter"))),
    ("Senaste paket", lambda r: r.last_bundle or "",
     lambda r: ((r.last_bundle or T.translate("CohortModel", "aldrig"))[:10] + (" ⚠" if r.stale else ""))),
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
