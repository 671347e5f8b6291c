"""The .btbundle format: names, constants, schemas, and the types readers get back.

A bundle is a ZIP holding manifest.json (canonical JSON), manifest.p7s (detached CMS over
manifest.json's exact bytes), records.jsonl (one canonical-JSON line per record version)
and attachments/<sha256>. The JSON Schemas ship in resources/schema/ so other systems can
read bundles without btdesk.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.errors import BtdeskError
from btdesk.i18n import _

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

FORMAT = "btbundle"
FORMAT_VERSION = 1
SUFFIX = ".btbundle"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.p7s"
RECORDS = "records.jsonl"
ATTACHMENT_DIR = "attachments/"
ATTACHMENT_NAME = re.compile(r"attachments/([0-9a-f]{64})")  # use fullmatch: "$" accepts a final newline
FIXED_NAMES = (MANIFEST, SIGNATURE, RECORDS)
KIND = re.compile(r"[a-z][a-z0-9_-]{0,63}")  # fullmatch


class BundleError(BtdeskError):
    """A bundle cannot be written or accepted; str() says why in one sentence."""


@dataclass(frozen=True)
class BundleInfo:
    path: Path
    manifest_hash: str
    manifest: dict[str, Any]
    size: int


@dataclass(frozen=True)
class BundleLine:
    record: dict[str, Any]
    hash: str
    signature: bytes | None
    verification: Any = None  # btdesk.identity.Verification of the author's signature, if signed

    def wire(self) -> dict[str, Any]:
        import base64

        sig = base64.b64encode(self.signature).decode("ascii") if self.signature else None
        return {"record": self.record, "hash": self.hash, "signature": sig}


@dataclass
class ParsedBundle:
    manifest: dict[str, Any]
    manifest_bytes: bytes
    manifest_hash: str
    sender: Any  # btdesk.identity.Verification of manifest.p7s
    lines: list[BundleLine] = field(default_factory=list)
    attachments: dict[str, bytes] = field(default_factory=dict)
    # the bundle file's bytes as they were read and checked, written by the reader (services.read_ahead)
    staged_file: Path | None = None
    # attachments a read-ahead worker checked and wrote to a file (by SHA-256) instead of sending back
    staged_attachments: dict[str, Path] = field(default_factory=dict)

    @property
    def attachment_count(self) -> int:
        return len(self.attachments) + len(self.staged_attachments)

    def attachment_sizes(self) -> dict[str, int]:
        """SHA-256 → size of every attachment, as the signed manifest lists them (the reader
        checked each against its file)."""
        return {a["sha256"]: a["size"] for a in self.manifest["attachments"]}


def schema_path(name: str) -> Path:
    from btdesk.resources import resource_path

    return resource_path("schema", name)


_MISSING = object()


@cache
def _schema(name: str) -> tuple[Any, bool]:
    """(a schema file's JSON, whether btdesk shipped exactly that file), or (_MISSING, False)."""
    from .shipped_schemas import SHIPPED

    p = schema_path(name)
    if not p.is_file():
        return _MISSING, False
    raw = p.read_bytes()
    return json.loads(raw), hashlib.sha256(raw).hexdigest() in SHIPPED


@cache
def validator(name: str) -> Draft202012Validator | None:
    """A draft 2020-12 validator for a shipped schema, or None if that file does not exist."""
    schema, _shipped = _schema(name)
    if schema is _MISSING:  # most kinds have no body schema: no need to load jsonschema for them
        return None
    import jsonschema

    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError:
        raise BundleError(_("Schemat {name} i den här installationen är trasigt; installera om btdesk.").format(
                              name=name)) from None
    return jsonschema.Draft202012Validator(schema)


@cache
def _quick(name: str) -> Callable[[Any], bool | None] | None:
    """The compiled check. From a file btdesk shipped it is made without jsonschema (loading it and
    checking the schemas took a tenth of a second in every process that reads bundles); any other
    file is checked by jsonschema first (btdesk.bundle.shipped_schemas)."""
    from .fastschema import compile_schema

    schema, shipped = _schema(name)
    if schema is _MISSING:
        return None
    if not shipped:
        validator(name)  # refuses a broken schema in one sentence
    return compile_schema(dict(schema)) if isinstance(schema, dict) else None


def schema_error(name: str, instance: object) -> str | None:
    """first_error against a shipped schema (None if there is no such schema); a compiled
    check answers first, and jsonschema decides whenever that check is not sure it is valid."""
    quick = _quick(name)
    if quick is not None and quick(instance) is True:
        return None
    v = validator(name)
    return first_error(v, instance) if v is not None else None


def body_schema_name(kind: str) -> str | None:
    """The per-kind body schema's file name, if the kind could have one."""
    return f"record-{kind}.schema.json" if KIND.fullmatch(kind) else None


def format_validator(name: str) -> Draft202012Validator:
    """The validator of one of the format's own schemas, which every installation ships."""
    v = validator(name)
    if v is None:
        raise BundleError(_("Den här installationen saknar schemat {name}; installera om btdesk.").format(name=name))
    return v


def body_validator(kind: str) -> Draft202012Validator | None:
    """Per-kind body schema (resources/schema/record-<kind>.schema.json), if someone wrote one."""
    if not KIND.fullmatch(kind):
        return None
    return validator(f"record-{kind}.schema.json")


def first_error(v: Draft202012Validator, instance: object) -> str | None:
    """The most relevant schema error, told briefly (where + what), or None."""
    import jsonschema.exceptions

    if v.is_valid(instance):  # the common case; ranking errors costs ~0.7 ms a record
        return None
    err = jsonschema.exceptions.best_match(v.iter_errors(instance))
    if err is None:
        return None
    where = "/".join(str(p) for p in err.absolute_path) or "the top level"
    return f"{where}: {err.message[:160]}"
