"""A fast yes for record lines that record.schema.json accepts.

jsonschema takes about half a millisecond per line, several times the cost of the line's
signature check, and a unit importing a cohort reads tens of thousands of lines. This check
answers True only for lines the schema certainly accepts; anything else (including odd but
valid lines, such as a version written 1.0) goes to jsonschema, which decides and words the
error. So it can make reading faster but never more permissive. It was written for one
version of the schema, pinned by SCHEMA_SHA256; when the file changes the check switches
itself off (every line goes to jsonschema) and a test asks for it to be brought up to date.
A hypothesis test holds it to jsonschema.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Any

SCHEMA_SHA256 = "d4e9560c6c9ded7c6b9b04733dcfffd9175cc1fcf5f53a914e2897fa0bddec87"
_LINE_KEYS = frozenset({"record", "hash", "signature"})
_RECORD_KEYS = frozenset({"id", "kind", "version", "prev", "author", "author_name", "created", "updated",
                          "deleted", "body"})
# fullmatch rather than the schema's ^…$ (which also lets a final newline through): stricter is safe
_SHA = re.compile(r"[0-9a-f]{64}")
_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_KIND = re.compile(r"[a-z][a-z0-9_-]{0,63}")
_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?Z")
_B64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")


def schema_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@lru_cache(maxsize=1)
def enabled() -> bool:
    """Is the shipped record.schema.json the one this check was written for?"""
    from .format import schema_path

    try:
        return schema_digest(schema_path("record.schema.json").read_bytes()) == SCHEMA_SHA256
    except OSError:
        return False


def _sha(v: Any) -> bool:
    return type(v) is str and _SHA.fullmatch(v) is not None


def _time(v: Any) -> bool:
    return type(v) is str and len(v) <= 30 and _TIME.fullmatch(v) is not None


def _record_ok(r: Any) -> bool:
    if type(r) is not dict or r.keys() != _RECORD_KEYS:
        return False
    rid, kind, version, name = r["id"], r["kind"], r["version"], r["author_name"]
    return (type(rid) is str and _ID.fullmatch(rid) is not None
            and type(kind) is str and _KIND.fullmatch(kind) is not None
            and type(version) is int and 1 <= version <= 1_000_000_000
            and (r["prev"] is None or _sha(r["prev"])) and _sha(r["author"])
            and type(name) is str and 1 <= len(name) <= 200
            and _time(r["created"]) and _time(r["updated"])
            and type(r["deleted"]) is bool and type(r["body"]) is dict)


def surely_valid(line: Any) -> bool:
    """True only if record.schema.json accepts `line`; False means "ask jsonschema"."""
    if not enabled() or type(line) is not dict or line.keys() != _LINE_KEYS:
        return False
    sig = line["signature"]
    if sig is not None and not (type(sig) is str and len(sig) >= 16 and _B64.fullmatch(sig) is not None):
        return False
    return _sha(line["hash"]) and _record_ok(line["record"])
