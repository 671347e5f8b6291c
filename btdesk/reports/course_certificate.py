"""A one-page course certificate, as a course organiser issues one: the demo's uploaded document."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from btdesk.reports.fonts import register_fonts


@dataclass(frozen=True)
class CourseCertificate:
    title: str
    lines: tuple[str, ...]


def render(data: CourseCertificate, out: Path) -> None:
    from reportlab.pdfgen import canvas

    font = register_fonts()
    # the stubs type initialFontName as a float; reportlab takes the font's name (no unembedded Helvetica)
    c = canvas.Canvas(str(out), initialFontName=font)  # type: ignore[arg-type]
    c.setFont(font, 18)
    c.drawString(72, 760, data.title)
    c.setFont(font, 12)
    for i, line in enumerate(data.lines):
        c.drawString(72, 730 - 18 * i, line)
    c.save()
