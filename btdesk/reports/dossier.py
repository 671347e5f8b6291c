"""The final-assessment dossier: cover, contents, placements, BT1–BT18 with their evidence,
supervision, checklists, attachment index — with page numbers, a linked table of contents
and a PDF outline."""
from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from reportlab.platypus import PageBreak, Paragraph, Spacer

from btdesk.reports import dossier_evidence as evidence
from btdesk.reports import dossier_sections as sec
from btdesk.reports.data import DossierData
from btdesk.reports.layout import Heading, Layout, Progress, ReportDoc, build_once, gc_paused, toc_table
from btdesk.reports.styles import styles


def toc_entries(data: DossierData) -> list[tuple[str, str, int]]:
    entries = [("Placeringar", "placeringar", 0), ("Delmål BT1–BT18", "delmal", 0)]
    entries += [(f"{s.id} – {s.title}", f"d_{s.id}", 1) for s in data.delmal]
    entries += [("Bedömningar", "bedomningar", 0), ("Handledning", "handledning", 0),
                ("Checklistor", "checklistor", 0), ("Bilagor", "bilagor", 0)]
    return entries


def story(data: DossierData, layout: Layout) -> list[Any]:
    st = styles()
    out = sec.cover(data)
    out += [PageBreak(), Heading("Innehåll", "innehall"), Spacer(1, 2), toc_table(toc_entries(data), layout),
            PageBreak()]
    out += sec.placements(data)
    out += evidence.delmal(data)
    out += evidence.assessments(data)
    out += sec.supervision(data)
    out += sec.checklists(data)
    out += sec.attachments(data)
    out.append(Spacer(1, 8))
    out.append(Paragraph("Slut på dokumentet.", st.small))
    return out


def render(data: DossierData, out: str | Path | BinaryIO, progress: Progress = None) -> int:
    """The finished dossier for already gathered data in `out` (a path or a binary file): laid
    out, the attached files embedded, an XMP packet (btdesk.reports.pdf_finish); returns pages."""
    from btdesk.reports.pdf_finish import FINISHED_PDF_VERSION, finish_catalog

    title = f"BT-portfölj – {data.doctor}"

    def make_doc(target: Any, **kw: Any) -> ReportDoc:
        return ReportDoc(target, title=title, author=data.doctor,
                         footer_left=f"{data.doctor} · BT-portfölj för slutbedömning · {data.today}",
                         pdf_version=FINISHED_PDF_VERSION,
                         catalog=lambda canv: finish_catalog(canv, title=title, author=data.doctor,
                                                             attachments=data.attachments), **kw)

    target = str(out) if isinstance(out, (str, Path)) else out
    marks = len(data.delmal) + 3  # a mark per delmål, then assessments, supervision and checklists
    return build_once(lambda layout: story(data, layout), make_doc, target, progress, marks)


def render_pdf(data: DossierData, progress: Progress = None) -> tuple[bytes, int]:
    """The finished dossier as bytes, and its page count."""
    import io

    buf = io.BytesIO()
    with gc_paused():
        pages = render(data, buf, progress)
    return buf.getvalue(), pages
