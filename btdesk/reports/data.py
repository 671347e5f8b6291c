"""What the reports lay out: plain values, gathered by a service before `render` is called.

Nothing here knows the store, the services or identity; a report prints what it is given.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction


@dataclass
class EvidenceItem:
    id: str
    kind: str
    kind_label: str  # Swedish: "Bedömning", "Kurs", …
    date: str
    title: str
    details: list[tuple[str, str]]  # (label, text) lines shown under the title
    ratings: list[tuple[str, str]]  # (domain, level label), assessments only, in the template's order
    signer: str
    trust: str  # in words: "Egen anteckning", "Signatur verifierad (…)", …
    signed: bool
    placement: str  # the placement's name, or ""
    trusted: bool = False  # verified or confirmed: the only evidence that counts
    hash: str = ""
    delmal: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)  # every signed field, template order


@dataclass
class DelmalSection:
    id: str
    title: str
    kompetenskrav: list[str]
    items: list[EvidenceItem]
    curated: bool  # False: nothing chosen by the doctor; the items are everything linked


@dataclass
class Attachment:
    title: str
    filename: str
    sha256: str
    size: int
    date: str
    content: bytes | None = None  # the file itself, embedded in the PDF when present


@dataclass(frozen=True)
class PlacementRow:
    """One placement with what has been served of it by the report's date."""
    id: str
    kind: str
    kind_name: str
    site: str
    supervisor: str
    start: date
    end: date
    percent: int
    planned_months: Fraction  # the whole placement, full-time equivalent, leave subtracted
    served_months: Fraction  # served by the report's date, leave subtracted
    served_until: date | None  # the last day served, None when it has not begun
    leave_months: Fraction = Fraction(0)  # what leave takes from the whole placement
    # served by the report's date, period by period: (first day, last day, percent of full time), leave taken out
    periods: tuple[tuple[date, date, Fraction], ...] = ()
    talks_held: int = 0
    talks_expected_by_now: int = 0
    talks_expected_total: int = 0

    @property
    def begun(self) -> bool:
        return self.served_until is not None

    @property
    def complete(self) -> bool:
        return self.served_until is not None and self.served_until >= self.end


@dataclass(frozen=True)
class TimeSummary:
    months_planned: Fraction  # the whole plan: served and to come
    months_served: Fraction
    primarvard_served: Fraction
    akut_served: Fraction
    warnings: list[str] = field(default_factory=list)
    summary: str = ""  # "4,0 av 12,0 månader tjänstgjorda · planerat: 12,0"
    leave_taken: Fraction = Fraction(0)
    expected_end: str | None = None  # ISO: the day the programme's time will have been served, leave included


@dataclass
class DossierData:
    doctor: str
    programme: str
    region: str
    start: str | None
    end: str | None
    percent: int
    huvudhandledare: str
    today: str
    time: TimeSummary
    placements: list[PlacementRow]
    delmal: list[DelmalSection]
    checklists: dict[str, list[tuple[str, str, bool]]]  # placement id -> (type, text, done)
    talks: dict[str, list[EvidenceItem]]  # placement id -> talks held
    attachments: list[Attachment]
    assessments: list[EvidenceItem] = field(default_factory=list)
    certificate_sha256: str = ""  # SHA-256 of the doctor's DER certificate
    key_fingerprint: str = ""  # SHA-256 of the doctor's public key (SubjectPublicKeyInfo)
    counts_as: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> {"primarvard", "akut"}


@dataclass
class AssessmentPrint:
    doctor: str
    item: EvidenceItem


@dataclass(frozen=True)
class Continuation:
    """Text that did not fit in a form field; the field says where it continues."""
    heading: str
    text: str


@dataclass
class CertificateData:
    """One certificate: its content by the official form's field names, for both ways of printing it."""
    kind: str  # bilaga1 … bilaga4
    values: dict[str, str]
    doctor: str
    today: str
    draft: bool = False  # printed as a draft, watermarked "UTKAST"
    continuation: list[Continuation] = field(default_factory=list)
