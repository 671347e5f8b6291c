"""Append-only record versions and the choice of the current (head) version.

A version is never changed once written. The head of a record is its leaf version: the one
no other version names as `prev`. Two leaves mean two machines edited the same version: the
record is marked in conflict and both stay. The head choice depends only on the set of
versions, never on arrival order, so bundles imported in any order give the same portfolio.
"""
from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from btdesk.canonical import record_hash
from btdesk.store.bulk import insert_rows, insert_tuples, rows_where
from btdesk.store.models import RecordHead, RecordVersion, table_of
from btdesk.store.wire import wire_of
from btdesk.timeutil import now_iso

# body key naming other leaves that a resolving version supersedes
RESOLVES = "$resolves"


@dataclass(frozen=True)
class RecordView:
    id: str
    kind: str
    version: int
    author: str
    author_name: str
    created: str
    updated: str
    deleted: bool
    body: dict[str, Any]
    hash: str
    prev: str | None
    signed: bool
    conflict: bool = False
    origin: str = "local"
    # counts as evidence here (btdesk.services.evidence); False only where asked to show those too
    counted: bool = True

    def get(self, key: str, default: Any = None) -> Any:
        return self.body.get(key, default)


def to_wire(v: RecordVersion) -> dict[str, Any]:
    return wire_of(v)


def wire_line(v: RecordVersion) -> dict[str, Any]:
    sig = base64.b64encode(v.signature).decode() if v.signature else None
    return {"record": to_wire(v), "hash": v.hash, "signature": sig}


def view(v: RecordVersion, conflict: bool = False, counted: bool = True) -> RecordView:
    return RecordView(
        id=v.record_id, kind=v.kind, version=v.version, author=v.author,
        author_name=v.author_name, created=v.created, updated=v.updated,
        deleted=v.deleted, body=v.body, hash=v.hash, prev=v.prev,
        signed=v.signature is not None, conflict=conflict, origin=v.origin, counted=counted,
    )


def insert_version(
    s: Session, wire: dict[str, Any], *, signature: bytes | None = None,
    origin: str = "local", subject: str | None = None,
) -> tuple[RecordVersion, bool]:
    """Store one wire record unless it is already there; returns (version, was_new).

    `subject`: the doctor the record is about (None: this profile's own); the record's head
    takes it when the head is made or has none yet."""
    h = record_hash(wire)
    with s.no_autoflush:  # a lookup must not flush the whole pending import each time
        existing = s.scalar(select(RecordVersion).where(RecordVersion.hash == h))
    if existing is not None:
        return existing, False
    v = RecordVersion(
        record_id=wire["id"], kind=wire["kind"], version=wire["version"], prev=wire["prev"],
        author=wire["author"], author_name=wire["author_name"], created=wire["created"],
        updated=wire["updated"], deleted=wire["deleted"], body=wire["body"], hash=h,
        signature=signature, origin=origin, received=now_iso(), subject=subject,
    )
    s.add(v)
    s.flush()
    if not _advance_head(s, v):
        refresh_head(s, wire["id"])
    return v, True


def _advance_head(s: Session, v: RecordVersion) -> bool:
    """The common cases without reading the record's history: a new record, or a version on
    top of the single current leaf. Anything else (out of order, conflicts, resolutions)
    takes the full leaf computation. Returns whether the head was set here."""
    if isinstance(v.body, dict) and RESOLVES in v.body:
        return False
    head = s.get(RecordHead, v.record_id)
    if head is None:
        if v.prev is not None:
            return False  # an edit whose parent has not arrived (yet)
        with s.no_autoflush:
            others = s.scalar(select(RecordVersion.vid).where(
                RecordVersion.record_id == v.record_id, RecordVersion.vid != v.vid).limit(1))
        if others is not None:
            return False
        s.add(RecordHead(record_id=v.record_id, kind=v.kind, vid=v.vid, deleted=v.deleted, conflict=False,
                         subject=v.subject))
        return True
    if head.conflict:
        return False
    current = s.get(RecordVersion, head.vid)
    if current is None or current.hash != v.prev:
        return False
    # v is built on the only leaf: it becomes the only leaf, unless something already names it
    with s.no_autoflush:
        child = s.scalar(select(RecordVersion.vid).where(RecordVersion.prev == v.hash).limit(1))
    if child is not None:
        return False
    head.vid, head.kind, head.deleted, head.conflict = v.vid, v.kind, v.deleted, False
    head.subject = head.subject or v.subject
    return True


