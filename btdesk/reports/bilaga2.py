"""Bilaga 2 – INTYG om delmål i bastjänstgöringen, in the form's words and order."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from btdesk.reports import official_forms as of
from btdesk.reports.data import CertificateData
from btdesk.reports.lookalike import applicant, boxes, signer, statement, title

SIGNER = {"Ort och datum": of.PLACE_DATE, "Namnförtydligande": of.NAME_CLARIFIED, "Personnummer": of.SIGNER_PNR,
          "Specialitet": of.SPECIALTY, "Tjänsteställe": of.WORKPLACE}


def story(data: CertificateData) -> list[Flowable]:
    v = data.values
    return [*title("bilaga2", v.get(of.BILAGA_NR, "")), *applicant(v), Spacer(1, 3 * mm),
            boxes([(of.B2_DELMAL_LABEL, v.get(of.B2_DELMAL, ""))]),
            boxes([(of.B2_ACTIVITIES_LABEL, v.get(of.B2_ACTIVITIES, ""), 6 * mm)]),
            boxes([(of.B2_CHECKS_LABEL, v.get(of.B2_CHECKS, ""), 6 * mm)]),
            Spacer(1, 4 * mm), statement(of.B2_STATEMENT), Spacer(1, 2 * mm),
            signer(of.SIGNER_LABELS, {label: v.get(f, "") for label, f in SIGNER.items()})]
