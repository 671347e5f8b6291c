"""Read, validate and cache programme files.

A programme file is edited by hand by a BT administrator, so every problem is reported as one
sentence naming the file and the key path (``placement_kinds[2].months``), first problem in
document order, never a traceback.
"""
from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from btdesk.i18n import _
from btdesk.resources import resource_path
from btdesk.schema_errors import first_error

from .model import (
    MIN_AKUT_MONTHS,
    MIN_PRIMARVARD_MONTHS,
    MIN_TOTAL_MONTHS,
    REGULATION,
    ChecklistItem,
    Delmal,
    Instrument,
    Introduction,
    Level,
    PhaseRule,
    PlacementKind,
    Programme,
    ProgrammeError,
    Scale,
)

DELMAL_IDS = tuple(f"BT{n}" for n in range(1, 19))


# --- public API -------------------------------------------------------------------------------

def programmes_dir() -> Path:
    return resource_path("programmes")


def list_programmes() -> list[Programme]:
    """Every shipped programme, sorted by id. A broken shipped file raises ProgrammeError."""
    return [_load_shipped(pid) for pid in _shipped_ids()]


def load_programme(id_or_path: str | Path) -> Programme:
    """A shipped programme by id ("stockholm"), or any programme file by path."""
    text = str(id_or_path)
    if isinstance(id_or_path, Path) or text.endswith(".toml") or "/" in text or "\\" in text:
        return check_file(id_or_path)
    if text in _shipped_ids():
        return _load_shipped(text)
    known = ", ".join(_shipped_ids()) or "none"
    raise ProgrammeError(_("Okänt program ”{text}”; kända program: {known}.").format(text=text, known=known))


def check_file(path: str | Path) -> Programme:
    """Read and fully validate one programme file; never cached, the file may be in the editor."""
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProgrammeError(_("Programfilen {path} finns inte.").format(path=path), file=name) from None
    except IsADirectoryError:
        raise ProgrammeError(_("{path} är en mapp, inte en programfil.").format(path=path), file=name) from None
    except OSError as e:
        raise ProgrammeError(_("Programfilen {path} kan inte läsas: {strerror}.").format(
                                 path=path, strerror=e.strerror or e), file=name) from None
    data = _parse(raw, name)
    _validate_schema(data, name)
    _check_semantics(data, name, path)
    return _build(data, path)


# --- shipped programmes -----------------------------------------------------------------------

@cache
def _shipped_ids() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in programmes_dir().glob("*.toml")))


