"""The views of each role and the stack that shows them: a sidebar with icons, one page each,
every page built the first time it is needed and refreshed only when it is shown.

The doctor, the supervisor and the BT unit each get their own views (DESIGN: one core, three
windows). A view's key is its Swedish title: stable across languages, and what tests and
settings use.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio
    from ui.host import ViewHost


class ViewSpec(NamedTuple):
    key: str  # the Swedish title
    module: str
    cls: str
    icon: str  # a QStyle.StandardPixmap name


ROLE_VIEWS: dict[str, tuple[ViewSpec, ...]] = {
    "doctor": (
        ViewSpec("Översikt", "ui.views.overview", "OverviewView", "SP_DesktopIcon"),
        ViewSpec("Plan", "ui.views.placements", "PlacementsView", "SP_FileDialogDetailedView"),
        ViewSpec("Checklistor", "ui.views.checklists", "ChecklistsView", "SP_DialogApplyButton"),
        ViewSpec("Aktiviteter", "ui.views.activities", "ActivitiesView", "SP_FileDialogListView"),
        ViewSpec("Handledning", "ui.views.talks", "TalksView", "SP_MessageBoxInformation"),
        ViewSpec("Bedömningar", "ui.views.assessments", "AssessmentsView", "SP_DialogYesButton"),
        ViewSpec("Delmål", "ui.views.delmal", "DelmalView", "SP_FileDialogContentsView"),
        ViewSpec("Dokument", "ui.views.documents", "DocumentsView", "SP_FileIcon"),
        ViewSpec("Export", "ui.views.export", "ExportView", "SP_DialogSaveButton"),
    ),
    "supervisor": (
        ViewSpec("Mina BT-läkare", "ui.supervisor.home", "DoctorsPage", "SP_DirHomeIcon"),
        ViewSpec("Begäranden", "ui.supervisor.requests", "RequestsPage", "SP_FileDialogStart"),
        ViewSpec("Givna bedömningar", "ui.supervisor.given", "GivenAssessmentsPage", "SP_DialogYesButton"),
        ViewSpec("Samtal", "ui.supervisor.given", "TalksPage", "SP_MessageBoxInformation"),
        ViewSpec("Export/Synk", "ui.views.export", "ExportView", "SP_BrowserReload"),
    ),
    "unit": (
        ViewSpec("Kullen", "ui.unit.pages", "CohortPage", "SP_DirHomeIcon"),
        ViewSpec("Import", "ui.unit.pages", "ImportPage", "SP_ArrowDown"),
        ViewSpec("Slutbedömning", "ui.unit.final_page", "FinalPage", "SP_DialogApplyButton"),
        ViewSpec("Certifikat", "ui.unit.pages", "CertificatesPage", "SP_DriveNetIcon"),
        ViewSpec("Statistik", "ui.unit.pages", "StatisticsPage", "SP_FileDialogInfoView"),
    ),
}

# which view shows a record of a kind (search results jump there)
VIEW_OF_KIND = {"activity": "Aktiviteter", "talk": "Handledning", "document": "Dokument",
                "placement": "Plan", "checklist": "Checklistor", "assessment": "Bedömningar",
                "reflection": "Delmål", "evidence": "Delmål"}


def view_titles() -> dict[str, str]:
    """Every view's title in the window's language (literal calls, so that lupdate finds them)."""
    T = QCoreApplication
    return {
        "Översikt": T.translate("ViewStack", "Översikt"),
        "Plan": T.translate("ViewStack", "Plan"),
        "Checklistor": T.translate("ViewStack", "Checklistor"),
        "Aktiviteter": T.translate("ViewStack", "Aktiviteter"),
        "Handledning": T.translate("ViewStack", "Handledning"),
        "Bedömningar": T.translate("ViewStack", "Bedömningar"),
        "Delmål": T.translate("ViewStack", "Delmål"),
        "Dokument": T.translate("ViewStack", "Dokument"),
        "Export": T.translate("ViewStack", "Export"),
        "Mina BT-läkare": T.translate("ViewStack", "Mina BT-läkare"),
        "Begäranden": T.translate("ViewStack", "Begäranden"),
        "Givna bedömningar": T.translate("ViewStack", "Givna bedömningar"),
        "Samtal": T.translate("ViewStack", "Samtal"),
        "Export/Synk": T.translate("ViewStack", "Export/Synk"),
        "Kullen": T.translate("ViewStack", "Kullen"),
        "Import": T.translate("ViewStack", "Import"),
        "Slutbedömning": T.translate("ViewStack", "Slutbedömning"),
        "Certifikat": T.translate("ViewStack", "Certifikat"),
        "Statistik": T.translate("ViewStack", "Statistik"),
    }


def scrolled(stack: QStackedWidget) -> QWidget:
    """The views in a scroll area: at 200 % a 1280×800 screen is 640×400, narrower than some
    views' rows of buttons; the page then scrolls instead of pushing the window off screen."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(stack)
    return area


