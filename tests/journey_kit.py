"""What the journey tests share: a real window shown and active, modal dialogs answered the way
a person would (keys and clicks), files dropped on a widget as a file manager drops them, menu
items found by their text. The window is always driven through its widgets; only the world
before a journey starts (profiles, a plan, the other role's files) is made directly."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QWidget

PW = os.environ["BTDESK_PASSPHRASE"]


def own_settings(tmp_path: Path) -> None:
    """QSettings caches its file per process: point it at this test's folder."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings("btdesk", "btdesk").clear()


def open_window(qtbot: Any, home: Path, portfolio: Any = None) -> Any:
    """The window on home, shown and active (menu keys need an active window), the portfolio loaded."""
    from ui.main_window import MainWindow

    w = MainWindow(home, portfolio=portfolio)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    if portfolio is None:
        with qtbot.waitSignal(w.portfolio_loaded, timeout=30000):
            w.load_portfolio()
    w.activateWindow()  # offscreen does not activate on show
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


def when_modal(interact: Callable[[Any], None], kind: type | None = None,
               title: str | None = None) -> list[Any]:
    """Answer the next modal dialog (of kind, or with a window title holding title) once it shows:
    interact(dialog). Returns a list that holds the dialog once it was answered."""
    done: list[Any] = []

    def step() -> None:
        dlg = QApplication.activeModalWidget()
        if (dlg is None or not dlg.isVisible() or (kind is not None and not isinstance(dlg, kind))
                or (title is not None and title not in dlg.windowTitle())):
            QTimer.singleShot(10, step)
            return
        done.append(dlg)
        try:
            interact(dlg)
        except BaseException:
            dlg.done(0)  # a failed check must not leave the dialog waiting for nobody
            raise
    QTimer.singleShot(0, step)
    return done


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    """Focus a field, select what is in it and type over it (QTest types ASCII only)."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def type_date(qtbot: Any, field: QDateEdit, iso: str) -> None:
    """Type a date into a date field, section by section as a person does (year, month, day)."""
    field.setFocus()
    field.setSelectedSection(QDateEdit.Section.YearSection)
    qtbot.keyClicks(field, iso.replace("-", ""))
    assert field.date() == QDate.fromString(iso, "yyyy-MM-dd"), field.date().toString("yyyy-MM-dd")


def choose(qtbot: Any, combo: QComboBox, data: Any) -> None:
    """Pick the item whose data is data with the arrow keys, as a person walks a list."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data, f"{data!r} is not in the list"


def tick(qtbot: Any, boxes: dict[str, Any], ids: list[str]) -> None:
    """Tick each delmål's box with the space bar."""
    for d in ids:
        boxes[d].setFocus()
        qtbot.keyClick(boxes[d], Qt.Key.Key_Space)


def save(qtbot: Any, dialog: QWidget) -> None:
    """Ctrl+Enter, from whatever field has the focus."""
    target = dialog.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def drop(target: QWidget, paths: list[Path], at: QPointF | None = None) -> None:
    """Drop files on target as a file manager does: a drag enters, then the drop."""
    from PySide6.QtGui import QDragEnterEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = at if at is not None else QPointF(target.width() / 2, target.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), "the window refused the drag"
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    _jobs_done(target.window())


def _jobs_done(window: QWidget) -> None:
    """A dropped response or bundle is imported in a worker (ui/file_router.py): its outcome is
    told when the worker ends. Bounded: a hung job fails the test at its timeout."""
    from PySide6.QtCore import QThreadPool

    from ui import worker

    for _ in range(2400):
        if not worker.running(window):
            return
        QThreadPool.globalInstance().waitForDone(50)
        QApplication.processEvents()


def menu_item(window: Any, menu: str, item: str) -> Any:
    """The menu bar's action whose text (without the & marks) starts with item."""
    def plain(t: str) -> str:
        return t.replace("&", "")

    bar = next(a.menu() for a in window.menuBar().actions() if plain(a.text()) == menu)
    found = [a for a in bar.actions() if plain(a.text()).startswith(item)]
    assert found, f"no {item!r} in {menu!r}: {[plain(a.text()) for a in bar.actions()]}"
    return found[0]


def click(qtbot: Any, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button.text() if hasattr(button, "text") else button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def cells(table: Any, col: int) -> list[str]:
    """One column of a QTableWidget or a QTableView, as shown."""
    model = table.model()
    return [str(model.index(r, col).data() or "") for r in range(model.rowCount())]
