"""Checklistor: the placement's checklist from the programme; tick an item with its evidence."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from btdesk.i18n import language
from ui.views.base import View, heading, selected_id, set_rows, table
from ui.widgets.fit_columns import FitColumns
from ui.widgets.fmt import date_text


class ChecklistsView(View):
    def __init__(self, host):
        super().__init__(host)
        self.placement = QComboBox()
        self.placement.setAccessibleName(self.tr("Placering"))
        self.placement.currentIndexChanged.connect(lambda _i: self.p and self._fill())
        self.table = table([self.tr("Klar"), self.tr("Punkt"), self.tr("Typ"), self.tr("Underlag"),
                            self.tr("Datum")], stretch=1)
        self.table.setAccessibleName(self.tr("Checklista"))
        # the item text keeps its share of the width at any scaling; the rest wraps (full text in the tooltip)
        FitColumns(self.table, text=1)
        self.table.doubleClicked.connect(lambda _i: self.tick())
        self.summary = QLabel()
        tick = QPushButton(self.tr("&Bocka av med underlag …"))
        tick.clicked.connect(self.tick)
        untick = QPushButton(self.tr("&Ta bort bock"))
        untick.clicked.connect(self.untick)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Placering:")))
        top.itemAt(0).widget().setBuddy(self.placement)
        top.addWidget(self.placement, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(tick)
        buttons.addWidget(untick)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Checklistor")))
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)

    def refresh(self, portfolio) -> None:
        from btdesk.services import bt

        pls = bt.placements(portfolio)
        keep = self.placement.currentData()
        if keep is None:
            cur = bt.current_placement(portfolio, date.today())
            keep = cur.id if cur else None
        self.placement.blockSignals(True)
        self.placement.clear()
        for pl in pls:
            self.placement.addItem(f"{pl.kind_name} – {pl.site} ({date_text(pl.start.isoformat())})", pl.id)
        self.placement.setCurrentIndex(max(0, self.placement.findData(keep)))
        self.placement.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        from btdesk.services.checklist_status import checklist_status

        pid = self.placement.currentData()
        if pid is None:
            set_rows(self.table, [])
            return
        p = self.p
        kind = p.programme.kind(p.get(pid).body["kind"])
        types = {"activity": self.tr("Aktivitet"), "assessment": self.tr("Bedömning"),
                 "supervision_topic": self.tr("Handledningsämne"), "deeper_study": self.tr("Fördjupning")}
        rows, done = [], 0
        self._items = list(kind.checklist)
        for st in checklist_status(kind, pid, p.records("checklist"), p.records("assessment")):
            item, t = st.item, st.tick
            evidence = ", ".join(_title(p, e) for e in (t.body.get("evidence", []) if t else []))
            if item.type == "assessment" and item.instrument:
                evidence = (self.tr("%1 av %2 bedömningar").replace("%1", str(st.have))
                            .replace("%2", str(item.min_count)) + (f"; {evidence}" if evidence else ""))
            done += st.done
            rows.append(["✓" if st.done else "", item.text_in(language()), types.get(item.type, item.type), evidence,
                         date_text(t.body.get("date")) if t else ""])
        set_rows(self.table, rows, [i.id for i in kind.checklist])
        for r, row in enumerate(rows):
            for c in (1, 3):
                self.table.item(r, c).setToolTip(row[c])
        for r in range(self.table.rowCount()):
            self.table.item(r, 0).setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setWordWrap(True)  # a long item wraps rather than ending in "…"
        self.table.resizeRowsToContents()
        self.summary.setText(self.tr("%1 av %2 klara").replace("%1", str(done)).replace("%2", str(len(rows))))

    def selected_record_id(self) -> str | None:
        item, pid = selected_id(self.table), self.placement.currentData()
        rec = next((c for c in self.p.records("checklist")
                    if c.body.get("placement") == pid and c.body.get("item") == item), None) if item else None
        return rec.id if rec else None

    def tick(self) -> None:
        from btdesk.services.entries import tick_checklist

        item_id, pid = selected_id(self.table), self.placement.currentData()
        if not item_id or not pid:
            return
        item = next(i for i in self._items if i.id == item_id)
        dlg = EvidenceDialog(self.p, pid, item.text_in(language()), self)
        dlg.on_save = lambda ev, note: self.host.push_edit(
            self.tr("Bocka av"), lambda p: tick_checklist(p, placement=pid, item=item_id, date=date.today(),
                                                          evidence=[ev] if ev else [], note=note))
        dlg.exec()

    def untick(self) -> None:
        from btdesk.services.entries import tick_checklist

        item_id, pid = selected_id(self.table), self.placement.currentData()
        if item_id and pid and self.selected_record_id():
            self.host.push_edit(self.tr("Ta bort bock"),
                                lambda p: tick_checklist(p, placement=pid, item=item_id, done=False))


def _title(p, record_id: str) -> str:
    from btdesk.errors import BtdeskError
    from btdesk.services.search import record_title

    try:
        return record_title(p.get(record_id))
    except BtdeskError:
        return "?"


class EvidenceDialog(QDialog):
    """Choose the entry (activity, talk, document, reflection) that shows the item is done."""

    def __init__(self, portfolio, placement_id: str, item_text: str, parent=None):
        super().__init__(parent)
        from btdesk.services.search import record_title
        from ui.views.labels import record_kinds

        self.setWindowTitle(self.tr("Bocka av"))
        kinds = record_kinds()
        self.entry = QComboBox()
        self.entry.addItem(self.tr("(inget underlag)"), None)
        recs = [r for k in ("activity", "talk", "document", "reflection") for r in portfolio.records(k)]
        # this placement's entries first, newest first
        recs.sort(key=lambda r: str(r.body.get("date") or ""), reverse=True)
        recs.sort(key=lambda r: r.body.get("placement") != placement_id)
        for r in recs:
            self.entry.addItem(f"{kinds.get(r.kind, r.kind)}: {record_title(r)[:70]} "
                               f"({date_text(r.body.get('date'))})", r.id)
        self.note = QLineEdit()
        form = QFormLayout()
        label = QLabel(item_text)
        label.setWordWrap(True)
        form.addRow(self.tr("Punkt"), label)
        form.addRow(self.tr("&Underlag"), self.entry)
        form.addRow(self.tr("&Kommentar"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.on_save: Callable[[str | None, str], object] | None = None

    def accept(self) -> None:
        if self.on_save is not None:
            self.on_save(self.entry.currentData(), self.note.text())
        super().accept()
