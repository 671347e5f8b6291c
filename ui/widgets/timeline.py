"""A month-by-month strip of the placements, painted with palette roles (right in dark mode)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


def _month_index(d: date, origin: date) -> float:
    """Months since origin's month start, with the day as a fraction."""
    import calendar

    days = calendar.monthrange(d.year, d.month)[1]
    return (d.year - origin.year) * 12 + (d.month - origin.month) + (d.day - 1) / days


class Timeline(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.placements: list[tuple[str, date, date, bool]] = []  # name, start, end, is current
        self.today = date.today()
        self.setMinimumHeight(self.fontMetrics().height() * 4)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Tidslinje över placeringarna"))

    def sizeHint(self) -> QSize:
        return QSize(600, self.fontMetrics().height() * 4)

    def set_placements(self, rows, today: date) -> None:
        self.placements, self.today = list(rows), today
        self.setToolTip("\n".join(f"{n}: {s.isoformat()} – {e.isoformat()}" for n, s, e, _ in rows))
        self.update()

    def paintEvent(self, _event) -> None:
        if not self.placements:
            return
        from PySide6.QtCore import QLocale

        pal = self.palette()
        fm = self.fontMetrics()
        origin = min(s for _, s, _, _ in self.placements).replace(day=1)
        last = max(e for _, _, e, _ in self.placements)
        n_months = max(1, int(_month_index(last, origin)) + 1)
        qp = QPainter(self)
        qp.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = self.width() - 2
        col = w / n_months
        row_h = fm.height() * 1.6
        top = 1.0
        # placement bars
        for name, s, e, current in self.placements:
            x0 = 1 + _month_index(s, origin) * col
            x1 = 1 + (_month_index(e, origin) + 1 / 31) * col
            rect = QRectF(x0 + 1, top, max(2.0, x1 - x0 - 2), row_h)
            bg = pal.color(QPalette.ColorRole.Highlight if current else QPalette.ColorRole.Button)
            fg = pal.color(QPalette.ColorRole.HighlightedText if current else QPalette.ColorRole.ButtonText)
            qp.setPen(QPen(pal.color(QPalette.ColorRole.Mid)))
            qp.setBrush(bg)
            qp.drawRoundedRect(rect, 4, 4)
            qp.setPen(fg)
            label = fm.elidedText(name, Qt.TextElideMode.ElideRight, int(rect.width()) - 6)
            qp.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        # month ticks and labels
        qp.setPen(pal.color(QPalette.ColorRole.WindowText))
        loc = QLocale()
        y = top + row_h + fm.ascent() + 3
        for i in range(n_months):
            x = 1 + i * col
            qp.drawLine(int(x), int(top + row_h + 1), int(x), int(top + row_h + 4))
            m = (origin.month - 1 + i) % 12 + 1
            text = loc.monthName(m, QLocale.FormatType.ShortFormat)
            if fm.horizontalAdvance(text) < col - 2:
                qp.drawText(int(x + 2), int(y), text)
        # today
        if origin <= self.today <= last:
            x = 1 + _month_index(self.today, origin) * col
            pen = QPen(pal.color(QPalette.ColorRole.WindowText), 2)
            qp.setPen(pen)
            qp.drawLine(int(x), 0, int(x), int(top + row_h + 4))
        qp.end()
