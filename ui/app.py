"""Start the window fast: paint its frame first; the view and the portfolio (SQLAlchemy) follow."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def run(home: Path | None, files: Sequence[str] = ()) -> int:
    """The window, with files to open once the portfolio is; when a btdesk window already runs
    on this home, hand the files to it instead (ui.single_instance) and return at once."""
    from PySide6.QtWidgets import QApplication

    from ui.single_instance import Listener, hand_over

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("btdesk")
    app.setOrganizationName("btdesk")
    from ui.widgets.sort_arrows import SortArrows

    QApplication.setStyle(SortArrows())  # the platform's style, with sort arrows that point the sorted way
    if home is None:
        from btdesk.cli.common import default_home

        home = default_home()
    if hand_over(home, files):
        return 0
    from ui import errors
    from ui.main_window import MainWindow

    errors.install(home)  # the log, and slots that raise: one sentence, never a dead window

    window = MainWindow(home, defer=True, files=files)  # the view and the portfolio follow the first paint
    window.listener = Listener(home, window.receive_files, window)
    window.show()
    return app.exec()
