"""Writing a .btbundle: build the manifest, sign it, zip everything, rename atomically."""
from __future__ import annotations

import base64
import hashlib
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from btdesk.canonical import canonical_bytes, record_hash, sha256_hex
from btdesk.fileutil import atomic_file
from btdesk.i18n import _

from .format import (
    ATTACHMENT_DIR,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    RECORDS,
    SIGNATURE,
    BundleError,
    BundleInfo,
    first_error,
    format_validator,
)

_CHUNK = 1024 * 1024

if TYPE_CHECKING:
    from btdesk.identity.profile import PublicIdentity


class BundleSigner(Protocol):
    """Who signs the manifest (identity.Signer): their identity, and detached CMS over bytes."""

    @property
    def identity(self) -> PublicIdentity | None: ...

    def sign(self, data: bytes) -> bytes: ...


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _line(entry: dict[str, Any]) -> dict[str, Any]:
    """Normalise a line dict: the hash is recomputed and must agree with a given one."""
    record = entry["record"]
    h = record_hash(record)
    if entry.get("hash") not in (None, h):
        raise BundleError(_("Post {id} stämmer inte med sin angivna kontrollsumma, så den exporterades inte.").format(
                              id=record.get('id')))
    sig = entry.get("signature")
    if isinstance(sig, (bytes, bytearray)):
        sig = base64.b64encode(sig).decode("ascii")
    line = {"record": record, "hash": h, "signature": sig}
    err = first_error(format_validator("record.schema.json"), line)
    if err:
        raise BundleError(_("Post {id} bryter mot postformatet ({err}), så den exporterades inte.").format(
                              id=record.get('id'), err=err))
    return line


def _hash_file(path: Path) -> tuple[str, int]:
    h, n = hashlib.sha256(), 0
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
            n += len(chunk)
    return h.hexdigest(), n


def _checked_attachments(files: dict[str, Path]) -> list[dict[str, Any]]:
    """The manifest's attachment entries; each file must still hash to its key."""
    atts: list[dict[str, Any]] = []
    for sha, p in sorted(files.items()):
        got, size = _hash_file(Path(p))
        if got != sha:
            raise BundleError(_("Den bifogade filen {name} har ändrats på disken sedan den lades till; paketet "
                                "skrevs inte.").format(name=Path(p).name))
        atts.append({"sha256": sha, "size": size})
    return atts


def write_bundle(path: Path, *, sender_signer: BundleSigner, recipients: Iterable[dict[str, Any]], sequence: int,
                 previous: str | None, records: list[dict[str, Any]],
                 attachments: dict[str, Path] | None = None, created: str | None = None) -> BundleInfo:
    """Write a signed bundle to `path` (via a temp file in the same folder and a rename).

    `records` are line dicts {"record", "hash"?, "signature": base64|bytes|None};
    `attachments` maps sha256 → file path (the file must hash to its key).
    """
    path = Path(path)
    ident = sender_signer.identity
    if ident is None:
        raise BundleError(_("Paketets signerare har ingen identitet att ange som avsändare; ingenting skrevs."))
    lines = [_line(e) for e in records]
    seen = set()
    for ln in lines:
        key = (ln["record"]["id"], ln["record"]["version"])
        if key in seen:
            raise BundleError(_("Post {key} version {key2} förekommer två gånger; paketet skrevs inte.").format(
                                  key=key[0], key2=key[1]))
        seen.add(key)
    files = attachments or {}
    atts = _checked_attachments(files)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "sender": {"name": ident.name, "fingerprint": ident.fingerprint, "role": ident.role},
        "recipients": [
            {k: r[k] for k in ("name", "fingerprint") if r.get(k) is not None} for r in recipients
        ],
        "created": created or _now(),
        "sequence": int(sequence),
        "previous": previous,
        "records": [{"id": ln["record"]["id"], "version": ln["record"]["version"], "hash": ln["hash"]} for ln in lines],
        "attachments": atts,
        "counts": {"records": len(lines), "attachments": len(atts)},
    }
    err = first_error(format_validator("manifest.schema.json"), manifest)
    if err:
        raise BundleError(_("Paketets manifest skulle bryta mot formatet ({err}); ingenting skrevs.").format(err=err))
    manifest_bytes = canonical_bytes(manifest)
    signature = sender_signer.sign(manifest_bytes)
    records_bytes = b"".join(canonical_bytes(ln) + b"\n" for ln in lines)

    with atomic_file(path) as f:
        with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            stamp = datetime.now(UTC).timetuple()[:6]
            for name, data in ((MANIFEST, manifest_bytes), (SIGNATURE, signature), (RECORDS, records_bytes)):
                z.writestr(zipfile.ZipInfo(name, stamp), data, compress_type=zipfile.ZIP_DEFLATED)
            for a in atts:
                info = zipfile.ZipInfo(ATTACHMENT_DIR + a["sha256"], stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(files[a["sha256"]], "rb") as src, z.open(info, "w") as dst:
                    while chunk := src.read(_CHUNK):
                        dst.write(chunk)
    return BundleInfo(path=path, manifest_hash=sha256_hex(manifest_bytes), manifest=manifest, size=path.stat().st_size)
