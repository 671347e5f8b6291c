"""Bilaga 4 – Intyg om uppnådd baskompetens: huvudhandledare and extern bedömare."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from btdesk.reports import forms
from btdesk.reports.styles import esc, styles

TITLE = "Intyg om uppnådd baskompetens"


def story(d, *, applicant_personnummer: str = "", personnummer: str = "", external_personnummer: str = "",
          external_name: str = "", **_) -> list:
    st = styles()
    hh = d.huvudhandledare.split(",")[0].strip() if d.huvudhandledare else ""
    workplace = ",".join(d.huvudhandledare.split(",")[1:]).strip() if "," in d.huvudhandledare else ""
    return [
        *forms.applicant(d, applicant_personnummer),
        Spacer(1, 4 * mm),
        Paragraph("Undertecknade intygar att sökanden har uppnått baskompetens, det vill säga samtliga delmål "
                  "för bastjänstgöringen (BT1–BT18). Bedömningen grundar sig på de formativa bedömningar och "
                  f"det underlag som dokumenterats under bastjänstgöringen inom {esc(d.programme)}.", st.body),
        Spacer(1, 2 * mm),
        forms.signer_block("Huvudhandledare", name=hh, personnummer=personnummer, workplace=workplace),
        Spacer(1, 4 * mm),
        forms.signer_block("Extern bedömare", name=external_name, personnummer=external_personnummer),
    ]


def build(d, out, **kw) -> None:
    forms.write(out, "Bilaga 4", TITLE, d.doctor, story(d, **kw))
