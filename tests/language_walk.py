"""Walk a window as a user would, to collect every string it shows: each view of the role, then
every button of each view (with the first row of its lists selected) and every menu entry. A
dialog that opens is shown, read, given bad input where it is a form (its fields emptied, an end
date before its start, then Spara: the core's refusal appears in it) and closed; message boxes,
file and input dialogs are read and cancelled. Nothing is left waiting for an answer.

Buttons that delete, revoke, withdraw or quit are not pressed: what they would ask is asked by
the same message boxes the other buttons show."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

NOT_PRESSED = re.compile(r"ta bort|remove|delete|återkalla|revoke|dra tillbaka|withdraw|avsluta|quit|ångra|undo|"
                         r"gör om|redo|svenska|english", re.IGNORECASE)


def texts(root: Any) -> Iterator[str]:
    """Every visible string of a window: title, labels, buttons, group titles, placeholders, combo
    items, tabs, tooltips, list headers and cells (50 rows), and its menus' entries."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMainWindow,
        QPlainTextEdit,
        QTabWidget,
        QTextEdit,
        QWidget,
    )

    yield root.windowTitle()
    if isinstance(root, QMainWindow):
        yield from _menu_texts(root.menuBar().actions())
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root):
            continue
        yield w.toolTip()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield w.text()
        elif isinstance(w, QGroupBox):
            yield w.title()
        elif isinstance(w, QLineEdit):
            yield w.placeholderText()
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            yield w.placeholderText()
        elif isinstance(w, QComboBox):
            yield from (w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            yield from (w.tabText(i) for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            try:
                cols = m.columnCount(QModelIndex())
            except TypeError:  # a list widget's internal model hides columnCount: one column
                cols = 1
            yield from (str(m.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(cols))
            for r in range(min(m.rowCount(QModelIndex()), 50)):
                for c in range(cols):
                    idx = m.index(r, c)
                    yield str(idx.data() or "")
                    yield str(idx.data(Qt.ItemDataRole.ToolTipRole) or "")


def _menu_texts(actions: list) -> Iterator[str]:
    for a in actions:
        yield a.text().replace("&", "")
        yield a.toolTip() if a.toolTip() != a.text() else ""
        if a.menu() is not None:
            yield from _menu_texts(a.menu().actions())


@dataclass
class Seen:
    """What the walk read: {where: [text, …]} and the names of the dialogs that opened."""
    texts: dict[str, list[str]] = field(default_factory=dict)
    dialogs: set[str] = field(default_factory=set)

    def add(self, where: str, items: Any) -> None:
        self.texts.setdefault(where, []).extend(t for t in items if t and t.strip())


def catch_dialogs(monkeypatch: Any, seen: Seen) -> None:
    """Every modal the walk can open: read, then cancelled (a form first given bad input)."""
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    def exec_(dlg: QDialog) -> int:
        name = type(dlg).__name__
        seen.dialogs.add(name)
        dlg.show()
        seen.add(name, texts(dlg))
        if hasattr(dlg, "problem") and hasattr(dlg, "error") and not isinstance(dlg, QMessageBox):
            seen.add(name, _bad_input(dlg))
        QDialog.done(dlg, 0)  # not reject(): a changed form would ask what to do with it
        return 0

    def box(kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            seen.dialogs.add(f"QMessageBox.{kind}")
            seen.add(f"QMessageBox.{kind}", [title, text])
            return QMessageBox.StandardButton.Cancel if kind == "question" else QMessageBox.StandardButton.Ok
        return show

    def file_dialog(kind: str) -> Any:
        def ask(_parent: Any = None, caption: str = "", _dir: str = "", filter: str = "", *a: Any, **k: Any) -> Any:
            seen.dialogs.add(f"QFileDialog.{kind}")
            seen.add(f"QFileDialog.{kind}", [caption, filter])
            return "" if kind == "getExistingDirectory" else ([] if kind == "getOpenFileNames" else "", "")
        return ask

    def input_dialog(kind: str) -> Any:
        def ask(_parent: Any, title: str, label: str, *a: Any, **k: Any) -> Any:
            seen.dialogs.add(f"QInputDialog.{kind}")
            seen.add(f"QInputDialog.{kind}", [title, label])
            return ("", False) if kind in ("getText", "getItem", "getMultiLineText") else (0, False)
        return ask

    monkeypatch.setattr(QDialog, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    for kind in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    for kind in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, kind, file_dialog(kind))
    for kind in ("getText", "getItem", "getInt", "getDouble", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, kind, input_dialog(kind))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: seen.dialogs.add("openUrl") or True)


def _bad_input(dlg: Any) -> list[str]:
    """Empty every text field, put the last date before the first, and save: the refusal shown."""
    from PySide6.QtWidgets import QDateEdit, QLineEdit, QPlainTextEdit, QTextEdit

    for w in dlg.findChildren(QLineEdit):
        if not w.isReadOnly() and w.parent() is not None and type(w.parent()).__name__ not in ("QDateEdit", "QSpinBox",
                                                                                               "QDoubleSpinBox"):
            w.setText("")
    for w in [*dlg.findChildren(QPlainTextEdit), *dlg.findChildren(QTextEdit)]:
        if not w.isReadOnly():
            w.setPlainText("")
    dates = [d for d in dlg.findChildren(QDateEdit) if d.isEnabled()]
    if len(dates) >= 2:
        dates[-1].setDate(dates[0].date().addDays(-30))
    dlg.accept()
    return [dlg.error.text()]


def walk(window: Any, qtbot: Any, seen: Seen, press: bool = True) -> None:
    """Every view of the window; with press, every button of each view and every menu entry too."""
    for key in window.views.keys():
        view = window.go_to(key)
        _jobs_done(window)  # a view that loads in the background (the unit's cohort) shows its rows
        seen.add(f"view {key}", texts(window))
        if press:
            _press_buttons(window, view, key, seen)
    if press:
        _trigger_menus(window, window.menuBar().actions(), seen)


def _press_buttons(window: Any, view: Any, key: str, seen: Seen) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton

    def select_first_rows() -> None:  # again before each press: a refresh may have cleared them
        _jobs_done(window)
        for table in view.findChildren(QAbstractItemView):
            if (table.isVisible() and not isinstance(table, QHeaderView) and table.model() is not None
                    and table.model().rowCount() > 0):  # a header shares its table's selection: not it
                table.setCurrentIndex(table.model().index(0, 0))
                table.selectRow(0) if hasattr(table, "selectRow") else None

    for b in view.findChildren(QPushButton):
        select_first_rows()
        if b.isVisible() and b.isEnabled() and not NOT_PRESSED.search(b.text()):
            b.click()
            _jobs_done(window)
            _read_open_windows(window, f"{key}: {b.text()}", seen)
            seen.add(f"view {key} after {b.text()}", texts(window))


def _trigger_menus(window: Any, actions: list, seen: Seen) -> None:
    for a in actions:
        if a.menu() is not None:
            _trigger_menus(window, a.menu().actions(), seen)
        elif a.text() and a.isEnabled() and not NOT_PRESSED.search(a.text()):
            a.trigger()
            _jobs_done(window)
            _read_open_windows(window, f"menu {a.text()}", seen)


def _jobs_done(window: Any) -> None:
    """Let the work a press started (an import, an export) end, so that what it says is read."""
    from PySide6.QtCore import QCoreApplication, QThreadPool

    from ui import worker

    for _ in range(600):  # a bound, not a wait: such work ends or fails within the test's limits
        QCoreApplication.processEvents()  # first: a job's result may start the next (a refresh)
        if not worker.running(window):
            break
        QThreadPool.globalInstance().waitForDone(100)


def _read_open_windows(window: Any, where: str, seen: Seen) -> None:
    """Windows the press left open without a modal loop (progress, non-modal dialogs): read, closed."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

    for w in QApplication.topLevelWidgets():  # not another role's main window still open in the test
        if w is not window and w.isVisible() and not isinstance(w, (QMenu, QMainWindow)):
            seen.dialogs.add(type(w).__name__)
            seen.add(where, texts(w))
            w.close()
