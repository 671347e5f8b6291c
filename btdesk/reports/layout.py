"""Page layout: A4 frames, the running footer ("Sida N av M"), headings that feed the
table of contents and the PDF outline, and a one-pass build.

Numbers known only at the end — on which page each heading fell, how many pages there are —
are drawn as PDF form XObjects: a page refers to a form by name when it is laid out, and the
last flowable defines every form once the numbers are known (reportlab resolves the names
when it saves). Laying the document out once instead of twice halves the dossier's time.
The table of contents lists headings known before the build, so its height never depends on
the numbers.
"""
from __future__ import annotations

import gc
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import IO, Any

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from btdesk.reports.styles import MUTED, RULE, esc, styles

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 18 * mm, 18 * mm, 20 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X

Progress = Callable[[int, int], None] | None


class Heading(Paragraph):
    """A heading that becomes a bookmark, an outline entry and (level 0–1) a TOC line."""

    def __init__(self, text: str, key: str, level: int = 0, style: ParagraphStyle | None = None,
                 outline_title: str | None = None) -> None:
        st = style or (styles().h1 if level == 0 else styles().h2)
        super().__init__(esc(text), st)
        self.key, self.level, self.outline_title = key, level, outline_title or text


@dataclass
class Layout:
    """What the build learned: the page of each heading and the page count; and which
    headings' pages the story shows (PageRef), in what style."""
    pages: dict[str, int] = field(default_factory=dict)
    total: int = 0
    refs: dict[str, ParagraphStyle] = field(default_factory=dict)


def _ref_form(key: str) -> str:
    return f"btdesk_page_of_{key}"


def _footer_form(page: int) -> str:
    return f"btdesk_footer_{page}"


class PageRef(Flowable):
    """The page on which the heading `key` falls, right-aligned in its cell."""

    def __init__(self, key: str, style: ParagraphStyle, layout: Layout) -> None:
        super().__init__()
        self.key, self.style = key, style
        layout.refs[key] = style

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = aw, self.style.leading
        return aw, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.translate(self.width, self.height - self.style.fontSize)
        self.canv.doForm(_ref_form(self.key))
        self.canv.restoreState()


class _DefineNumbers(Flowable):
    """Last in the story: defines the forms that the footers and PageRefs drew."""

    def __init__(self, doc: ReportDoc) -> None:
        super().__init__()
        self.doc = doc

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = self.doc
        total = doc.page
        doc.seen.total = total
        for page in range(1, total + 1):
            doc.number_form(_footer_form(page), f"Sida {page} av {total}", styles().font, 7.5, MUTED)
        for key, style in doc.layout.refs.items():
            at = doc.seen.pages.get(key)
            doc.number_form(_ref_form(key), str(at) if at else "–", style.fontName, style.fontSize,
                            style.textColor)


class ReportDoc(BaseDocTemplate):
    def __init__(self, target: str | IO[bytes], *, title: str, author: str, footer_left: str, layout: Layout,
                 progress: Progress = None, progress_total: int = 0, pdf_version: tuple[int, int] | None = None,
                 catalog: Callable[[Canvas], None] | None = None, **kw: Any) -> None:
        font = styles().font
        super().__init__(target, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=author,
                         creator="btdesk", subject=title, lang="sv-SE", initialFontName=font,
                         initialFontSize=9, **kw)
        self.footer_left, self.layout, self.seen = footer_left, layout, Layout()
        # the header's version and what the catalog gets besides the pages (btdesk.reports.pdf_finish)
        self.pdf_version, self.catalog = pdf_version, catalog
        self.progress, self.progress_total, self.progress_done = progress, progress_total, 0
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._footer)])

    def _footer(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        st = styles()
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        y = MARGIN_BOTTOM - 8 * mm
        canv.line(MARGIN_X, y + 4 * mm, PAGE_W - MARGIN_X, y + 4 * mm)
        canv.setFont(st.font, 7.5)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_X, y, self.footer_left)
        canv.translate(PAGE_W - MARGIN_X, y)
        canv.doForm(_footer_form(doc.page))  # "Sida N av M", defined once M is known
        canv.restoreState()

    def number_form(self, name: str, text: str, font: str, size: float, color: Color) -> None:
        """A form showing `text` right-aligned at its origin."""
        canv = self.canv
        # whole points, outward: the box only clips, and must hold the text
        canv.beginForm(name, lowerx=math.floor(-PAGE_W), lowery=math.floor(-size), upperx=1, uppery=2 * size)
        canv.setFont(font, size)
        canv.setFillColor(color)
        canv.drawRightString(0, 0, text)
        canv.endForm()

    def build(self, flowables: list[Flowable], filename: str | IO[bytes] | None = None,
              canvasmaker: Any = Canvas) -> None:
        if self.pdf_version is not None:
            canvasmaker = partial(canvasmaker, pdfVersion=self.pdf_version)
        super().build([*flowables, _DefineNumbers(self)], filename, canvasmaker)

    def beforeDocument(self) -> None:
        if self.catalog is not None:
            self.catalog(self.canv)

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

    def __init__(self, tick: int = 1) -> None:
        super().__init__()
        self.progress_tick = tick

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def toc_table(entries: list[tuple[str, str, int]], layout: Layout) -> Table:
    """Entries are (title, key, level); each links to its heading and shows its page (PageRef)."""
    st = styles()
    rows = []
    for title, key, level in entries:
        label = f'<a href="#{key}" color="#1d2733">{esc(title)}</a>'
        rows.append([Paragraph(label, st.toc if level == 0 else st.toc2), PageRef(key, st.toc_page, layout)])
    t = Table(rows, colWidths=[CONTENT_W - 20 * mm, 20 * mm])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st.font), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return t


def build_once(make_story: Callable[[Layout], list[Flowable]], make_doc: Callable[..., ReportDoc],
               out: str | IO[bytes],
               progress: Progress = None, progress_total: int = 0) -> int:
    """Lay the story out once; page numbers are filled in at the end. Returns the page count."""
    layout = Layout()
    doc = make_doc(out, layout=layout, progress=progress, progress_total=progress_total)
    doc.build(make_story(layout))
    if progress:
        progress(progress_total, progress_total)
    return doc.seen.total


@contextmanager
def gc_paused() -> Iterator[None]:
    """The garbage collector off for the block. A report's layout makes hundreds of thousands of
    small objects that live until it ends: the collector's passes over them cost about a tenth of
    the time and free nothing. Cycles left over are collected as usual once it is back on; a
    nested block leaves it to the outer one."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
