"""One signed assessment on one page: instrument, context, ratings, feedback, signer."""
from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from btdesk.reports import forms
from btdesk.reports.data import AssessmentPrint
from btdesk.reports.layout import CONTENT_W
from btdesk.reports.styles import OK, esc, grid_style, styles


def story(data: AssessmentPrint) -> list[Any]:
    st = styles()
    item = data.item
    context = [[("Läkare", data.doctor), ("Datum", item.date), ("Placering", item.placement or "–")],
               [("Delmål", ", ".join(item.delmal) or "–"),
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
    color = OK.hexval()[2:] if item.trusted else "5b6773"  # green only for trusted evidence
    out += [Spacer(1, 6 * mm),
            Paragraph(f'<font color="#{color}"><b>{esc(item.trust)}</b></font> · {esc(item.signer)} · '
                      f"post {esc(item.id)} · version-hash {esc(item.hash)}", st.small)]
    return out



def render(data: AssessmentPrint, out: str | Path | BinaryIO) -> None:
    item = data.item
    forms.write(str(out) if isinstance(out, (str, Path)) else out, "Bedömning", item.title, data.doctor,
                story(data), header="Formativ bedömning under bastjänstgöring", note="utskrift ur btdesk")
