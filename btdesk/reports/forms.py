"""Shared look of Socialstyrelsen's certificate forms (Bilaga 1–4): labelled boxes with the
official field labels in small type above the value, and signature blocks left empty for
wet-ink signing."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
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

from btdesk.reports.layout import CONTENT_W, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W
from btdesk.reports.styles import INK, MUTED, RULE, esc, styles

Box = tuple[str, str] | tuple[str, str, float]  # (label, value[, minimum height])
SIGNER_FIELDS = ("Namnteckning", "Ort och datum", "Namnförtydligande", "Personnummer", "Specialitet", "Tjänsteställe")


def split_name(full: str) -> tuple[str, str]:
    """(efternamn, förnamn): the last word is taken as the surname, which the user can correct."""
    parts = (full or "").split()
    if len(parts) < 2:
        return full or "", ""
    return parts[-1], " ".join(parts[:-1])


def box(label: str, value: str = "", *, min_h: float = 0, markup: bool = False) -> list[Flowable]:
    st = styles()
    cell: list[Flowable] = [Paragraph(esc(label), st.label),
                            Paragraph(value if markup else esc(value) or "&nbsp;", st.field)]
    if min_h:
        cell.append(Spacer(1, min_h))
    return cell


def fields(rows: Sequence[Sequence[Box]], widths: list[list[float]] | None = None) -> list[Flowable]:
    """Rows of boxes; each box is (label, value[, min_h]); widths are fractions of the line."""
    out: list[Flowable] = []
    for i, row in enumerate(rows):
        fr = widths[i] if widths else [1 / len(row)] * len(row)
        cells = [box(b[0], b[1], min_h=b[2] if len(b) > 2 else 0) for b in row]
        t = Table([cells], colWidths=[CONTENT_W * f for f in fr])
        t.setStyle(box_style())
        out.append(t)
    return out


def box_style() -> TableStyle:
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles().font),
        ("BOX", (0, 0), (-1, -1), 0.6, INK), ("INNERGRID", (0, 0), (-1, -1), 0.6, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4), ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ])


def section(title: str) -> Paragraph:
    return Paragraph(esc(title), styles().h2)


def signer_block(title: str, *, name: str = "", personnummer: str = "", specialty: str = "", workplace: str = "",
                 labels: Sequence[str] = SIGNER_FIELDS) -> KeepTogether:
    """Namnteckning and Ort och datum stay empty: they are written by hand."""
    values = {"Namnförtydligande": name, "Personnummer": personnummer, "Specialitet": specialty,
              "Tjänsteställe": workplace}
    rows: list[list[Box]] = []
    row: list[Box] = []
    for lab in labels:
        tall = 9 * mm if lab in ("Namnteckning", "Ort och datum") else 0
        row.append((lab, values.get(lab, ""), tall))
        if len(row) == 2:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [("", "")] if len(row) == 1 else row)
    return KeepTogether([section(title), *fields(rows)])


class Applicant(Protocol):
    @property
    def doctor(self) -> str: ...


def applicant(d: Applicant, personnummer: str = "") -> list[Flowable]:
    last, first = split_name(d.doctor)
    return [section("Sökande"), *fields([[("Efternamn", last), ("Förnamn", first), ("Personnummer", personnummer)]],
                                        [[0.38, 0.38, 0.24]])]


class FormDoc(BaseDocTemplate):
    def __init__(self, target: str | IO[bytes], *, bilaga: str, title: str, doctor: str, header: str | None = None,
                 note: str = "ifylld med btdesk, signeras för hand") -> None:
        st = styles()
        super().__init__(target, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP + 8 * mm,
                         bottomMargin=MARGIN_BOTTOM, title=f"{bilaga} – {title}", author=doctor, creator="btdesk",
                         lang="sv-SE", initialFontName=st.font, initialFontSize=9)
        self.bilaga, self.form_title = bilaga, title
        self.header, self.note = header or f"Socialstyrelsen · {bilaga}", note
        top = MARGIN_TOP + 8 * mm
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W, PAGE_H - top - MARGIN_BOTTOM, leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)  # boxes align with the header rule
        self.addPageTemplates([PageTemplate(id="form", frames=[frame], onPage=self._header)])

    def _header(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        st = styles()
        canv.saveState()
        top = doc.pagesize[1] - MARGIN_TOP + 2 * mm
        canv.setFont(st.bold, 9)
        canv.setFillColor(INK)
        canv.drawString(MARGIN_X, top, self.header)
        canv.setFont(st.font, 7.5)
        canv.setFillColor(MUTED)
        canv.drawRightString(PAGE_W - MARGIN_X, top, f"Sida {doc.page} · {self.note}")
        canv.setStrokeColor(RULE)
        canv.line(MARGIN_X, top - 2 * mm, PAGE_W - MARGIN_X, top - 2 * mm)
        canv.restoreState()

    def build_form(self, story: list[Flowable]) -> None:
        st = styles()
        head = [Paragraph(esc(self.form_title), st.title), Spacer(1, 2 * mm)]
        self.build(head + story)


def write(target: str | Path | IO[bytes], bilaga: str, title: str, doctor: str, story: list[Flowable],
          **kw: Any) -> None:
    FormDoc(str(target) if isinstance(target, (str, Path)) else target, bilaga=bilaga, title=title,
            doctor=doctor, **kw).build_form(story)
