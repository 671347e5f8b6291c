"""Bilaga 2 – Intyg om delmål i bastjänstgöringen, one per delmål or group of delmål.

The two free-text fields are pre-filled from the evidence; a caller passes edited texts
to print them instead."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from btdesk.errors import BtdeskError
from btdesk.reports import forms
from btdesk.reports.styles import esc, styles

TITLE = "Intyg om delmål i bastjänstgöringen"
MAX_LINES = 14  # beyond this the form stops being readable; the rest is summarised


def _sections(d, delmal: list[str] | None):
    wanted = [x.strip().upper() for x in (delmal or []) if x.strip()]
    known = {s.id: s for s in d.delmal}
    bad = [x for x in wanted if x not in known]
    if bad:
        raise BtdeskError(f"Unknown delmål {', '.join(bad)}; use BT1 to BT18.")
    return [known[x] for x in wanted] if wanted else list(d.delmal)


def _lines(items, limit=MAX_LINES) -> str:
    items = list(dict.fromkeys(items))
    more = len(items) - limit
    text = "\n".join(f"• {x}" for x in items[:limit])
    return text + (f"\n• samt {more} ytterligare (se portföljen)" if more > 0 else "")


def activities_text(sections) -> str:
    items = [f"{it.kind_label}: {it.title} ({it.date})" for s in sections for it in s.items
             if it.kind in ("activity", "document", "reflection")]
    return _lines(items) or "Inga aktiviteter dokumenterade."


def checked_text(sections) -> str:
    items = []
    for s in sections:
        for it in s.items:
            if it.kind == "assessment":
                who = f"{it.signer}, {it.trust.lower()}" if it.signer else it.trust.lower()
                items.append(f"{it.title} {it.date} ({who})")
    talks = sum(1 for s in sections for it in s.items if it.kind == "talk")
    if talks:
        items.append(f"Handledningssamtal: {talks} dokumenterade")
    return _lines(items) or "Inga bedömningar dokumenterade."


def story(d, *, delmal: list[str] | None = None, activities: str | None = None, checked: str | None = None,
          applicant_personnummer: str = "", personnummer: str = "", signer_name: str = "", specialty: str = "",
          workplace: str = "", **_) -> list:
    st = styles()
    secs = _sections(d, delmal)
    which = "\n".join(f"{s.id} – {s.title}" for s in secs)
    return [
        *forms.applicant(d, applicant_personnummer),
        Spacer(1, 2 * mm),
        *forms.fields([[("Delmål som intyget avser", which)],
                       [("Utbildningsaktiviteter som sökanden genomfört för att uppnå delmål",
                         activities if activities is not None else activities_text(secs), 4 * mm)],
                       [("Hur det kontrollerats att sökanden uppnått delmål",
                         checked if checked is not None else checked_text(secs), 4 * mm)]]),
        Spacer(1, 4 * mm),
        Paragraph("Undertecknad handledare intygar att sökanden har uppnått "
                  f"{'delmålet' if len(secs) == 1 else 'delmålen'} enligt ovan.", st.body),
        forms.signer_block("Handledare", name=signer_name, personnummer=personnummer, specialty=specialty,
                           workplace=workplace),
    ]


def build(d, out, **kw) -> None:
    forms.write(out, "Bilaga 2", TITLE, d.doctor, story(d, **kw))
