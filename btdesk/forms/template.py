"""Form templates as data: one TOML file per instrument in resources/forms/.

A template is edited by hand, so loading checks it completely (the JSON Schema
resources/schema/form-template.schema.json, then the rules a schema cannot express) and reports
the first problem as one sentence naming the file and the field, worded as the programme
loader words its own (btdesk.schema_errors). Ratings take their scale from the programme
file (via the template's instrument), so a region changes a scale in one place.
"""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jsonschema import Draft202012Validator

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.resources import resource_path
from btdesk.schema_errors import first_error

if TYPE_CHECKING:
    from btdesk.programme.model import Programme

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
        raise TemplateError(_("Formuläret ”{id}” har inget fält ”{field_id}”.").format(id=self.id, field_id=field_id))

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


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(resource_path("schema", "form-template.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


def _field(raw: dict[str, Any]) -> Field:
    cats = tuple(Category(c["id"], c["label"], c.get("min", 0)) for c in raw.get("categories", []))
    return Field(
        id=raw["id"], type=raw["type"], label=raw["label"], required=raw.get("required", False),
        section=raw.get("section", ""), help=raw.get("help", ""), short=raw.get("short", ""),
        scale=raw.get("scale"), group=raw.get("group", "ratings"), options=tuple(raw.get("options", ())),
        min=raw.get("min", 0), max=raw.get("max", 600), categories=cats, min_total=raw.get("min_total", 0),
    )


def _check_field(f: Field, kind: str, name: str) -> None:
    """What the schema cannot say about one field."""
    where = f'field "{f.id}"'
    if f.type == "rating" and f.group in RESERVED:
        raise _err(name, where, f'uses the reserved group "{f.group}"')
    if f.min > f.max:
        raise _err(name, where, f"has min {f.min} above max {f.max}")
    if f.type in TOP_LEVEL and f.id in RESERVED | {"ratings", "self_ratings"}:
        raise _err(name, where, f'uses the reserved id "{f.id}"; choose another')
    if kind == "talk":
        if f.type not in TALK_FIELD_TYPES:
            raise _err(name, where, f'is a {f.type} field, which a talk cannot hold; use one of '
                       f'{", ".join(TALK_FIELD_TYPES)}')
        if f.id in RESERVED:
            raise _err(name, where, f'uses the reserved id "{f.id}"; choose another')


def parse_template(data: dict[str, Any], name: str, path: Path | None = None) -> Template:
    """Check a template against its JSON Schema and the rules a schema cannot express (not yet
    against a programme), and build it."""
    found = first_error(_validator(), data)
    if found is not None:
        raise TemplateError(f"{name}: {found[1]}")
    kind = data.get("record_kind", "assessment")
    fields = tuple(_field(r) for r in data["fields"])
    seen: set[str] = set()
    for f in fields:
        if f.id in seen:
            raise _err(name, f'field "{f.id}"', "appears twice; every field needs its own id")
        seen.add(f.id)
        _check_field(f, kind, name)
    return Template(id=data["id"], instrument=data["instrument"], title=data["title"], intro=data.get("intro", ""),
                    version=data.get("version", 1), fields=fields, record_kind=kind, path=path)


def check_against(t: Template, programme: Programme) -> None:
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
            raise _err(name, f'field "{f.id}"', f'needs the scale {scale}, which programme "{programme.id}" '
                                                'lacks') from None


@lru_cache(maxsize=256)
def _parsed(raw: bytes, path: Path) -> Template:
    """Parsing and validating a template is costly (a dossier looks one up per assessment); a
    Template is immutable, so the same file content gives the same object."""
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise TemplateError(_("{name}: filen är ingen UTF-8-text; spara den som UTF-8.").format(
                                name=path.name)) from None
    except tomllib.TOMLDecodeError as e:
        raise TemplateError(_("{name}: filen är ingen giltig TOML ({e}).").format(name=path.name, e=e)) from None
    return parse_template(data, path.name, path)


def load_template_file(path: Path | str, programme: Programme | None = None) -> Template:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise TemplateError(_("Formulärmallen {path} kan inte läsas: {strerror}.").format(
                                path=path, strerror=e.strerror)) from None
    t = _parsed(raw, path)
    if programme is not None:
        check_against(t, programme)
    return t


def list_templates(programme: Programme | None = None, folder: Path | None = None) -> list[Template]:
    folder = Path(folder) if folder else forms_dir()
    return [load_template_file(p, programme) for p in sorted(folder.glob("*.toml"))]


def load_template(template_id: str, programme: Programme | None = None, folder: Path | None = None) -> Template:
    """A template by id: BTDESK_FORMS (extra folder) first, then the shipped ones."""
    import os

    def known() -> str:  # listed only for a refusal: a dossier looks a template up per assessment
        return ", ".join(sorted(p.stem for p in forms_dir().glob("*.toml")))

    # The id often comes from a received body: never let it name a path outside the folders.
    if not isinstance(template_id, str) or not template_id or not set(template_id) <= _ID_OK:
        raise TemplateError(_("Det finns inget formulär ”{template_id}”; formulären är: {known}.").format(
                                template_id=str(template_id)[:40], known=known()))
    folders = [Path(folder)] if folder else []
    if env := os.environ.get("BTDESK_FORMS"):
        folders.append(Path(env))
    folders.append(forms_dir())
    for d in folders:
        p = d / f"{template_id}.toml"
        if p.is_file():
            return load_template_file(p, programme)
    raise TemplateError(_("Det finns inget formulär ”{template_id}”; formulären är: {known}.").format(
                            template_id=template_id, known=known()))
