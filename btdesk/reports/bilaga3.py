"""Bilaga 3 – Intyg om fullgjord bastjänstgöring: the service list from the placements."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from btdesk.reports import forms
from btdesk.reports.layout import CONTENT_W
from btdesk.reports.styles import BAND, INK, esc, styles
from btdesk.reports.util import fmt_months, period

TITLE = "Intyg om fullgjord bastjänstgöring"
MAX_ROWS = 18  # the form has 18 lines


def _part(d, tag: str) -> str:
    rows = [pl for pl in d.placements if tag in d.counts_as.get(pl.kind, ())]
    if not rows:
        return "Ingen tjänstgöring registrerad."
    total = sum(pl.planned_months for pl in rows)
    places = "; ".join(f"{pl.site or pl.kind_name} ({period(pl.start, pl.end)}, {fmt_months(pl.planned_months)} mån)"
                       for pl in rows)
    return f"{fmt_months(total)} månader i heltid: {places}"


def story(d, *, applicant_personnummer: str = "", signer_name: str = "", workplace: str = "", **_) -> list:
    st = styles()
    head = ["Tjänstgöringsställe", "Period (ååmmdd–ååmmdd)", "Omfattning i procent av heltid",
            "Antal månader i heltid"]
    rows = [[Paragraph(esc(h), st.cell_bold) for h in head]]
    pls = d.placements[:MAX_ROWS]
    for pl in pls:
        rows.append([Paragraph(esc(f"{pl.site} ({pl.kind_name})" if pl.site else pl.kind_name), st.cell),
                     period(pl.start, pl.end), f"{pl.percent} %", fmt_months(pl.planned_months)])
    rows += [["", "", "", ""]] * (6 - len(pls)) if len(pls) < 6 else []  # room for hand-written lines
    total = sum(pl.planned_months for pl in pls)
    rows.append([Paragraph("<b>Summa</b>", st.cell), "", "", fmt_months(total)])
    t = Table(rows, colWidths=[CONTENT_W - 110 * mm, 42 * mm, 34 * mm, 34 * mm], repeatRows=1)
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st.font), ("FONTSIZE", (0, 0), (-1, -1), 9),
                           ("GRID", (0, 0), (-1, -1), 0.6, INK), ("BACKGROUND", (0, 0), (-1, 0), BAND),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
                           ("FONTNAME", (3, -1), (3, -1), st.bold),
                           ("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 4)]))
    out = forms.applicant(d, applicant_personnummer)
    out += [forms.section("Tjänstgöring"), t]
    if len(d.placements) > MAX_ROWS:
        out.append(Paragraph(f"Ytterligare {len(d.placements) - MAX_ROWS} placeringar ryms inte på blanketten "
                             "och redovisas på ett eget intyg.", st.note))
    out += [Spacer(1, 3 * mm),
            *forms.fields([[("Del av tjänstgöringen som fullgjorts inom primärvård", _part(d, "primarvard"))],
                           [("Del av tjänstgöringen som fullgjorts inom akut sjukvård", _part(d, "akut"))]]),
            Spacer(1, 3 * mm),
            Paragraph("Undertecknad verksamhetschef intygar att sökanden har fullgjort bastjänstgöring enligt "
                      "ovan.", st.body),
            forms.signer_block("Verksamhetschef", name=signer_name, workplace=workplace,
                               labels=("Namnteckning", "Ort och datum", "Namnförtydligande", "Tjänsteställe"))]
    return out


def build(d, out, **kw) -> None:
    forms.write(out, "Bilaga 3", TITLE, d.doctor, story(d, **kw))
