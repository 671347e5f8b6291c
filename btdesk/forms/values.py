"""Form values: check them against a template before signing, and turn them into a record body.

A value per field type: rating → int or NOT_OBSERVED or None; checkbox → bool; text/line →
str; date → ISO date str; duration → int or None; setting/complexity → str or None;
delmal → [ids]; entrustment → int or None; rater_mix → {category: int}; list → [str] (one item a line).
Messages are Swedish: the form shows them beside the field.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .template import Field, Template

if TYPE_CHECKING:
    from btdesk.programme.model import Programme, Scale

NOT_OBSERVED = "not_observed"
DELMAL_IDS = tuple(f"BT{n}" for n in range(1, 19))


def scale_for(t: Template, f: Field, programme: Programme) -> Scale:
    if f.type == "entrustment":
        return programme.scale(f.scale or "entrustment")
    return programme.scale(f.scale) if f.scale else programme.instrument_scale(t.instrument)


def empty(f: Field, v: Any) -> bool:
    if f.type == "checkbox":
        return v is not True
    if f.type == "rater_mix":
        return not v or not any(v.values())
    return v is None or v == "" or v == [] or (isinstance(v, str) and not v.strip())


def rater_problem(f: Field, counts: dict[str, int]) -> str | None:
    """The 360° rule (≥ min_total raters, category minimums) in one sentence, or None."""
    total = sum(int(counts.get(c.id, 0) or 0) for c in f.categories)
    if total < f.min_total:
        return f"Omgången har {total} bedömare; minst {f.min_total} behövs innan den stängs."
    for c in f.categories:
        if int(counts.get(c.id, 0) or 0) < c.min:
            return f"Minst {c.min} bedömare ska vara {c.label.lower()}."
    return None


def validate(t: Template, values: dict[str, Any], programme: Programme) -> dict[str, str]:
    """field id → what is wrong; empty when the form may be signed."""
    errors: dict[str, str] = {}
    for f in t.fields:
        v: Any = values.get(f.id)
        if empty(f, v):
            if f.required:
                errors[f.id] = ("Kryssa i rutan för att kunna signera." if f.type == "checkbox"
                                else "Fyll i det här fältet." if f.type in ("text", "line")
                                else "Välj minst ett delmål." if f.type == "delmal"
                                else "Skriv minst en punkt, en per rad." if f.type == "list"
                                else "Ange antalet bedömare per yrkesgrupp." if f.type == "rater_mix"
                                else "Välj ett värde.")
            continue
        if f.type in ("rating", "entrustment"):
            scale = scale_for(t, f, programme)
            allowed = {lv.value for lv in scale.levels}
            if v == NOT_OBSERVED:
                if f.type == "entrustment" or not scale.not_observed:
                    errors[f.id] = "Skalan saknar alternativet \"ej observerat\"; välj en nivå."
            elif isinstance(v, bool) or not isinstance(v, int) or v not in allowed:
                errors[f.id] = f"Välj en nivå på skalan ({min(allowed)}–{max(allowed)})."
        elif f.type == "duration":
            if isinstance(v, bool) or not isinstance(v, int) or not f.min <= v <= f.max:
                errors[f.id] = f"Ange ett heltal mellan {f.min} och {f.max}."
        elif f.type == "date":
            try:
                d = date.fromisoformat(str(v))
                if d > date.today():
                    errors[f.id] = "Datumet ligger i framtiden."
            except ValueError:
                errors[f.id] = "Ange ett datum som ÅÅÅÅ-MM-DD."
        elif f.type in ("setting", "complexity"):
            if v not in f.options:
                errors[f.id] = "Välj ett av alternativen."
        elif f.type == "delmal":
            bad = [x for x in v if x not in DELMAL_IDS]
            if bad:
                errors[f.id] = f"{bad[0]} är inget delmål (BT1–BT18)."
        elif f.type == "rater_mix":
            if any(not isinstance(n, int) or n < 0 for n in v.values()):
                errors[f.id] = "Antalet bedömare ska vara heltal."
            elif (why := rater_problem(f, v)) is not None:
                errors[f.id] = why
        elif f.type == "list":
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                errors[f.id] = "Skriv en punkt per rad."
            elif len(v) > 50 or any(len(x) > 2000 for x in v):
                errors[f.id] = "Listan är för lång (högst 50 punkter om högst 2 000 tecken)."
        elif f.type in ("text", "line") and len(str(v)) > 20000:
            errors[f.id] = "Texten är för lång (högst 20 000 tecken)."
    return errors


def _items(v: Any) -> list[str]:
    return [x.strip() for x in (v or []) if isinstance(x, str) and x.strip()]


def _talk_body(t: Template, values: dict[str, Any]) -> dict[str, Any]:
    """A talk is flat, in the shape the doctor's own talks have, so every reader of talks
    (progress, the talks view, the dossier) reads the supervisor's the same way."""
    body: dict[str, Any] = {"template": t.id, "template_version": t.version}
    for f in t.fields:
        v = values.get(f.id)
        if f.type == "list":
            body[f.id] = _items(v)
        elif f.type == "delmal":
            body[f.id] = [x for x in DELMAL_IDS if x in (v or [])]
        elif f.type == "checkbox":
            body[f.id] = bool(v)
        elif f.type == "text":
            body[f.id] = str(v or "").strip()
        else:
            body[f.id] = v.strip() if isinstance(v, str) else v
    return body


