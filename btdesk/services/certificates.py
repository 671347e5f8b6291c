"""Socialstyrelsen's certificates (Bilaga 1–4): gather the portfolio's data, then lay it out."""
from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from btdesk.errors import BtdeskError
from btdesk.services.dossier import gather
from btdesk.services.portfolio import Portfolio

KINDS = ("bilaga1", "bilaga2", "bilaga3", "bilaga4")


def build_certificate(p: Portfolio, kind: str, out: str | Path | BinaryIO, *, today: date | None = None,
                      **options: Any) -> None:
    """Options by form: applicant_personnummer, personnummer (the signer's, never stored),
    delmal / activities / checked (Bilaga 2), signer_name, specialty, workplace, external_name."""
    if kind not in KINDS:
        raise BtdeskError(f"Unknown certificate {kind!r}; use one of {', '.join(KINDS)}.")
    importlib.import_module(f"btdesk.reports.{kind}").build(gather(p, today), out, **options)
