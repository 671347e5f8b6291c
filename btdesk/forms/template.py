"""Form templates as data: one TOML file per instrument in resources/forms/.

A template is edited by hand, so loading checks it completely and reports the first problem
as one sentence naming the file and the field. Ratings take their scale from the programme
file (via the template's instrument), so a region changes a scale in one place.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from btdesk.errors import BtdeskError
from btdesk.resources import resource_path

FIELD_TYPES = ("rating", "checkbox", "text", "line", "date", "duration", "setting", "complexity",
               "delmal", "entrustment", "rater_mix", "list")
# "talk": a supervision talk the supervisor writes; its body has the doctor's talk shape (flat).
RECORD_KINDS = ("assessment", "signoff", "talk")
# Body keys a field may not take: they are written by the service, not by the form.
RESERVED = {"instrument", "template", "template_version", "doctor", "doctor_fingerprint", "placement",
            "request", "not_observed", "target", "text", "checks", "durations", "raters", "type", "summary"}
# Field types whose value sits at the top of the body under the field's id.
TOP_LEVEL = ("line", "date", "setting", "complexity", "entrustment", "list")
# A talk body is flat, like the one the doctor writes, so only fields with a plain value fit.
TALK_FIELD_TYPES = ("date", "line", "text", "list", "delmal", "checkbox", "setting")
_ID_OK = set("abcdefghijklmnopqrstuvwxyz0123456789_")


class TemplateError(BtdeskError):
    """A template that cannot be used; str() is one sentence naming the file."""


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    min: int = 0


@dataclass(frozen=True)
class Field:
    id: str
    type: str
    label: str
    required: bool = False
    section: str = ""
    help: str = ""
    short: str = ""  # rating: a short Swedish name for tables and the dossier (the label may be a sentence)
    scale: str | None = None  # rating: overrides the instrument's scale
    group: str = "ratings"  # rating: the body key the value goes under
    options: tuple[str, ...] = ()
    min: int = 0
    max: int = 600
    categories: tuple[Category, ...] = ()
    min_total: int = 0


@dataclass(frozen=True)
class Template:
    id: str
    instrument: str
    title: str
    intro: str
    version: int
    fields: tuple[Field, ...]
    record_kind: str = "assessment"
    path: Path | None = field(default=None, compare=False)

    def field(self, field_id: str) -> Field:
        for f in self.fields:
            if f.id == field_id:
                return f
        raise TemplateError(f'The form "{self.id}" has no field "{field_id}".')

    def sections(self) -> list[tuple[str, list[Field]]]:
        out: list[tuple[str, list[Field]]] = []
        for f in self.fields:
            if not out or out[-1][0] != f.section:
                out.append((f.section, []))
            out[-1][1].append(f)
        return out


def forms_dir() -> Path:
    return resource_path("forms")


def _err(name: str, where: str, what: str) -> TemplateError:
    return TemplateError(f"{name}: {where} {what}.")


def _str(d: dict, key: str, name: str, where: str, *, required: bool = True, default: str = "") -> str:
    v = d.get(key, None)
    if v is None:
        if required:
            raise _err(name, where, f'needs "{key}" (text)')
        return default
    if not isinstance(v, str) or (required and not v.strip()):
        raise _err(name, where, f'has "{key}" = {v!r}, which should be non-empty text')
    return v


def _int(d: dict, key: str, name: str, where: str, default: int) -> int:
    v = d.get(key, default)
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise _err(name, where, f'has "{key}" = {v!r}, which should be a whole number of 0 or more')
    return v


def _ident(v: str, name: str, where: str) -> str:
    if not v or not set(v) <= _ID_OK or not v[0].isalpha():
        raise _err(name, where, f'has the id "{v}"; use lower-case letters, digits and _ starting with a letter')
    return v


def _field(raw: Any, i: int, name: str) -> Field:
    where = f"fields[{i}]"
    if not isinstance(raw, dict):
        raise _err(name, where, "should be a table ([[fields]])")
    fid = _ident(_str(raw, "id", name, where), name, where)
    where = f'field "{fid}"'
    ftype = _str(raw, "type", name, where)
    if ftype not in FIELD_TYPES:
        raise _err(name, where, f'has the unknown type "{ftype}"; use one of {", ".join(FIELD_TYPES)}')
    known = {"id", "type", "label", "required", "section", "help", "short", "scale", "group", "options", "min",
             "max", "categories", "min_total"}
    extra = sorted(set(raw) - known)
    if extra:
        raise _err(name, where, f'has the unknown key "{extra[0]}"')
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise _err(name, where, 'has "required" that is not true or false')
    options = raw.get("options", [])
    if not isinstance(options, list) or not all(isinstance(o, str) and o.strip() for o in options):
        raise _err(name, where, 'has "options" that is not a list of texts')
    if ftype in ("setting", "complexity") and not options:
        raise _err(name, where, f'is a {ftype} field and needs "options"')
    group = _ident(_str(raw, "group", name, where, required=False, default="ratings"), name, where)
    if ftype == "rating" and group in RESERVED:
        raise _err(name, where, f'uses the reserved group "{group}"')
    lo, hi = _int(raw, "min", name, where, 0), _int(raw, "max", name, where, 600)
    if lo > hi:
        raise _err(name, where, f"has min {lo} above max {hi}")
    cats = []
    for j, c in enumerate(raw.get("categories", [])):
        cw = f"{where} categories[{j}]"
        if not isinstance(c, dict):
            raise _err(name, cw, "should be a table with id, label and min")
        cats.append(Category(_ident(_str(c, "id", name, cw), name, cw), _str(c, "label", name, cw),
                             _int(c, "min", name, cw, 0)))
    if ftype in TOP_LEVEL and fid in RESERVED | {"ratings", "self_ratings"}:
        raise _err(name, where, f'uses the reserved id "{fid}"; choose another')
    if ftype == "rater_mix" and not cats:
        raise _err(name, where, 'is a rater_mix field and needs "categories"')
    return Field(
        id=fid, type=ftype, label=_str(raw, "label", name, where), required=required,
        section=_str(raw, "section", name, where, required=False), help=_str(raw, "help", name, where, required=False),
        short=_str(raw, "short", name, where, required=False),
        scale=raw.get("scale") if isinstance(raw.get("scale"), str) else None, group=group,
        options=tuple(options), min=lo, max=hi, categories=tuple(cats),
        min_total=_int(raw, "min_total", name, where, 0),
    )


def parse_template(data: dict, name: str, path: Path | None = None) -> Template:
    """Check a template's structure (not yet against a programme) and build it."""
    where = "the template"
    known = {"id", "instrument", "title", "intro", "version", "fields", "record_kind"}
    extra = sorted(set(data) - known)
    if extra:
        raise _err(name, where, f'has the unknown key "{extra[0]}"')
    tid = _ident(_str(data, "id", name, where), name, where)
    kind = _str(data, "record_kind", name, where, required=False, default="assessment")
    if kind not in RECORD_KINDS:
        raise _err(name, where, f'has record_kind "{kind}"; use assessment, signoff or talk')
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise _err(name, where, "needs at least one [[fields]] entry")
    fields = tuple(_field(r, i, name) for i, r in enumerate(raw_fields))
    seen: set[str] = set()
    for f in fields:
        if f.id in seen:
            raise _err(name, f'field "{f.id}"', "appears twice; every field needs its own id")
        seen.add(f.id)
    if kind == "talk":
        for f in fields:
            if f.type not in TALK_FIELD_TYPES:
                raise _err(name, f'field "{f.id}"', f'is a {f.type} field, which a talk cannot hold; use one of '
                           f'{", ".join(TALK_FIELD_TYPES)}')
            if f.id in RESERVED:
                raise _err(name, f'field "{f.id}"', f'uses the reserved id "{f.id}"; choose another')
    version = data.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _err(name, where, f'has version {version!r}; use a whole number from 1')
    return Template(id=tid, instrument=_str(data, "instrument", name, where), title=_str(data, "title", name, where),
                    intro=_str(data, "intro", name, where, required=False), version=version, fields=fields,
                    record_kind=kind, path=path)


