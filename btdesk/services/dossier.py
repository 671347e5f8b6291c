"""Everything a final-assessment dossier shows, gathered from the portfolio as plain values.

The reports package only lays these out; what counts as the evidence for a delmål, who
signed it and how far it can be trusted is decided here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from btdesk.services import bt as btsvc
from btdesk.services.checklist_status import checklist_status
from btdesk.services.portfolio import Portfolio
from btdesk.services.progress import EVIDENCE_KINDS, Progress, progress

ACTIVITY_TYPES_SV = {"course": "Kurs", "seminar": "Seminarium", "self_study": "Självstudier",
                     "teaching": "Undervisning", "clinical": "Klinisk aktivitet"}  # fits the dossier's Typ column
KIND_SV = {"assessment": "Bedömning", "activity": "Aktivitet", "talk": "Samtal", "document": "Dokument",
           "reflection": "Reflektion"}
TEXT_SV = (("went_well", "Detta gick bra"), ("improve", "Att utveckla"), ("action", "Överenskommen åtgärd"))
KIND_ORDER = {"assessment": 0, "activity": 1, "talk": 2, "document": 3, "reflection": 4}


@dataclass
class EvidenceItem:
    id: str
    kind: str
    kind_label: str  # Swedish: "Bedömning – Mini-CEX", "Kurs", …
    date: str
    title: str
    details: list[tuple[str, str]]  # (label, text) lines shown under the title
    ratings: list[tuple[str, str]]  # (domain, level label), assessments only
    signer: str
    trust: str  # Swedish: "Signerad" | "Egen anteckning" | a status carried by the record
    signed: bool
    placement: str  # the placement's name, or ""


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
    progress: Progress
    placements: list[btsvc.Placement]
    fte: dict[str, float]  # placement id -> FTE months
    delmal: list[DelmalSection]
    checklists: dict[str, list[tuple[str, str, bool]]]  # placement id -> (type, text, done)
    talks: dict[str, list[EvidenceItem]]  # placement id -> talks held
    attachments: list[Attachment]
    assessments: list[EvidenceItem] = field(default_factory=list)
    fingerprint: str = ""
    counts_as: dict[str, frozenset] = field(default_factory=dict)  # placement kind -> {"primarvard", "akut"}


def _trust(p: Portfolio, r) -> str:
    """Who vouches for a record, in the assessor's words: the verdict kept when it arrived."""
    if not r.signed:
        return "Egen anteckning"
    if r.author == p.profile.fingerprint:
        return "Egen signatur"
    from btdesk.services.exchange_trust import record_trust

    info = record_trust(p, [r.hash]).get(r.hash)
    if info is None:
        return "Signerad"
    if info.status == "verified":
        return f"Signatur verifierad (certifikat från {info.issuer or info.signer_name})"
    if info.status == "confirmed":
        return f"Signerad, fingeravtryck bekräftat av {info.confirmed_by}"
    return f"Signerad, ej bekräftad (fingeravtryck {info.fingerprint[:16]}…)"


def _as_list(v) -> list:
    if v is None:
        return []
    return list(v) if isinstance(v, (list, tuple)) else [v]


