"""The last touches that make a btdesk PDF fit for an archive: the attached files embedded as
PDF file attachments, an XMP metadata packet, and a header that already says the version (2.0)
a later PAdES signature needs, so signing never leaves header and catalog disagreeing."""
from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime

from btdesk.reports.data import Attachment

PDF_HEADER = b"%PDF-2.0"  # pyHanko signs ECDSA P-256 under ISO 32002, a PDF 2.0 extension: no bump later


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        k = seen.get(n, 0)
        seen[n] = k + 1
        if k:
            stem, dot, ext = n.rpartition(".")
            n = f"{stem} ({k + 1}).{ext}" if dot else f"{n} ({k + 1})"
        out.append(n)
    return out


def finish(pdf: bytes, *, title: str, author: str, attachments: Sequence[Attachment] = (),
           now: datetime | None = None) -> bytes:
    """The same document with the files embedded, an XMP packet and a 1.7 header."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.xmp import XmpInformation

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    w.pdf_header = PDF_HEADER
    files = [a for a in attachments if a.content is not None]
    for a, name in zip(files, _unique([a.filename or f"{a.sha256[:16]}.bin" for a in files]), strict=True):
        w.add_attachment(name, a.content or b"")
    when = now or datetime.now(UTC)
    x = XmpInformation.create()
    x.dc_title = {"x-default": title}
    x.dc_creator = [author]
    x.dc_language = ["sv-SE"]
    x.dc_format = "application/pdf"
    x.xmp_creator_tool = "btdesk"
    x.pdf_producer = "btdesk (reportlab, pypdf)"
    x.xmp_create_date = when
    x.xmp_modify_date = when
    x.xmp_metadata_date = when
    w.xmp_metadata = x
    w.add_metadata({"/Title": title, "/Author": author, "/Creator": "btdesk"})
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()
