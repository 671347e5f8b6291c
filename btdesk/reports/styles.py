"""Paragraph and table styles shared by every btdesk PDF: one embedded font (DejaVu Sans),
so no unembedded standard font ends up in a document."""
from __future__ import annotations

from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from btdesk.reports.fonts import BOLD, register_fonts

INK = colors.HexColor("#1d2733")
MUTED = colors.HexColor("#5b6773")
RULE = colors.HexColor("#c5ccd3")
BAND = colors.HexColor("#eef2f5")
ACCENT = colors.HexColor("#1f5c8b")
OK = colors.HexColor("#2e7d32")
WARN = colors.HexColor("#b26a00")


class Styles:
    def __init__(self, font: str) -> None:
        self.font, self.bold = font, BOLD
        s = ParagraphStyle
        # every style inherits the body's font, colour and size unless it names its own
        b = self.body = s("body", fontName=font, bulletFontName=font, textColor=INK, fontSize=9.5, leading=12.5)
        self.small = s("small", b, fontSize=8, leading=10, textColor=MUTED)
        self.cell = s("cell", b, fontSize=8.5, leading=10.5)
        self.cell_bold = s("cell_bold", b, fontName=BOLD, fontSize=8.5, leading=10.5)
        self.cell_bold_right = s("cell_bold_right", b, fontName=BOLD, fontSize=8.5, leading=10.5, alignment=TA_RIGHT)
        self.cell_right = s("cell_right", b, fontSize=8.5, leading=10.5, alignment=TA_RIGHT)
        self.title = s("title", b, fontName=BOLD, fontSize=22, leading=27, spaceAfter=6)
        self.subtitle = s("subtitle", b, fontSize=12, leading=16, textColor=MUTED)
        self.h1 = s("h1", b, fontName=BOLD, fontSize=15, leading=19, spaceBefore=4, spaceAfter=6, textColor=ACCENT)
        self.h2 = s("h2", b, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3)
        self.h3 = s("h3", b, fontName=BOLD, fontSize=9.5, leading=12, spaceBefore=4, spaceAfter=1)
        self.bullet = s("bullet", b, leftIndent=10, bulletIndent=0, spaceAfter=1)
        self.note = s("note", b, fontSize=8.5, leading=11, textColor=WARN)
        self.label = s("label", b, fontSize=6.5, leading=8, textColor=MUTED)
        self.field = s("field", b, fontSize=10, leading=12.5)
        self.toc = s("toc", b, fontSize=10, leading=15)
        self.toc2 = s("toc2", b, fontSize=9, leading=12.5, leftIndent=14)
        self.toc_page = s("toc_page", b, fontSize=9, leading=12.5, alignment=TA_RIGHT)


@cache
def styles() -> Styles:
    return Styles(register_fonts())


def esc(text: object) -> str:
    """Escape user text for a Paragraph (its mini-markup would otherwise eat < and &); text from
    files loses control characters and lone surrogates first (btdesk.safetext)."""
    from btdesk.safetext import safe_text

    return escape(safe_text("" if text is None else text, multiline=True)).replace("\n", "<br/>")


def grid_style(header: bool = True, zebra: bool = True, first_row_bold: bool = True) -> list[tuple[Any, ...]]:
    st = [
        ("FONTNAME", (0, 0), (-1, -1), styles().font),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        st += [("BACKGROUND", (0, 0), (-1, 0), BAND), ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK)]
        if first_row_bold:
            st.append(("FONTNAME", (0, 0), (-1, 0), BOLD))
    return st


def sv_number(x: float, digits: int = 1) -> str:
    """Swedish decimal comma."""
    return f"{x:.{digits}f}".replace(".", ",")
