"""Check boxes drawn from the palette's text colour, so they stand out in dark mode too (Fusion
draws their frame a shade darker than the window: in a dark palette, nearly black on black)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

_SHEET = """
{sel}::indicator {{ width: 0.9em; height: 0.9em; border: 1px solid palette(text); border-radius: 2px;
                    background: palette(base); }}
{sel}::indicator:checked {{ background: palette(highlight); border-color: palette(highlight); }}
"""


def visible_checks(widget: QWidget, selector: str) -> None:
    """selector: the widget class whose indicators to draw, e.g. "QTableView" or "QCheckBox"."""
    widget.setStyleSheet(widget.styleSheet() + _SHEET.format(sel=selector))
