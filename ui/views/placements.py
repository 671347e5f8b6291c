"""Placeringar: the plan of placements; add and edit them with the rules checked as you type."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ui.views.base import View, heading, selected_id, set_rows, table
from ui.widgets.fmt import date_text, number_text


class PlacementsView(View):
    def __init__(self, host):
        super().__init__(host)
        self.table = table([self.tr("Typ"), self.tr("Arbetsplats"), self.tr("Handledare"), self.tr("Från"),
                            self.tr("Till och med"), self.tr("Omfattning"), self.tr("Månader")], stretch=1)
        self.table.setAccessibleName(self.tr("Placeringar"))
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        add = QPushButton(self.tr("&Ny placering"))
        add.clicked.connect(lambda: self.edit(new=True))
        edit = QPushButton(self.tr("Ä&ndra"))
        edit.clicked.connect(self.edit)
        delete = QPushButton(self.tr("Ta &bort"))
        delete.clicked.connect(self.delete)
        hist = QPushButton(self.tr("&Historik"))
        hist.clicked.connect(lambda: host.show_history(self.selected_record_id()))
        buttons = QHBoxLayout()
        for b in (add, edit, delete, hist):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Placeringar")))
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.warnings)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit, context=Qt.ShortcutContext.WidgetShortcut)

    def refresh(self, portfolio) -> None:
        from btdesk.timeutil import fte_months
        from btdesk.services import bt

        self._placements = bt.placements(portfolio)
        set_rows(self.table, [[pl.kind_name, pl.site, pl.supervisor, date_text(pl.start.isoformat()),
                               date_text(pl.end.isoformat()), f"{pl.percent} %",
                               number_text(float(fte_months(pl.start, pl.end, pl.percent)))]
                              for pl in self._placements], [pl.id for pl in self._placements])
        from ui.views.warnings_text import plan_warning_text

        warns = bt.plan_warnings(portfolio)
        self.warnings.setText("\n".join(f"• {plan_warning_text(w)}" for w in warns) or self.tr("Planen uppfyller reglerna."))

    def selected_record_id(self) -> str | None:
        return selected_id(self.table)

    def select_record(self, record_id: str) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == record_id:
                self.table.selectRow(r)

    def edit(self, new: bool = False, record_id: str | None = None, draft: dict | None = None) -> None:
        """Edit the selected placement (or record_id), or a new one; draft: a crash draft to resume."""
        from btdesk.services import bt

        from ui.views.placement_dialog import PlacementDialog

        rid = None if new else (record_id or self.selected_record_id())
        if not new and rid is None:
            return
        pl = next((x for x in self._placements if x.id == rid), None)
        dlg = PlacementDialog(self.p, self, pl)
        if rid:
            dlg.on_save = lambda v: self.host.push_edit(
                self.tr("Ändra placering"), lambda p: p.get(bt.update_placement(p, rid, **_iso(v)).id))
        else:
            dlg.on_save = lambda v: self.host.push_edit(
                self.tr("Ny placering"), lambda p: p.get(bt.add_placement(p, **v).id))
        self.host.keep_draft(dlg, "placement", rid, draft)
        dlg.exec()

    def delete(self) -> None:
        rid = self.selected_record_id()
        if rid:
            self.host.delete_record(rid, self.tr("Ta bort placering"))


def _iso(v: dict) -> dict:
    return {**v, "start": v["start"].isoformat(), "end": v["end"].isoformat()}
