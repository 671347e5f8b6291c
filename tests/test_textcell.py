"""The dossier's fast table cells (btdesk.reports.textcell) break lines as reportlab's Paragraph
does, keep the trust colours and the links to the assessments."""
from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as s

WORDS = s.sampled_from(["Patientfall:", "återkoppling", "på", "mini-cex", "Läkemedelsgenomgång", "å", "BT12",
                        "Södersjukhuset,", "akutmottagningen", "Överläkare", "Dr", "Erik", "Berg", "(se", "x" * 60])


@settings(max_examples=300, deadline=None)
@given(s.lists(s.lists(WORDS, min_size=1, max_size=14), min_size=1, max_size=3), s.floats(40, 300))
def test_lines_break_where_a_paragraph_breaks_them(lines, width):
    from reportlab.platypus import Paragraph

    from btdesk.reports.styles import esc, styles
    from btdesk.reports.textcell import Run, TextCell

    st = styles()
    text = "\n".join(" ".join(words) for words in lines)
    para = Paragraph(esc(text), st.cell)
    _, para_h = para.wrap(width, 1e6)
    cell = TextCell([[Run(text, st.font, st.cell.textColor)]], st.cell)
    _, cell_h = cell.wrap(width, 1e6)
    para_lines = _lines_of(para)
    cell_lines = [" ".join("".join(f[0] for f in word) for word in line) for line in cell._lines(width)]
    assert cell_lines == para_lines
    assert cell_h == para_h


def _lines_of(para) -> list[str]:
    """A wrapped Paragraph's lines as text: (unused, words) for one fragment, FragLines for several."""
    if para.blPara.kind == 0:
        return [" ".join(words) for _, words in para.blPara.lines]
    return [" ".join("".join(f.text for f in line.words).split()) for line in para.blPara.lines]


def test_a_delmal_row_is_green_only_for_trusted_evidence_and_links_to_the_assessment():
    from btdesk.reports.data import EvidenceItem
    from btdesk.reports.dossier_evidence import _row, anchor
    from btdesk.reports.styles import MUTED, OK

    def item(trusted: bool) -> EvidenceItem:
        return EvidenceItem("r1", "assessment", "Bedömning", "2027-01-05", "Mini-CEX", [], [], "Erik Berg",
                            "Signerad, ej bekräftad" if not trusted else "Signerad, verifierad", True, "",
                            trusted=trusted)

    for trusted, tone in ((True, OK), (False, MUTED)):
        it = item(trusted)
        _, _, title, who = _row(it, {it.id})
        signer, trust = who.words
        assert {f[2] for w in trust for f in w} == {tone} and tone not in {f[2] for w in signer for f in w}
        assert {f[3] for w in title.words[0] for f in w if f[0] == "Mini-CEX"} == {anchor(it)}


def test_the_dossier_links_each_linked_title_to_its_assessment(tmp_path):
    """On the delmål pages, every "(se Bedömningar)" title links to a later page (the
    assessment's one full print)."""
    from datetime import date

    from pypdf import PdfReader

    from btdesk.services.demo import create_demo
    from btdesk.services.dossier import build_dossier

    p = create_demo(tmp_path / "demo")
    try:
        buf = io.BytesIO()
        build_dossier(p, buf, today=date(2028, 1, 15))
    finally:
        p.close()
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    page_of = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    seen = 0
    for i, page in enumerate(reader.pages):
        mentions = page.extract_text().count("(se Bedömningar)")
        if not mentions:
            continue
        dests = [a.get_object()["/Dest"][0].idnum for a in page.get("/Annots") or []
                 if a.get_object().get("/Subtype") == "/Link"]
        assert len(dests) >= mentions and all(page_of[d] > i for d in dests)  # a wrapped title: a rect a line
        seen += mentions
    assert seen > 0


def test_a_grid_table_is_as_tall_and_splits_where_a_reportlab_table_does():
    """GridTable stands in for a Table with grid_style and a repeated header: the same row
    heights and the same page breaks, so the dossier's pages are the same."""
    from reportlab.platypus import Table, TableStyle

    from btdesk.reports.gridtable import GridTable
    from btdesk.reports.styles import MUTED, grid_style, styles
    from btdesk.reports.textcell import Run, TextCell

    st = styles()
    head = ["Datum", "Typ", "Innehåll", "Signerare / status"]
    widths = [54.0, 76.5, 250.0, 102.0]

    def rows(i: int) -> list:
        title = "Patientfall: återkoppling på mini-cex " * (1 + i % 4)
        return [f"2027-01-{1 + i % 28:02d}", "Klinisk aktivitet", TextCell([[Run(title, st.font, st.cell.textColor)]],
                                                                           st.cell),
                (f"Dr Erik Berg\nSignerad, ej bekräftad{chr(10) + 'x' if i % 5 == 0 else ''}", MUTED)]

    data = [rows(i) for i in range(40)]
    table = Table([head] + [[c[0] if isinstance(c, tuple) else c for c in r] for r in [rows(i) for i in range(40)]],
                  colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    grid = GridTable(head, data, widths)
    assert grid.wrap(483, 700) == table.wrap(483, 700)
    for avail in (40.0, 100.0, 333.3, 700.0):
        parts_t, parts_g = table.split(483, avail), grid.split(483, avail)
        assert len(parts_g) == len(parts_t)
        if len(parts_t) == 2:
            assert [p.wrap(483, 700)[1] for p in parts_g] == [p.wrap(483, 700)[1] for p in parts_t]


def test_the_tables_write_the_very_operators_reportlab_writes():
    """LineText (each distinct string made once per document) and the fonts that split each text
    once write what reportlab's own text object and plain TTFonts write, byte for byte: across
    two fonts, colours, repeated strings and more characters than one font subset holds (so the
    text object switches subsets back and forth)."""
    from reportlab.lib.colors import black, red
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from btdesk.reports.fonts import BOLD, REGULAR, register_fonts
    from btdesk.reports.textcell import LineText
    from btdesk.resources import resource_path

    register_fonts()
    plain = {REGULAR: "PlainDejaVuSans", BOLD: "PlainDejaVuSans-Bold"}
    for ours, name in plain.items():
        file = "DejaVuSans-Bold.ttf" if ours == BOLD else "DejaVuSans.ttf"
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    many = "".join(chr(c) for r in ((0x100, 0x180), (0x391, 0x3CA), (0x400, 0x460)) for c in range(*r))
    texts = ["Egen anteckning", "Amira Haddad", many, "Egen anteckning", "åäö ÅÄÖ", many[::-1],
             "Amira Haddad", "Ωmega – Egen anteckning", "Egen anteckning"] * 2

    def write(canv: Canvas, tx, fonts: dict[str, str]) -> str:
        font = None
        for i, text in enumerate(texts):
            tx.setTextOrigin(10, 800 - 12 * i)
            if font != (want := fonts[BOLD if i % 7 == 6 else REGULAR]):  # as the tables: on a change
                tx.setFont(want, 8.5)
                font = want
            tx.setFillColor(red if i % 4 == 0 else black)
            tx.textOut(text)
        return tx.getCode()

    theirs = Canvas(io.BytesIO())
    expected = write(theirs, theirs.beginText(), plain)
    mine = Canvas(io.BytesIO())
    got = write(mine, LineText(mine), {REGULAR: REGULAR, BOLD: BOLD})
    assert "+1 8.5 Tf" in expected and "+0 8.5 Tf" in expected  # subsets switched to and back
    assert got == expected  # each document names its fonts in the order they are first used
