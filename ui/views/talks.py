"""Handledning: talks per placement against the programme's rhythm, held versus expected."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout

from ui.views.base import View, heading, selected_id, set_rows, table
from ui.widgets.fmt import date_text


class TalksView(View):
    def __init__(self, host):
        super().__init__(host)
        self.placement = QComboBox()
        self.placement.setAccessibleName(self.tr("Placering"))
        self.placement.currentIndexChanged.connect(lambda _i: self.p and self._fill())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.schedule = table([self.tr("Planerat"), self.tr("Hållet"), self.tr("Typ")])
        self.schedule.setAccessibleName(self.tr("Samtalsschema"))
        self.talks = table([self.tr("Datum"), self.tr("Typ"), self.tr("Ämnen"), self.tr("Överenskommelser")],
                           stretch=2)
        self.talks.setAccessibleName(self.tr("Samtal"))
        self.talks.doubleClicked.connect(lambda _i: self.edit())
        new = QPushButton(self.tr("&Nytt samtal …"))
        new.clicked.connect(lambda: self.edit(new=True))
        edit = QPushButton(self.tr("Ä&ndra"))
        edit.clicked.connect(self.edit)
        delete = QPushButton(self.tr("Ta &bort"))
        delete.clicked.connect(lambda: self.selected_record_id() and host.delete_record(
            self.selected_record_id(), self.tr("Ta bort samtal")))
        hist = QPushButton(self.tr("&Historik"))
        hist.clicked.connect(lambda: host.show_history(self.selected_record_id()))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Placering:")))
        top.addWidget(self.placement, 1)
        split = QSplitter()
        split.addWidget(self.schedule)
        split.addWidget(self.talks)
        split.setStretchFactor(1, 3)
        w = self.fontMetrics().averageCharWidth()
        split.setSizes([w * 52, w * 100])
        buttons = QHBoxLayout()
        for b in (new, edit, delete, hist):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Handledning")))
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        lay.addLayout(buttons)

    def refresh(self, portfolio) -> None:
        from btdesk.services import bt

        self._placements = bt.placements(portfolio)
        keep = self.placement.currentData()
        if keep is None:
            cur = bt.current_placement(portfolio, date.today())
            keep = cur.id if cur else None
        self.placement.blockSignals(True)
        self.placement.clear()
        for pl in self._placements:
            self.placement.addItem(f"{pl.kind_name} – {pl.site}", pl.id)
        self.placement.setCurrentIndex(max(0, self.placement.findData(keep)))
        self.placement.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        from btdesk.services.progress import placement_talk_schedule
        from ui.views.labels import talk_types

        pid = self.placement.currentData()
        pl = next((x for x in self._placements if x.id == pid), None)
        shown = sorted((t for t in self.p.records("talk", uncounted=True) if t.body.get("placement") == pid),
                       key=lambda t: t.body["date"])
        talks = [t for t in shown if t.counted]  # an unconfirmed supervisor's talk is listed, marked, not held
        types = talk_types()
        unconfirmed = self.tr(" (obekräftad signatur)")
        set_rows(self.talks, [[date_text(t.body["date"]),
                               types.get(t.body.get("type"), "") + ("" if t.counted else unconfirmed),
                               "; ".join(t.body.get("topics", [])), "; ".join(t.body.get("agreed_actions", []))]
                              for t in reversed(shown)], [t.id for t in reversed(shown)])
        if pl is None:
            set_rows(self.schedule, [])
            self.summary.setText(self.tr("Ingen placering vald."))
            return
        interval = self.p.programme.kind(pl.kind).supervision_interval_days
        sched = placement_talk_schedule(self.p, pl)  # the rhythm after any regional introduction
        held = [date.fromisoformat(t.body["date"]) for t in talks]
        rows, today = [], date.today()
        for i, d in enumerate(sched):
            # a talk within half an interval of the planned day counts as that talk
            match = next((h for h in held if abs((h - d).days) <= interval // 2), None)
            if match is not None:
                held.remove(match)
            kind = types["handover"] if i == len(sched) - 1 else types["supervision"]
            rows.append([date_text(d.isoformat()), date_text(match.isoformat()) if match else
                         ("–" if d > today else self.tr("saknas")), kind])
        set_rows(self.schedule, rows)
        due = sum(1 for d in sched if d <= today)
        self.summary.setText(self.tr("%1 samtal hållna; %2 väntade hittills, %3 under hela placeringen "
                                     "(var %4:e dag).").replace("%1", str(len(talks))).replace("%2", str(due))
                             .replace("%3", str(len(sched))).replace("%4", str(interval)))

    def selected_record_id(self) -> str | None:
        return selected_id(self.talks)

    def select_record(self, record_id: str) -> None:
        rec = self.p.get(record_id)
        self.placement.setCurrentIndex(max(0, self.placement.findData(rec.body.get("placement"))))
        for r in range(self.talks.rowCount()):
            if self.talks.item(r, 0).data(Qt.ItemDataRole.UserRole) == record_id:
                self.talks.selectRow(r)

    def edit(self, new: bool = False, record_id: str | None = None, draft: dict | None = None) -> None:
        """Edit the selected talk (or record_id), or a new one; draft: a crash draft to resume."""
        from btdesk.services.entries import save_talk
        from ui.edit_controller import is_frozen
        from ui.views.talk_dialog import TalkDialog

        rid = None if new else (record_id or self.selected_record_id())
        if not new and rid is None:
            return
        record = self.p.get(rid) if rid else None
        if record is not None and is_frozen(self.p, record):
            from ui.forms.signed_view import show_signed  # a supervisor's signed talk: read, not edit

            self.shown = show_signed(self, self.p, rid)
            return
        dlg = TalkDialog(self.p, self, record, self._placements, self.placement.currentData())
        text = self.tr("Ändra samtal") if rid else self.tr("Nytt samtal")
        dlg.on_save = lambda v: self.host.push_edit(text, lambda p: save_talk(p, record_id=rid, **v))
        self.host.keep_draft(dlg, "talk", rid, draft)
        dlg.exec()
