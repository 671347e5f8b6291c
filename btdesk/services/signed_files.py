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
from btdesk.i18n import _

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
            raise SignedFileError(_("Filen {name} är för stor för att vara {what}.").format(name=path.name, what=what))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SignedFileError(_("Filen {path} finns inte.").format(path=path)) from None
    except IsADirectoryError:
        raise SignedFileError(_("{path} är en mapp, inte {what}.").format(path=path, what=what)) from None
    except OSError as e:
        raise SignedFileError(_("Filen {name} kan inte läsas: {strerror}.").format(
                                  name=path.name, strerror=e.strerror)) from None
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise SignedFileError(_("Filen {name} är skadad eller är inte {what}.").format(
                                  name=path.name, what=what)) from None
    if not isinstance(obj, dict) or obj.get("format") != fmt:
        raise SignedFileError(_("Filen {name} är inte {what}.").format(name=path.name, what=what))
    if obj.get("version") != 1:
        raise SignedFileError(_("Filen {name} är gjord av en nyare btdesk; uppdatera btdesk för att öppna "
                                "den.").format(name=path.name))
    return obj


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(value: Any, name: str) -> bytes:
    if not isinstance(value, str) or not value:
        raise SignedFileError(_("Filen {name} har ingen underskrift.").format(name=name))
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise SignedFileError(_("Underskriften i {name} är skadad.").format(name=name)) from None


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
        raise SignedFileError(_("Filen {path} finns inte.").format(path=path)) from None
    except IsADirectoryError:
        raise SignedFileError(_("{path} är en mapp, inte en btdesk-fil.").format(path=path)) from None
    except OSError as e:
        raise SignedFileError(_("Filen {name} kan inte läsas: {strerror}.").format(
                                  name=path.name, strerror=e.strerror)) from None
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
        raise SignedFileError(_("{name} är ingen btdesk-fil (ett paket, ett signerat svar eller en "
                                "begäran).").format(name=path.name))
    return kind
