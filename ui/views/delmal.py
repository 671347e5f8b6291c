"""Delmål: each delmål with its kompetenskrav and everything linked to it; the doctor ticks the
evidence to present at the final assessment (entries.choose_evidence)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from btdesk.i18n import language
from ui.views.base import View, heading, selected_id, set_rows, table
from ui.widgets.fmt import date_text


class DelmalView(View):
    def __init__(self, host):
        super().__init__(host)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Delmål"))
        self.list.currentRowChanged.connect(lambda _r: self.p and self._fill())
        self.title = QLabel()
        self.title.setWordWrap(True)
        f = self.title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        self.title.setFont(f)
        self.krav = QLabel()
        self.krav.setWordWrap(True)
        self.krav.setTextFormat(Qt.TextFormat.RichText)
        self.linked = table([self.tr("Presentera"), self.tr("Typ"), self.tr("Titel"), self.tr("Datum")], stretch=2)
        from ui.widgets.indicators import visible_checks

        visible_checks(self.linked, "QTableView")
        self.linked.setAccessibleName(self.tr("Underlag för delmålet"))
        self.linked.itemChanged.connect(self._toggled)
        save_hint = QLabel(self.tr("Bocka i det underlag du vill visa vid slutbedömningen (Mellanslag)."))
        save_hint.setWordWrap(True)
        hist = QPushButton(self.tr("&Historik"))
        hist.clicked.connect(lambda: host.show_history(self.selected_record_id()))
        self.reflect = QPushButton(self.tr("Skriv &reflektion …"))
        self.reflect.setToolTip(self.tr("Om det markerade underlaget, eller om delmålet om inget är markerat"))
        self.reflect.clicked.connect(self.write_reflection)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.title)
        rl.addWidget(self.krav)
        rl.addWidget(save_hint)
        rl.addWidget(self.linked, 1)
        row = QHBoxLayout()
        row.addWidget(self.reflect)
        row.addWidget(hist)
        row.addStretch(1)
        rl.addLayout(row)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        # long delmål titles wrap instead of hiding behind a horizontal scrollbar
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumWidth(self.fontMetrics().averageCharWidth() * 34)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Delmål")))
        lay.addWidget(split, 1)
        self._filling = False

    def refresh(self, portfolio) -> None:
        row = max(0, self.list.currentRow())
        self.list.blockSignals(True)
        self.list.clear()
        for d in portfolio.programme.delmal:
            self.list.addItem(f"{d.id} {d.title_in(language())}")
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._fill()

    def current_delmal(self):
        return self.p.programme.delmal[max(0, self.list.currentRow())]

    def _fill(self) -> None:
        import html

        from btdesk.services.progress import EVIDENCE_KINDS
        from btdesk.services.search import record_title
        from ui.views.labels import record_kinds

        d = self.current_delmal()
        self.title.setText(f"{d.id} {d.title_in(language())}")
        krav = d.kompetenskrav_in(language())
        self.krav.setText("<ul>" + "".join(f"<li>{html.escape(k)}</li>" for k in krav) + "</ul>")
        linked = [r for k in EVIDENCE_KINDS for r in self.p.records(k) if d.id in (r.body.get("delmal") or [])]
        linked.sort(key=lambda r: str(r.body.get("date") or ""), reverse=True)
        chosen_rec = next((e for e in self.p.records("evidence") if e.body.get("delmal") == d.id), None)
        chosen = set(chosen_rec.body.get("records", [])) if chosen_rec else set()
        kinds = record_kinds()
        instruments = {i.id: i.name_in(language()) for i in self.p.programme.instruments}

        def title(r) -> str:
            if r.kind == "assessment":
                return f"{instruments.get(r.body.get('instrument'), record_title(r))} ({r.author_name})"
            return record_title(r)

        self._filling = True
        set_rows(self.linked, [["", kinds.get(r.kind, r.kind), title(r), date_text(r.body.get("date"))]
                               for r in linked], [r.id for r in linked])
        for i, r in enumerate(linked):
            item = self.linked.item(i, 0)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if r.id in chosen else Qt.CheckState.Unchecked)
        self._filling = False

    def chosen_ids(self) -> list[str]:
        return [self.linked.item(i, 0).data(Qt.ItemDataRole.UserRole) for i in range(self.linked.rowCount())
                if self.linked.item(i, 0).checkState() == Qt.CheckState.Checked]

    def _toggled(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        from btdesk.services.entries import choose_evidence

        d, ids = self.current_delmal().id, self.chosen_ids()
        self.host.push_edit(self.tr("Välj underlag för %1").replace("%1", d),
                            lambda p: choose_evidence(p, d, ids))

    def selected_record_id(self) -> str | None:
        return selected_id(self.linked)

    def write_reflection(self) -> None:
        """On the marked evidence if any, always under this delmål."""
        self.host.write_reflection(self.selected_record_id(), delmal=[self.current_delmal().id])
