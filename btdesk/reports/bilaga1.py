"""Bilaga 1 – Ansökan om intyg om godkänd bastjänstgöring, with its list of attachments."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from btdesk.reports import forms
from btdesk.reports.layout import CONTENT_W
from btdesk.reports.styles import BAND, INK, esc, styles

TITLE = "Ansökan om intyg om godkänd bastjänstgöring"
ATTACHMENT_KINDS = ("Delmål i bastjänstgöringen", "Fullgjord bastjänstgöring", "Uppnådd baskompetens",
                    "Tjänstgöring före legitimation", "Utländsk tjänstgöring")


def story(d, *, applicant_personnummer: str = "", contact: dict | None = None,
          attachments: dict[str, str] | None = None, **_) -> list:
    """`contact` may carry the applicant's address fields by their form labels; `attachments` maps an
    attachment kind to its Bilaga numbers as written on the form (e.g. "2:1–2:6")."""
    st = styles()
    c = contact or {}
    last, first = forms.split_name(d.doctor)
    n_b2 = sum(1 for s in d.delmal if s.items)
    att = {"Delmål i bastjänstgöringen": f"Bilaga 2 ({n_b2} intyg)" if n_b2 else "Bilaga 2",
           "Fullgjord bastjänstgöring": "Bilaga 3", "Uppnådd baskompetens": "Bilaga 4",
           **(attachments or {})}
    out = [forms.section("Personuppgifter"), *forms.fields([
        [("Efternamn", last), ("Förnamn", first), ("Personnummer", applicant_personnummer)],
        [("Utdelningsadress", c.get("Utdelningsadress", "")), ("Postnummer", c.get("Postnummer", "")),
         ("Postort", c.get("Postort", ""))],
        [("Telefon privat", c.get("Telefon privat", "")), ("E-postadress", c.get("E-postadress", ""))],
        [("Arbetsplats", c.get("Arbetsplats", "")), ("Telefon arbetet", c.get("Telefon arbetet", ""))],
    ], [[0.38, 0.38, 0.24], [0.5, 0.2, 0.3], [0.4, 0.6], [0.6, 0.4]]),
        forms.section("Läkarexamen"),
        *forms.fields([[("Land", c.get("Läkarexamen land", "")), ("Datum (ååmmdd)", c.get("Läkarexamen datum", ""))]],
                      [[0.6, 0.4]]),
        forms.section("Legitimation"),
        *forms.fields([[("Land", c.get("Legitimation land", "")), ("Datum (ååmmdd)", c.get("Legitimation datum", ""))]],
                      [[0.6, 0.4]]),
        forms.section("Bifogade intyg"),
    ]
    rows = [[Paragraph("Intyg", st.cell_bold), Paragraph("Bilaga nr", st.cell_bold)]]
    rows += [[k, att.get(k, "")] for k in ATTACHMENT_KINDS]
    t = Table(rows, colWidths=[CONTENT_W * 0.6, CONTENT_W * 0.4])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st.font), ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                           ("GRID", (0, 0), (-1, -1), 0.6, INK), ("BACKGROUND", (0, 0), (-1, 0), BAND),
                           ("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 5)]))
    out += [t, Spacer(1, 4 * mm),
            Paragraph(f"Sökanden har fullgjort bastjänstgöring inom {esc(d.programme)}"
                      f"{', ' + esc(d.start) + ' – ' + esc(d.end) if d.start and d.end else ''}.", st.body),
            forms.signer_block("Sökandens underskrift", labels=("Namnteckning", "Ort och datum"))]
    return out


def build(d, out, **kw) -> None:
    forms.write(out, "Bilaga 1", TITLE, d.doctor, story(d, **kw))
