"""The wire record: the exact object a record version's hash and signature cover.

One shape everywhere (bundles, .btresponse files, final judgements, re-verification of a
stored version): ten keys, canonical JSON (btdesk.canonical). Build it only here, so a
signature made in one place verifies in every other.
"""
from __future__ import annotations

import uuid
from typing import Any, Protocol

from btdesk.canonical import canonical_bytes, record_hash
from btdesk.timeutil import now_iso

WIRE_KEYS = ("id", "kind", "version", "prev", "author", "author_name", "created", "updated", "deleted", "body")


class StoredRecord(Protocol):
    """What a stored version offers (RecordView and RecordVersion rows both do)."""

    @property
    def kind(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def prev(self) -> str | None: ...
    @property
    def author(self) -> str: ...
    @property
    def author_name(self) -> str: ...
    @property
    def created(self) -> str: ...
    @property
    def updated(self) -> str: ...
    @property
    def deleted(self) -> bool: ...
    @property
    def body(self) -> dict[str, Any]: ...


def make_wire(*, record_id: str, kind: str, version: int, prev: str | None, author: str, author_name: str,
              created: str, updated: str, deleted: bool, body: dict[str, Any]) -> dict[str, Any]:
    return {"id": record_id, "kind": kind, "version": version, "prev": prev, "author": author,
            "author_name": author_name, "created": created, "updated": updated, "deleted": deleted,
            "body": body}


def new_wire(kind: str, body: dict[str, Any], *, author: str, author_name: str,
             record_id: str | None = None, when: str | None = None) -> dict[str, Any]:
    """Version 1 of a new record, made now (or at `when`)."""
    t = when or now_iso()
    return make_wire(record_id=record_id or str(uuid.uuid4()), kind=kind, version=1, prev=None, author=author,
                     author_name=author_name, created=t, updated=t, deleted=False, body=body)


def wire_of(r: StoredRecord, record_id: str | None = None) -> dict[str, Any]:
    """The wire record of a stored version: a RecordView (`id`) or a row (`record_id`)."""
    rid = record_id or getattr(r, "record_id", None) or getattr(r, "id", None)
    if not isinstance(rid, str):
        raise TypeError("A stored version names its record by record_id (a row) or id (a RecordView).")
    return make_wire(record_id=rid, kind=r.kind, version=r.version, prev=r.prev, author=r.author,
                     author_name=r.author_name, created=r.created, updated=r.updated, deleted=r.deleted,
                     body=r.body)


def signed_bytes(wire: dict[str, Any]) -> bytes:
    """What a record's signature covers."""
    return canonical_bytes(wire)


def wire_hash(wire: dict[str, Any]) -> str:
    return record_hash(wire)


def is_wire(obj: Any) -> bool:
    """Exactly the wire keys, with their types (hostile files are checked with this)."""
    if not isinstance(obj, dict) or set(obj) != set(WIRE_KEYS):
        return False
    v = obj["version"]
    return (isinstance(obj["id"], str) and isinstance(obj["kind"], str)
            and isinstance(v, int) and not isinstance(v, bool) and v >= 1
            and (obj["prev"] is None or isinstance(obj["prev"], str)) and isinstance(obj["author"], str)
            and isinstance(obj["author_name"], str) and isinstance(obj["created"], str)
            and isinstance(obj["updated"], str) and isinstance(obj["deleted"], bool)
            and isinstance(obj["body"], dict))
