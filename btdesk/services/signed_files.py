"""The small signed files people carry between laptops: .btrequest and .btresponse.

Both are one JSON object: a payload, the sender's certificate (PEM) and a detached CMS
signature (base64) over the payload's canonical JSON. They arrive by e-mail or on a stick,
so reading them is hostile-input parsing: a size limit, strict shapes, one-sentence errors.
"""
from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.errors import BtdeskError
from btdesk.fileutil import atomic_write

if TYPE_CHECKING:
    from btdesk.identity.cms import Signer

MAX_BYTES = 2_000_000  # a response is a few kB; anything far larger is not one of ours


class SignedFileError(BtdeskError):
    """A request or response file that cannot be used; str() says why in one sentence."""


def cert_pem_of(signer: Signer) -> str:
    from cryptography.hazmat.primitives import serialization

    return "".join(c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in [signer.cert, *signer.chain])


def write_json_atomic(path: Path, obj: dict[str, Any]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    return atomic_write(path, data)


def read_json_file(path: Path, fmt: str, what: str) -> dict[str, Any]:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SignedFileError(f"The file {path.name} is too large to be {what}.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SignedFileError(f"The file {path} does not exist.") from None
    except IsADirectoryError:
        raise SignedFileError(f"{path} is a folder, not {what}.") from None
    except OSError as e:
        raise SignedFileError(f"The file {path.name} cannot be read: {e.strerror}.") from None
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise SignedFileError(f"The file {path.name} is damaged or is not {what}.") from None
    if not isinstance(obj, dict) or obj.get("format") != fmt:
        raise SignedFileError(f"The file {path.name} is not {what}.")
    if obj.get("version") != 1:
        raise SignedFileError(f"The file {path.name} was made by a newer btdesk; update btdesk to open it.")
    return obj


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(value: Any, name: str) -> bytes:
    if not isinstance(value, str) or not value:
        raise SignedFileError(f"The file {name} carries no signature.")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise SignedFileError(f"The signature in {name} is damaged.") from None


KINDS_BY_FORMAT = {"btresponse": "response", "btrequest": "request"}


def file_kind(path: Path) -> str:
    """What a btdesk file is, by its content (never its name): "bundle", "response" or
    "request"; anything else is refused in one sentence."""
    path = Path(path)
    if path.suffix == ".btbundle" and not path.is_file():
        return "bundle"  # its reader says in its own words what is wrong with it
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except FileNotFoundError:
        raise SignedFileError(f"The file {path} does not exist.") from None
    except IsADirectoryError:
        raise SignedFileError(f"{path} is a folder, not a btdesk file.") from None
    except OSError as e:
        raise SignedFileError(f"The file {path.name} cannot be read: {e.strerror}.") from None
    if head[:2] == b"PK":
        return "bundle"
    try:
        size = path.stat().st_size
        obj = json.loads(path.read_bytes().decode("utf-8")) if size <= MAX_BYTES else None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        obj = None
    kind = KINDS_BY_FORMAT.get(obj.get("format")) if isinstance(obj, dict) else None  # type: ignore[arg-type]
    if kind is None and path.suffix == ".btbundle":
        return "bundle"  # a damaged bundle: its reader says exactly what is wrong
    if kind is None:
        raise SignedFileError(f"{path.name} is not a btdesk file (a bundle, a signed response or a request).")
    return kind
