"""Översikt (the doctor's home; the supervisor and the unit have their own): months served against
plan, the placement timeline, the 18 delmål, what is due, warnings."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ui.views.base import View
from ui.widgets.fit_columns import FitColumns
from ui.widgets.fmt import date_text, months_text
from ui.widgets.timeline import Timeline


class OverviewView(View):
    def __init__(self, host=None):
        super().__init__(host)
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("title")
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.6)
        f.setBold(True)
        self.title.setFont(f)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.months = QProgressBar()
        self.months.setTextVisible(True)
        self.months.setAccessibleName(self.tr("Tjänstgjorda månader"))
        self.phase = QLabel()
        self.phase.setWordWrap(True)
        self.timeline = Timeline()
        self.delmal = QTableWidget(0, 4)
        self.delmal.setHorizontalHeaderLabels([self.tr("Delmål"), self.tr("Titel"), self.tr("Underlag"),
                                               self.tr("Status")])
        self.delmal.verticalHeader().setVisible(False)
        self.delmal.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.delmal.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.delmal.setAlternatingRowColors(True)
        self.delmal.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.delmal.setWordWrap(True)
        FitColumns(self.delmal, text=1, least=0.5)  # the delmål titles stay readable at 200 %
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.due.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        due_box = QGroupBox(self.tr("Att göra i placeringen"))
        QVBoxLayout(due_box).addWidget(self.due)
        warn_box = QGroupBox(self.tr("Varningar"))
        QVBoxLayout(warn_box).addWidget(self.warnings)
        side = QVBoxLayout()
        side.addWidget(due_box)
        side.addWidget(warn_box)
        # side by side on a wide page; on a narrow one (200 %) the boxes go below the table
        grid = self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        grid.addWidget(self.delmal, 3)
        grid.addLayout(side, 2)
        for w in (self.title, self.summary, self.months, self.phase, self.timeline):
            lay.addWidget(w)
        lay.addLayout(grid, 1)

    def refresh(self, portfolio, pr=None) -> None:
        """pr: progress already computed (at start-up, in a worker)."""
        if pr is None:
            from btdesk.services import overview_cache
            from btdesk.services.progress import progress

            home = getattr(portfolio, "home", None)
            key = overview_cache.cache_key(home) if home is not None else None  # before: a change meanwhile
            pr = progress(portfolio, date.today())  # leaves the kept copy stale, never wrong
            if home is not None:
                overview_cache.save(home, key, pr)
        self.show_progress(pr)

    def show_progress(self, pr) -> None:
        """The figures of btdesk.services.progress (computed now, or a current kept copy at start-up)."""
        from ui.views.labels import delmal_status
        from ui.views.warnings_text import phase_reason_text, plan_warning_text

        self.title.setText(pr.doctor)
        today = date.today()
        self._months(pr)
        self._phase(pr)
        self.timeline.set_placements(
            [(p.name + (self.tr(" (planerad)") if p.state == "planned" else ""), date.fromisoformat(p.start),
              date.fromisoformat(p.end), p.id == pr.current_placement) for p in pr.placements], today)
        status = delmal_status()
        self.delmal.setRowCount(len(pr.delmal))
        for row, d in enumerate(pr.delmal):
            for col, text in enumerate((d.id, d.title, str(d.evidence), status[d.status])):
                self.delmal.setItem(row, col, QTableWidgetItem(text))
        cur = next((p for p in pr.placements if p.id == pr.current_placement), None)
        lines = []
        if cur is not None:
            lines.append(self.tr("<b>%1</b>, %2: %3 av %4 checklistpunkter klara; %5 av %6 bedömningar.")
                         .replace("%1", _esc(cur.name)).replace("%2", _esc(cur.site))
                         .replace("%3", str(cur.checklist_done)).replace("%4", str(cur.checklist_total))
                         .replace("%5", str(cur.assessments_done)).replace("%6", str(cur.assessments_required)))
            lines += [f"• {m}" for m in cur.missing[:8]]
            if len(cur.missing) > 8:
                lines.append(self.tr("… och %1 till").replace("%1", str(len(cur.missing) - 8)))
        else:
            lines.append(self.tr("Ingen placering pågår i dag."))
        if pr.next_talk:
            lines.append(self.tr("Nästa handledningssamtal: %1").replace("%1", date_text(pr.next_talk)))
        self.due.setText("<br>".join(_esc(x) if not x.startswith("<b>") else x for x in lines))
        # the plan warnings with their codes and figures, in the window's language
        warns = [plan_warning_text(w) for w in pr.plan_warnings]
        warns += [] if pr.in_phase else [phase_reason_text(r) for r in pr.phase_reasons]
        self.warnings.setText("\n".join(f"• {w}" for w in warns) or self.tr("Inga varningar."))
        self._reflow()


    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        narrow = self.width() < self.fontMetrics().averageCharWidth() * 110
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)
        # stacked, the page scrolls as a whole: the table shows all its rows rather than a second scrollbar
        rows = self.delmal.verticalHeader().length() + self.delmal.horizontalHeader().height() + 4
        self.delmal.setMinimumHeight(rows if narrow else 0)

    def _months(self, pr) -> None:
        """Served and planned apart, one decimal; the bar runs to the programme's length, full time."""
        m = months_text
        served = (self.tr("%1 av %2 månader tjänstgjorda · planerat: %3")
                  .replace("%1", m(pr.months_served)).replace("%2", m(pr.programme_months))
                  .replace("%3", m(pr.months_planned)))
        parts = [pr.programme, self.tr("start %1").replace("%1", date_text(pr.start) or "–"),
                 self.tr("%1 % av heltid").replace("%1", str(pr.bt_percent)), served,
                 self.tr("primärvård %1 tjänstgjorda (planerat %2)").replace("%1", m(pr.primarvard_months))
                 .replace("%2", m(pr.primarvard_planned)),
                 self.tr("akut sjukvård %1 tjänstgjorda (planerat %2)").replace("%1", m(pr.akut_months))
                 .replace("%2", m(pr.akut_planned))]
        if pr.leave:
            parts.append(self.tr("ledighet %1 hittills").replace("%1", m(pr.leave_months)))
        self.summary.setText(" · ".join(parts))
        self.months.setRange(0, max(1, round(pr.programme_months * 10)))
        self.months.setValue(min(round(pr.months_served * 10), self.months.maximum()))
        if pr.completed_on:
            end = self.tr("programmets tid tjänstgjord %1").replace("%1", date_text(pr.completed_on))
        elif pr.expected_end:
            end = self.tr("beräknat slut %1").replace("%1", date_text(pr.expected_end))
        else:
            end = ""
        self.months.setFormat(self.tr("%1 av %2 månader tjänstgjorda").replace("%1", m(pr.months_served))
                              .replace("%2", m(pr.programme_months)) + (f" · {end}" if end else ""))

    def _phase(self, pr) -> None:
        from ui.views.warnings_text import phase_figures_text, phase_reason_text

        figures = phase_figures_text(pr.phase.get("figures", []))
        if pr.in_phase:
            self.phase.setText(self.tr("I fas med programmet.") + (f" ({figures})" if figures else ""))
        else:
            self.phase.setText(self.tr("Efter i fas: ") + " ".join(phase_reason_text(r) for r in pr.phase_reasons))


def _esc(text: str) -> str:
    import html

    return html.escape(text)
