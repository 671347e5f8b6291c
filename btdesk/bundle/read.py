"""Reading a .btbundle from anyone: hostile-input parsing.

Order matters: first the container (names, sizes, CRCs, decompressing under limits), then
the manifest's signature (who sent this, and do we accept them), then every record and
attachment against the signed manifest. Any failure is one BundleError sentence; nothing
here writes anywhere, so a bad bundle changes nothing.
"""
from __future__ import annotations

import base64
import binascii
import json
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from btdesk.canonical import record_hash, sha256_hex
from btdesk.errors import BtdeskError
from btdesk.safetext import safe_text
from btdesk.store.wire import signed_bytes

from .format import (
    ATTACHMENT_DIR,
    ATTACHMENT_NAME,
    FIXED_NAMES,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    RECORDS,
    SIGNATURE,
    BundleError,
    BundleLine,
    ParsedBundle,
    body_schema_name,
    schema_error,
)
from .limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from btdesk.identity.cms import Verification
    from btdesk.identity.trust import TrustStore

_CHUNK = 64 * 1024
# What zipfile and zlib raise on damaged archives; caught only around container access.
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError, KeyError, IndexError, OverflowError, UnicodeDecodeError)


def _damaged(what: str = "") -> BundleError:
    return BundleError(f"The bundle is damaged{what}; it may have been changed or cut short in transfer.")


# -- container ---------------------------------------------------------------------
def _shown(name: str) -> str:
    """A file name from the archive, safe to put in a one-line message."""
    return "".join(c if c.isprintable() else "?" for c in name[:80])


def _check_name(name: str) -> None:
    if "\\" in name or name.startswith("/") or ":" in name or any(p in ("..", ".") for p in name.split("/")):
        raise BundleError(f"The bundle contains a file with an unsafe path (“{_shown(name)}”), so it was refused.")
    if name not in FIXED_NAMES and not ATTACHMENT_NAME.fullmatch(name):
        raise BundleError(f"The bundle contains an unexpected file (“{_shown(name)}”), so it was refused.")


