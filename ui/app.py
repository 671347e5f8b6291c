"""Start the window fast: paint its frame first; the view and the portfolio (SQLAlchemy) follow."""
from __future__ import annotations

import sys
from pathlib import Path


def run(home: Path | None) -> int:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("btdesk")
    app.setOrganizationName("btdesk")
    window = MainWindow(home, defer=True)  # the view and the portfolio follow the first paint
    window.show()
    return app.exec()
