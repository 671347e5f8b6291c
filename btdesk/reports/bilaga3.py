"""Bilaga 3 – INTYG om fullgjord bastjänstgöring: the service list (18 rows) in the form's words."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from btdesk.reports import official_forms as of
from btdesk.reports.data import CertificateData
from btdesk.reports.layout import CONTENT_W
from btdesk.reports.lookalike import applicant, boxes, heading, signer, statement, title
from btdesk.reports.styles import BAND, INK, esc, styles

SIGNER = {"Ort och datum": of.PLACE_DATE, "Namnförtydligande": of.NAME_CLARIFIED, "Tjänsteställe": of.WORKPLACE}


def service_table(v: dict[str, str]) -> Table:
    st = styles()
    rows: list[list[object]] = [[Paragraph(esc(h), st.label) for h in of.B3_COLUMNS]]
    for n in range(1, of.B3_ROWS + 1):
        place, period, pct, months = (v.get(f, "") for f in of.b3_row(n))
        rows.append([Paragraph(esc(place), st.cell), period, pct, months])
    rows.append(["", "", Paragraph("<b>Summa</b>", st.cell_right), v.get(of.B3_SUM, "")])
    t = Table(rows, colWidths=[CONTENT_W - 100 * mm, 36 * mm, 32 * mm, 32 * mm])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st.font), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                           ("GRID", (0, 0), (-1, -2), 0.5, INK), ("BOX", (3, -1), (3, -1), 0.5, INK),
                           ("BACKGROUND", (0, 0), (-1, 0), BAND), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("TOPPADDING", (0, 1), (-1, -1), 1.5),
                           ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5)]))
    return t


def story(data: CertificateData) -> list[Flowable]:
    st, v = styles(), data.values
    return [*title("bilaga3", v.get(of.BILAGA_NR, "")), *applicant(v),
            heading("Tjänsteförteckning"), Paragraph("Redovisning av bastjänstgöring", st.body), Spacer(1, 1 * mm),
            service_table(v), Spacer(1, 3 * mm),
            heading(of.B3_PRIMARVARD_HEAD), boxes([(of.B3_PRIMARVARD_GUIDE, v.get(of.B3_PRIMARVARD, ""), 3 * mm)]),
            heading(of.B3_AKUT_HEAD), boxes([(of.B3_AKUT_GUIDE, v.get(of.B3_AKUT, ""), 3 * mm)]),
            Spacer(1, 4 * mm), statement(of.B3_STATEMENT), Spacer(1, 2 * mm),
            signer(of.B3_SIGNER_LABELS, {label: v.get(f, "") for label, f in SIGNER.items()})]
