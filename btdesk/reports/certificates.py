"""One entry point for the four certificates: `build_certificate(p, "bilaga3", out, ...)`."""
from __future__ import annotations

import importlib
from datetime import date

from btdesk.errors import BtdeskError

KINDS = ("bilaga1", "bilaga2", "bilaga3", "bilaga4")


def build_certificate(p, kind: str, out, *, today: date | None = None, **options) -> None:
    """Options by form: applicant_personnummer, personnummer (the signer's, never stored),
    delmal / activities / checked (Bilaga 2), signer_name, specialty, workplace, external_name."""
    if kind not in KINDS:
        raise BtdeskError(f"Unknown certificate {kind!r}; use one of {', '.join(KINDS)}.")
    from btdesk.services.dossier import gather

    importlib.import_module(f"btdesk.reports.{kind}").build(gather(p, today), out, **options)
