"""Start the window fast: paint its frame first; the view and the portfolio (SQLAlchemy) follow."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def run(home: Path | None, files: Sequence[str] = ()) -> int:
    """The window, with files to open once the portfolio is; when a btdesk window already runs
    on this home, hand the files to it instead (ui.single_instance) and return at once."""
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("btdesk")
    app.setOrganizationName("btdesk")
    window = MainWindow(home, defer=True, files=files)  # the view and the portfolio follow the first paint
    window.show()
    return app.exec()
