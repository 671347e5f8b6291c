"""A portfolio holds no patient data: warn when free text looks like a personnummer."""
from __future__ import annotations

import re
from datetime import date

from btdesk.services.personnummer import luhn_ok

# YYMMDD or YYYYMMDD, optional - or +, four digits; day 61–91 is a samordningsnummer
_PNR = re.compile(r"(?<!\d)(?:19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?!\d)")


def find_personnummer(text: str) -> list[str]:
    hits = []
    for m in _PNR.finditer(text or ""):
        yy, mm, dd, tail = m.groups()
        day = int(dd) - 60 if int(dd) > 60 else int(dd)
        try:
            date(2000, int(mm), day)
        except ValueError:
            continue
        if luhn_ok(yy + mm + dd + tail):
            hits.append(m.group(0))
    return hits


def privacy_warnings(*texts: str) -> list[str]:
    found = [h for t in texts for h in find_personnummer(t)]
    if not found:
        return []
    return [
        f"Texten innehåller något som liknar ett personnummer ({found[0]}); "
        "en portfölj får inte innehålla patientuppgifter."
    ]
