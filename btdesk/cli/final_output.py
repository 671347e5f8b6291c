"""How the competence committee's table looks on the command line: text and CSV rows."""
from __future__ import annotations

from typing import Any

from btdesk.services.final.codes import JUDGEMENTS
from btdesk.services.final.committee import CommitteeRow

SHORT = {"uppnatt": "U", "ej_uppnatt": "EU", "ej_bedomt": "EB", None: "–"}

COMMITTEE_CSV = ("doctor", "fingerprint", "date", "assessor", "delmal", "extern_bedomare", "extern_comment",
                 "huvudhandledare", "huvudhandledare_comment", "agree", "outcome")


def committee_table(rows: list[CommitteeRow]) -> str:
    """Per doctor two lines — extern bedömare (E) and huvudhandledare (H) — one column per delmål."""
    if not rows:
        return "No final assessment has been scheduled yet."
    ids = list(rows[0].delmal)
    head = f"{'Doctor':<24}{'':<3}" + "".join(f"{i:>5}" for i in ids) + f"{'Overall':>9}  Outcome"
    lines = [head]
    for r in rows:
        for role, tag in (("extern_bedomare", "E"), ("huvudhandledare", "H")):
            name = f"{r.doctor[:22]}" if tag == "E" else f"  {r.date}"
            cells = "".join(f"{SHORT[r.delmal.get(i, {}).get(role)]:>5}" for i in ids)
            tail = f"{SHORT[r.overall[role]]:>9}" + (f"  {JUDGEMENTS[r.outcome]}" if tag == "E" else
                                                      ("  differ: " + ", ".join(r.disagreements)
                                                       if r.disagreements else ""))
            lines.append(f"{name:<24}{tag:<3}{cells}{tail}")
    lines.append("\nU uppnått · EU ej uppnått · EB ej bedömt · – not yet judged; "
                 "E extern bedömare, H huvudhandledare.")
    return "\n".join(lines)


def committee_csv_rows(rows: list[CommitteeRow]) -> list[list[Any]]:
    out = []
    for r in rows:
        overall = {**r.overall, "extern_bedomare_comment": None, "huvudhandledare_comment": None}
        for i, c in [*r.delmal.items(), ("overall", overall)]:
            e, h = c.get("extern_bedomare"), c.get("huvudhandledare")
            agree = "" if e is None or h is None else ("yes" if e == h else "no")
            out.append([r.doctor, r.fingerprint, r.date, r.assessor, i, JUDGEMENTS.get(e or "", ""),
                        c.get("extern_bedomare_comment") or "", JUDGEMENTS.get(h or "", ""),
                        c.get("huvudhandledare_comment") or "", agree, JUDGEMENTS[r.outcome]])
    return out
