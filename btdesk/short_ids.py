"""Short forms of long identifiers — key fingerprints (64 hex digits) and certificate serials
(up to 48 decimal digits) — shown to people, and accepted back wherever one thing matches."""
from __future__ import annotations

import re
from collections.abc import Iterable

from btdesk.errors import BtdeskError
from btdesk.i18n import _

MIN_PREFIX = 4  # fewer digits match too much to be worth typing
SHORT = 8  # what the window and the tables show


def clean_hex(text: str) -> str:
    """What people paste: spaces, colons, a 0x, upper case."""
    t = re.sub(r"[\s:]", "", str(text)).lower()
    return t[2:] if t.startswith("0x") else t


def short_fingerprint(fp: str) -> str:
    return clean_hex(fp)[:SHORT]


def short_serial(serial: int | str) -> str:
    """A serial as the first hex digits people type back (`btdesk unit revoke 3f9a1c0e`)."""
    return format(int(serial), "x")[:SHORT]


def unique_prefix(text: str, candidates: Iterable[str], what: str) -> str | None:
    """The one candidate that starts with text (both lower-case hex); None when none does.
    Too short a prefix, or one that fits several, is refused in one sentence."""
    want = clean_hex(text)
    if not re.fullmatch(r"[0-9a-f]+", want or "-"):
        raise BtdeskError(_("”{text}” är inget {what}; ange dess hexadecimala siffror.").format(
                              text=text, what=what))
    if len(want) < MIN_PREFIX:
        raise BtdeskError(_("Ange minst {MIN_PREFIX} siffror ({what}).").format(MIN_PREFIX=MIN_PREFIX, what=what))
    hits = sorted({c for c in candidates if c.startswith(want)})
    if len(hits) > 1:
        raise BtdeskError(_("”{text}” passar mer än ett {what}; ange fler siffror.").format(text=text, what=what))
    return hits[0] if hits else None