def check_against(t: Template, programme) -> None:
    """Every scale a template's ratings use must exist in this programme."""
    name = t.path.name if t.path else t.id
    for f in t.fields:
        try:
            if f.type == "rating":
                programme.scale(f.scale) if f.scale else programme.instrument_scale(t.instrument)
            elif f.type == "entrustment":
                programme.scale(f.scale or "entrustment")
        except BtdeskError:
            scale = f.scale or ("entrustment" if f.type == "entrustment" else f'of instrument "{t.instrument}"')
            raise _err(name, f'field "{f.id}"', f'needs the scale {scale}, which programme "{programme.id}" lacks') from None


def load_template_file(path: Path | str, programme=None) -> Template:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise TemplateError(f"The form template {path} cannot be read: {e.strerror}.") from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise TemplateError(f"{path.name}: the file is not UTF-8 text; save it as UTF-8.") from None
    except tomllib.TOMLDecodeError as e:
        raise TemplateError(f"{path.name}: the file is not valid TOML ({e}).") from None
    t = parse_template(data, path.name, path)
    if programme is not None:
        check_against(t, programme)
    return t


def list_templates(programme=None, folder: Path | None = None) -> list[Template]:
    folder = Path(folder) if folder else forms_dir()
    return [load_template_file(p, programme) for p in sorted(folder.glob("*.toml"))]


def load_template(template_id: str, programme=None, folder: Path | None = None) -> Template:
    """A template by id: BTDESK_FORMS (extra folder) first, then the shipped ones."""
    import os

    known = ", ".join(sorted(p.stem for p in forms_dir().glob("*.toml")))
    # The id often comes from a received body: never let it name a path outside the folders.
    if not isinstance(template_id, str) or not template_id or not set(template_id) <= _ID_OK:
        raise TemplateError(f'There is no form "{str(template_id)[:40]}"; the forms are: {known}.')
    folders = [Path(folder)] if folder else []
    if env := os.environ.get("BTDESK_FORMS"):
        folders.append(Path(env))
    folders.append(forms_dir())
    for d in folders:
        p = d / f"{template_id}.toml"
        if p.is_file():
            return load_template_file(p, programme)
    raise TemplateError(f'There is no form "{template_id}"; the forms are: {known}.')
