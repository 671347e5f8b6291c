"""The Datum column sorted newest first shows the arrow that ascending shows without our style:
the arrows are flipped, and only they (issue 14: "the Datum sort arrow points the wrong way")."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget


def _header_image(qtbot, order, style=None):
    t = QTableWidget(3, 1)
    t.setHorizontalHeaderLabels(["Datum"])
    if style is not None:
        t.setStyle(style)
        t.horizontalHeader().setStyle(style)
    qtbot.addWidget(t)
    t.resize(300, 200)
    t.setSortingEnabled(True)
    t.sortByColumn(0, order)
    t.show()
    QApplication.processEvents()
    return t.horizontalHeader().grab().toImage()


def test_descending_now_draws_what_ascending_drew(qtbot):
    from ui.widgets.sort_arrows import SortArrows

    style = SortArrows()
    plain_up = _header_image(qtbot, Qt.SortOrder.AscendingOrder)
    plain_down = _header_image(qtbot, Qt.SortOrder.DescendingOrder)
    assert plain_up != plain_down  # the test can see an arrow at all
    assert _header_image(qtbot, Qt.SortOrder.DescendingOrder, style) == plain_up
    assert _header_image(qtbot, Qt.SortOrder.AscendingOrder, style) == plain_down