def describe(p: Portfolio, r, placement_names: dict[str, str]) -> EvidenceItem:
    """One record as the dossier shows it; defensive: bodies from other versions may lack fields."""
    b = r.body if isinstance(r.body, dict) else {}
    prog = p.programme
    details: list[tuple[str, str]] = []
    ratings: list[tuple[str, str]] = []
    label = KIND_SV.get(r.kind, r.kind)
    if r.kind == "assessment":
        inst = str(b.get("instrument") or "")
        try:
            name = prog.instrument(inst).name
        except Exception:
            name = inst or "Bedömning"
        label, title = "Bedömning", name
        scale = None
        try:
            scale = prog.instrument_scale(inst)
        except Exception:
            pass
        from btdesk.forms import domain_label

        rs = b.get("ratings")
        for domain, value in (rs.items() if isinstance(rs, dict) else []):
            text = str(value)
            if scale is not None and isinstance(value, int):
                try:
                    lab = scale.label(value)
                    text = lab if lab.startswith(str(value)) else f"{value} – {lab}"  # some labels carry the number
                except Exception:
                    pass
            ratings.append((domain_label(inst, str(domain), b.get("template")), text))
        txt = b.get("text") if isinstance(b.get("text"), dict) else {}
        for key, sv in TEXT_SV:
            if txt.get(key):
                details.append((sv, str(txt[key])))
        for extra in ("setting", "complexity"):
            if b.get(extra):
                details.insert(0, ({"setting": "Miljö", "complexity": "Komplexitet"}[extra], str(b[extra])))
    elif r.kind == "activity":
        label = ACTIVITY_TYPES_SV.get(b.get("type"), "Aktivitet")
        title = str(b.get("title") or "")
        if b.get("hours"):
            details.append(("Timmar", f"{float(b['hours']):g}".replace(".", ",")))
        if b.get("notes"):
            details.append(("Anteckning", str(b["notes"])))
    elif r.kind == "talk":
        label = "Överlämning" if b.get("type") == "handover" else "Handledning"
        title = ", ".join(map(str, _as_list(b.get("topics")))) or label
        if b.get("participants"):
            details.append(("Deltagare", ", ".join(map(str, _as_list(b["participants"])))))
        if b.get("agreed_actions"):
            details.append(("Överenskommet", "; ".join(map(str, _as_list(b["agreed_actions"])))))
    elif r.kind == "document":
        title = str(b.get("title") or b.get("filename") or "")
        if b.get("sha256"):
            details.append(("Fil", f"{b.get('filename', '')} (SHA-256 {str(b['sha256'])[:16]}…)"))
    elif r.kind == "reflection":
        title = "Reflektion"
        details.append(("Text", str(b.get("text") or "")))
    else:
        title = str(b.get("title") or r.kind)
    return EvidenceItem(r.id, r.kind, label, str(b.get("date") or r.created[:10]), title, details, ratings,
                        r.author_name, _trust(p, r), r.signed, placement_names.get(b.get("placement") or "", ""))


def _sort_key(it: EvidenceItem):
    return KIND_ORDER.get(it.kind, 9), it.date, it.title


def gather(p: Portfolio, today: date | None = None) -> DossierData:
    today = today or date.today()
    from btdesk.timeutil import fte_months

    prog = p.programme
    prg = progress(p, today)
    pls = btsvc.placements(p)
    names = {pl.id: f"{pl.kind_name}, {pl.site}" if pl.site else pl.kind_name for pl in pls}
    records = {k: p.records(k) for k in EVIDENCE_KINDS + ("checklist", "evidence")}
    by_id = {r.id: r for k in EVIDENCE_KINDS for r in records[k]}
    described: dict[str, EvidenceItem] = {}

    def item(r) -> EvidenceItem:
        if r.id not in described:
            described[r.id] = describe(p, r, names)
        return described[r.id]

    chosen = {e.body.get("delmal"): _as_list(e.body.get("records")) for e in records["evidence"]}
    sections = []
    for d in prog.delmal:
        if d.id in chosen and chosen[d.id]:
            items = [item(by_id[i]) for i in chosen[d.id] if i in by_id]
            curated = True
        else:
            items = sorted((item(r) for k in EVIDENCE_KINDS for r in records[k]
                            if d.id in _as_list(r.body.get("delmal"))), key=_sort_key)
            curated = False
        sections.append(DelmalSection(d.id, d.title, list(d.kompetenskrav), items, curated))

    # progress() above has already refused a placement whose kind the programme lacks
    checklists = {pl.id: [(st.item.type, st.item.text, st.done)
                          for st in checklist_status(prog.kind(pl.kind), pl.id, records["checklist"],
                                                     records["assessment"])]
                  for pl in pls}
    talks = {pl.id: sorted((item(t) for t in records["talk"] if t.body.get("placement") == pl.id),
                           key=lambda x: x.date) for pl in pls}
    attachments = sorted((Attachment(str(r.body.get("title") or ""), str(r.body.get("filename") or ""),
                                     str(r.body.get("sha256") or ""), int(r.body.get("size") or 0),
                                     str(r.body.get("date") or ""))
                          for r in records["document"] if r.body.get("sha256")), key=lambda a: (a.date, a.title))
    bt = btsvc.bt_record(p)
    bb = bt.body if bt else {}
    return DossierData(
        doctor=p.profile.name, programme=prog.name, region=prog.region,
        start=bb.get("start") or (pls[0].start.isoformat() if pls else None),
        end=pls[-1].end.isoformat() if pls else None, percent=int(bb.get("percent", 100) or 100),
        huvudhandledare=str(bb.get("huvudhandledare") or ""), today=today.isoformat(), progress=prg,
        placements=pls, fte={pl.id: float(fte_months(pl.start, pl.end, pl.percent)) for pl in pls},
        delmal=sections, checklists=checklists, talks=talks, attachments=attachments,
        assessments=sorted((item(a) for a in records["assessment"]), key=lambda x: x.date),
        fingerprint=p.profile.fingerprint, counts_as={k.id: k.counts_as for k in prog.placement_kinds},
    )
