"""The main window: the frame — a sidebar of the role's views, menus, the status line — around
the parts that do the work, each in its own module:

- ui.view_stack: the views of each role, built when first shown;
- ui.startup: opening the portfolio (in a worker) or offering a demo;
- ui.edit_controller: edits through the undo stack;
- ui.drafts: crash drafts kept and offered again;
- ui.search_history: search and the history of an entry;
- ui.file_router: files dropped, passed or handed over, routed by content.

Views see only `ui.host.ViewHost` (WindowHost below), never this class.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

# Start-up budget: Qt's Python enums are built on first use, about 1 ms each, and the Qt
# namespace alone costs ~20 ms. So nothing before the first paint touches Qt.*, QMessageBox or
# a view; those load right after it (see _after_first_paint).
from ui import i18n
from ui.drafts import DraftRecovery
from ui.edit_controller import EditController
from ui.file_router import FileRouter
from ui.search_history import SearchHistory
from ui.startup import Startup
from ui.view_stack import ViewStack, role_of, scrolled, view_titles

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio
    from ui.widgets.form_dialog import FormDialog


class WindowHost:
    """What views may use (ui.host.ViewHost), delegated to the window's controllers."""

    def __init__(self, window: MainWindow) -> None:
        self._w = window

    @property
    def portfolio(self) -> Portfolio | None:
        return self._w.portfolio

    def push_edit(self, text: str, action: Callable[[Portfolio], Any]) -> list[str]:
        return self._w.edits.push_edit(text, action)

    def delete_record(self, record_id: str, text: str) -> None:
        self._w.edits.delete_record(record_id, text)

    def records_changed(self) -> None:
        self._w.refresh()

    def keep_draft(self, dlg: FormDialog, kind: str, record_id: str | None, draft: dict[str, Any] | None) -> None:
        self._w.drafts.keep_draft(dlg, kind, record_id, draft)

    def edit_activity(self, record_id: str | None) -> None:
        self._w.edits.edit_activity(record_id)

    def write_reflection(self, link_id: str | None = None, delmal: list[str] | None = None) -> None:
        self._w.edits.write_reflection(link_id, delmal)

    def explain_signed(self, record_id: str) -> None:
        self._w.edits.explain_signed(record_id)

    def show_history(self, record_id: str | None) -> None:
        self._w.search.show_history(record_id)

    def attach_files(self, paths: Iterable[str], activity: str | None = None) -> None:
        self._w.files.attach_files(paths, activity)