def _order_key(v: RecordVersion) -> tuple[int, str, str]:
    return (v.version, v.updated, v.hash)


def leaves(s: Session, record_id: str) -> list[RecordVersion]:
    versions = s.scalars(select(RecordVersion).where(RecordVersion.record_id == record_id)).all()
    superseded = {v.prev for v in versions if v.prev}
    for v in versions:
        superseded.update(v.body.get(RESOLVES, []) if isinstance(v.body, dict) else [])
    return sorted((v for v in versions if v.hash not in superseded), key=_order_key)


def refresh_head(s: Session, record_id: str) -> RecordHead:
    lv = leaves(s, record_id)
    best = lv[-1]
    head = s.get(RecordHead, record_id)
    if head is None:
        head = RecordHead(record_id=record_id, kind=best.kind, vid=best.vid, subject=best.subject)
        s.add(head)
    head.subject = head.subject or best.subject
    head.vid = best.vid
    head.kind = best.kind
    head.deleted = best.deleted
    head.conflict = len(lv) > 1
    return head


def history(s: Session, record_id: str) -> list[RecordVersion]:
    q = select(RecordVersion).where(RecordVersion.record_id == record_id)
    return sorted(s.scalars(q).all(), key=_order_key)


class Inserted(NamedTuple):
    record_id: str
    hash: str
    vid: int
    new: bool


class _Row(NamedTuple):
    """A record_versions row as inserted, its fields named and ordered as the columns."""
    record_id: str
    kind: str
    version: int
    prev: str | None
    author: str
    author_name: str
    created: str
    updated: str
    deleted: bool
    body: Any
    hash: str
    signature: bytes | None
    origin: str
    received: str
    subject: str | None


def insert_versions(
    s: Session, items: list[tuple[dict[str, Any], bytes | None]], *, origin: str,
    subject: Callable[[dict[str, Any]], str | None] | None = None, chunk: int = 400,
    hashes: list[str] | None = None, unknown: set[str] | None = None, conflicts: dict[str, bool] | None = None,
) -> list[Inserted]:
    """Many wire records at once (bundle import): a few statements per chunk instead of several
    per record. Same result as insert_version one by one, in any order.

    `hashes`: the records' hashes when the caller has already computed and checked them (the
    bundle reader has); canonical JSON is the costliest part of hashing. `unknown`: record ids
    the caller has just seen have no stored version in this transaction; their heads are chosen
    from the versions given, without reading them back. `conflicts`: filled with whether each
    record given a new version here is now in conflict, as its head says."""
    s.flush()
    table = table_of(RecordVersion)
    out: list[Inserted] = []
    unknown = set(unknown or ())
    first: set[str] = set()  # a hash repeated inside one batch is new only the first time
    for start in range(0, len(items), chunk):
        part = items[start:start + chunk]
        part_hashes = (hashes[start:start + chunk] if hashes is not None
                       else [record_hash(w) for w, _ in part])
        # a record with no version stored has none of these hashes stored (a hash covers its record's id)
        known = {} if all(w["id"] in unknown for w, _ in part) else dict(rows_where(
            s, "SELECT hash, vid FROM record_versions WHERE hash IN ({within})", within=sorted(set(part_hashes))))
        rows: list[_Row] = []
        seen, now = set(known), now_iso()
        for (w, sig), h in zip(part, part_hashes, strict=True):
            if h in seen:
                continue
            seen.add(h)
            rows.append(_Row(w["id"], w["kind"], w["version"], w["prev"], w["author"], w["author_name"], w["created"],
                             w["updated"], w["deleted"], w["body"], h, sig, origin, now,
                             subject(w) if subject else None))
        new_vids: dict[str, int] = {}
        if rows:
            returned = insert_tuples(s, table, _Row._fields, rows, returning=("hash", "vid"))
            new_vids = dict(returned if returned is not None else rows_where(
                s, "SELECT hash, vid FROM record_versions WHERE hash IN ({within})", within=[r.hash for r in rows]))
        for (w, _), h in zip(part, part_hashes, strict=True):
            out.append(Inserted(w["id"], h, known.get(h) or new_vids[h], h in new_vids and h not in first))
            first.add(h)
        given: dict[str, list[_Version]] = {}
        if unknown:
            for r in rows:
                if r.record_id in unknown:
                    given.setdefault(r.record_id, []).append(_Version(
                        r.record_id, new_vids[r.hash], r.kind, r.version, r.updated, r.hash, r.prev, r.deleted))
        _refresh_heads(s, {r.record_id for r in rows}, {r.record_id: r.subject for r in rows},
                       {r.hash: r.body for r in rows}, given, {} if conflicts is None else conflicts)
        unknown -= {r.record_id for r in rows}  # stored now: a later chunk reads them back
    return out


