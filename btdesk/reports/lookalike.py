"""btdesk's drawing of Socialstyrelsen's certificate forms: the official texts in labelled boxes,
the footer "HSLF-FS 2021:8 - Bilaga N" and "1 (2)", and nothing the form does not print."""
from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from btdesk.reports import official_forms as of
from btdesk.reports.data import CertificateData
from btdesk.reports.layout import CONTENT_W, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W
from btdesk.reports.styles import INK, MUTED, esc, styles

Box = tuple[str, str] | tuple[str, str, float]  # (label, value[, extra height])


def box_style() -> TableStyle:
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles().font),
        ("BOX", (0, 0), (-1, -1), 0.6, INK), ("INNERGRID", (0, 0), (-1, -1), 0.6, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4), ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ])


def boxes(row: Sequence[Box], widths: Sequence[float] | None = None) -> Table:
    """One line of labelled boxes; widths are fractions of the line."""
    st = styles()
    fr = widths or [1 / len(row)] * len(row)
    cells = []
    for b in row:
        cell: list[Flowable] = [Paragraph(esc(b[0]), st.label), Paragraph(esc(b[1]) or "&nbsp;", st.field)]
        if len(b) > 2:
            cell.append(Spacer(1, b[2]))
        cells.append(cell)
    t = Table([cells], colWidths=[CONTENT_W * f for f in fr])
    t.setStyle(box_style())
    return t


def heading(text: str) -> Paragraph:
    return Paragraph(esc(text), styles().h2)


def statement(text: str) -> Paragraph:
    return Paragraph(esc(text), styles().body)


def title(kind: str, bilaga_nr: str | None) -> list[Flowable]:
    """The form's title, with the "Bilaga nr:" box top right on Bilaga 2–4."""
    st = styles()
    big, small = of.TITLES[kind]
    head = [Paragraph(esc(big), st.title), Paragraph(esc(small), st.subtitle), Spacer(1, 4 * mm)]
    if bilaga_nr is None:
        return head
    nr = Table([[[Paragraph("Bilaga nr:", st.label), Paragraph(esc(bilaga_nr) or "&nbsp;", st.field)]]],
               colWidths=[40 * mm], hAlign="RIGHT")
    nr.setStyle(box_style())
    return [nr, *head]  # top right, above the title, as on the form


def applicant(v: dict[str, str]) -> list[Flowable]:
    return [heading("Sökande"), boxes([("Efternamn", v.get(of.SURNAME, "")), ("Förnamn", v.get(of.GIVEN_NAME, "")),
                                       ("Personnummer", v.get(of.PERSONNUMMER, ""))], [0.38, 0.38, 0.24])]


def signer(labels: Sequence[str], values: dict[str, str]) -> KeepTogether:
    """Namnteckning stays empty: it is written by hand in ink."""
    rows: list[Flowable] = []
    pair: list[Box] = []
    for lab in labels:
        pair.append((lab, values.get(lab, ""), 9 * mm) if lab == "Namnteckning" else (lab, values.get(lab, "")))
        if len(pair) == 2:
            rows.append(boxes(pair))
            pair = []
    if pair:
        rows.append(boxes(pair, [1.0]))
    return KeepTogether(rows)


class CertificateDoc(BaseDocTemplate):
    def __init__(self, target: Any, data: CertificateData, total: int):
        st = styles()
        n = of.NUMBERS[data.kind]
        super().__init__(target, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                         bottomMargin=MARGIN_BOTTOM, title=f"Bilaga {n} – {' '.join(of.TITLES[data.kind])}",
                         author=data.doctor, creator="btdesk", lang="sv-SE", initialFontName=st.font,
                         initialFontSize=9)
        self.footer, self.total = f"{of.HSLF} - Bilaga {n}", total
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        # drawn after the page's content, so text extraction reads it last, as on the form
        self.addPageTemplates([PageTemplate(id="form", frames=[frame], onPageEnd=self._footer)])

    def _footer(self, canv: Any, doc: Any) -> None:
        canv.saveState()
        canv.setFont(styles().font, 7.5)
        canv.setFillColor(MUTED)
        y = MARGIN_BOTTOM - 10 * mm
        canv.drawString(MARGIN_X, y, self.footer)
        canv.drawRightString(PAGE_W - MARGIN_X, y, f"{doc.page} ({self.total or '?'})")
        canv.restoreState()


def render_pages(data: CertificateData, story: Callable[[], list[Flowable]]) -> bytes:
    """Lay out twice: once to count the pages for the "1 (2)" footer, once to print."""
    first = CertificateDoc(io.BytesIO(), data, 0)
    first.build(story())
    buf = io.BytesIO()
    CertificateDoc(buf, data, first.page).build(story())
    return buf.getvalue()
