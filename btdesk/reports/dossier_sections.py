"""The dossier's sections as flowables: cover, placements, delmål, supervision, checklists,
attachments. Pure layout of `btdesk.reports.data.DossierData`."""
from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from btdesk.reports.data import DossierData, EvidenceItem, PlacementRow
from btdesk.reports.gridtable import Cell, GridTable
from btdesk.reports.layout import CONTENT_W, Heading, ProgressMark
from btdesk.reports.styles import MUTED, OK, RULE, WARN, esc, grid_style, styles
from btdesk.reports.textcell import Run, TextCell
from btdesk.reports.util import fmt_months, sv_date
from btdesk.reports.util import iso_period as period

PALETTE = ["#1f5c8b", "#6a8f3a", "#b26a00", "#7b4d9e", "#2a8c8c", "#a83f3f"]


def _period(d: DossierData) -> str:
    """The plan's period, said to be planned while it is, and the expected end when leave or
    part-time moves it past the plan."""
    if not d.start:
        return "–"
    text = f"{sv_date(d.start)} – {sv_date(d.end)}" + (" (planerat)" if d.end and d.end > d.today else "")
    end = d.time.expected_end
    return text + (f"; beräknat slut {sv_date(end)}" if end and end != d.end and end > d.today else "")


def cover(d: DossierData) -> list[Any]:
    st = styles()
    prg = d.time
    rows = [
        ("Läkare", d.doctor),
        ("Program", f"{d.programme} ({d.region})" if d.region else d.programme),
        ("Period", _period(d)),
        ("Omfattning", f"{d.percent} % av heltid"),
        ("Huvudhandledare", d.huvudhandledare or "–"),
        ("Tjänstgöring", prg.summary or f"{fmt_months(prg.months_served)} månader tjänstgjorda · "
                                        f"planerat: {fmt_months(prg.months_planned)}"),
        ("Primärvård / akut sjukvård", f"{fmt_months(prg.primarvard_served)} / {fmt_months(prg.akut_served)} "
                                       "månader tjänstgjorda"),
        ("Sammanställd", sv_date(d.today)),
    ]
    t = Table([[Paragraph(esc(k), st.cell_bold), Paragraph(esc(v), st.body)] for k, v in rows],
              colWidths=[50 * mm, CONTENT_W - 50 * mm])
    t.setStyle(TableStyle(grid_style(header=False) + [("TOPPADDING", (0, 0), (-1, -1), 5),
                                                      ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return [
        Spacer(1, 30 * mm),
        Paragraph("Portfölj för slutbedömning", st.subtitle),
        Paragraph("Bastjänstgöring (BT)", st.title),
        Paragraph("enligt HSLF-FS 2021:8", st.subtitle),
        Spacer(1, 6 * mm),
        Paragraph(esc(d.doctor), st.h1),
        Spacer(1, 12 * mm), t, Spacer(1, 10 * mm),
        Paragraph("Dokumentet är sammanställt ur läkarens portfölj i btdesk. Varje post anger vem som "
                  "signerat den. En signerad post bär en digital signatur från den som står som signerare, "
                  "med hur den kontrollerats: <b>verifierad</b> (certifikat från BT-enheten), "
                  "<b>bekräftad</b> (fingeravtrycket kontrollerat av läkaren) eller <b>ej bekräftad</b>; "
                  "<b>Egen anteckning</b> är läkarens egen uppgift.", st.small),
        *([Paragraph(f"Läkarens certifikat, SHA-256 av certifikatet (DER): {esc(d.certificate_sha256)}",
                     st.small)] if d.certificate_sha256 else []),
        Paragraph(f"Läkarens nyckel, SHA-256 av den publika nyckeln: {esc(d.key_fingerprint)}", st.small),
    ]


def timeline(d: DossierData) -> Drawing:
    """Placements as bars along the BT period: the order and lengths at a glance. What is served is
    solid; what is planned is pale and says so, so the plan never looks like service."""
    st = styles()
    pls = d.placements
    h = 12 * mm
    dr = Drawing(CONTENT_W, h + 6 * mm, initialFontName=st.font, initialFontSize=8)
    if not pls:
        return dr
    t0, t1 = pls[0].start.toordinal(), pls[-1].end.toordinal() + 1
    scale = CONTENT_W / max(1, t1 - t0)
    for i, pl in enumerate(pls):
        x = (pl.start.toordinal() - t0) * scale
        w = (pl.end.toordinal() + 1 - pl.start.toordinal()) * scale
        solid = _color(PALETTE[i % len(PALETTE)])
        whole = Rect(x, 6 * mm, max(w - 1, 1), h, fillColor=_pale(solid), strokeColor=solid)
        whole.strokeWidth = 0.5
        dr.add(whole)
        if pl.served_until is not None:
            done = (pl.served_until.toordinal() + 1 - pl.start.toordinal()) * scale
            # None is reportlab's "no stroke"; the stubs do not know it
            dr.add(Rect(x, 6 * mm, max(min(done, w) - 1, 1), h, fillColor=solid,
                        strokeColor=None))  # type: ignore[arg-type]
        ink = _color("#ffffff") if pl.complete else _color("#1f2933")  # white on solid, dark where pale shows
        dr.add(String(x + 3, 6 * mm + h / 2, _fit(pl.kind_name, w - 6, st.bold, 8), fontName=st.bold, fontSize=8,
                      fillColor=ink))
        if not pl.begun:
            dr.add(String(x + 3, 6 * mm + h / 2 - 9, _fit("planerad", w - 6, st.font, 7), fontName=st.font,
                          fontSize=7, fillColor=ink))
        dr.add(String(x + 1, 1 * mm, pl.start.strftime("%Y-%m-%d"), fontName=st.font, fontSize=6.5,
                      fillColor=MUTED))
    return dr


def _fit(text: str, width: float, font: str, size: float) -> str:
    """The text, cut with "…" to fit the width (a short placement has a narrow bar)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…" if text else ""


def _pale(c: Any) -> Any:
    from reportlab.lib import colors

    return colors.Color(1 - (1 - c.red) * 0.25, 1 - (1 - c.green) * 0.25, 1 - (1 - c.blue) * 0.25)


def _color(hexstr: str) -> Any:
    from reportlab.lib import colors

    return colors.HexColor(hexstr)


def state(pl: PlacementRow) -> str:
    """Planned is never shown as served."""
    if not pl.begun:
        return "Planerad"
    return "Fullgjord" if pl.complete else "Pågår"


def placements(d: DossierData) -> list[Any]:
    st = styles()
    head = ["Placering", "Tjänstgöringsställe", "Handledare", "Period", "Andel", "Status", "Tjänstgjort (mån)",
            "Planerat (mån)"]
    rows: list[list[str | Flowable]] = [
        [Paragraph(h, st.cell_bold if i < 6 else st.cell_bold_right) for i, h in enumerate(head)]]
    for pl in d.placements:
        rows.append([Paragraph(esc(pl.kind_name), st.cell), Paragraph(esc(pl.site), st.cell),
                     Paragraph(esc(pl.supervisor), st.cell), Paragraph(esc(period(pl.start, pl.end)), st.cell),
                     f"{pl.percent} %",
                     state(pl), fmt_months(pl.served_months), fmt_months(pl.planned_months)])
    rows.append(["Summa", "", "", "", "", "", fmt_months(d.time.months_served), fmt_months(d.time.months_planned)])
    # wide enough that no word is split and the period (two lines) never runs into the percent
    w = [25 * mm, 35 * mm, 22 * mm, 24 * mm, 12 * mm, 16 * mm, 21 * mm]
    t = Table(rows, colWidths=w + [CONTENT_W - sum(w)], repeatRows=1)
    t.setStyle(TableStyle(grid_style() + [("ALIGN", (6, 0), (-1, -1), "RIGHT"),
                                          ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                                          ("FONTNAME", (0, -1), (-1, -1), st.bold),
                                          ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE)]))
    prg = d.time
    req = [("Primärvård", prg.primarvard_served), ("Akut sjukvård", prg.akut_served)]
    sums = Table([["Del av tjänstgöringen", "Tjänstgjort (mån)", "Krav enligt HSLF-FS 2021:8"]] +
                 [[k, fmt_months(v), "minst 3 månader " + ("– uppfyllt" if v >= 3 else "– ännu inte uppfyllt")]
                  for k, v in req], colWidths=[50 * mm, 34 * mm, CONTENT_W - 84 * mm])
    sums.setStyle(TableStyle(grid_style() + [("ALIGN", (1, 0), (1, -1), "RIGHT")]))
    out = [Heading("Placeringar", "placeringar"), timeline(d), Spacer(1, 4 * mm), t, Spacer(1, 6 * mm), sums]
    for warning in prg.warnings:
        out.append(Paragraph("⚠ " + esc(warning), st.note))
    return out


def _content(it: EvidenceItem, show_placement: bool = True) -> TextCell:
    """The title in bold; the placement in grey; the ratings, their levels in bold; each detail."""
    st = styles()
    font, bold, ink = st.font, st.bold, st.cell.textColor
    lines = [[Run(it.title, bold, ink)]]
    if it.placement and show_placement:
        lines.append([Run(it.placement, font, MUTED)])
    if it.ratings:
        ratings: list[Run] = []
        for i, (k, v) in enumerate(it.ratings):
            ratings += [Run(("; " if i else "") + f"{k}: ", font, ink), Run(v, bold, ink)]
        lines.append(ratings)
    lines += [[Run(f"{label}: {text}", font, ink)] for label, text in it.details]  # italic is DejaVu's regular
    return TextCell(lines, st.cell)


def evidence_table(items: list[EvidenceItem], show_placement: bool = True) -> GridTable:
    """A placement's talks: the content a TextCell, the rest plain strings (a year has many rows)."""
    st = styles()
    rows: list[list[Cell]] = []
    for it in items:
        # a signed record's trust verdict is a sentence that must wrap; green only for trusted evidence
        tone = OK if it.trusted else MUTED
        who: Cell = (TextCell([[Run(it.signer, st.font, tone)], [Run(it.trust, st.font, tone)]], st.cell)
                     if it.signed else (f"{_clip(it.signer)}\n{it.trust}", tone))
        rows.append([it.date, it.kind_label, _content(it, show_placement), who])
    w = [19 * mm, 27 * mm, 0, 36 * mm]
    w[2] = CONTENT_W - sum(w)
    return GridTable(["Datum", "Typ", "Innehåll", "Signerare / status"], rows, w)


def _clip(name: str, n: int = 24) -> str:
    """A string cell does not wrap: keep long signer names inside the column."""
    return name if len(name) <= n else name[: n - 1] + "…"


def supervision(d: DossierData) -> list[Any]:
    st = styles()
    out = [PageBreak(), Heading("Handledning", "handledning"),
           Paragraph("Handledningssamtal hållna jämfört med programmets rytm, per placering. "
                     "Det sista samtalet i en placering är överlämningssamtalet.", st.body), Spacer(1, 3 * mm)]
    summary = [["Placering", "Period", "Hållna", "Väntade hittills", "Väntade totalt"]]
    for pl in d.placements:
        summary.append([f"{pl.kind_name} (planerad)" if not pl.begun else pl.kind_name, period(pl.start, pl.end),
                        str(pl.talks_held), str(pl.talks_expected_by_now), str(pl.talks_expected_total)])
    t = Table(summary, colWidths=[40 * mm, 40 * mm, 25 * mm, 35 * mm, CONTENT_W - 140 * mm])
    t.setStyle(TableStyle(grid_style() + [("ALIGN", (2, 0), (-1, -1), "RIGHT")]))
    out.append(t)
    for pl in d.placements:
        talks = d.talks.get(pl.id, [])
        out.append(CondPageBreak(60 * mm))  # never a heading alone at the foot of a page
        out.append(Heading(f"{pl.kind_name}, {pl.site}", f"h_{pl.id}", level=1, style=st.h2))
        if talks:
            out.append(evidence_table(talks, show_placement=False))
        else:
            out.append(Paragraph("Inga samtal dokumenterade.", st.note))
    out.append(ProgressMark())
    return out


def checklists(d: DossierData) -> list[Any]:
    st = styles()
    type_sv = {"activity": "Aktivitet", "assessment": "Bedömning", "supervision_topic": "Handledningsämne",
               "deeper_study": "Fördjupning"}
    out = [PageBreak(), Heading("Checklistor", "checklistor")]
    for pl in d.placements:
        items = d.checklists.get(pl.id, [])
        done = sum(1 for _, _, ok in items if ok)
        out.append(CondPageBreak(60 * mm))
        title = (f"{pl.kind_name}: planerad, börjar {pl.start.isoformat()}" if not pl.begun
                 else f"{pl.kind_name}: {done} av {len(items)} klara")
        out.append(Heading(title, f"c_{pl.id}", level=1, style=st.h2))
        rows: list[list[str | Flowable]] = [["", "Typ", "Punkt"]]
        for typ, text, ok in items:
            rows.append([TextCell([[Run("✓" if ok else "○", st.font, OK if ok else WARN)]], st.cell),
                         type_sv.get(typ, typ), TextCell([[Run(text, st.font, st.cell.textColor)]], st.cell)])
        t = Table(rows, colWidths=[8 * mm, 32 * mm, CONTENT_W - 40 * mm], repeatRows=1)
        t.setStyle(TableStyle(grid_style()))
        out.append(t)
    out.append(ProgressMark())
    return out


def attachments(d: DossierData) -> list[Any]:
    st = styles()
    out = [PageBreak(), Heading("Bilagor", "bilagor"),
           Paragraph("De bifogade filerna (t.ex. kursintyg) är inbäddade i denna PDF som filbilagor; öppna dem i "
                     "PDF-läsarens bilagepanel. Kontrollsumman (SHA-256) visar att en fil är oförändrad: beräkna "
                     "den på filen och jämför.", st.body), Spacer(1, 3 * mm)]
    if not d.attachments:
        return out + [Paragraph("Portföljen har inga bifogade filer.", st.note)]
    rows: list[list[str | Flowable]] = [["Datum", "Titel och fil", "Storlek", "SHA-256"]]
    for a in d.attachments:
        where = "inbäddad" if a.content is not None else "finns inte i denna dator; ej inbäddad"
        rows.append([a.date or "–", Paragraph(f"<b>{esc(a.title)}</b><br/>{esc(a.filename)} ({where})", st.cell),
                     f"{max(1, round(a.size / 1024))} kB", Paragraph(f'<font size="6.5">{a.sha256}</font>', st.cell)])
    t = Table(rows, colWidths=[19 * mm, 58 * mm, 16 * mm, CONTENT_W - 93 * mm], repeatRows=1)
    t.setStyle(TableStyle(grid_style() + [("ALIGN", (2, 0), (2, -1), "RIGHT")]))
    return out + [t]


__all__ = ["attachments", "checklists", "cover", "placements", "supervision"]
