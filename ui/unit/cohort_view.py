"""Kullen: the BT unit's overview of every doctor — filters, sorting, import with a progress bar,
CSV for the director of studies, and a read-only drill-down into one doctor."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.unit.cohort_model import ROW_ROLE, CohortFilter, CohortModel
from ui.worker import run_in_background


class _Progress(QObject):
    """Carries (done, total) from the import thread to the GUI thread."""
    moved = Signal(int, int)


def _load(portfolio, today: date | None):
    from btdesk.services import cohort, unit_import

    target = unit_import.target_for(portfolio)
    try:
        return cohort.overview_of_store(unit_import.store_of(target), today)
    finally:
        if target is not portfolio:
            target.close()


def import_bundles(portfolio, paths: list[Path] | None, progress):
    from btdesk.services import unit_import

    target = unit_import.target_for(portfolio)
    try:
        if paths is None:
            return unit_import.import_inbox(target, progress=progress)
        return unit_import.import_files(target, unit_import.bundle_files(paths), progress=progress)
    finally:
        if target is not portfolio:
            target.close()


def start_unit_import(parent: QWidget, portfolio, paths: list[Path] | None, moved, on_done, on_failed):
    """The unit's import behind the progress dialog: cancel stops between two bundles, and
    the bundles imported before stay (the summary's `stopped_after`; `stopped_text` says it)."""
    from ui.progress_dialog import ProgressJob, Stop

    job = ProgressJob(parent, QCoreApplication.translate("CohortView", "Importerar BT-läkarnas paket …"),
                      Stop.BETWEEN)

    def work(step):  # on the worker thread
        def progress(done: int, total: int) -> None:
            step(done, total)  # raises Cancelled once Avbryt was pressed: the import stops before the next bundle
            moved(done, total)
        return import_bundles(portfolio, paths, progress)

    job.finished.connect(on_done)
    job.failed.connect(on_failed)
    job.start(work)
    return job


def stopped_text(summary) -> str:
    """What a cancelled unit import left, in the window's language."""
    tr = QCoreApplication.translate
    return (tr("CohortView", "Importen avbröts efter %1 av %2 paket: %3 paket från %4 BT-läkare importerades och "
               "finns kvar; de %5 övriga är orörda.")
            .replace("%1", str(summary.stopped_after)).replace("%2", str(summary.total))
            .replace("%3", str(len(summary.imported))).replace("%4", str(summary.senders))
            .replace("%5", str(summary.total - summary.stopped_after)))


SETTLE_MS = 1500  # a file's size must hold this long before it is imported


class CohortView(QWidget):
    loaded = Signal()  # the table shows fresh rows (tests wait for it)
    imported = Signal(object)  # UnitImportSummary
    watched: Path | None = None  # the sync folder's inbox, once one is set
    after_load = ""  # what the last import said, kept past the next load's count
    _sizes: dict[str, int]  # file sizes seen in the inbox while files settle
    _settle: QTimer

    def __init__(self, host=None, today: date | None = None):
        super().__init__()
        self.host, self.portfolio, self.today = host, None, today
        self.model = CohortModel(self)
        self.proxy = CohortFilter(self)
        self.proxy.setSourceModel(self.model)
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("<b>Kullen</b> – alla BT-läkare vars paket enheten har tagit emot"))
        lay.addWidget(title)

        filters = QHBoxLayout()
        self.cohort_box = QComboBox()
        self.cohort_box.setAccessibleName(self.tr("Startkull"))
        self.phase_box = QComboBox()
        self.phase_box.setAccessibleName(self.tr("Fas"))
        for text, key in ((self.tr("Alla"), ""), (self.tr("I fas"), "in"), (self.tr("Efter i fas"), "behind")):
            self.phase_box.addItem(text, key)
        self.stale_box = QCheckBox(self.tr("Bara de som inte skickat något på länge"))
        filters.addWidget(QLabel(self.tr("Startkull:")))
        filters.addWidget(self.cohort_box)
        filters.addWidget(QLabel(self.tr("Fas:")))
        filters.addWidget(self.phase_box)
        filters.addWidget(self.stale_box)
        filters.addStretch(1)
        lay.addLayout(filters)

        self.table = self._make_table()
        lay.addWidget(self.table, 1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        buttons = QHBoxLayout()
        self.inbox_button = QPushButton(self.tr("Importera inkorgen"))
        self.files_button = QPushButton(self.tr("Importera paket…"))
        self.open_button = QPushButton(self.tr("Öppna BT-läkare"))
        self.csv_button = QPushButton(self.tr("Exportera CSV…"))
        for b in (self.inbox_button, self.files_button, self.open_button, self.csv_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        lay.addWidget(self.bar)
        lay.addWidget(self.status)

        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self.cohort_box.currentIndexChanged.connect(
            lambda _: self.proxy.set_filters(cohort=self.cohort_box.currentData() or ""))
        self.phase_box.currentIndexChanged.connect(lambda _: self.proxy.set_filters(phase=self.phase_box.currentData()))
        self.stale_box.toggled.connect(lambda on: self.proxy.set_filters(stale_only=on))
        self.proxy.layoutChanged.connect(self._count)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.inbox_button.clicked.connect(lambda: self.start_import(None))
        self.files_button.clicked.connect(self._choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.csv_button.clicked.connect(self._choose_csv)

    def _make_table(self) -> QTableView:
        """One row per doctor, sorted by name; a double-click opens the doctor."""
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.doubleClicked.connect(lambda _: self.open_selected())
        return table

    # -- loading ---------------------------------------------------------------------------
    def refresh(self, portfolio) -> None:
        self.portfolio = portfolio
        self.watch_inbox()
        self.status.setText(self.tr("Läser in kullen …"))
        run_in_background(self, lambda: _load(portfolio, self.today), self._show, self._failed)

    def _show(self, rows) -> None:
        from btdesk.services.cohort import cohort_text

        self.model.set_rows(rows)
        keep = self.cohort_box.currentData() or ""
        self.cohort_box.blockSignals(True)
        self.cohort_box.clear()
        self.cohort_box.addItem(self.tr("Alla"), "")
        for c in sorted({r.cohort for r in rows}):
            self.cohort_box.addItem(cohort_text(c), c)
        self.cohort_box.setCurrentIndex(max(0, self.cohort_box.findData(keep)))
        self.cohort_box.blockSignals(False)
        self._count()
        if self.after_load:
            self.status.setText(self.status.text() + " " + self.after_load)
            self.after_load = ""
        self.loaded.emit()

    def _count(self, *_) -> None:
        rows = self.proxy.visible_rows()
        behind = sum(1 for r in rows if not r.in_phase and not r.left)
        stale = sum(1 for r in rows if r.stale)
        self.status.setText(self.tr("%1 BT-läkare visas; %2 efter i fas; %3 har inte skickat något på länge.")
                            .replace("%1", str(len(rows))).replace("%2", str(behind)).replace("%3", str(stale)))

    def _failed(self, e: BaseException) -> None:
        self.bar.setVisible(False)
        self._busy(False)
        from ui import errors

        self.status.setText(errors.report(self, e))
        self.loaded.emit()

    # -- importing -------------------------------------------------------------------------
    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Importera paket"), "",
                                                self.tr("btdesk-paket (*.btbundle)"))
        if files:
            self.start_import([Path(f) for f in files])

    def start_import(self, paths: list[Path] | None) -> None:
        """paths None: the sync folder's inbox."""
        if self.portfolio is None:
            return
        self._busy(True)
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.status.setText(self.tr("Importerar …"))
        # a signal: safe to emit from the worker thread
        self.job = start_unit_import(self, self.portfolio, paths, self._progress.moved.emit, self._imported,
                                     self._import_failed)

    def _import_failed(self, sentence: str) -> None:
        from ui import errors

        self.bar.setVisible(False)
        self._busy(False)
        self.status.setText(sentence)
        errors.tell(self, sentence)

    # -- the watched inbox -------------------------------------------------------------------
    def watch_inbox(self) -> None:
        """Bundles that land in the sync folder's inbox are imported by themselves, once their
        size has stopped changing: a cloud client or a copy writes a file in pieces, and a half
        file would be refused as damaged."""
        from PySide6.QtCore import QFileSystemWatcher

        from btdesk.services.sync import FOLDER_KEY

        folder = self.portfolio.setting(FOLDER_KEY) if self.portfolio is not None else None
        if not folder:
            return
        inbox = Path(folder) / "inbox"
        if self.watched == inbox:
            return
        inbox.mkdir(parents=True, exist_ok=True)
        self.watched, self._sizes = inbox, {}
        self.watcher = QFileSystemWatcher([str(inbox)], self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self.watcher.directoryChanged.connect(lambda _d: self._settle.start())
        self._settle.timeout.connect(self._inbox_settled)
        self._settle.start()  # what arrived while the window was closed

    def _inbox_settled(self) -> None:
        if self.watched is None:
            return
        try:
            sizes = {f.name: f.stat().st_size for f in self.watched.glob("*.btbundle")}
        except OSError:
            sizes = None  # a file vanished while we looked: look again
        if not sizes and sizes is not None:
            return
        if sizes is None or sizes != self._sizes or not self.inbox_button.isEnabled():
            self._sizes = sizes or {}
            self._settle.start()  # still arriving, or an import is running: wait
            return
        self._sizes = {}
        self.start_import(None)

    def _moved(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(self.tr("%v av %m paket"))

    def _imported(self, summary) -> None:
        self._busy(False)
        self.bar.setVisible(False)
        text = summary.message if summary.stopped_after is None else stopped_text(summary)
        if summary.rejected:
            text += " " + " ".join(f"{n}: {why}" for n, why in summary.rejected[:3])
        self.imported.emit(summary)
        self.after_load = text  # said again after the count that the refresh writes
        self.refresh(self.portfolio)
        self.status.setText(text)

    def _busy(self, busy: bool) -> None:
        for b in (self.inbox_button, self.files_button):
            b.setEnabled(not busy)

    # -- CSV and drill-down ----------------------------------------------------------------
    def _choose_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Exportera kullen"), "kullen.csv",
                                              self.tr("CSV (*.csv)"))
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> int:
        """The rows as filtered and sorted now, in the columns of `btdesk unit cohort --format csv`."""
        from btdesk.services.cohort import CSV_COLUMNS
        from btdesk.tabular import write_csv_file

        rows = self.proxy.visible_rows()
        try:
            write_csv_file(path, CSV_COLUMNS, (r.csv_row() for r in rows))
        except OSError as e:
            QMessageBox.warning(self, self.tr("Exportera kullen"),
                                self.tr("Filen kunde inte skrivas: %1").replace("%1", e.strerror or str(e)))
            return 0
        self.status.setText(self.tr("%1 BT-läkare exporterade till %2.").replace("%1", str(len(rows)))
                            .replace("%2", str(path)))
        return len(rows)

    def selected_row(self):
        idx = self.table.selectionModel().selectedRows()
        return idx[0].data(ROW_ROLE) if idx else None

    def open_selected(self):
        from ui.unit.doctor_dialog import DoctorDialog

        row = self.selected_row()
        if row is None or self.portfolio is None:
            return None
        dlg = DoctorDialog(self.portfolio, row.fingerprint, self)
        dlg.show()
        return dlg