def _entries(z: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    infos = z.infolist()
    if len(infos) > limits.max_entries:
        raise BundleError(f"The bundle has more than {limits.max_entries} files inside, so it was refused.")
    seen = set()
    for info in infos:
        _check_name(info.filename)
        if info.filename in seen:
            raise BundleError(f"The bundle contains “{_shown(info.filename)}” twice, so it was refused.")
        seen.add(info.filename)
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError("The bundle uses ZIP encryption or compression btdesk does not read, so it was refused.")
    for name in FIXED_NAMES:
        if name not in seen:
            raise BundleError(f"The bundle lacks its {name}, so it is not a complete btdesk bundle.")
    return infos


def _read_entry(z: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, budget: list[int], limits: Limits) -> bytes:
    """Decompress in chunks, counting real bytes; stop at the first limit crossed."""
    out, n = [], 0
    with z.open(info) as f:
        while chunk := f.read(_CHUNK):
            n += len(chunk)
            budget[0] -= len(chunk)
            if n > cap:
                raise BundleError(f"The file {info.filename} inside the bundle is larger than allowed, so the bundle "
                                  "was refused.")
            if budget[0] < 0:
                raise BundleError("The bundle unpacks to more data than allowed, so it was refused.")
            if n > limits.ratio_floor and n > limits.max_ratio * max(info.compress_size, 1):
                raise BundleError("The bundle is compressed suspiciously well (a ZIP bomb?), so it was refused.")
            out.append(chunk)
    return b"".join(out)


def _unzip(path: Path, limits: Limits) -> dict[str, bytes]:
    try:
        size = path.stat().st_size
    except OSError:
        raise BundleError(f"The bundle {path.name} cannot be opened.") from None
    if size > limits.max_file_bytes:
        raise BundleError(f"The bundle {path.name} is larger than allowed ({size // 2**20} MB), so it was refused.")
    with open(path, "rb") as f:
        head = f.read(4)
    if head[:2] != b"PK":
        raise BundleError(f"{path.name} is not a btdesk bundle (it is not a ZIP file).")
    budget = [limits.max_total_bytes]
    try:
        with zipfile.ZipFile(path) as z:
            files = {}
            for info in _entries(z, limits):
                cap = {MANIFEST: limits.max_manifest_bytes, RECORDS: limits.max_records_bytes,
                       SIGNATURE: limits.max_signature_bytes}.get(info.filename, limits.max_entry_bytes)
                files[info.filename] = _read_entry(z, info, cap, budget, limits)
            return files
    except BtdeskError:
        raise
    except _ZIP_ERRORS:
        raise _damaged() from None


# -- JSON ----------------------------------------------------------------------------
def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for k, v in pairs:
        if k in obj:
            raise ValueError("duplicate key")
        obj[k] = v
    return obj


def _no_constant(name: str) -> NoReturn:
    raise ValueError(name)


def _json(data: bytes, what: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _damaged(f" ({what} is not valid JSON)") from None


# -- the bundle ----------------------------------------------------------------------
def read_bundle(path: Path, trust: TrustStore, *, limits: Limits = DEFAULT_LIMITS,
                expect_recipient: str | None = None, valid_now: bool = False) -> ParsedBundle:
    """`valid_now`: the sender's certificate must be valid now, as `openssl cms -verify` demands
    (the BT unit reads bundles so); otherwise at the signing time the signature states."""
    from btdesk.identity import verify_detached

    path = Path(path)
    files = _unzip(path, limits)
    manifest_bytes = files[MANIFEST]
    manifest = _json(manifest_bytes, "the manifest")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(f"{path.name} is not a btdesk bundle (its manifest is of another kind).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BundleError(
            f"The bundle uses format version {str(manifest.get('format_version'))[:20]}, which this btdesk cannot "
            "read; update btdesk."
        )
    trust = with_own_revocations(files, trust)  # a CRL applies to the very bundle carrying it
    try:
        sender = verify_detached(manifest_bytes, files[SIGNATURE], trust, kind="bundle", valid_now=valid_now)
    except BtdeskError as e:
        raise BundleError(f"The bundle's signature was not accepted: {_lower(str(e))}") from None
    err = schema_error("manifest.schema.json", manifest)
    if err:
        raise BundleError(f"The bundle's manifest breaks the format ({err}).")
    if manifest["sender"]["fingerprint"] != sender.fingerprint:
        raise BundleError("The bundle claims a different sender than the one who signed it, so it was refused.")
    fps = [r["fingerprint"] for r in manifest["recipients"]]
    if expect_recipient and fps and expect_recipient not in fps:
        names = ", ".join(safe_text(r.get("name") or r["fingerprint"][:16]) for r in manifest["recipients"])
        raise BundleError(f"This bundle is addressed to {names[:200]}, not to you.")
    parsed = ParsedBundle(manifest=manifest, manifest_bytes=manifest_bytes,
                          manifest_hash=sha256_hex(manifest_bytes), sender=sender)
    parsed.lines = _records(files[RECORDS], manifest, sender, trust, limits)
    parsed.attachments = _attachments(files, manifest)
    return parsed


REVOCATIONS_MARK = b'"kind":"revocations"'


def with_own_revocations(files: dict[str, bytes], trust: TrustStore) -> TrustStore:
    """`trust` plus the revocation lists this bundle carries that a trusted root signed: a CRL
    travelling with records is applied before those records (and the bundle) are checked.
    Nothing is written; damaged lines are left to the checks that follow."""
    from btdesk.identity import IdentityError
    from btdesk.identity.ca import read_revocations

    for raw in files.get(RECORDS, b"").split(b"\n"):
        if REVOCATIONS_MARK not in raw:
            continue
        try:
            body = json.loads(raw)["record"]["body"]
            data = files.get(ATTACHMENT_DIR + str(body["sha256"]))
        except (ValueError, KeyError, TypeError, RecursionError):
            continue
        if not isinstance(data, bytes):
            continue
        try:
            issuer, found = read_revocations(trust, data)
        except IdentityError:  # not signed by a root we trust: it decides nothing here
            continue
        trust = trust.overlay_revocations(issuer, found)
    return trust


def _lower(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:] if sentence[:2] != sentence[:2].upper() else sentence


def _records(data: bytes, manifest: dict[str, Any], sender: Verification, trust: TrustStore,
             limits: Limits) -> list[BundleLine]:
    if data and not data.endswith(b"\n"):
        raise _damaged(" (its record list is cut short)")
    raw_lines = data.split(b"\n")[:-1] if data else []
    listed = manifest["records"]
    if len(raw_lines) != len(listed) or manifest["counts"]["records"] != len(listed):
        raise BundleError(
            f"The bundle holds {len(raw_lines)} records but its manifest lists {len(listed)}, so it was refused."
        )
    out = []
    for n, (raw, expected) in enumerate(zip(raw_lines, listed, strict=True), start=1):
        if len(raw) > limits.max_line_bytes:
            raise BundleError(f"Record {n} of the bundle is larger than allowed, so the bundle was refused.")
        line = _json(raw, f"record {n}")
        err = schema_error("record.schema.json", line)
        if err:
            raise BundleError(f"Record {n} of the bundle breaks the record format ({err}).")
        record = line["record"]
        body_schema = body_schema_name(record["kind"])
        if body_schema is not None and (err := schema_error(body_schema, record["body"])):
            raise BundleError(f"Record {n} ({record['kind']}) has a body that breaks its format ({err}).")
        try:
            h = record_hash(record)
        except (ValueError, RecursionError):  # e.g. an integer beyond what canonical JSON allows (rfc8785)
            raise BundleError(f"Record {n} of the bundle cannot be put in canonical form, so the bundle was "
                              "refused.") from None
        if h != line["hash"] or expected != {"id": record["id"], "version": record["version"], "hash": h}:
            raise BundleError(f"Record {n} of the bundle does not match its hash in the signed manifest, so the bundle "
                              "was refused.")
        out.append(_signed_line(n, record, h, line["signature"], sender, trust))
    return out


def _signed_line(n: int, record: dict[str, Any], h: str, sig_b64: str | None, sender: Verification,
                 trust: TrustStore) -> BundleLine:
    from btdesk.identity import verify_detached

    if sig_b64 is None:
        # Unsigned records ride on the sender's signature, so they must be the sender's own:
        # nobody may put words in a supervisor's mouth without the supervisor's signature.
        if record["author"] != sender.fingerprint:
            raise BundleError(
                f"Record {n} claims to be written by {safe_text(record['author_name'])[:80]} but carries no signature "
                "of theirs, so the bundle was refused."
            )
        return BundleLine(record=record, hash=h, signature=None)
    try:
        sig = base64.b64decode(sig_b64, validate=True)
    except (binascii.Error, ValueError):
        raise _damaged(f" (the signature of record {n} is not valid base64)") from None
    try:
        v = verify_detached(signed_bytes(record), sig, trust, kind=record["kind"])
    except BtdeskError as e:
        raise BundleError(f"The signature of record {n} ({safe_text(record['kind'])[:40]} by "
                          f"{safe_text(record['author_name'])[:80]}) was not accepted: {_lower(str(e))}") from None
    if v.fingerprint != record["author"]:
        raise BundleError(f"Record {n} is signed by {v.signer_name}, not by its stated author, so the bundle was "
                          "refused.")
    return BundleLine(record=record, hash=h, signature=sig, verification=v)


def _attachments(files: dict[str, bytes], manifest: dict[str, Any]) -> dict[str, bytes]:
    found = {m.group(1): data for n, data in files.items() if (m := ATTACHMENT_NAME.fullmatch(n))}
    listed = {a["sha256"]: a["size"] for a in manifest["attachments"]}
    if len(listed) != len(manifest["attachments"]) or manifest["counts"]["attachments"] != len(listed):
        raise BundleError("The bundle's manifest lists its attachments inconsistently, so it was refused.")
    if set(found) != set(listed):
        raise BundleError(
            f"The bundle holds {len(found)} attachments but its manifest lists {len(listed)} others, so it was refused."
        )
    for sha, data in found.items():
        if len(data) != listed[sha] or sha256_hex(data) != sha:
            raise BundleError(f"An attachment ({sha[:12]}…) does not match its hash in the signed manifest, so the "
                              "bundle was refused.")
    return found