def role_of(role: str) -> str:
    return role if role in ROLE_VIEWS else "doctor"


class ViewStack(QObject):
    """The sidebar and the pages of one role. `stack[key]` builds a view on first use."""

    shown = Signal(str)  # the key of the view now on screen

    def __init__(self, host: ViewHost, role: str, sidebar: QListWidget, stack: QStackedWidget) -> None:
        super().__init__(stack)
        self.host, self.role = host, role_of(role)
        self.specs = ROLE_VIEWS[self.role]
        self.sidebar, self.stack = sidebar, stack
        self._views: dict[str, QWidget] = {}
        self.stale: set[str] = set()
        titles = view_titles()
        style = sidebar.style()
        from PySide6.QtWidgets import QStyle

        for spec in self.specs:
            icon = style.standardIcon(getattr(QStyle.StandardPixmap, spec.icon))
            item = QListWidgetItem(icon, titles[spec.key])
            item.setToolTip(titles[spec.key])
            sidebar.addItem(item)
            stack.addWidget(QWidget())  # the view is built when first needed
        fm = sidebar.fontMetrics()
        # room for the icon, the longest title and the selection's padding (no clipped "Ö")
        sidebar.setFixedWidth(max(fm.horizontalAdvance(titles[s.key]) for s in self.specs) + fm.height() * 4)
        sidebar.setSpacing(max(2, fm.height() // 5))
        sidebar.currentRowChanged.connect(self._show_row)

    def keys(self) -> list[str]:
        return [s.key for s in self.specs]

    def __contains__(self, key: object) -> bool:
        return key in self.keys()

    def __getitem__(self, key: str) -> Any:  # each view has its own methods (refresh, edit, …)
        if key in self._views:
            return self._views[key]
        i = self.keys().index(key)
        spec = self.specs[i]
        view: QWidget = getattr(importlib.import_module(spec.module), spec.cls)(self.host)
        self._views[key] = view
        placeholder = self.stack.widget(i)
        current = self.stack.currentIndex()
        self.stack.insertWidget(i, view)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        self.stale.add(key)  # never filled yet
        return view

    def built(self) -> dict[str, QWidget]:
        return dict(self._views)

    def current_key(self) -> str:
        return self.specs[max(0, self.sidebar.currentRow())].key

    def select(self, key: str, *, quiet: bool = False) -> None:
        """Show key's row; quiet (before the first paint) selects it without building the view."""
        row = self.keys().index(key) if key in self else 0
        if quiet:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)
            self.stack.setCurrentIndex(row)
        else:
            self.sidebar.setCurrentRow(row)

    def go_to(self, key: str) -> QWidget:
        self.sidebar.setCurrentRow(self.keys().index(key))
        return self[key]

    def show_current(self) -> None:
        self._show_row(self.sidebar.currentRow())

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.specs[row].key
        view = self[key]
        self.stack.setCurrentWidget(view)
        portfolio: Portfolio | None = self.host.portfolio
        if portfolio is not None and key in self.stale:
            self.stale.discard(key)
            view.refresh(portfolio)  # type: ignore[attr-defined]
        self.shown.emit(key)

    def refresh(self, except_key: str | None = None) -> None:
        """Refresh the view on screen now; the others when they are next shown."""
        self.stale = set(self.keys()) - ({except_key} if except_key else set())
        if except_key is None:
            self.show_current()