@cache
def _load_shipped(pid: str) -> Programme:
    return check_file(programmes_dir() / f"{pid}.toml")


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(resource_path("schema", "programme.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


# --- parsing ----------------------------------------------------------------------------------

def _parse(raw: bytes, name: str) -> dict[str, Any]:
    try:
        # utf-8-sig: Windows editors like to prepend a BOM, which TOML itself does not allow.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise ProgrammeError(
            _("{name}: rad {line} är ingen UTF-8-text (byte 0x{raw:02x}); spara filen som UTF-8.").format(
                name=name, line=line, raw=raw[e.start]),
            file=name,
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", msg)
        if m:
            at_line, column, detail = m.group(1), m.group(2), msg[: m.start()]
        else:
            # "(at end of document)": the problem opened somewhere and never closed.
            at_line = str(text.count(chr(10)) + (0 if text.endswith(chr(10)) else 1))
            column, detail = "", re.sub(r"\s*\(at end of document\)$", "", msg)
        detail = detail[:1].lower() + detail[1:]  # Python's TOML parser's own words (English only)
        sentence = (_("{name}: rad {line}, kolumn {column} är ingen giltig TOML: {detail}.") if column
                    else _("{name}: rad {line} (filens slut) är ingen giltig TOML: {detail}."))
        raise ProgrammeError(sentence.format(name=name, line=at_line, column=column, detail=detail),
                             file=name) from None


# --- schema validation ------------------------------------------------------------------------

def _validate_schema(data: dict[str, Any], name: str) -> None:
    found = first_error(_validator(), data, required_hint="an assessment names its instrument and min_count")
    if found is None:
        return
    key, sentence = found
    raise ProgrammeError(f"{name}: {sentence}", file=name, key=key)


# --- checks the schema cannot express ---------------------------------------------------------

def _check_semantics(d: dict[str, Any], name: str, path: Path) -> None:
    def fail(key: str, problem: str) -> None:
        raise ProgrammeError(f"{name}: {key} {problem}.", file=name, key=key)

    if path.suffix == ".toml" and d["id"] != path.stem:
        # Programmes are found by id as <id>.toml; a mismatch would make the file unreachable.
        fail("id", _('är "{id}" men filen heter {file}; de ska stämma överens').format(id=d["id"], file=path.name))

    def unique(items: list[Any], label: str, attr: str = "id", seen: dict[str, str] | None = None) -> None:
        seen = {} if seen is None else seen
        for i, item in enumerate(items):
            key = item[attr]
            if key in seen:
                fail(f"{label}[{i}].{attr}",
                     _('är "{key}", som {other} redan använder').format(key=key, other=seen[key]))
            seen[key] = f"{label}[{i}]"

    delmal_seen = _check_delmal(d, fail, unique)

    unique(d["scales"], "scales")
    for i, sc in enumerate(d["scales"]):
        unique(sc["levels"], f"scales[{i}].levels", attr="value")
    scale_ids = {s["id"] for s in d["scales"]}

    unique(d["instruments"], "instruments")
    for i, ins in enumerate(d["instruments"]):
        if ins["scale"] not in scale_ids:
            fail(f"instruments[{i}].scale",
                 _('hänvisar till "{scale}", som inte är en av programmets skalor').format(scale=ins["scale"]))
    instrument_ids = {x["id"] for x in d["instruments"]}

    unique(d["placement_kinds"], "placement_kinds")
    item_seen: dict[str, str] = {}  # checklist ids are unique programme-wide: records name just the item
    for k, kind in enumerate(d["placement_kinds"]):
        label = f"placement_kinds[{k}].checklist"
        unique(kind["checklist"], label, seen=item_seen)
        for j, item in enumerate(kind["checklist"]):
            at = f"{label}[{j}]"
            for ref in item["delmal"]:
                if ref not in delmal_seen:
                    fail(f"{at}.delmal",
                         _("hänvisar till {ref}, som inte är ett av programmets delmål").format(ref=ref))
            if "instrument" in item:
                if item["type"] != "assessment":
                    fail(f"{at}.instrument",
                         _('är satt, men bara en bedömning anger ett instrument (type är "{type}")').format(
                             type=item["type"]))
                if item["instrument"] not in instrument_ids:
                    fail(f"{at}.instrument", _('hänvisar till "{instrument}", som inte är ett av programmets '
                                               "instrument").format(instrument=item["instrument"]))
    _check_minimums(d, fail)


def _check_delmal(d: dict[str, Any], fail: Callable[[str, str], None],
                  unique: Callable[..., None]) -> dict[str, str]:
    """The 18 delmål, each once, and their English kompetenskrav line for line; returns the ids seen."""
    delmal_seen: dict[str, str] = {}
    unique(d["delmal"], "delmal", seen=delmal_seen)
    for i, dm in enumerate(d["delmal"]):
        if dm["id"] not in DELMAL_IDS:
            fail(f"delmal[{i}].id", _('är "{id}", men BT har bara delmålen BT1-BT18').format(id=dm["id"]))
        if "kompetenskrav_en" in dm and len(dm["kompetenskrav_en"]) != len(dm["kompetenskrav"]):
            # one English line per Swedish one, in order: a shorter list would show a requirement as another's
            fail(f"delmal[{i}].kompetenskrav_en", _("har {n} rader men kompetenskrav har {m}; de ska motsvara "
                                                     "varandra rad för rad").format(
                n=len(dm["kompetenskrav_en"]), m=len(dm["kompetenskrav"])))
    missing = [x for x in DELMAL_IDS if x not in delmal_seen]
    if missing:
        fail("delmal", _("saknar {missing}; ett program listar alla 18 delmål BT1-BT18").format(
            missing=", ".join(missing)))
    return delmal_seen


def _check_minimums(d: dict[str, Any], fail: Callable[[str, str], None]) -> None:
    """HSLF-FS 2021:8 §§: BT is at least 6 months, with at least 3 in primärvård and 3 in akut
    sjukvård. A programme that cannot give that is not a BT programme."""
    kinds = d["placement_kinds"]
    total = sum(k["months"] for k in kinds)
    if total < MIN_TOTAL_MONTHS:
        fail("placement_kinds", _("blir sammanlagt {total:g} månader; {regulation} kräver minst {minimum}").format(
            total=total, regulation=REGULATION, minimum=MIN_TOTAL_MONTHS))
    for tag, minimum, what in (("primarvard", MIN_PRIMARVARD_MONTHS, "primärvård"),
                               ("akut", MIN_AKUT_MONTHS, "akut sjukvård")):
        got = sum(k["months"] for k in kinds if tag in k["counts_as"])
        if got < minimum:
            fail("placement_kinds", _("ger {got:g} månader som räknas som {tag} ({what}); {regulation} kräver "
                                      "minst {minimum}").format(got=got, tag=tag, what=what, regulation=REGULATION,
                                                                minimum=minimum))


# --- building the model -----------------------------------------------------------------------

def _build(d: dict[str, Any], path: Path) -> Programme:
    default_interval = d["default_supervision_interval_days"]
    return Programme(
        id=d["id"],
        name=d["name"],
        region=d["region"],
        source=d["source"],
        verified=d["verified"],
        order=d["order"],
        handover_talk=d["handover_talk"],
        delmal=tuple(
            Delmal(x["id"], x["title"], tuple(x["kompetenskrav"]), x.get("verified", False), x.get("title_en", ""),
                   tuple(x.get("kompetenskrav_en", ())))
            for x in d["delmal"]
        ),
        placement_kinds=tuple(
            PlacementKind(
                id=k["id"],
                name=k["name"],
                months=k["months"],
                counts_as=frozenset(k["counts_as"]),
                supervision_interval_days=k.get("supervision_interval_days", default_interval),
                checklist=tuple(
                    ChecklistItem(
                        id=c["id"],
                        type=c["type"],
                        text=c["text"],
                        delmal=tuple(c["delmal"]),
                        instrument=c.get("instrument"),
                        min_count=c.get("min_count", 1),
                        text_en=c.get("text_en", ""),
                    )
                    for c in k["checklist"]
                ),
                assumed=frozenset(k.get("assumed", ())),
                name_en=k.get("name_en", ""),
            )
            for k in d["placement_kinds"]
        ),
        instruments=tuple(Instrument(x["id"], x["name"], x["scale"], x.get("name_en", "")) for x in d["instruments"]),
        scales=tuple(
            Scale(
                s["id"], s["name"], s["not_observed"],
                tuple(Level(lv["value"], lv["label"], lv.get("label_en", "")) for lv in s["levels"]),
            )
            for s in d["scales"]
        ),
        path=path,
        default_supervision_interval_days=default_interval,
        phase_rule=PhaseRule(**d.get("in_phase", {})),
        introduction=Introduction(**d["introduction"]) if "introduction" in d else None,
        assumptions=d.get("assumptions", ""),
        assumed=frozenset(d.get("assumed", ())),
        name_en=d.get("name_en", ""),
        assumptions_en=d.get("assumptions_en", ""),
        source_en=d.get("source_en", ""),
    )
