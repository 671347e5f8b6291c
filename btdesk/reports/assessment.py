"""One signed assessment on one page: instrument, context, ratings, feedback, signer."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from btdesk.errors import BtdeskError
from btdesk.reports import forms
from btdesk.reports.layout import CONTENT_W
from btdesk.reports.styles import OK, esc, grid_style, styles


def story(p, item, body: dict) -> list:
    st = styles()
    delmal = body.get("delmal") if isinstance(body.get("delmal"), list) else []
    context = [[("Läkare", p.profile.name), ("Datum", item.date), ("Placering", item.placement or "–")],
               [("Delmål", ", ".join(map(str, delmal)) or "–"),
                ("Signerad av", item.signer), ("Status", item.trust)]]
    out = forms.fields(context, [[0.34, 0.2, 0.46], [0.34, 0.33, 0.33]])
    if item.ratings:
        rows = [["Domän", "Bedömning"]] + [[Paragraph(esc(k), st.cell), Paragraph(esc(v), st.cell)]
                                            for k, v in item.ratings]
        t = Table(rows, colWidths=[CONTENT_W * 0.55, CONTENT_W * 0.45])
        t.setStyle(TableStyle(grid_style()))
        out += [forms.section("Bedömning per domän"), t]
    fb = [d for d in item.details]
    if fb:
        out.append(forms.section("Återkoppling"))
        out += forms.fields([[(label, text)] for label, text in fb])
    color = OK.hexval()[2:] if item.signed else "5b6773"
    out += [Spacer(1, 6 * mm),
            Paragraph(f'<font color="#{color}"><b>{esc(item.trust)}</b></font> · {esc(item.signer)} · '
                      f"post {esc(item.id)} · version-hash {esc(getattr(item, 'hash', ''))}", st.small)]
    return out


def build_assessment(p, record_id: str, out) -> None:
    from btdesk.services.bt import placements
    from btdesk.services.dossier import describe

    try:
        r = p.get(record_id)
    except Exception:
        raise BtdeskError(f"No record {record_id} in this portfolio.") from None
    if r.kind != "assessment":
        raise BtdeskError(f"Record {record_id} is a {r.kind}, not an assessment.")
    names = {pl.id: f"{pl.kind_name}, {pl.site}" for pl in placements(p)}
    item = describe(p, r, names)
    item.hash = r.hash
    forms.write(str(out) if isinstance(out, (str, Path)) else out, "Bedömning", f"{item.title}", p.profile.name,
                story(p, item, r.body if isinstance(r.body, dict) else {}),
                header="Formativ bedömning under bastjänstgöring", note="utskrift ur btdesk")
