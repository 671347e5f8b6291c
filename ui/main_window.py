"""The main window: a sidebar of views over one portfolio, undo/redo, search, drag and drop.

Views are listed in VIEWS (key, module, class); each is a QWidget with refresh(portfolio) and is
refreshed only when shown. The window holds no SQL: it calls services, every change through the
undo stack (ui.undo) so that it can be taken back.
"""
from __future__ import annotations

import importlib
import os
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget

# Start-up budget: Qt's Python enums are built on first use, about 1 ms each, and the Qt
# namespace alone costs ~20 ms. So nothing before the first paint touches Qt.*, QMessageBox or
# a view; those load right after it (see _after_first_paint).

from ui import i18n

# key (the Swedish title, stable across languages), module, class
VIEWS = (
    ("Översikt", "ui.views.overview", "OverviewView"),
    ("Placeringar", "ui.views.placements", "PlacementsView"),
    ("Checklistor", "ui.views.checklists", "ChecklistsView"),
    ("Aktiviteter", "ui.views.activities", "ActivitiesView"),
    ("Handledning", "ui.views.talks", "TalksView"),
    ("Bedömningar", "ui.views.assessments", "AssessmentsView"),
    ("Delmål", "ui.views.delmal", "DelmalView"),
    ("Dokument", "ui.views.documents", "DocumentsView"),
    ("Export", "ui.views.export", "ExportView"),
)
class _Views(dict):
    """The views by key, each built on first use: start-up builds only the one on screen."""

    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.window = window

    def __missing__(self, key: str):
        i = [k for k, _, _ in VIEWS].index(key)
        _, module, cls = VIEWS[i]
        view = getattr(importlib.import_module(module), cls)(self.window)
        self[key] = view
        stack = self.window.stack
        placeholder = stack.widget(i)
        current = stack.currentIndex()
        stack.insertWidget(i, view)
        stack.removeWidget(placeholder)
        placeholder.deleteLater()
        stack.setCurrentIndex(current)
        self.window._stale.add(key)  # never filled yet
        return view


def _open(home: Path):
    """The portfolio and the overview's figures: the slow part of start-up, safe off the GUI thread."""
    from btdesk.services.portfolio import Portfolio

    p = Portfolio.open(home)
    try:
        if p.profile.role != "doctor":
            return p, None
        from btdesk.services.progress import progress

        return p, progress(p)
    except BaseException:
        p.close()
        raise


def _draft_summary(values: dict) -> str:
    """A line that lets the user recognise the draft: its title or first words, and its date."""
    text = values.get("title") or values.get("site") or values.get("notes") or " ".join(values.get("topics") or [])
    text = " ".join(str(text).split())
    when = values.get("date") or values.get("start") or ""
    return f"{text[:80]} {when}".strip()


# which view shows a record of a kind (search results jump there)
VIEW_OF_KIND = {"activity": "Aktiviteter", "talk": "Handledning", "document": "Dokument",
                "placement": "Placeringar", "checklist": "Checklistor", "assessment": "Bedömningar",
                "reflection": "Delmål", "evidence": "Delmål"}


def _box():
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox


class MainWindow(QMainWindow):
    def __init__(self, home: Path | None, portfolio=None, defer: bool = False):
        """defer (the app): paint the frame first, then build the view on screen and open the
        portfolio; tests and scripts get everything at once."""
        super().__init__()
        self._defer = defer
        self.home = home
        self.portfolio = None
        self._given = portfolio  # an already-open portfolio (tests, the demo button)
        self.language = i18n.install()
        self.setWindowTitle("btdesk")
        self.resize(1180, 760)
        self._settings = QSettings("btdesk", "btdesk")
        self.undo_stack = QUndoStack(self)
        self._stale: set[str] = set()
        self.active_dialog = None  # the modal dialog on screen, if any (tests drive it)
        self.setAcceptDrops(True)
        self._build()
        if geo := self._settings.value("geometry"):
            self.restoreGeometry(geo)  # after the widgets exist, or their minimums clip it
        if portfolio is not None:
            self.load_portfolio()

    # -- construction (again after a language change) ---------------------------------------
    def _titles(self) -> dict[str, str]:
        return {"Översikt": self.tr("Översikt"), "Placeringar": self.tr("Placeringar"),
                "Checklistor": self.tr("Checklistor"), "Aktiviteter": self.tr("Aktiviteter"),
                "Handledning": self.tr("Handledning"), "Bedömningar": self.tr("Bedömningar"),
                "Delmål": self.tr("Delmål"), "Dokument": self.tr("Dokument"), "Export": self.tr("Export")}

    def _build(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Vyer"))
        self.stack = QStackedWidget()
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = QLabel(self.tr("Öppnar portföljen …"))
        self.statusBar().addWidget(self.status, 1)
        self.views = _Views(self)
        titles = self._titles()
        for key, _, _ in VIEWS:
            self.sidebar.addItem(titles[key])
            self.stack.addWidget(QWidget())  # the view is built when first needed
        fm = self.sidebar.fontMetrics()
        self.sidebar.setFixedWidth(max(fm.horizontalAdvance(t) for t in titles.values()) + fm.height() * 3)
        self.sidebar.currentRowChanged.connect(self._show_row)
        self._build_menus()
        last = str(self._settings.value("view", "Översikt"))
        keys = [k for k, _, _ in VIEWS]
        row = keys.index(last) if last in keys else 0
        if self._defer:  # the placeholder is painted; the view is built after the first paint
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)
            self.stack.setCurrentIndex(row)
        else:
            self.sidebar.setCurrentRow(row)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        mb.clear()
        self._shortcut_actions: list[QAction] = []
        m = mb.addMenu(self.tr("&Arkiv"))
        self._action(m, self.tr("&Ny aktivitet …"), self.new_activity, "Ctrl+N")
        self._action(m, self.tr("&Bifoga dokument …"), lambda: self.views["Dokument"].add_from_dialog(),
                     "Ctrl+O")
        self._action(m, self.tr("&Sök …"), self.open_search, QKeySequence.StandardKey.Find)
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
        self._action(e, self.tr("&Historik för markerad post …"),
                     lambda: self.show_history(self.current_view().selected_record_id()), "Ctrl+H")
        v = mb.addMenu(self.tr("&Visa"))
        titles = self._titles()
        for i, (key, _, _) in enumerate(VIEWS):
            self._action(v, titles[key], lambda _=False, k=key: self.go_to(k), f"Ctrl+{i + 1}")
        s = mb.addMenu(self.tr("&Inställningar"))
        self._action(s, self.tr("S&ynkmapp …"), self.choose_sync_folder)
        lang = s.addMenu(self.tr("&Språk"))
        group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            a = lang.addAction(name)
            a.setCheckable(True)
            a.setChecked(code == self.language)
            a.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(a)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
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

    def set_language(self, lang: str) -> None:
        """Switch language now: rebuild the (cheap) views and menus with the new translator."""
        if lang == self.language:
            return
        self.language = i18n.set_language(lang)
        key = self.current_key()
        old = self.centralWidget()
        self.statusBar().removeWidget(self.status)
        self._settings.setValue("view", key)
        self._build()
        old.deleteLater()
        if self.portfolio is not None:
            self._stale = {k for k, _, _ in VIEWS}
            self._show_row(self.sidebar.currentRow())
            self.status.setText(self.tr("Portfölj: %1").replace("%1", str(self.portfolio.home)))

    # -- views -------------------------------------------------------------------------------
    def current_key(self) -> str:
        return VIEWS[max(0, self.sidebar.currentRow())][0]

    def current_view(self):
        return self.views[self.current_key()]

    def go_to(self, key: str):
        self.sidebar.setCurrentRow([k for k, _, _ in VIEWS].index(key))
        return self.views[key]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = VIEWS[row][0]
        self.stack.setCurrentWidget(self.views[key])
        self._settings.setValue("view", key)
        if self.portfolio is not None and key in self._stale:
            self._stale.discard(key)
            self.views[key].refresh(self.portfolio)

    def refresh(self) -> None:
        """Refresh the view on screen now; the others when they are next shown."""
        self._stale = {k for k, _, _ in VIEWS}
        self._show_row(self.sidebar.currentRow())

    # -- portfolio ---------------------------------------------------------------------------
    def load_portfolio(self) -> None:
        """Open the portfolio. Under a running event loop (the app) the opening, with SQLAlchemy's
        import, runs in a worker so the window is usable at once; without one (tests, scripts)
        it runs here."""
        from PySide6.QtCore import QThread

        if self._given is not None:
            self.portfolio, self._given = self._given, None
            self.load_portfolio_done()
            return
        from btdesk.cli.common import default_home

        home = self.home or default_home()
        if QThread.currentThread().loopLevel() > 0:
            from ui.worker import run_in_background

            run_in_background(self, lambda: _open(home), on_done=lambda r: self._opened(home, r),
                              on_error=lambda e: self._opened(home, e))
        else:
            try:
                self._opened(home, _open(home))
            except Exception as e:  # noqa: BLE001 - reported the same way as from the worker
                self._opened(home, e)

    def _opened(self, home: Path, result) -> None:
        from btdesk.errors import BtdeskError
        from btdesk.services.portfolio import NoProfile

        if isinstance(result, NoProfile):
            self._offer_demo(home)
            return
        if isinstance(result, BtdeskError):
            self.status.setText(str(result))
            _box().critical(self, "btdesk", str(result))
            return
        if isinstance(result, BaseException):
            raise result
        self.portfolio, overview_progress = result
        self._prefetched = overview_progress
        self.load_portfolio_done()

    def _offer_demo(self, home: Path) -> None:
        from PySide6.QtWidgets import QPushButton, QVBoxLayout

        page = QWidget()
        lay = QVBoxLayout(page)
        msg = QLabel(self.tr("Det finns ingen portfölj i %1 ännu.").replace("%1", str(home)))
        msg.setWordWrap(True)
        button = QPushButton(self.tr("Skapa en demoportfölj"))
        lay.addWidget(msg)
        lay.addWidget(button)
        lay.addStretch(1)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

        def create() -> None:
            from btdesk.services.demo import create_demo

            self.portfolio = create_demo(home)
            self.stack.removeWidget(page)
            page.deleteLater()
            self.load_portfolio_done()

        button.clicked.connect(create)
        button.setFocus()
        self.status.setText(msg.text())

    def load_portfolio_done(self) -> None:
        self.setWindowTitle(f"btdesk – {self.portfolio.profile.name}")
        self.status.setText(self.tr("Portfölj: %1").replace("%1", str(self.portfolio.home)))
        pr, self._prefetched = getattr(self, "_prefetched", None), None
        if pr is not None and self.current_key() == "Översikt":
            self._stale = {k for k, _, _ in VIEWS} - {"Översikt"}
            self.views["Översikt"].refresh(self.portfolio, pr)
        else:
            self.refresh()
        if os.environ.get("BTDESK_BENCH_EXIT") == "1":
            QTimer.singleShot(0, self._bench_exit)
        else:
            QTimer.singleShot(0, self.offer_drafts)  # after the views are on screen

    def event(self, e) -> bool:
        if not getattr(self, "_painted", False) and e.type() == e.Type.Paint:
            self._painted = True
            # for `btdesk bench startup`: the moment the window is first painted and usable
            if os.environ.get("BTDESK_BENCH_EXIT") == "1":
                print(f"BTDESK_READY {time.time():.6f}", flush=True)
            if self._defer:
                QTimer.singleShot(0, self._after_first_paint)
        return super().event(e)

    def _after_first_paint(self) -> None:
        """The rest of start-up, once the frame is on screen: the view, then the portfolio in a
        worker (started only now, so its imports do not hold the GIL during the first paint)."""
        self._defer = False
        self._widen_shortcuts()
        self._show_row(self.sidebar.currentRow())
        self.load_portfolio()

    def _bench_exit(self) -> None:
        """For `btdesk bench startup`: report when the data shows and one filter, then quit."""
        from PySide6.QtWidgets import QApplication

        print(f"BTDESK_LOADED {time.time():.6f}", flush=True)
        view = self.views["Aktiviteter"]
        view.refresh(self.portfolio)
        t0 = time.perf_counter()
        view.proxy.set_filter(delmal="BT1", text="kurs")
        n = view.proxy.rowCount()
        print(f"BTDESK_FILTER_MS {(time.perf_counter() - t0) * 1000:.2f} rows={view.model.rowCount()} "
              f"shown={n}", flush=True)
        QApplication.instance().quit()

    # -- editing through the undo stack --------------------------------------------------------
    def records_changed(self) -> None:
        self.refresh()

    def push_edit(self, text: str, action) -> list[str]:
        """Run a service call as an undoable command; returns the service's warnings."""
        from ui.undo import RecordCommand

        cmd = RecordCommand(self.portfolio, text, action, self.records_changed)
        self.undo_stack.push(cmd)
        if cmd.warnings:
            self.status.setText(" ".join(cmd.warnings))
            _box().warning(self, "btdesk", "\n".join(cmd.warnings))
        else:
            self.status.setText(self.tr("Sparat: %1").replace("%1", text))
        return cmd.warnings

    def delete_record(self, record_id: str, text: str) -> None:
        from btdesk.errors import BtdeskError
        from ui.undo import DeleteCommand

        try:
            self.undo_stack.push(DeleteCommand(self.portfolio, text, record_id, self.records_changed))
        except BtdeskError as e:
            _box().warning(self, "btdesk", str(e))
            return
        self.status.setText(self.tr("Borttaget; Ctrl+Z ångrar."))

    def _placement_choices(self):
        from datetime import date

        from btdesk.services import bt

        cur = bt.current_placement(self.portfolio, date.today())
        return bt.placements(self.portfolio), cur.id if cur else None

    def new_activity(self) -> None:
        self._activity_dialog(None)

    def edit_activity(self, record_id: str) -> None:
        self._activity_dialog(self.portfolio.get(record_id))

    def make_activity_dialog(self, record=None, draft: dict | None = None):
        """The activity dialog, wired to save through the undo stack and to keep a crash draft."""
        from btdesk.services.entries import save_activity
        from ui.views.activity_dialog import ActivityDialog

        pls, cur = self._placement_choices()
        dlg = ActivityDialog(self.portfolio, self, record=record, placements=pls, current_placement=cur)
        rid = record.id if record else None
        text = self.tr("Ändra aktivitet") if record else self.tr("Ny aktivitet")
        dlg.on_save = lambda v: self.push_edit(
            text, lambda p: save_activity(p, record_id=rid, **v))
        self.keep_draft(dlg, "activity", rid, draft)
        return dlg

    def _activity_dialog(self, record, draft: dict | None = None) -> None:
        if self.portfolio is None or self.portfolio.profile.role != "doctor":
            return
        self.run_dialog(self.make_activity_dialog(record, draft))

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
        self.status.setText(self.tr("Synkmapp: %1").replace("%1", self.portfolio.setting(FOLDER_KEY)))

    def write_reflection(self, link_id: str | None = None, delmal=None) -> None:
        """A reflection on link_id (an entry, a signed assessment) or on delmål; undoable."""
        if self.portfolio is None or self.portfolio.profile.role != "doctor":
            return
        from btdesk.services.entries import save_reflection
        from ui.views.reflection_dialog import ReflectionDialog

        link = self.portfolio.get(link_id) if link_id else None
        if delmal is None:
            delmal = (link.body.get("delmal") or []) if link is not None else []
        dlg = ReflectionDialog(self.portfolio, self, link=link, delmal=delmal)
        dlg.on_save = lambda v: self.push_edit(self.tr("Ny reflektion"), lambda p: save_reflection(p, **v))
        self.run_dialog(dlg)

    def is_frozen(self, record) -> bool:
        """Signed by someone else: the store refuses a new version (SignedRecordFrozen)."""
        return record.signed and record.author != self.portfolio.profile.fingerprint

    def explain_signed(self, record_id: str) -> None:
        """Editing a signed assessment is refused up front, with the way forward: a reflection."""
        rec = self.portfolio.get(record_id)
        box = _box()(self)
        box.setIcon(_box().Icon.Information)
        box.setWindowTitle("btdesk")
        box.setText(self.tr("Bedömningen är signerad av %1 och kan inte ändras – då skulle signaturen "
                            "inte längre stämma.").replace("%1", rec.author_name or self.tr("bedömaren")))
        box.setInformativeText(self.tr("Du kan skriva en egen reflektion till den i stället."))
        write = box.addButton(self.tr("Skriv reflektion …"), _box().ButtonRole.AcceptRole)
        box.addButton(self.tr("Stäng"), _box().ButtonRole.RejectRole)
        box.setDefaultButton(write)
        self.run_dialog(box)
        if box.clickedButton() is write:
            self.write_reflection(record_id)

    def run_dialog(self, dlg) -> int:
        self.active_dialog = dlg
        try:
            return dlg.exec()
        finally:
            self.active_dialog = None

    # -- crash drafts (ui.widgets.draft_keeper) ------------------------------------------------
    def keep_draft(self, dlg, kind: str, record_id: str | None, draft: dict | None) -> None:
        """Pre-fill dlg from a draft being resumed, then keep its draft while it is open."""
        from ui.widgets.draft_keeper import DraftKeeper

        if draft is not None:
            dlg.set_values(draft)
        dlg.draft_keeper = DraftKeeper(dlg, self.portfolio.home, kind, record_id)

    def offer_drafts(self) -> None:
        """A dialog left open by a crash: offer to reopen it as it was (Återuppta) or drop it."""
        from ui.views.labels import draft_kinds
        from ui.widgets.draft_keeper import discard, pending

        if self.portfolio is None or self.portfolio.profile.role != "doctor":
            return
        home = self.portfolio.home
        for d in pending(home):
            box = _box()(self)
            box.setIcon(_box().Icon.Question)
            box.setWindowTitle("btdesk")
            box.setText(self.tr("btdesk stängdes innan %1 sparades. Vill du återuppta utkastet?")
                        .replace("%1", draft_kinds()[d["kind"]]))
            box.setInformativeText(_draft_summary(d["values"]))
            resume = box.addButton(self.tr("Återuppta"), _box().ButtonRole.AcceptRole)
            box.addButton(self.tr("Kasta"), _box().ButtonRole.DestructiveRole)
            box.setDefaultButton(resume)
            self.run_dialog(box)
            if box.clickedButton() is resume:
                self.resume_draft(d)
            else:
                discard(home, d["kind"])

    def resume_draft(self, d: dict) -> None:
        from btdesk.errors import BtdeskError

        rid, values = d.get("record_id"), d["values"]
        record = None
        if rid:
            try:
                record = self.portfolio.get(rid)
            except (BtdeskError, LookupError):
                rid = None  # the record is gone: the draft becomes a new entry rather than lost
        if d["kind"] == "activity":
            self._activity_dialog(record, draft=values)
        elif d["kind"] == "talk":
            self.go_to("Handledning").edit(new=rid is None, record_id=rid, draft=values)
        elif d["kind"] == "placement":
            self.go_to("Placeringar").edit(new=rid is None, record_id=rid, draft=values)

    def show_history(self, record_id: str | None) -> None:
        if not record_id or self.portfolio is None:
            self.status.setText(self.tr("Markera en post först."))
            return
        from ui.views.history_dialog import HistoryDialog

        dlg = HistoryDialog(self.portfolio, record_id, self)
        self.active_dialog = dlg
        dlg.exec()
        self.active_dialog = None

    def open_search(self) -> None:
        if self.portfolio is None:
            return
        from ui.views.search_dialog import SearchDialog

        dlg = SearchDialog(self.portfolio, self)
        self.active_dialog = dlg
        if dlg.exec() and dlg.chosen is not None:
            r = dlg.chosen
            view = self.go_to(VIEW_OF_KIND.get(r.kind, "Översikt"))
            if hasattr(view, "select_record"):
                view.select_record(r.id)
        self.active_dialog = None

    # -- documents by drag and drop --------------------------------------------------------
    def attach_files(self, paths) -> None:
        from btdesk.errors import BtdeskError
        from btdesk.services.entries import add_document

        if self.portfolio is None:
            return
        for path in paths:
            try:
                self.push_edit(self.tr("Bifoga %1").replace("%1", Path(path).name),
                               lambda p, path=path: add_document(p, path))
            except BtdeskError as e:
                _box().warning(self, "btdesk", str(e))
        self.go_to("Dokument")

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            signed = [x for x in paths if Path(x).suffix in (".btrequest", ".btresponse", ".btbundle")]
            for path in signed:
                self.open_signed_file(path)
            if rest := [x for x in paths if x not in signed]:
                self.attach_files(rest)

    def open_signed_file(self, path: str) -> str | None:
        """A request opens the pre-filled form; a response or a bundle is imported."""
        from btdesk.errors import BtdeskError

        if self.portfolio is None:
            return None
        suffix, message = Path(path).suffix, None
        try:
            if suffix == ".btrequest":
                from ui.forms.dialog import open_request

                dlg = open_request(self, self.portfolio, path)
                if dlg:
                    dlg.exec()
            elif suffix == ".btresponse":
                from ui.forms.dialog import import_response_file

                message = import_response_file(self, self.portfolio, path)
            elif suffix == ".btbundle":
                from btdesk.services.exchange_import import import_bundle

                message = import_bundle(self.portfolio, Path(path)).message
                _box().information(self, "btdesk", message)
        except BtdeskError as e:
            message = str(e)
            _box().warning(self, "btdesk", message)
        self.records_changed()
        return message

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._settings.setValue("geometry", self.saveGeometry())
        self._settings.setValue("view", self.current_key())
        if self.portfolio is not None:
            self.portfolio.close()
            self.portfolio = None
        super().closeEvent(event)
