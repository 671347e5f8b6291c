"""Reading a .btbundle from anyone: hostile-input parsing.

Order matters: first the container (names, sizes, CRCs, decompressing under limits), then
the manifest's signature (who sent this, and do we accept them), then every record and
attachment against the signed manifest. Any failure is one BundleError sentence; nothing
here writes anywhere, so a bad bundle changes nothing.
"""
from __future__ import annotations

import base64
import binascii
import io
import json
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn

from btdesk.canonical import canonical_bytes, parse_canonical, sha256_hex
from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.safetext import safe_text

from .calendar_bodies import calendar_error
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
    return BundleError(_("Paketet är skadat{what}; det kan ha ändrats eller kortats av under överföringen.").format(
        what=what))


# -- container ---------------------------------------------------------------------
def _shown(name: str) -> str:
    """A file name from the archive, safe to put in a one-line message."""
    return "".join(c if c.isprintable() else "?" for c in name[:80])


def _check_name(name: str) -> None:
    if "\\" in name or name.startswith("/") or ":" in name or any(p in ("..", ".") for p in name.split("/")):
        raise BundleError(_("Paketet innehåller en fil med en osäker sökväg (”{name}”), så det avvisades.").format(
                              name=_shown(name)))
    if name not in FIXED_NAMES and not ATTACHMENT_NAME.fullmatch(name):
        raise BundleError(_("Paketet innehåller en oväntad fil (”{name}”), så det avvisades.").format(
                              name=_shown(name)))


