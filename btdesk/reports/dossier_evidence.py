"""The dossier's delmål pages and its assessments section.

Each signed assessment is printed once, in the assessments section, with every signed field in
its form's order and how far its signature can be trusted, in words; green only for trusted
(verified or confirmed) signatures, a neutral grey otherwise. A delmål page summarises its
evidence and links to the assessments instead of repeating them.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from btdesk.reports.data import DelmalSection, DossierData, EvidenceItem
from btdesk.reports.gridtable import GridTable
from btdesk.reports.layout import CONTENT_W, Heading, ProgressMark
from btdesk.reports.styles import ACCENT, MUTED, OK, esc, grid_style, styles
from btdesk.reports.textcell import Run, TextCell

KIND_PLURAL = {"assessment": "bedömningar", "activity": "aktiviteter", "talk": "samtal", "document": "dokument",
               "reflection": "reflektioner"}


def anchor(item: EvidenceItem) -> str:
    return f"a_{item.id}"


def trust_markup(item: EvidenceItem) -> str:
    tone = OK if item.trusted else MUTED  # never green for what is not trusted
    return f'<font color="#{tone.hexval()[2:]}">{esc(item.trust)}</font>'


def _summary(sec: DelmalSection) -> str:
    counts = Counter(it.kind for it in sec.items)
    trusted = sum(1 for it in sec.items if it.kind == "assessment" and it.trusted)
    parts = [f"{n} {KIND_PLURAL.get(k, k)}" for k, n in sorted(counts.items(), key=lambda x: x[0])]
    if counts.get("assessment"):
        parts.append(f"varav {trusted} bedömningar med betrodd signatur")
    return ", ".join(parts) or "inget underlag"


def _row(it: EvidenceItem, linked: set[str]) -> list[Any]:
    st = styles()
    font, ink = st.font, st.cell.textColor
    title = [Run(it.title, font, ink)]
    if it.id in linked:  # to the assessment's one full print, under Bedömningar
        title = [Run(it.title, font, ACCENT, anchor(it)), Run(" (se Bedömningar)", font, ink)]
    tone = (OK if it.trusted else MUTED) if it.signed else ink  # never green for what is not trusted
    return [it.date, it.kind_label, TextCell([title], st.cell),
            TextCell([[Run(it.signer, font, ink)], [Run(it.trust, font, tone)]], st.cell)]


def delmal(d: DossierData) -> list[Any]:
    st = styles()
    linked = {a.id for a in d.assessments}
    # an entry tagged with several delmål is one row under each: its cells made and broken once
    # (a GridTable gives a cell its width before it draws it, so tables may share a cell)
    made: dict[str, list[Any]] = {}
    out: list[Any] = [PageBreak(), Heading("Delmål BT1–BT18", "delmal"),
                      Paragraph("För varje delmål: kompetenskraven och en sammanfattning av underlaget. Signerade "
                                "bedömningar visas i sin helhet en gång, under Bedömningar; här länkar de dit. Där "
                                "läkaren valt ut underlag visas urvalet, annars allt som är kopplat till delmålet.",
                                st.body), Spacer(1, 4 * mm)]
    for sec in d.delmal:
        out.append(CondPageBreak(70 * mm))  # a delmål starts on the page where it fits, never alone at its foot
        out.append(Heading(f"{sec.id} – {sec.title}", f"d_{sec.id}", level=1, outline_title=f"{sec.id} {sec.title}"))
        out.append(Paragraph("Kompetenskrav", st.h3))
        out += [Paragraph(esc(k), st.bullet, bulletText="•") for k in sec.kompetenskrav]
        chosen = ", urval gjort av läkaren" if sec.curated else ""
        out.append(Paragraph(f"Underlag: {esc(_summary(sec))}{chosen}", st.h3))
        if not sec.curated and sec.items:
            out.append(Paragraph("Läkaren har inte valt ut underlag för detta delmål; nedan visas allt "
                                 "underlag som är kopplat till delmålet.", st.note))
        if sec.items:
            w = [19 * mm, 27 * mm, 0, 48 * mm]
            w[2] = CONTENT_W - sum(w)
            out.append(GridTable(["Datum", "Typ", "Innehåll", "Signerare / status"],
                                 [made.get(it.id) or made.setdefault(it.id, _row(it, linked))
                                  for it in sec.items], w))
        else:
            out.append(Paragraph("Inget underlag är kopplat till detta delmål ännu.", st.note))
        out += [Spacer(1, 5 * mm), ProgressMark()]
    return out


def _assessment(it: EvidenceItem) -> list[Any]:
    st = styles()
    head = " · ".join(x for x in (it.title, it.date, it.placement) if x)
    rows = [[TextCell([[Run(label, st.bold, st.cell.textColor)]], st.cell),
             TextCell([[Run(value, st.font, st.cell.textColor)]], st.cell)] for label, value in it.fields]
    block: list[Any] = [Heading(head, anchor(it), level=1, style=st.h2, outline_title=f"{it.date} {it.title}"),
                        Paragraph(f"Signerad av {esc(it.signer)} · {trust_markup(it)}", st.cell)]
    if rows:
        t = Table(rows, colWidths=[55 * mm, CONTENT_W - 55 * mm])
        t.setStyle(TableStyle(grid_style(header=False)))
        block += [Spacer(1, 1.5 * mm), t]
    return [KeepTogether(block[:2]), *block[2:], Spacer(1, 5 * mm)]


def assessments(d: DossierData) -> list[Any]:
    st = styles()
    out: list[Any] = [PageBreak(), Heading("Bedömningar", "bedomningar"),
                      Paragraph("Varje signerad bedömning en gång, med alla signerade fält i formulärets ordning. "
                                "Statusen säger hur signaturen kontrollerats: <b>verifierad</b> (certifikat från "
                                "BT-enheten) och <b>bekräftad</b> (fingeravtrycket jämfört) räknas som betrott "
                                "underlag; <b>ej bekräftad</b> visas men räknas inte.", st.body), Spacer(1, 4 * mm)]
    if not d.assessments:
        return out + [Paragraph("Portföljen har inga signerade bedömningar.", st.note), ProgressMark()]
    for it in d.assessments:
        out.append(CondPageBreak(40 * mm))
        out += _assessment(it)
    return out + [ProgressMark()]
