"""The dossier's long tables (a delmål's evidence, a placement's talks), laid out and drawn here.

They look exactly as a reportlab Table with `styles.grid_style()` and a repeated header row:
the header in bold on a band, a rule under every row and a heavier one under the header, cells
padded and top-aligned, plain strings in the table font (8.5 pt on a 12 pt leading, black, as
a Table draws them) and TextCells. A year's dossier has thousands of such rows, and a Table
measures every row again each time it splits over a page, rebuilds itself for each part and
draws cell by cell; here the rows are measured once, a split is a sum, and a part's text is
one text object.
"""
from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color, black
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from btdesk.reports.fonts import BOLD, REGULAR
from btdesk.reports.styles import BAND, INK, RULE
from btdesk.reports.textcell import LineText, Link, TextCell, draw_links

PAD_X, PAD_Y = 4.0, 2.5  # grid_style's LEFT/RIGHT and TOP/BOTTOMPADDING
SIZE, LEADING = 8.5, 12.0  # grid_style's FONTSIZE; a Table cell's default leading

Cell = str | tuple[str, Color] | TextCell  # a (text, colour) string is drawn in that colour


class GridTable(Flowable):
    """`header` repeated at the top of each page's part; `rows` of cells; `widths` per column."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float],
                 heights: list[float] | None = None) -> None:
        super().__init__()
        self.header, self.rows, self.widths = list(header), list(rows), list(widths)
        self.heights = heights  # per row, once measured (a part shares its whole's)

    def _measure(self) -> list[float]:
        if self.heights is None:
            self.heights = [_row_height(row, self.widths) for row in self.rows]
        return self.heights

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = _row_height(self.header, self.widths) + sum(self._measure())
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """As a Table with repeatRows=1 splits: as many whole rows as fit below the header; none
        when not even one does."""
        heights = self._measure()
        used, n = _row_height(self.header, self.widths), 0
        for h in heights:
            if used + h > availHeight:
                break
            used, n = used + h, n + 1
        if n == 0:
            return []
        if n == len(self.rows):
            return [self]
        return [GridTable(self.header, self.rows[:n], self.widths, heights[:n]),
                GridTable(self.header, self.rows[n:], self.widths, heights[n:])]

    def draw(self) -> None:
        canv, heights = self.canv, self._measure()
        head_h = _row_height(self.header, self.widths)
        canv.saveState()
        canv.setFillColor(BAND)
        canv.rect(0, self.height - head_h, self.width, head_h, stroke=0, fill=1)
        tx = LineText(canv)
        links: list[Link] = []
        font: tuple[str, Color] | None = None
        x = 0.0
        for text, w in zip(self.header, self.widths, strict=True):
            font = _plain(tx, text, (BOLD, black), x, self.height - PAD_Y, font)
            x += w
        top, bottoms = self.height - head_h, [self.height - head_h]
        for row, h in zip(self.rows, heights, strict=True):
            x = 0.0
            for cell, w in zip(row, self.widths, strict=True):
                if isinstance(cell, TextCell):
                    cell.wrap(w - 2 * PAD_X, 1e9)
                    font = cell.draw_into(tx, x + PAD_X, top - PAD_Y, links, font)
                else:
                    text, color = (cell, black) if isinstance(cell, str) else cell
                    font = _plain(tx, text, (REGULAR, color), x, top - PAD_Y, font)
                x += w
            top -= h
            bottoms.append(top)
        canv.drawText(tx)
        draw_links(canv, links)
        canv.setLineCap(1)  # a Table's line commands: round caps and joins
        canv.setLineJoin(1)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.lines([(0, y, self.width, y) for y in bottoms])
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.8)
        canv.line(0, bottoms[0], self.width, bottoms[0])
        canv.restoreState()


def _row_height(row: Sequence[Cell], widths: Sequence[float]) -> float:
    h = 0.0
    for cell, w in zip(row, widths, strict=True):
        if isinstance(cell, TextCell):
            ch = cell.wrap(w - 2 * PAD_X, 1e9)[1]
        else:
            ch = LEADING * ((cell if isinstance(cell, str) else cell[0]).count("\n") + 1)
        h = max(h, ch)
    return h + 2 * PAD_Y


def _plain(tx: PDFTextObject, text: str, want: tuple[str, Color], x: float, top: float,
           font: tuple[str, Color] | None) -> tuple[str, Color]:
    """A string cell as a Table draws it: each line from the padded top, one leading apart."""
    y = top - SIZE
    for line in text.split("\n"):
        if font != want:
            tx.setFont(want[0], SIZE)
            tx.setFillColor(want[1])
            font = want
        tx.setTextOrigin(x + PAD_X, y)
        tx.textOut(line)
        y -= LEADING
    return want