def _entries(z: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    infos = z.infolist()
    if len(infos) > limits.max_entries:
        raise BundleError(_("Paketet innehåller fler än {max_entries} filer, så det avvisades.").format(
                              max_entries=limits.max_entries))
    seen = set()
    for info in infos:
        _check_name(info.filename)
        if info.filename in seen:
            raise BundleError(_("Paketet innehåller ”{filename}” två gånger, så det avvisades.").format(
                                  filename=_shown(info.filename)))
        seen.add(info.filename)
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError(_("Paketet använder ZIP-kryptering eller komprimering som btdesk inte läser, så det "
                                "avvisades."))
    for name in FIXED_NAMES:
        if name not in seen:
            raise BundleError(_("Paketet saknar sin {name}, så det är inget fullständigt btdesk-paket.").format(
                                  name=name))
    return infos


def _read_entry(z: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, budget: list[int], limits: Limits) -> bytes:
    """Decompress in chunks, counting real bytes; stop at the first limit crossed."""
    out, n = [], 0
    with z.open(info) as f:
        while chunk := f.read(_CHUNK):
            n += len(chunk)
            budget[0] -= len(chunk)
            if n > cap:
                raise BundleError(_("Filen {filename} i paketet är större än tillåtet, så paketet avvisades.").format(
                                      filename=info.filename))
            if budget[0] < 0:
                raise BundleError(_("Paketet packas upp till mer data än tillåtet, så det avvisades."))
            if n > limits.ratio_floor and n > limits.max_ratio * max(info.compress_size, 1):
                raise BundleError(_("Paketet är misstänkt väl komprimerat (en ZIP-bomb?), så det avvisades."))
            out.append(chunk)
    return b"".join(out)


def _unzip(path: Path, limits: Limits, data: bytes | None = None) -> dict[str, bytes]:
    """`data`: the file's bytes when the caller has read them (refusals still name `path`)."""
    if data is None:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise BundleError(_("Filen {path} finns inte.").format(path=path)) from None
        except OSError:
            raise BundleError(_("Paketet {name} kan inte öppnas.").format(name=path.name)) from None
    else:
        size = len(data)
    if size > limits.max_file_bytes:
        raise BundleError(_("Paketet {name} är större än tillåtet ({size} MB), så det avvisades.").format(
                              name=path.name, size=size // 2**20))
    if data is None:
        with open(path, "rb") as f:
            head = f.read(4)
    else:
        head = data[:4]
    if head[:2] != b"PK":
        raise BundleError(_("{name} är inget btdesk-paket (det är ingen ZIP-fil).").format(name=path.name))
    source: Path | BinaryIO = path if data is None else io.BytesIO(data)
    budget = [limits.max_total_bytes]
    try:
        with zipfile.ZipFile(source) as z:
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
        raise _damaged(_(" ({what} är ingen giltig JSON)").format(what=what)) from None


# -- the bundle ----------------------------------------------------------------------
def read_bundle(path: Path, trust: TrustStore, *, limits: Limits = DEFAULT_LIMITS,
                expect_recipient: str | None = None, valid_now: bool = False,
                data: bytes | None = None) -> ParsedBundle:
    """`valid_now`: the sender's certificate must be valid now, as `openssl cms -verify` demands
    (the BT unit reads bundles so); otherwise at the signing time the signature states. `data`:
    the file's bytes, read by the caller (who then knows exactly which bytes were checked)."""
    from btdesk.identity import verify_detached

    path = Path(path)
    files = _unzip(path, limits, data)
    manifest_bytes = files[MANIFEST]
    manifest = _json(manifest_bytes, _("manifestet"))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(_("{name} är inget btdesk-paket (dess manifest är av ett annat slag).").format(
                              name=path.name))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BundleError(
            _("Paketet har formatversion {format_version}, som den här btdesk inte kan läsa; uppdatera btdesk.").format(
                format_version=str(manifest.get('format_version'))[:20])
        )
    trust = with_own_revocations(files, trust)  # a CRL applies to the very bundle carrying it
    try:
        sender = verify_detached(manifest_bytes, files[SIGNATURE], trust, kind="bundle", valid_now=valid_now)
    except BtdeskError as e:
        raise BundleError(_("Paketets underskrift godtogs inte: {e}").format(e=_lower(str(e)))) from None
    err = schema_error("manifest.schema.json", manifest)
    if err:
        raise BundleError(_("Paketets manifest bryter mot formatet ({err}).").format(err=err))
    if manifest["sender"]["fingerprint"] != sender.fingerprint:
        raise BundleError(_("Paketet uppger en annan avsändare än den som signerade det, så det avvisades."))
    fps = [r["fingerprint"] for r in manifest["recipients"]]
    if expect_recipient and fps and expect_recipient not in fps:
        names = ", ".join(safe_text(r.get("name") or r["fingerprint"][:16]) for r in manifest["recipients"])
        raise BundleError(_("Paketet är adresserat till {names}, inte till dig.").format(names=names[:200]))
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
        raise _damaged(_(" (dess postlista är avkortad)"))
    raw_lines = data.split(b"\n")[:-1] if data else []
    listed = manifest["records"]
    if len(raw_lines) != len(listed) or manifest["counts"]["records"] != len(listed):
        raise BundleError(
            _("Paketet innehåller {raw_lines} poster men dess manifest listar {listed}, så det avvisades.").format(
                raw_lines=len(raw_lines), listed=len(listed))
        )
    out = []
    for n, (raw, expected) in enumerate(zip(raw_lines, listed, strict=True), start=1):
        if len(raw) > limits.max_line_bytes:
            raise BundleError(_("Paketets post {n} är större än tillåtet, så paketet avvisades.").format(n=n))
        line, canonical = _canonical_line(raw)
        if line is None:
            line = _json(raw, _("post {n}").format(n=n))
        err = schema_error("record.schema.json", line)
        if err:
            raise BundleError(_("Paketets post {n} bryter mot postformatet ({err}).").format(n=n, err=err))
        record = line["record"]
        body_schema = body_schema_name(record["kind"])
        if body_schema is not None and (err := schema_error(body_schema, record["body"])):
            raise BundleError(_("Post {n} ({kind}) har ett innehåll som bryter mot sitt format ({err}).").format(
                                  n=n, kind=record['kind'], err=err))
        if err := calendar_error(record["kind"], record["body"]):
            raise BundleError(_("Post {n} ({kind}) kan inte räknas som tjänstgöring: {err}, så paketet "
                                "avvisades.").format(n=n, kind=record['kind'], err=err))
        try:
            canonical = canonical or canonical_bytes(record)
        except (ValueError, RecursionError):  # e.g. an integer beyond what canonical JSON allows (rfc8785)
            raise BundleError(_("Paketets post {n} kan inte skrivas i kanonisk form, så paketet avvisades.").format(
                                  n=n)) from None
        h = sha256_hex(canonical)
        if h != line["hash"] or expected != {"id": record["id"], "version": record["version"], "hash": h}:
            raise BundleError(_("Paketets post {n} stämmer inte med sin kontrollsumma i det signerade manifestet, så "
                                "paketet avvisades.").format(n=n))
        out.append(_signed_line(n, record, h, line["signature"], sender, trust, canonical))
    return out


_LINE_KEYS = {"hash", "record", "signature"}
_string = json.JSONEncoder(ensure_ascii=False).encode


def _canonical_line(raw: bytes) -> tuple[Any, bytes | None]:
    """(the line, its record's canonical bytes) when the line is exactly the canonical JSON its
    writer makes (btdesk.bundle.write), else (None, None) and the careful parser decides.

    A line equal to the canonical form of what it parsed to holds nothing the careful parser
    would refuse (canonical JSON has no duplicate keys, no NaN and no whitespace), and its
    record's canonical bytes are the part of it between the hash and the signature: made
    once, for the record's hash and its signature both."""
    ok, line = parse_canonical(raw)
    if not ok or type(line) is not dict or line.keys() != _LINE_KEYS:
        return None, None
    h, sig = line["hash"], line["signature"]
    if type(h) is not str or not (sig is None or type(sig) is str):
        return None, None
    # '{"hash":' h ',"record":' record ',"signature":' sig '}'
    start = 18 + len(_string(h).encode())
    end = len(raw) - 14 - (4 if sig is None else len(_string(sig).encode()))
    return line, raw[start:end]


def _signed_line(n: int, record: dict[str, Any], h: str, sig_b64: str | None, sender: Verification,
                 trust: TrustStore, canonical: bytes) -> BundleLine:
    """`canonical`: the record's canonical bytes, what its signature covers (store.wire.signed_bytes)."""
    from btdesk.identity import verify_detached

    if sig_b64 is None:
        # Unsigned records ride on the sender's signature, so they must be the sender's own:
        # nobody may put words in a supervisor's mouth without the supervisor's signature.
        if record["author"] != sender.fingerprint:
            raise BundleError(
                _("Post {n} uppges vara skriven av {author_name} men bär ingen underskrift av hen, så paketet "
                  "avvisades.").format(n=n, author_name=safe_text(record['author_name'])[:80])
            )
        return BundleLine(record=record, hash=h, signature=None)
    try:
        sig = base64.b64decode(sig_b64, validate=True)
    except (binascii.Error, ValueError):
        raise _damaged(_(" (underskriften på post {n} är ingen giltig base64)").format(n=n)) from None
    try:
        v = verify_detached(canonical, sig, trust, kind=record["kind"])
    except BtdeskError as e:
        raise BundleError(_("Underskriften på post {n} ({kind} av {author_name}) godtogs inte: {e}").format(
                              n=n, kind=safe_text(record['kind'])[:40],
                              author_name=safe_text(record['author_name'])[:80], e=_lower(str(e)))) from None
    if v.fingerprint != record["author"]:
        raise BundleError(_("Post {n} är signerad av {signer_name}, inte av sin angivna författare, så paketet "
                            "avvisades.").format(n=n, signer_name=v.signer_name))
    return BundleLine(record=record, hash=h, signature=sig, verification=v)


def _attachments(files: dict[str, bytes], manifest: dict[str, Any]) -> dict[str, bytes]:
    found = {m.group(1): data for n, data in files.items() if (m := ATTACHMENT_NAME.fullmatch(n))}
    listed = {a["sha256"]: a["size"] for a in manifest["attachments"]}
    if len(listed) != len(manifest["attachments"]) or manifest["counts"]["attachments"] != len(listed):
        raise BundleError(_("Paketets manifest listar bilagorna motsägelsefullt, så det avvisades."))
    if set(found) != set(listed):
        raise BundleError(
            _("Paketet innehåller {found} bifogade filer men dess manifest listar {listed} andra, så det "
              "avvisades.").format(found=len(found), listed=len(listed))
        )
    for sha, data in found.items():
        if len(data) != listed[sha] or sha256_hex(data) != sha:
            raise BundleError(_("En bifogad fil ({sha}…) stämmer inte med sin kontrollsumma i det signerade "
                                "manifestet, så paketet avvisades.").format(sha=sha[:12]))
    return found