class _Version(NamedTuple):
    """The columns the leaf rule reads."""
    record_id: str
    vid: int
    kind: str
    version: int
    updated: str
    hash: str
    prev: str | None
    deleted: bool


def _refresh_heads(s: Session, record_ids: set[str], subjects: dict[str, str | None],
                   bodies: dict[str, Any], given: dict[str, list[_Version]], conflicts: dict[str, bool]) -> None:
    """The leaf rule of leaves(), for many records with one query for their versions.

    `bodies`: the bodies just inserted, by hash; only older versions' bodies are read back
    (a body can name versions it resolves), since decoding JSON is the slow part. `given`:
    all the versions of records that had none stored before (and so no head either)."""
    if not record_ids:
        return
    cols = (RecordVersion.record_id, RecordVersion.vid, RecordVersion.kind, RecordVersion.version,
            RecordVersion.updated, RecordVersion.hash, RecordVersion.prev, RecordVersion.deleted)
    by_record: dict[str, list[Any]] = dict(given)
    older: list[int] = []
    stored = sorted(record_ids - set(given))
    for i in range(0, len(stored), 500):
        for row in s.execute(select(*cols).where(RecordVersion.record_id.in_(stored[i:i + 500]))):
            by_record.setdefault(row.record_id, []).append(row)
            if row.hash not in bodies:
                older.append(row.vid)
    for i in range(0, len(older), 500):
        for h, body in s.execute(select(RecordVersion.hash, RecordVersion.body)
                                 .where(RecordVersion.vid.in_(older[i:i + 500]))):
            bodies[h] = body
    heads = {h.record_id: h for i in range(0, len(stored), 500)
             for h in s.scalars(select(RecordHead).where(RecordHead.record_id.in_(stored[i:i + 500])))}
    new_heads: list[dict[str, Any]] = []  # inserted in one statement: mapped objects cost ~0.3 ms each
    for rid, versions in by_record.items():
        superseded = {v.prev for v in versions if v.prev}
        for v in versions:
            body = bodies.get(v.hash)
            if isinstance(body, dict):
                superseded.update(body.get(RESOLVES, []))
        lv = sorted((v for v in versions if v.hash not in superseded),
                    key=lambda v: (v.version, v.updated, v.hash))
        best = lv[-1]
        conflicts[rid] = len(lv) > 1
        head = heads.get(rid)
        if head is None:
            new_heads.append(dict(record_id=rid, kind=best.kind, vid=best.vid, subject=subjects.get(rid),
                                  deleted=best.deleted, conflict=len(lv) > 1))
            continue
        if head.subject is None and subjects.get(rid):
            head.subject = subjects[rid]
        head.vid, head.kind, head.deleted, head.conflict = best.vid, best.kind, best.deleted, len(lv) > 1
    insert_rows(s, table_of(RecordHead), new_heads)
    s.flush()
