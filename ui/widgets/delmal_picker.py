"""BT1–BT18 as checkboxes in a grid, reachable by Tab and toggled by Space."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from btdesk.i18n import language


class DelmalPicker(QWidget):
    def __init__(self, delmal, parent=None, columns: int = 6):
        super().__init__(parent)
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        from ui.widgets.indicators import visible_checks

        visible_checks(self, "QCheckBox")
        for i, d in enumerate(delmal):
            box = QCheckBox(d.id)
            box.setToolTip(d.title_in(language()))
            box.setAccessibleName(f"{d.id} {d.title_in(language())}")
            self.boxes[d.id] = box
            lay.addWidget(box, i // columns, i % columns)

    def selected(self) -> list[str]:
        return [k for k, b in self.boxes.items() if b.isChecked()]

    def set_selected(self, ids) -> None:
        ids = set(ids or ())
        for k, b in self.boxes.items():
            b.setChecked(k in ids)
