"""Swedish personnummer (and samordningsnummer): checked by date and check digit, written
the way Socialstyrelsen's forms want it (ÅÅÅÅMMDD-NNNN)."""
from __future__ import annotations

import re
from datetime import date

from btdesk.errors import BtdeskError
from btdesk.i18n import _

_FORM = re.compile(r"^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$")


def luhn_ok(nine_plus_one: str) -> bool:
    """The Luhn check over the ten digits ÅÅMMDDNNNC."""
    total = 0
    for i, ch in enumerate(nine_plus_one):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def normalize(text: str) -> str:
    """ÅÅÅÅMMDD-NNNN, or a BtdeskError in one sentence; an empty text stays empty."""
    raw = re.sub(r"\s", "", text or "")
    if not raw:
        return ""
    m = _FORM.match(raw)
    if not m:
        raise BtdeskError(_("”{text}” är inget personnummer (ÅÅÅÅMMDD-NNNN).").format(text=text))
    century, yy, mm, dd, sep, serial, check = m.groups()
    day = int(dd) - 60 if int(dd) > 60 else int(dd)  # a samordningsnummer adds 60 to the day
    if not luhn_ok(f"{yy}{mm}{dd}{serial}{check}"):
        raise BtdeskError(_("Personnumret {text} har fel kontrollsiffra.").format(text=text))
    year = int(century + yy) if century else _year(int(yy), sep == "+")
    try:
        date(year, int(mm), day)
    except ValueError:
        raise BtdeskError(_("Personnumret {text} har inget giltigt datum.").format(text=text)) from None
    return f"{year:04d}{mm}{dd}-{serial}{check}"


def _year(yy: int, over_hundred: bool) -> int:
    """Ten digits: the century is the latest one that puts the birth in the past (100 more with '+')."""
    this = date.today().year
    year = this - (this - yy) % 100
    return year - 100 if over_hundred else year
