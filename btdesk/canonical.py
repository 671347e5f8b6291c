"""Canonical JSON (RFC 8785) and the hashes built on it.

Every record's identity on the wire is the SHA-256 of its canonical bytes, so two
machines that hold the same record agree on its hash byte for byte.
"""
from __future__ import annotations

import hashlib
from typing import Any

import rfc8785


def canonical_bytes(obj: Any) -> bytes:
    return rfc8785.dumps(obj)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_hash(record: dict[str, Any]) -> str:
    """Hash of a wire record (see btdesk.store.records.to_wire)."""
    return sha256_hex(canonical_bytes(record))
