"""Start-up: open the portfolio — in a worker under a running event loop, so the painted window
is usable at once — with the overview's figures; or, when the home has no profile yet, offer a
demo portfolio, or to restore one's identity from its backup (journey 7: a new laptop)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio


def open_portfolio(home: Path) -> tuple[Portfolio, Any]:
    """The portfolio and the overview's figures: the slow part of start-up, safe off the GUI thread."""
    from btdesk.services import overview_cache
    from btdesk.services.portfolio import Portfolio

    p = Portfolio.open(home)
    try:
        if p.profile.role != "doctor":
            return p, None
        from btdesk.services.progress import progress

        key = overview_cache.cache_key(home)  # read first: a change meanwhile leaves the copy stale
        pr = progress(p)
        overview_cache.save(home, key, pr)  # the next start shows these figures at once
        return p, pr
    except BaseException:
        p.close()
        raise


class Startup(QObject):
    """opened(portfolio, prefetched progress or None) once the portfolio is open."""

    opened = Signal(object, object)

    def __init__(self, parent: QWidget, say: Callable[[str], None], show_page: Callable[[QWidget], None]) -> None:
        super().__init__(parent)
        self.parent_widget, self.say, self.show_page = parent, say, show_page

    def load(self, home: Path | None, given: Portfolio | None = None) -> None:
        """Under a running event loop (the app) the opening runs in a worker; without one
        (tests, scripts) it runs here."""
        from PySide6.QtCore import QThread

        if given is not None:
            self.opened.emit(given, None)
            return
        from btdesk.cli.common import default_home

        where = home or default_home()
        if QThread.currentThread().loopLevel() > 0:
            from ui.worker import run_in_background

            # read-only for the close question; a portfolio opened for a window already gone is closed
            run_in_background(self, lambda: open_portfolio(where), on_done=lambda r: self._done(where, r),
                              on_error=lambda e: self._done(where, e), discard=lambda r: r[0].close())
        else:
            try:
                result: Any = open_portfolio(where)
            except Exception as e:  # noqa: BLE001 - reported the same way as from the worker (ui.errors)
                result = e
            self._done(where, result)

    def show_kept(self, home: Path | None, overview: Any, shown: Any) -> bool:
        """The overview's figures kept from the last time, shown while the portfolio opens, when
        they are still current (btdesk.services.overview_cache): reading them costs milliseconds,
        opening the portfolio a second or more. Emits `shown` then; False when there is no
        current copy."""
        from btdesk.cli.common import default_home
        from btdesk.services import overview_cache

        pr = overview_cache.load(home or default_home())
        if pr is not None:
            overview.show_progress(pr)
            shown.emit()
        return pr is not None

    def keep_overview(self, portfolio: Portfolio) -> None:
        """Keep the overview's figures for the next start when the kept copy is stale (the data
        changed since it was made): a doctor's portfolio only, computed as the overview does."""
        from btdesk.errors import BtdeskError
        from btdesk.services import overview_cache

        if portfolio.profile.role != "doctor" or overview_cache.load(portfolio.home) is not None:
            return
        from btdesk.services.progress import progress

        key = overview_cache.cache_key(portfolio.home)
        try:
            overview_cache.save(portfolio.home, key, progress(portfolio))
        except BtdeskError:  # a plan the programme cannot read: the next start computes, as before
            return

    def _done(self, home: Path, result: Any) -> None:
        from btdesk.services.portfolio import NoProfile

        if isinstance(result, NoProfile):
            self._offer_demo(home)
        elif isinstance(result, BaseException):
            from ui import errors

            # the status line says the sentence, never "Öppnar portföljen …" after a failure
            self.say(errors.report(self.parent_widget, result, where=home))
        else:
            self.opened.emit(*result)

    def _offer_demo(self, home: Path) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        msg = QLabel(self.tr("Det finns ingen portfölj i %1 ännu.").replace("%1", str(home)))
        msg.setWordWrap(True)
        button = QPushButton(self.tr("Skapa en demoportfölj"))
        self.restore_button = QPushButton(self.tr("Återställ min identitet från en säkerhetskopia …"))
        self.restore_button.setToolTip(self.tr("En ny dator: din identitetskopia och dess lösenfras, sedan dina "
                                               "paket från synkmappen eller BT-enheten"))
        self.restore_button.clicked.connect(lambda: self.restore_identity(home, page))
        lay.addWidget(msg)
        lay.addWidget(button)
        lay.addWidget(self.restore_button)
        lay.addStretch(1)
        self.show_page(page)

        def made(p: Portfolio) -> None:
            page.hide()
            page.deleteLater()
            self.opened.emit(p, None)

        def failed(sentence: str) -> None:
            from ui import errors

            # the creation is all-or-nothing (btdesk.services.demo): the button may be pressed again
            self.say(sentence)
            errors.tell(self.parent_widget, sentence)
            button.setEnabled(True)

        def stopped(sentence: str) -> None:
            self.say(sentence)
            button.setEnabled(True)

        def create() -> None:
            from btdesk.services.demo import create_demo
            from ui.progress_dialog import ProgressJob, Stop

            button.setEnabled(False)
            self.say(self.tr("Skapar demoportföljen …"))
            self.demo_job = job = ProgressJob(self.parent_widget, self.tr("Skapar demoportföljen …"), Stop.WHOLE,
                                              where=home)
            job.finished.connect(made)
            job.failed.connect(failed)
            job.stopped.connect(stopped)
            job.start(lambda step: create_demo(home, progress=step), discard=lambda p: p.close())

        self.demo_button = button
        button.clicked.connect(create)
        button.setFocus()
        self.say(msg.text())

    def restore_identity(self, home: Path, page: QWidget) -> None:
        """A new laptop: the identity backup (its passphrase asked), then her bundles from the sync
        folder or the unit, imported into a portfolio for that identity; then the window opens on
        it. Without bundles there is nothing to open yet (the programme comes with them)."""
        from PySide6.QtWidgets import QFileDialog

        from btdesk.services.exchange_identity import restore_identity
        from ui import errors
        from ui.views.export import ask_passphrase

        path, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Välj din identitetskopia"),
                                              str(Path.home()), self.tr("Identitet (*.btidentity);;Alla filer (*)"))
        if not path:
            return
        try:
            ident, _created = restore_identity(home, Path(path), ask_passphrase(self.parent_widget))
        except errors.expected() as e:
            self.say(errors.report(self.parent_widget, e, where=home))
            return
        bundles, _ = QFileDialog.getOpenFileNames(
            self.parent_widget, self.tr("Välj dina paket från synkmappen eller BT-enheten"), str(Path(path).parent),
            self.tr("btdesk-paket (*.btbundle)"))
        if not bundles:
            self.say(self.tr("Identiteten för %1 är återställd. Välj nu dina paket med samma knapp.")
                     .replace("%1", ident.name))
            return
        self._import_own_bundles(home, ident.name, [Path(b) for b in bundles], page)

    def _import_own_bundles(self, home: Path, name: str, bundles: list[Path], page: QWidget) -> None:
        from PySide6.QtWidgets import QMessageBox

        from btdesk.services.exchange_import import import_bundle
        from btdesk.services.portfolio import Portfolio
        from ui import errors

        done: list[str] = []
        try:
            with Portfolio.open(home) as p:
                done = [import_bundle(p, b).message for b in bundles]
        except errors.expected() as e:
            self.say(errors.report(self.parent_widget, e, where=home))
            if not done:
                return
        page.hide()
        page.deleteLater()
        self.load(home)
        message = (self.tr("Identiteten för %1 är återställd och %2 paket är importerade: allt du synkat är "
                           "tillbaka.").replace("%1", name).replace("%2", str(len(done))))
        self.say(message)
        QMessageBox.information(self.parent_widget, "btdesk", message + "\n\n" + "\n".join(done))
