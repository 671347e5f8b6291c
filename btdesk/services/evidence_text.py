"""One record as the PDFs show it: its Swedish label, title, every signed field in the form's
order, its signer and how far the signature can be trusted, in words."""
from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import Engine

from btdesk.errors import BtdeskError
from btdesk.programme import ProgrammeError
from btdesk.reports.data import EvidenceItem
from btdesk.store.records import RecordView

ACTIVITY_TYPES_SV = {"course": "Kurs", "seminar": "Seminarium", "self_study": "Självstudier",
                     "teaching": "Undervisning", "clinical": "Klinisk aktivitet"}
KIND_SV = {"assessment": "Bedömning", "activity": "Aktivitet", "talk": "Samtal", "document": "Dokument",
           "reflection": "Reflektion"}
TEXT_SV = (("went_well", "Detta gick bra"), ("improve", "Att utveckla"), ("action", "Överenskommen åtgärd"))
TRUSTED = ("verified", "confirmed")


class Reader(Protocol):
    """What describing needs of a portfolio: the doctor's own Portfolio or the unit's DoctorView."""
    @property
    def programme(self) -> Any: ...
    @property
    def profile(self) -> Any: ...
    @property
    def engine(self) -> Engine | None: ...


def trust_of(p: Reader, r: RecordView) -> tuple[str, bool]:
    """(who vouches for a record, in words; whether it counts as trusted evidence)."""
    if not r.signed:
        return "Egen anteckning", False
    if r.author == p.profile.fingerprint:
        return "Egen signatur", False
    from btdesk.identity.trust_text import describe_trust
    from btdesk.services.evidence import Verdict, reason
    from btdesk.services.exchange_trust import record_trust

    info = record_trust(p, [r.hash]).get(r.hash)
    if info is None:
        return "Signerad, ej kontrollerad", False
    # the words and the rule are the ones every other place uses
    words = describe_trust(info)
    why = reason(r.kind, r.author, True, Verdict(info.status, info.own_signature, info.fingerprint, info.standing),
                 me=p.profile.fingerprint, subject=None, lang="sv")  # the dossier's words are Swedish
    if why is not None and info.status in ("verified", "confirmed"):  # trusted, yet it does not count: say why
        words = f"{words}; räknas inte: {why}"
    return words[:1].upper() + words[1:], why is None


def as_list(v: object) -> list[Any]:
    if v is None:
        return []
    return list(v) if isinstance(v, (list, tuple)) else [v]


def instrument_name(p: Reader, inst: str, template: str | None = None) -> str:
    """The programme's name for the instrument, else its form's title, else its id."""
    try:
        return str(p.programme.instrument(inst).name)
    except ProgrammeError:  # not a programme instrument (e.g. a placement summary): ask the form
        pass
    from btdesk.forms import load_template

    try:
        return load_template(str(template or inst)).title.split(" – ")[0]
    except BtdeskError:  # an instrument from another programme version: show its id
        return inst or "Bedömning"


def _rating_text(p: Reader, inst: str, value: object) -> str:
    text = str(value)
    if not isinstance(value, int):
        return text
    try:
        lab = str(p.programme.instrument_scale(inst).label(value))
    except ProgrammeError:  # unknown instrument or level: the number alone is what was signed
        return text
    return lab if lab.startswith(text) else f"{value} – {lab}"  # some labels carry the number


def signed_fields(p: Reader, b: dict[str, Any]) -> list[tuple[str, str]]:
    """Every field of an assessment body, labelled and in its template's order; fields the template
    does not know follow, so nothing signed is left out."""
    from btdesk.forms import from_body, load_template

    inst = str(b.get("instrument") or "")
    try:
        t = load_template(str(b.get("template") or inst))
    except BtdeskError:  # no template for it here: show the body's own keys
        return [(str(k), _plain(v)) for k, v in sorted(b.items()) if k not in ("template", "template_version")]
    values = from_body(t, b)
    out = []
    for f in t.fields:
        v = values.get(f.id)
        if v in (None, "", [], {}):
            continue
        if f.type == "rating":
            v = "Ej observerat" if v == "not_observed" else _rating_text(p, inst, v)
        elif f.type == "checkbox":
            v = "Ja" if v else "Nej"
        elif f.type == "rater_mix" and isinstance(v, dict):
            names = {c.id: c.label for c in f.categories}
            v = ", ".join(f"{names.get(k, k)}: {n}" for k, n in v.items())
        out.append((f.short or f.label, _plain(v)))
    return out


