"""Page layout: A4 frames, the running footer ("Sida N av M"), headings that feed the
table of contents and the PDF outline, and a two-pass build.

Pass 1 lays the document out and records on which page each heading fell and how many
pages there are; pass 2 prints those numbers. The table of contents lists headings known
before the build, so it has the same height in both passes and nothing moves.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Callable

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from btdesk.reports.styles import MUTED, RULE, esc, styles

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 18 * mm, 18 * mm, 20 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X

Progress = Callable[[int, int], None] | None


class Heading(Paragraph):
    """A heading that becomes a bookmark, an outline entry and (level 0–1) a TOC line."""

    def __init__(self, text: str, key: str, level: int = 0, style=None, outline_title: str | None = None):
        st = style or (styles().h1 if level == 0 else styles().h2)
        super().__init__(esc(text), st)
        self.key, self.level, self.outline_title = key, level, outline_title or text


@dataclass
class Layout:
    """What pass 1 learned: the page of each heading and the page count."""
    pages: dict[str, int] = field(default_factory=dict)
    total: int = 0


class ReportDoc(BaseDocTemplate):
    def __init__(self, target, *, title: str, author: str, footer_left: str, layout: Layout,
                 progress: Progress = None, progress_total: int = 0, **kw):
        font = styles().font
        super().__init__(target, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=author,
                         creator="btdesk", subject=title, lang="sv-SE", initialFontName=font,
                         initialFontSize=9, **kw)
        self.footer_left, self.layout, self.seen = footer_left, layout, Layout()
        self.progress, self.progress_total, self.progress_done = progress, progress_total, 0
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._footer)])

    def _footer(self, canv, doc) -> None:
        st = styles()
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        y = MARGIN_BOTTOM - 8 * mm
        canv.line(MARGIN_X, y + 4 * mm, PAGE_W - MARGIN_X, y + 4 * mm)
        canv.setFont(st.font, 7.5)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_X, y, self.footer_left)
        total = self.layout.total or "?"
        canv.drawRightString(PAGE_W - MARGIN_X, y, f"Sida {doc.page} av {total}")
        canv.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            self.seen.pages[flowable.key] = self.page
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.outline_title, flowable.key, level=flowable.level,
                                      closed=flowable.level > 0)
        tick = getattr(flowable, "progress_tick", 0)
        if tick and self.progress:
            self.progress_done += tick
            self.progress(self.progress_done, self.progress_total)

    def afterPage(self) -> None:
        self.seen.total = self.page


class ProgressMark(Flowable):
    """Zero-size marker: reaching it advances the progress callback."""

    def __init__(self, tick: int = 1):
        super().__init__()
        self.progress_tick = tick

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        pass


def toc_table(entries: list[tuple[str, str, int]], layout: Layout) -> Table:
    """Entries are (title, key, level); page numbers come from pass 1 and link to the heading."""
    st = styles()
    rows = []
    for title, key, level in entries:
        page = layout.pages.get(key)
        label = f'<a href="#{key}" color="#1d2733">{esc(title)}</a>'
        rows.append([Paragraph(label, st.toc if level == 0 else st.toc2),
                     Paragraph(str(page) if page else "–", st.toc_page)])
    t = Table(rows, colWidths=[CONTENT_W - 20 * mm, 20 * mm])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st.font), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return t


def build_two_pass(make_story: Callable[[Layout], list], make_doc: Callable[..., ReportDoc], out,
                   progress: Progress = None, progress_total: int = 0) -> int:
    """Lay out once to learn page numbers, then print with them. Returns the page count."""
    def half(offset: int) -> Progress:  # both passes share one 0..100 % scale
        if progress is None:
            return None
        return lambda done, total: progress(offset + done, 2 * total)

    layout = Layout()
    first = make_doc(io.BytesIO(), layout=layout, progress=half(0), progress_total=progress_total)
    first.build(make_story(layout))
    layout = first.seen
    doc = make_doc(out, layout=layout, progress=half(progress_total), progress_total=progress_total)
    doc.build(make_story(layout))
    if doc.seen.total != layout.total:  # the TOC changed length: print once more with the new numbers
        layout = doc.seen
        if hasattr(out, "seek"):
            out.seek(0)
            out.truncate()
        doc = make_doc(out, layout=layout, progress=None)
        doc.build(make_story(layout))
    if progress:
        progress(2 * progress_total, 2 * progress_total)
    return doc.seen.total
