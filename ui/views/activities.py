"""Aktiviteter: every learning activity, filtered by delmål, placement, type and text."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from btdesk.i18n import language
from ui.models.activities import ID_ROLE, ActivityFilter, ActivityModel
from ui.views.base import View, heading


class ActivitiesView(View):
    def __init__(self, host):
        super().__init__(host)
        self.model = ActivityModel(self)
        self.proxy = ActivityFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()

        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Filtrera på text …"))
        self.text.setClearButtonEnabled(True)
        self.delmal = QComboBox()
        self.placement = QComboBox()
        self.type = QComboBox()
        for combo, name in ((self.delmal, self.tr("Delmål")), (self.placement, self.tr("Placering")),
                            (self.type, self.tr("Typ"))):
            combo.setAccessibleName(name)
        self.text.textChanged.connect(lambda t: self.proxy.set_filter(text=t) or self._count())
        self.delmal.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(delmal=self.delmal.currentData()) or self._count())
        self.placement.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(placement=self.placement.currentData()) or self._count())
        self.type.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(type=self.type.currentData()) or self._count())

        new = QPushButton(self.tr("&Ny aktivitet (Ctrl+N)"))
        new.clicked.connect(lambda: host.edit_activity(None))
        edit = QPushButton(self.tr("Ä&ndra"))
        edit.clicked.connect(self.edit_selected)
        delete = QPushButton(self.tr("Ta &bort"))
        delete.clicked.connect(self.delete_selected)
        history = QPushButton(self.tr("&Historik"))
        history.clicked.connect(lambda: host.show_history(self.selected_record_id()))
        reflect = QPushButton(self.tr("Skriv &reflektion …"))
        reflect.clicked.connect(lambda: self.selected_record_id() and host.write_reflection(self.selected_record_id()))
        self.count = QLabel()

        filters = QHBoxLayout()
        filters.addWidget(self.text, 2)
        filters.addWidget(self.delmal)
        filters.addWidget(self.placement, 1)
        filters.addWidget(self.type)
        actions = QHBoxLayout()
        for b in (new, edit, delete, reflect, history):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Aktiviteter")))
        lay.addLayout(filters)
        lay.addWidget(self.table, 1)
        lay.addLayout(actions)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)

    def _make_table(self) -> QTableView:
        """The activities, newest first, one line each; a drop on a row attaches a file to it."""
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setAccessibleName(self.tr("Aktiviteter"))
        table.doubleClicked.connect(lambda _i: self.edit_selected())
        # a certificate dropped on its course is attached to that activity
        table.viewport().setAcceptDrops(True)
        table.viewport().installEventFilter(self)
        return table

    def _fill_combo(self, combo: QComboBox, all_label: str, items) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, None)
        for data, label in items:
            combo.addItem(label, data)
        combo.setCurrentIndex(max(0, combo.findData(keep)))
        combo.blockSignals(False)

    def refresh(self, portfolio) -> None:
        from btdesk.services import bt
        from ui.views.labels import activity_types

        pls = bt.placements(portfolio)
        names = {pl.id: f"{pl.kind_name}" for pl in pls}
        labels = activity_types()
        self._fill_combo(self.delmal, self.tr("Alla delmål"),
                         [(d.id, f"{d.id} {d.title_in(language())}"[:40]) for d in portfolio.programme.delmal])
        self._fill_combo(self.placement, self.tr("Alla placeringar"),
                         [(pl.id, f"{pl.kind_name} – {pl.site}") for pl in pls])
        self._fill_combo(self.type, self.tr("Alla typer"), list(labels.items()))
        self.model.set_records(portfolio.records("activity"), labels, names)
        self._count()

    def _count(self) -> None:
        self.count.setText(self.tr("%1 av %2 aktiviteter").replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(self.model.rowCount())))

    def selected_record_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def select_record(self, record_id: str) -> None:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(ID_ROLE) == record_id:
                self.table.selectRow(r)
                self.table.scrollTo(self.proxy.index(r, 0))
                return

    def edit_selected(self) -> None:
        rid = self.selected_record_id()
        if rid:
            self.host.edit_activity(rid)

    def delete_selected(self) -> None:
        rid = self.selected_record_id()
        if rid:
            self.host.delete_record(rid, self.tr("Ta bort aktivitet"))

    # -- files dropped on an activity -------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        from PySide6.QtCore import QEvent

        if obj is self.table.viewport() and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if event.mimeData().hasUrls():
                event.acceptProposedAction()
                return True
        if obj is self.table.viewport() and event.type() == QEvent.Type.Drop:
            paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
            event.acceptProposedAction()
            self.drop_files(paths, self.table.indexAt(event.position().toPoint()).row())
            return True
        return super().eventFilter(obj, event)

    def drop_files(self, paths: list[str], row: int) -> None:
        """Attach paths to the activity shown in row (none when dropped beside the rows)."""
        rid = self.proxy.index(row, 0).data(ID_ROLE) if row >= 0 else None
        if paths:
            self.host.attach_files(paths, activity=rid)