def _plain(v: object) -> str:
    if isinstance(v, dict):
        return ", ".join(f"{k}: {x}" for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return ", ".join(map(str, v))
    return str(v)


def _assessment(p: Reader, b: dict[str, Any]) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
    from btdesk.forms import domain_labels

    inst = str(b.get("instrument") or "")
    raw = b.get("ratings")
    rs: dict[str, Any] = raw if isinstance(raw, dict) else {}
    order = list(domain_labels(inst, b.get("template")))
    keys = sorted(rs, key=lambda k: (order.index(k) if k in order else len(order), str(k)))
    from btdesk.forms import domain_label

    ratings = [(domain_label(inst, str(k), b.get("template")), _rating_text(p, inst, rs[k])) for k in keys]
    raw_text = b.get("text")
    txt: dict[str, Any] = raw_text if isinstance(raw_text, dict) else {}
    details = [(sv, str(txt[key])) for key, sv in TEXT_SV if txt.get(key)]
    for extra, sv in (("complexity", "Komplexitet"), ("setting", "Miljö")):
        if b.get(extra):
            details.insert(0, (sv, str(b[extra])))
    return instrument_name(p, inst, b.get("template")), details, ratings


def _other(r: RecordView, b: dict[str, Any]) -> tuple[str, str, list[tuple[str, str]]]:
    details: list[tuple[str, str]] = []
    if r.kind == "activity":
        if b.get("hours"):
            details.append(("Timmar", f"{float(b['hours']):g}".replace(".", ",")))
        if b.get("notes"):
            details.append(("Anteckning", str(b["notes"])))
        return ACTIVITY_TYPES_SV.get(str(b.get("type")), "Aktivitet"), str(b.get("title") or ""), details
    if r.kind == "talk":
        label = "Överlämning" if b.get("type") == "handover" else "Handledning"
        if b.get("participants"):
            details.append(("Deltagare", ", ".join(map(str, as_list(b["participants"])))))
        if b.get("agreed_actions"):
            details.append(("Överenskommet", "; ".join(map(str, as_list(b["agreed_actions"])))))
        return label, ", ".join(map(str, as_list(b.get("topics")))) or label, details
    if r.kind == "document":
        if b.get("filename"):
            details.append(("Fil", str(b["filename"])))
        return "Dokument", str(b.get("title") or b.get("filename") or ""), details
    if r.kind == "reflection":
        return "Reflektion", "Reflektion", [("Text", str(b.get("text") or ""))]
    return KIND_SV.get(r.kind, r.kind), str(b.get("title") or r.kind), details


def describe(p: Reader, r: RecordView, placement_names: dict[str, str]) -> EvidenceItem:
    """One record as the PDFs show it; defensive: bodies from other versions may lack fields."""
    b = r.body if isinstance(r.body, dict) else {}
    ratings: list[tuple[str, str]] = []
    fields: list[tuple[str, str]] = []
    if r.kind == "assessment":
        label = "Bedömning"
        title, details, ratings = _assessment(p, b)
        fields = signed_fields(p, b)
    else:
        label, title, details = _other(r, b)
    trust, trusted = trust_of(p, r)
    return EvidenceItem(r.id, r.kind, label, str(b.get("date") or r.created[:10]), title, details, ratings,
                        r.author_name, trust, r.signed, placement_names.get(str(b.get("placement") or ""), ""),
                        trusted=trusted, hash=r.hash, delmal=[str(x) for x in as_list(b.get("delmal"))],
                        fields=fields)
