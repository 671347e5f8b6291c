"""Bilaga 4 – INTYG om uppnådd baskompetens: the two official statements, one per signer."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from btdesk.reports import official_forms as of
from btdesk.reports.data import CertificateData
from btdesk.reports.lookalike import applicant, signer, statement, title

LABELS = ("Ort och datum", "Namnförtydligande", "Personnummer", "Specialitet", "Tjänsteställe")
FIRST = dict(zip(LABELS, (of.PLACE_DATE, of.NAME_CLARIFIED, of.SIGNER_PNR, of.SPECIALTY, of.WORKPLACE),
                 strict=True))
SECOND = dict(zip(LABELS, of.B4_SECOND, strict=True))


def story(data: CertificateData) -> list[Flowable]:
    v = data.values
    return [*title("bilaga4", v.get(of.BILAGA_NR, "")), *applicant(v), Spacer(1, 5 * mm),
            statement(of.B4_HANDLEDARE), Spacer(1, 2 * mm),
            signer(of.SIGNER_LABELS, {label: v.get(f, "") for label, f in FIRST.items()}), Spacer(1, 8 * mm),
            statement(of.B4_EXTERN), Spacer(1, 2 * mm),
            signer(of.SIGNER_LABELS, {label: v.get(f, "") for label, f in SECOND.items()})]
