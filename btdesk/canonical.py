"""Canonical JSON (RFC 8785) and the hashes built on it.

Every record's identity on the wire is the SHA-256 of its canonical bytes, so two
machines that hold the same record agree on its hash byte for byte.

The rfc8785 package is the reference; it is pure Python and the costliest step of a bundle
import. For the values records hold (strings, ASCII keys, integers, everyday decimals) the
standard library's JSON encoder already writes the canonical form, so those take a fast path;
anything else (a float in exponent range, a huge integer, a key outside the BMP, a lone
surrogate) goes to rfc8785. A property test holds the two equal.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, NoReturn

import rfc8785

_MAX_SAFE = 2**53 - 1  # beyond this an I-JSON number is not exact: rfc8785 decides
_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                           allow_nan=False).encode


class _Slow(Exception):
    pass


def _plain(v: Any) -> Any:
    """The value with floats as ECMAScript prints them, or _Slow where the encoders differ."""
    if isinstance(v, str) or v is None or isinstance(v, bool):
        return v
    if isinstance(v, int):
        if -_MAX_SAFE <= v <= _MAX_SAFE:
            return v
        raise _Slow
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 1e16:
            return int(v)  # ECMAScript writes 8.0 as 8
        if 1e-4 <= abs(v) < 1e16:
            return v  # here Python's shortest repr is ECMAScript's too
        raise _Slow
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if not isinstance(k, str) or (not k.isascii() and any(ord(c) >= 0xD800 for c in k)):
                raise _Slow  # RFC 8785 sorts by UTF-16 units, Python by code points
            out[k] = _plain(x)
        return out
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    raise _Slow


def canonical_bytes(obj: Any) -> bytes:
    try:
        return _encode(_plain(obj)).encode("utf-8")
    except (_Slow, UnicodeEncodeError, ValueError):
        return rfc8785.dumps(obj)


def _exact_int(text: str) -> int:
    v = int(text)
    if -_MAX_SAFE <= v <= _MAX_SAFE:
        return v
    raise _Slow


def _slow(text: str) -> NoReturn:
    raise _Slow  # a float or a constant (NaN, Infinity): the encoders may differ here


_plain_decode = json.JSONDecoder(parse_float=_slow, parse_int=_exact_int, parse_constant=_slow).decode
_FOUR_BYTE_LEADS = (b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")  # UTF-8 of characters beyond the BMP


def parse_canonical(raw: bytes) -> tuple[bool, Any]:
    """(True, the value) when `raw` is exactly the canonical form of the JSON value it holds,
    else (False, None).

    Where the text has no float, no integer beyond ±(2**53 - 1) and no character beyond the
    BMP (whose keys RFC 8785 orders by UTF-16 units, unlike Python), the value is made of
    strings, safe integers, booleans and null, for which the standard library's encoder
    writes the RFC 8785 form: one C decode and one C encode decide, without walking the
    value. Anything else is decided by canonical_bytes. A duplicate key, whitespace or an
    escape the canonical form does not use makes the text differ from its canonical form."""
    try:
        if not any(lead in raw for lead in _FOUR_BYTE_LEADS):  # bytes.find: faster than a regex
            text = raw.decode("utf-8")
            try:
                value = _plain_decode(text)
            except _Slow:
                pass
            else:
                return (True, value) if _encode(value) == text else (False, None)
        value = json.loads(raw)
        return (True, value) if canonical_bytes(value) == raw else (False, None)
    except (ValueError, TypeError, RecursionError):  # UnicodeError and JSONDecodeError are ValueErrors
        return False, None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_hash(record: dict[str, Any]) -> str:
    """Hash of a wire record (see btdesk.store.records.to_wire)."""
    return sha256_hex(canonical_bytes(record))
