"""The main window: a sidebar of views over one portfolio.

Views are added by name in VIEWS; each is a QWidget with refresh(portfolio). The window
holds no SQL: it calls services.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QMainWindow, QMessageBox, QPushButton, QStackedWidget,
    QVBoxLayout, QWidget,
)

from ui.views.overview import OverviewView


class MainWindow(QMainWindow):
    def __init__(self, home: Path | None):
        super().__init__()
        self.home = home
        self.portfolio = None
        self.setWindowTitle("btdesk")
        self.resize(1180, 760)
        self._settings = QSettings("btdesk", "btdesk")
        if geo := self._settings.value("geometry"):
            self.restoreGeometry(geo)

        central = QWidget()
        layout = QHBoxLayout(central)
        self.sidebar = QListWidget()
        self.sidebar.setFixedWidth(180)
        self.sidebar.setAccessibleName(self.tr("Vyer"))
        self.stack = QStackedWidget()
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.status = QLabel(self.tr("Öppnar portföljen …"))
        self.statusBar().addWidget(self.status, 1)
        self.views: dict[str, QWidget] = {}
        self._add_view(self.tr("Översikt"), OverviewView())
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.setCurrentRow(0)

    def _add_view(self, title: str, view: QWidget) -> None:
        self.views[title] = view
        self.sidebar.addItem(title)
        self.stack.addWidget(view)

    # -- portfolio -------------------------------------------------------------
    def load_portfolio(self) -> None:
        from btdesk.cli.common import default_home
        from btdesk.errors import BtdeskError
        from btdesk.services.portfolio import NoProfile, Portfolio

        home = self.home or default_home()
        try:
            self.portfolio = Portfolio.open(home)
        except NoProfile:
            self._offer_demo(home)
            return
        except BtdeskError as e:
            self.status.setText(str(e))
            QMessageBox.critical(self, "btdesk", str(e))
            return
        prof = self.portfolio.profile
        self.setWindowTitle(f"btdesk – {prof.name}")
        self.status.setText(self.tr("Portfölj: %1").replace("%1", str(home)))
        self.refresh()

    def _offer_demo(self, home: Path) -> None:
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
            self.load_portfolio_done()

        button.clicked.connect(create)
        self.status.setText(msg.text())

    def load_portfolio_done(self) -> None:
        self.setWindowTitle(f"btdesk – {self.portfolio.profile.name}")
        self.refresh()

    def refresh(self) -> None:
        for view in self.views.values():
            view.refresh(self.portfolio)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._settings.setValue("geometry", self.saveGeometry())
        if self.portfolio is not None:
            self.portfolio.close()
            self.portfolio = None
        super().closeEvent(event)
