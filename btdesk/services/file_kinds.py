"""What a file is, by its content rather than its name: btdesk's own exchange files (request,
response, bundle, final judgement) and the attachment types a portfolio accepts (PDF, PNG, JPEG).

A double-clicked, dropped or passed file is routed by this; an attachment whose bytes are none
of the accepted types is refused, whatever its name says.
"""
from __future__ import annotations

import json
from pathlib import Path

from btdesk.errors import BtdeskError
from btdesk.i18n import _

# the first bytes of each accepted attachment type, and its MIME type
ATTACHMENT_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "pdf", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"\xff\xd8\xff", "jpeg", "image/jpeg"),
)
JSON_FORMATS = {"btrequest": "request", "btresponse": "response", "btfinal": "final",
                "btfinal-request": "final-request"}
ZIP_MAGIC = b"PK\x03\x04"
MAX_JSON_SNIFF = 8 * 1024 * 1024  # a request or response is a few kB; a larger "JSON" is not ours


def _head(path: Path, n: int = 16) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(n)
    except OSError as e:
        raise BtdeskError(_("{name} kan inte läsas: {strerror}.").format(
                              name=path.name, strerror=e.strerror or e)) from None


def file_kind(path: Path | str) -> str | None:
    """'request', 'response', 'final', 'final-request', 'bundle', 'pdf', 'png', 'jpeg', or None."""
    path = Path(path)
    head = _head(path)
    for magic, kind, _mime in ATTACHMENT_MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(ZIP_MAGIC):
        return "bundle"
    if head.lstrip()[:1] == b"{" and path.stat().st_size <= MAX_JSON_SNIFF:
        try:
            obj = json.loads(path.read_bytes().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, OSError):
            return None
        if isinstance(obj, dict) and isinstance(obj.get("format"), str):
            return JSON_FORMATS.get(obj["format"])
    return None


def attachment_mime(path: Path | str) -> str:
    """The MIME type of an accepted attachment; anything else is refused in one sentence."""
    path = Path(path)
    head = _head(path)
    for magic, _kind, mime in ATTACHMENT_MAGIC:
        if head.startswith(magic):
            return mime
    raise BtdeskError(_("{name} är ingen PDF-, PNG- eller JPEG-fil, så den kan inte bifogas.").format(name=path.name))
