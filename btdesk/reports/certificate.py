"""A certificate as one PDF: btdesk's look-alike or the official form filled (reports.acroform),
then the continuation page for text that did not fit, then "UTKAST" across a draft's pages."""
from __future__ import annotations

import importlib
import io

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from btdesk.reports import official_forms as of
from btdesk.reports.data import CertificateData
from btdesk.reports.fonts import BOLD, register_fonts
from btdesk.reports.lookalike import render_pages
from btdesk.reports.styles import esc, styles

WATERMARK = "UTKAST"


def lookalike(data: CertificateData) -> bytes:
    """btdesk's drawing of the form, with every official text; returns the finished PDF."""
    module = importlib.import_module(f"btdesk.reports.{data.kind}")
    return finish(render_pages(data, lambda: module.story(data)), data)


def finish(pdf: bytes, data: CertificateData) -> bytes:
    """Append the continuation page and mark a draft, for either way of printing."""
    if data.continuation:
        pdf = _concat(pdf, continuation(data))
    return stamp(pdf, WATERMARK) if data.draft else pdf


def continuation(data: CertificateData) -> bytes:
    st = styles()
    n = of.NUMBERS[data.kind]
    nr = data.values.get(of.BILAGA_NR, "")
    head = f"Bilaga till intyget (Bilaga {n}{', bilaga nr ' + nr if nr else ''}): fortsättning"
    story: list[Flowable] = [Paragraph(esc(head), st.h1), Spacer(1, 3 * mm)]
    for part in data.continuation:
        story += [Paragraph(esc(part.heading), st.h2), Paragraph(esc(part.text), st.body), Spacer(1, 4 * mm)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, title=head, author=data.doctor, creator="btdesk", lang="sv-SE",
                      initialFontName=st.font).build(story)
    return buf.getvalue()


def _concat(first: bytes, second: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(first)))
    w.append(PdfReader(io.BytesIO(second)))
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def _watermark(text: str, width: float, height: float) -> bytes:
    register_fonts()
    buf = io.BytesIO()
    # the canvas declares its initial font on every page: make it ours, so no unembedded font appears
    c = canvas.Canvas(buf, pagesize=(width, height), initialFontName=BOLD)  # type: ignore[arg-type]
    c.setFillColor(Color(0.75, 0.1, 0.1, alpha=0.9))
    c.setFont(BOLD, 12)
    c.drawCentredString(width / 2, height - 9 * mm, text)  # a line that reads (and extracts) as one word
    c.setFillColor(Color(0.75, 0.1, 0.1, alpha=0.28))
    c.setFont(BOLD, 110)
    c.translate(width / 2, height / 2)
    c.rotate(50)
    c.drawCentredString(0, -35, text)
    c.save()
    return buf.getvalue()


def stamp(pdf: bytes, text: str) -> bytes:
    """The text across every page, over the content, so no page of a draft passes for an original."""
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in w.pages:
        box = page.mediabox
        mark = PdfReader(io.BytesIO(_watermark(text, float(box.width), float(box.height)))).pages[0]
        page.merge_page(mark, over=True)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()
