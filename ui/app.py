"""Start the window fast: show it first, open the portfolio (SQLAlchemy) right after."""
from __future__ import annotations

import sys
from pathlib import Path


def run(home: Path | None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("btdesk")
    app.setOrganizationName("btdesk")
    window = MainWindow(home)
    window.show()
    QTimer.singleShot(0, window.load_portfolio)
    return app.exec()
