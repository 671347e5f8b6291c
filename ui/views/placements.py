"""Placeringar: the plan of placements and the leave periods; add, edit and remove both (undoable),
with the rules checked as you type and the months served and planned side by side."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ui.views.base import View, heading, selected_id, set_rows, table
from ui.widgets.fmt import date_text, months_text


class PlacementsView(View):
    def __init__(self, host):
        super().__init__(host)
        self.table = table([self.tr("Typ"), self.tr("Arbetsplats"), self.tr("Handledare"), self.tr("Från"),
                            self.tr("Till och med"), self.tr("Omfattning"), self.tr("Läge"),
                            self.tr("Tjänstgjort"), self.tr("Planerat")], stretch=1)
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
        self._leave_section(lay)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit, context=Qt.ShortcutContext.WidgetShortcut)

    def _leave_section(self, lay: QVBoxLayout) -> None:
        self.leave_table = table([self.tr("Ledighet"), self.tr("Från"), self.tr("Till och med"),
                                  self.tr("Omfattning")], stretch=0)
        self.leave_table.setAccessibleName(self.tr("Ledighet"))
        self.leave_table.doubleClicked.connect(lambda _i: self.edit_leave())
        self.leave_summary = QLabel()
        self.leave_summary.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Ny &ledighet"), lambda: self.edit_leave(new=True)),
                           (self.tr("Ändra l&edighet"), self.edit_leave),
                           (self.tr("Ta bort ledi&ghet"), self.delete_leave)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addWidget(heading(self.tr("Ledighet")))
        lay.addWidget(self.leave_table)
        lay.addLayout(buttons)
        lay.addWidget(self.leave_summary)

    def refresh(self, portfolio) -> None:
        from btdesk.services import bt
        from btdesk.services.time_served import time_served
        from ui.views.leave_dialog import leave_type_names
        from ui.views.warnings_text import plan_warning_text

        ts = time_served(portfolio, date.today())
        self._placements = [r.placement for r in ts.placements]
        states = {"served": self.tr("tjänstgjord"), "current": self.tr("pågår"), "planned": self.tr("planerad")}
        set_rows(self.table, [[r.placement.kind_name, r.placement.site, r.placement.supervisor,
                               date_text(r.placement.start.isoformat()), date_text(r.placement.end.isoformat()),
                               f"{r.placement.percent} %" + ("" if r.placement.own_percent else self.tr(" (BT)")),
                               states[r.state], months_text(float(r.served)), months_text(float(r.planned))]
                              for r in ts.placements], [pl.id for pl in self._placements])
        warns = bt.plan_warnings(portfolio)
        self.warnings.setText("\n".join(f"• {plan_warning_text(w)}" for w in warns)
                              or self.tr("Planen uppfyller reglerna."))
        self._leave = list(ts.leave)
        names = leave_type_names()
        set_rows(self.leave_table, [[names.get(lv.type, lv.type), date_text(lv.start.isoformat()),
                                     date_text(lv.end.isoformat()), f"{lv.percent} %"] for lv in self._leave],
                 [lv.id for lv in self._leave])
        self.leave_summary.setText(
            self.tr("Ledighet räknas inte som tjänstgöring: %1 månader på heltid hittills, %2 i hela planen. "
                    "Beräknat slut: %3.")
            .replace("%1", months_text(float(ts.leave_taken))).replace("%2", months_text(float(ts.leave_planned)))
            .replace("%3", date_text(ts.expected_end.isoformat()) if ts.expected_end else "–"))

    def edit_leave(self, new: bool = False) -> None:
        from btdesk.services.leave import add_leave, update_leave
        from ui.views.leave_dialog import LeaveDialog

        rid = None if new else selected_id(self.leave_table)
        if not new and rid is None:
            return
        dlg = LeaveDialog(self, next((lv for lv in self._leave if lv.id == rid), None))
        if rid:
            dlg.on_save = lambda v: self.host.push_edit(
                self.tr("Ändra ledighet"), lambda p: p.get(update_leave(p, rid, **v).id))
        else:
            dlg.on_save = lambda v: self.host.push_edit(
                self.tr("Ny ledighet"), lambda p: p.get(add_leave(p, **v).id))
        self.leave_dialog = dlg  # tests reach the open dialog here
        dlg.exec()

    def delete_leave(self) -> None:
        rid = selected_id(self.leave_table)
        if rid:
            self.host.delete_record(rid, self.tr("Ta bort ledighet"))

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