def to_body(t: Template, values: dict[str, Any]) -> dict[str, Any]:
    """The record body's form part; the service adds instrument, doctor, placement, request."""
    if t.record_kind == "talk":
        return _talk_body(t, values)
    body: dict[str, Any] = {"template": t.id, "template_version": t.version}
    not_observed: list[str] = []
    for f in t.fields:
        v = values.get(f.id)
        if f.type == "rating":
            if v == NOT_OBSERVED:
                not_observed.append(f.id)
            elif v is not None:
                body.setdefault(f.group, {})[f.id] = int(v)
        elif f.type == "checkbox":
            body.setdefault("checks", {})[f.id] = bool(v)
        elif f.type == "text":
            body.setdefault("text", {})[f.id] = str(v or "").strip()
        elif f.type == "duration":
            body.setdefault("durations", {})[f.id] = v
        elif f.type == "rater_mix":
            body["raters"] = {c.id: int((v or {}).get(c.id, 0) or 0) for c in f.categories}
        elif f.type == "delmal":
            body["delmal"] = [x for x in DELMAL_IDS if x in (v or [])]  # programme order, no duplicates
        elif f.type == "list":
            body[f.id] = _items(v)
        else:  # date, line, setting, complexity, entrustment: top-level, as the dossier reads them
            body[f.id] = v.strip() if isinstance(v, str) else v
    body.setdefault("ratings", {})
    body["not_observed"] = not_observed
    return body


def from_body(t: Template, body: dict[str, Any]) -> dict[str, Any]:
    """Form values from a body (for showing a signed record, or re-filling from a draft)."""
    values: dict[str, Any] = {}
    if t.record_kind == "talk":
        return {f.id: body.get(f.id) for f in t.fields}
    for f in t.fields:
        if f.type == "rating":
            values[f.id] = NOT_OBSERVED if f.id in body.get("not_observed", []) else body.get(f.group, {}).get(f.id)
        elif f.type == "checkbox":
            values[f.id] = bool(body.get("checks", {}).get(f.id))
        elif f.type == "text":
            values[f.id] = body.get("text", {}).get(f.id, "")
        elif f.type == "duration":
            values[f.id] = body.get("durations", {}).get(f.id)
        elif f.type == "rater_mix":
            values[f.id] = dict(body.get("raters", {}))
        else:
            values[f.id] = body.get(f.id)
    return values