class MainWindow(QMainWindow):
    portfolio_loaded = Signal()  # the portfolio is open and the view on screen shows it
    first_painted = Signal()  # the frame is on screen and usable
    # the overview shows the portfolio's current figures: a kept copy while the portfolio opens
    # (ui.startup.kept_overview), else once it is open
    data_shown = Signal()

    def __init__(self, home: Path | None, portfolio: Portfolio | None = None, defer: bool = False,
                 files: Iterable[str] = ()) -> None:
        """defer (the app): paint the frame first, then build the view on screen and open the
        portfolio; tests and scripts get everything at once. files: opened once the portfolio is."""
        super().__init__()
        self._defer, self._painted = defer, False
        self.home = home
        from btdesk import logs

        logs.setup(home)  # idempotent; the app has done it already (ui.errors.install)
        self.portfolio: Portfolio | None = None
        self._given = portfolio  # an already-open portfolio (tests)
        self._prefetched: Any = None
        self._data_shown = False
        self.language = i18n.install()
        self.setWindowTitle("btdesk")
        self.resize(1180, 760)
        self._settings = QSettings("btdesk", "btdesk")
        self.host = WindowHost(self)
        p = partial(getattr, self, "portfolio")  # the portfolio now, for the controllers
        self.edits = EditController(self, p, self.say, self.refresh)
        self.drafts = DraftRecovery(self, p, {
            "activity": lambda rec, v: self.edits.activity(rec, v),
            "talk": lambda rec, v: self.go_to("Handledning").edit(new=rec is None, record_id=rec and rec.id, draft=v),
            "placement": lambda rec, v: self.go_to("Plan").edit(new=rec is None, record_id=rec and rec.id, draft=v)})
        self.edits.keep_draft = self.drafts.keep_draft
        self.search = SearchHistory(self, p, self.say, self._go_to_if_any)
        self.files = FileRouter(self, p, self.edits, self.say, self._go_to_if_any)
        self.files.pending += [str(f) for f in files]
        self.listener: QObject | None = None  # ui.single_instance.Listener, set by the app
        self.startup = Startup(self, self.say, self._show_page)
        self.startup.opened.connect(self._opened)
        self.undo_stack = self.edits.undo_stack
        self.role = role_of(portfolio.profile.role if portfolio is not None
                            else str(self._settings.value("role", "doctor")))
        self.setAcceptDrops(True)
        self._build()
        if geo := self._settings.value("geometry"):
            self.restoreGeometry(geo)  # after the widgets exist, or their minimums clip it
        if portfolio is not None:
            self.load_portfolio()

    # -- the frame (built again after a language change or when the role turns out another) ----
    def _build(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Vyer"))
        self.stack = QStackedWidget()
        layout.addWidget(self.sidebar)
        layout.addWidget(scrolled(self.stack), 1)
        self.setCentralWidget(central)
        self.status = QLabel(self.tr("Öppnar portföljen …"))
        self.statusBar().addWidget(self.status, 1)
        self.views = ViewStack(self.host, self.role, self.sidebar, self.stack)
        self._build_menus()
        self.views.select(str(self._settings.value(f"view/{self.role}", "")), quiet=self._defer)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        mb.clear()
        self._shortcut_actions: list[QAction] = []
        doctor = self.role == "doctor"
        m = mb.addMenu(self.tr("&Arkiv"))
        if doctor:
            self._action(m, self.tr("&Ny aktivitet …"), lambda: self.edits.activity(None), "Ctrl+N")
            self._action(m, self.tr("&Bifoga dokument …"), lambda: self.go_to("Dokument").add_from_dialog(),
                         "Ctrl+Shift+O")
        self._action(m, self.tr("&Öppna fil …"), self.choose_files, "Ctrl+O")
        self._action(m, self.tr("&Sök …"), self.search.open_search, QKeySequence.StandardKey.Find)
        m.addSeparator()
        self._action(m, self.tr("&Avsluta"), self.close, "Ctrl+Q")
        e = mb.addMenu(self.tr("&Redigera"))
        undo = self.undo_stack.createUndoAction(self, self.tr("Ångra"))
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.undo_stack.createRedoAction(self, self.tr("Gör om"))
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")])
        e.addAction(undo)
        e.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        self._action(e, self.tr("&Historik för markerad post …"), self._history_of_selected, "Ctrl+H")
        v = mb.addMenu(self.tr("&Visa"))
        titles = view_titles()
        for i, key in enumerate(self.views.keys()):
            self._action(v, titles[key], partial(self.go_to, key), f"Ctrl+{i + 1}")
        s = mb.addMenu(self.tr("&Inställningar"))
        self._action(s, self.tr("S&ynkmapp …"), self.choose_sync_folder)
        self._action(s, self.tr("&Uppgifter för intyg …"), self.open_certificate_details)
        ident = s.addMenu(self.tr("&Identitet"))
        self._action(ident, self.tr("Använd &kort …"), self.open_card_dialog)
        lang = s.addMenu(self.tr("&Språk"))
        group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            a = lang.addAction(name)
            a.setCheckable(True)
            a.setChecked(code == self.language)
            a.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(a)
        h = mb.addMenu(self.tr("&Hjälp"))
        self._action(h, self.tr("Visa &logg"), self.show_log)

    def show_log(self) -> None:
        """Hjälp → Visa logg: the log file in the desktop's viewer (ui/errors.py)."""
        from ui import errors

        errors.open_log(self)

    def open_certificate_details(self) -> None:
        """Inställningar → Uppgifter för intyg (ui/views/certificate_details_dialog.py)."""
        from ui.views.certificate_details_dialog import CertificateDetailsDialog

        if self.portfolio is not None:
            CertificateDetailsDialog(self, self.portfolio).exec()

    def open_card_dialog(self) -> None:
        """Inställningar → Identitet → Använd kort (ui/card_dialog.py)."""
        from ui.card_dialog import CardDialog

        if self.portfolio is not None:
            CardDialog(self, self.portfolio).exec()

    def _action(self, menu: QMenu, text: str, slot: Callable[[], object],
                shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
        a = menu.addAction(text)
        a.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            # setShortcuts with a list: setShortcut's overload resolution builds ~100 Qt enums (25 ms)
            a.setShortcuts([QKeySequence(shortcut)])
            self._shortcut_actions.append(a)
        if not self._defer:
            self._widen_shortcuts()
        return a

    def _widen_shortcuts(self) -> None:
        """Menu keys work from every btdesk window, not only this one. Until this runs (just
        after the first paint) they already work in the main window."""
        from PySide6.QtCore import Qt

        for a in self._shortcut_actions:
            a.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self._shortcut_actions = []

    def _rebuild(self) -> None:
        old = self.centralWidget()
        self.statusBar().removeWidget(self.status)
        self._build()
        if old is not None:
            old.deleteLater()

    def set_language(self, lang: str) -> None:
        """Switch language now: rebuild the (cheap) views and menus with the new translator."""
        if lang == self.language:
            return
        self.language = i18n.set_language(lang)
        self._settings.setValue(f"view/{self.role}", self.current_key())
        self._rebuild()
        if self.portfolio is not None:
            self.refresh()
            self._say_profile()

    def say(self, text: str) -> None:
        self.status.setText(text)

    def _say_profile(self) -> None:
        from ui.views.labels import role_names

        if self.portfolio is not None:
            prof = self.portfolio.profile
            self.say(self.tr("%1 · %2").replace("%1", prof.name).replace("%2", role_names().get(prof.role, prof.role)))

    def _show_page(self, page: QWidget) -> None:
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    # -- views -------------------------------------------------------------------------------
    def current_key(self) -> str:
        return self.views.current_key()

    def current_view(self) -> QWidget:
        return self.views[self.current_key()]

    def go_to(self, key: str) -> Any:
        return self.views.go_to(key)

    def _go_to_if_any(self, key: str) -> QWidget | None:
        return self.views.go_to(key) if key in self.views else None

    def _history_of_selected(self) -> None:
        view = self.current_view()
        self.search.show_history(view.selected_record_id() if hasattr(view, "selected_record_id") else None)

    def refresh(self) -> None:
        """Refresh the view on screen now; the others when they are next shown."""
        self.views.refresh()

    # -- the portfolio -----------------------------------------------------------------------
    def load_portfolio(self) -> None:
        given, self._given = self._given, None
        self.startup.load(self.home, given)

    def _opened(self, portfolio: Portfolio, prefetched: Any) -> None:
        self.portfolio, self._prefetched = portfolio, prefetched
        role = role_of(portfolio.profile.role)
        self._settings.setValue("role", role)
        if role != self.role:  # the frame was painted for the last role used
            self.role = role
            self._rebuild()
        self.setWindowTitle(f"btdesk – {portfolio.profile.name}")
        self._say_profile()
        pr, self._prefetched = self._prefetched, None
        if pr is not None and self.current_key() == "Översikt":
            self.views.refresh(except_key="Översikt")
            self.views["Översikt"].refresh(portfolio, pr)
        else:
            self.refresh()
        if not self._data_shown:  # else the kept copy showed these figures already
            self.data_shown.emit()
        self.portfolio_loaded.emit()
        QTimer.singleShot(0, self._after_load)  # after the views are on screen

    def _after_load(self) -> None:
        self.drafts.offer_drafts()
        self.files.flush()

    def event(self, e: Any) -> bool:
        if not self._painted and e.type() == e.Type.Paint:
            self._painted = True
            self.first_painted.emit()
            if self._defer:
                QTimer.singleShot(0, self._after_first_paint)
        return super().event(e)

    def _after_first_paint(self) -> None:
        """The rest of start-up, once the frame is on screen: the view, then the portfolio in a
        worker (started only now, so its imports do not hold the GIL during the first paint)."""
        self._defer = False
        self.views.show_current()
        self._data_shown = (self._given is None and self.role == "doctor" and self.current_key() == "Översikt"
                            and self.startup.show_kept(self.home, self.views["Översikt"], self.data_shown))
        self._widen_shortcuts()
        self.load_portfolio()

    def choose_sync_folder(self) -> None:
        """The folder that Export's Synkronisera button uses (outbox/ and inbox/ go inside)."""
        if self.portfolio is None:
            return
        from PySide6.QtWidgets import QFileDialog

        from btdesk.services.sync import FOLDER_KEY

        current = self.portfolio.setting(FOLDER_KEY) or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Välj synkmapp"), current)
        if not folder:
            return
        self.portfolio.set_setting(FOLDER_KEY, str(Path(folder).expanduser().resolve()))
        self.say(self.tr("Synkmapp: %1").replace("%1", Path(folder).name))  # a name, not a path, in the status line

    def receive_files(self, files: list[str]) -> None:
        """Files from a later launch (ui.single_instance): routed here, the window brought forward."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.files.open_files(files)

    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Öppna fil"), str(Path.home()))
        if files:
            self.files.open_files(files)

    # -- files by drag and drop --------------------------------------------------------------
    def _close_anyway(self) -> bool:
        """Closing under a job that changes data: ask. Leaving stops it at its next check, and
        its work is all-or-nothing per unit, so it is lost whole, never half."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, "btdesk", self.tr("btdesk arbetar fortfarande. Avsluta ändå? Det pågående arbetet avbryts och "
                                    "sparas då inte, men inget blir halvgjort."))
        return answer == QMessageBox.StandardButton.Yes

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open_files(paths)

    def closeEvent(self, event: Any) -> None:
        from ui import worker

        if worker.running(self, changes_only=True) and not self._close_anyway():
            event.ignore()
            return
        self._settings.setValue("geometry", self.saveGeometry())
        self._settings.setValue(f"view/{self.role}", self.current_key())
        self.hide()
        worker.stop_all(self)  # read-only work (loading the cohort, a preview) is stopped without a question
        if self.portfolio is not None:
            self.startup.keep_overview(self.portfolio)  # hidden already: the next start shows it at once
            self.portfolio.close()
            self.portfolio = None
        super().closeEvent(event)
