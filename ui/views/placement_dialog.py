"""Add or edit a placement; the plan is checked against HSLF-FS 2021:8 as you type."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from btdesk.i18n import language
from ui.widgets.dateedit import DateEdit
from ui.widgets.fmt import qdate
from ui.widgets.form_dialog import FormDialog


def _py(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class PlacementDialog(FormDialog):
    def __init__(self, portfolio, parent=None, placement=None):
        super().__init__(parent)
        self.p, self.placement = portfolio, placement
        self.setWindowTitle(self.tr("Ändra placering") if placement else self.tr("Ny placering"))
        self.kind = QComboBox()
        for k in portfolio.programme.placement_kinds:
            self.kind.addItem(k.name_in(language()), k.id)
        self.site = QLineEdit()
        self.supervisor = QLineEdit()
        self.start = DateEdit(QDate.currentDate())
        self.end = DateEdit(QDate.currentDate().addMonths(4).addDays(-1))
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
        from btdesk.services import bt

        self.bt_percent = bt.bt_percent(portfolio)
        self.percent = QSpinBox()
        self.percent.setRange(1, 100)
        self.percent.setValue(self.bt_percent)
        self.percent.setSuffix(" %")
        # a placement with no percent of its own follows the BT's (and any later change to it)
        self.follow_bt = QCheckBox(self.tr("Som BT:ns omfattning (%1 %)").replace("%1", str(self.bt_percent)))
        self.follow_bt.setChecked(True)
        self.follow_bt.toggled.connect(lambda on: self.percent.setEnabled(not on))
        self.percent.setEnabled(False)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        form = QFormLayout()
        form.addRow(self.tr("&Typ"), self.kind)
        form.addRow(self.tr("&Arbetsplats"), self.site)
        form.addRow(self.tr("&Handledare"), self.supervisor)
        form.addRow(self.tr("&Från"), self.start)
        form.addRow(self.tr("&Till och med"), self.end)
        form.addRow(self.tr("&Omfattning"), self.percent)
        form.addRow("", self.follow_bt)
        buttons = self.save_buttons()
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("<b>Planen enligt HSLF-FS 2021:8</b>")))
        lay.addWidget(self.warnings)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.watch_keys()
        if placement is not None:
            self.set_values({"kind": placement.kind, "site": placement.site, "supervisor": placement.supervisor,
                             "start": placement.start, "end": placement.end,
                             "percent": placement.percent if placement.own_percent else None})
        for sig in (self.kind.currentIndexChanged, self.site.textChanged, self.start.dateChanged,
                    self.end.dateChanged, self.percent.valueChanged, self.follow_bt.toggled):
            sig.connect(self.check)
        self.check()

    def set_values(self, v: dict) -> None:
        """Fill from a placement or a draft (the same keys as values(); dates or ISO text)."""
        self.kind.setCurrentIndex(max(0, self.kind.findData(v.get("kind"))))
        self.site.setText(v.get("site", "") or "")
        self.supervisor.setText(v.get("supervisor", "") or "")
        for edit, key in ((self.start, "start"), (self.end, "end")):
            if v.get(key):
                edit.setDate(qdate(str(v[key])[:10]))
        own = v.get("percent") is not None
        self.follow_bt.setChecked(not own)
        self.percent.setValue(int(v["percent"]) if own else self.bt_percent)

    def values(self) -> dict:
        """percent None: no percent of its own, the placement follows the BT's."""
        return {"kind": self.kind.currentData(), "site": self.site.text(), "supervisor": self.supervisor.text(),
                "start": _py(self.start.date()), "end": _py(self.end.date()),
                "percent": None if self.follow_bt.isChecked() else self.percent.value()}

    def check(self) -> None:
        """The whole plan with this placement as typed: the core's rules, live."""
        from btdesk.programme import check_plan
        from btdesk.services import bt

        v = self.values()
        others = [pl for pl in bt.placements(self.p) if not self.placement or pl.id != self.placement.id]
        kind_name = self.kind.currentText()
        candidate = bt.Placement("new", v["kind"], kind_name, v["site"], v["supervisor"], v["start"], v["end"],
                                 v["percent"] or self.bt_percent, v["percent"] is not None)
        from btdesk.services.leave import leave_periods

        warns = check_plan(self.p.programme, others + [candidate], self.bt_percent, leave=leave_periods(self.p))
        from ui.views.warnings_text import plan_warning_text

        self.warnings.setText("\n".join(f"• {plan_warning_text(w)}" for w in warns) or self.tr("Planen uppfyller "
                                                                                               "reglerna."))

