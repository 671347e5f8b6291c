"""The last touches that make a btdesk PDF fit for an archive: the attached files embedded as
PDF file attachments, an XMP metadata packet, and a header that already says the version (2.0)
a later PAdES signature needs, so signing never leaves header and catalog disagreeing.

They are written by reportlab as it lays the document out (`FINISHED_PDF_VERSION` for its
canvas, `finish_catalog` before it saves), not by reading the finished file back and writing it
again: that second pass cost about an eighth of the dossier's time, and loading the PDF
library for it about as much as reportlab's whole page floor."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import XMP, PDFArray, PDFDictionary, PDFName, PDFStream, PDFString
from reportlab.pdfgen.canvas import Canvas

from btdesk.reports.data import Attachment

FINISHED_PDF_VERSION = (2, 0)  # pyHanko signs ECDSA P-256 under ISO 32002, a PDF 2.0 extension: no bump later
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


class _IndirectDictionary(PDFDictionary):
    """A dictionary written as an object of its own and referred to (a file specification)."""
    __RefOnly__ = 1


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


def xmp_packet(title: str, author: str, when: datetime) -> bytes:
    """The document's XMP metadata (Dublin Core title, creator, language and format; the tool and
    the dates), UTF-8 as XMP must be."""
    stamp = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    t, a = escape(title), escape(author)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="{_RDF}">\n'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>\n'
        f'<dc:creator><rdf:Seq><rdf:li>{a}</rdf:li></rdf:Seq></dc:creator>\n'
        '<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li></rdf:Bag></dc:language>\n'
        '<dc:format>application/pdf</dc:format>\n'
        '<xmp:CreatorTool>btdesk</xmp:CreatorTool><pdf:Producer>btdesk (reportlab)</pdf:Producer>\n'
        f'<xmp:CreateDate>{stamp}</xmp:CreateDate><xmp:ModifyDate>{stamp}</xmp:ModifyDate>'
        f'<xmp:MetadataDate>{stamp}</xmp:MetadataDate>\n'
        '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="r"?>'
    ).encode()  # UTF-8, as XMP must be


def _embedded_files(attachments: Sequence[Attachment]) -> PDFDictionary | None:
    """The catalog's /Names entry with an /EmbeddedFiles name tree of the files held (keys in
    order, as a name tree needs); None when there are none."""
    files = [a for a in attachments if a.content is not None]
    if not files:
        return None
    named = sorted(zip(_unique([a.filename or f"{a.sha256[:16]}.bin" for a in files]), files, strict=True),
                   key=lambda pair: pair[0])
    entries: list[object] = []
    for name, a in named:
        data = a.content or b""
        stream = PDFStream(PDFDictionary({"Type": PDFName("EmbeddedFile"),
                                          "Params": PDFDictionary({"Size": len(data)})}), data)
        spec = _IndirectDictionary({"Type": PDFName("Filespec"), "F": PDFString(name), "UF": PDFString(name),
                              "EF": PDFDictionary({"F": stream})})
        entries += [PDFString(name), spec]
    return PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(entries)})})


def finish_catalog(canv: Canvas, *, title: str, author: str, attachments: Sequence[Attachment] = (),
                   now: datetime | None = None) -> None:
    """Before `canv` is saved: the files embedded and the XMP packet in its catalog (reportlab
    writes the document information dictionary itself)."""
    packet = xmp_packet(title, author, now or datetime.now(UTC))
    canv.setCatalogEntry("Metadata", XMP(creator=lambda _doc: packet))
    names = _embedded_files(attachments)
    if names is not None:
        canv.setCatalogEntry("Names", names)
