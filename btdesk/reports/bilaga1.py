"""Bilaga 1 – ANSÖKAN om intyg om godkänd bastjänstgöring, in the form's words and order.

The application makes no claim of its own: it carries the applicant's details and the list
of attached certificates, numbered by the applicant."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from btdesk.reports import official_forms as of
from btdesk.reports.data import CertificateData
from btdesk.reports.lookalike import boxes, heading, title
from btdesk.reports.styles import esc, styles


def story(data: CertificateData) -> list[Flowable]:
    st, v = styles(), data.values
    lab = dict(zip(of.APPLICANT_LABELS, of.B1_FIELDS, strict=True))

    def b(label: str) -> tuple[str, str]:
        return label, v.get(lab[label], "")

    out: list[Flowable] = [*title("bilaga1", None),
                           Paragraph("Till<br/><b>Socialstyrelsen</b><br/>106 30 Stockholm", st.body),
                           Spacer(1, 3 * mm), Paragraph(esc(of.PERSONAL_DATA), st.small), Spacer(1, 3 * mm),
                           heading("Sökande"),
                           boxes([b("Efternamn"), b("Förnamn"), b("Personnummer")], [0.38, 0.38, 0.24]),
                           boxes([b("Utdelningsadress"), b("Postnummer"), b("Postort")], [0.5, 0.18, 0.32]),
                           boxes([b("Telefon privat (inkl. riktnummer)"), b("E-postadress")], [0.4, 0.6]),
                           boxes([b("Arbetsplats"), b("Telefon arbetet (inkl. riktnummer)")], [0.6, 0.4]),
                           heading("Utbildning"), Paragraph("<b>Läkarexamen</b>", st.body),
                           boxes([("Land", v.get("Land", "")), (of.DATE_LABEL, v.get("Datum ååmmdd", ""))],
                                 [0.7, 0.3]),
                           Spacer(1, 2 * mm), Paragraph("<b>Legitimation/motsvarande bevis om behörighet</b>", st.body)]
    for land, datum in of.B1_LICENCES:
        out.append(boxes([("Land", v.get(land, "")), (of.DATE_LABEL, v.get(datum, ""))], [0.7, 0.3]))
    out += [PageBreak(), heading("Förteckning över bifogade intyg")]
    for (row, nr_label), field in zip(of.ATTACHMENT_ROWS, of.B1_ATTACHMENTS, strict=True):
        out.append(boxes([("", row), (nr_label, v.get(field, ""))], [0.7, 0.3]))
    out += [Spacer(1, 6 * mm), heading("Sökandens underskrift"),
            boxes([("Namnteckning", "", 9 * mm), ("Ort och datum", v.get(of.PLACE_DATE, ""))])]
    return out
